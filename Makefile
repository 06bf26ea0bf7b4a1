# qdesk - front-desk queue and window console for a government service hall.
# make [all] | run | check | bench | fuzz | deps | install | uninstall | clean | pot
# Variables: PREFIX DESTDIR SYSCONFDIR LOCALSTATEDIR MANDIR LOCALEDIR; WERROR=1 adds -Werror; SAN=1
# builds with AddressSanitizer + UBSan into build-san/. CPPFLAGS, CFLAGS and LDFLAGS given on the
# command line or in the environment are added to the project's own flags, never replace them.

PREFIX     ?= /usr/local
SYSCONFDIR ?= $(PREFIX)/etc
LOCALSTATEDIR ?= $(PREFIX)/var
MANDIR     ?= $(PREFIX)/share/man
LOCALEDIR  ?= $(PREFIX)/share/locale
BINDIR     ?= $(PREFIX)/bin
DESTDIR    ?=
# Where the installed config puts the hall's database (Debian: make install LOCALSTATEDIR=/var).
DBDIR      := $(LOCALSTATEDIR)/lib/qdesk

CC      ?= cc
PKGS     = ncursesw sqlite3 libconfig libsodium
DEBS     = build-essential pkg-config libncurses-dev libsqlite3-dev libconfig-dev libsodium-dev \
           libcmocka-dev gettext mandoc tmux sqlite3 time \
           python3 espeak-ng sox libreoffice-calc-nogui

WARN     = -Wall -Wextra -Wshadow -Wformat=2 -Wstrict-prototypes -Wmissing-prototypes -Wwrite-strings
ifeq ($(FUZZ),1)
# make fuzz builds the library for libFuzzer (clang only) into build-fuzz/.
BUILD   ?= build-fuzz
CC       = clang
CFLAGS  ?= -O1 -g
SANFLAGS = -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer \
           -fno-sanitize-recover=undefined
else ifeq ($(SAN),1)
BUILD   ?= build-san
CFLAGS  ?= -O1 -g
SANFLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
else
BUILD   ?= build
CFLAGS  ?= -O2 -g
SANFLAGS =
endif
ifeq ($(WERROR),1)
WARN    += -Werror
endif
# ncursesw's flags bring -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=600, which every file relies on.
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
# The project's own flags live in QD_CPPFLAGS and SANFLAGS; the user's CPPFLAGS, CFLAGS and LDFLAGS
# are added to them.
QD_CPPFLAGS = -Iinclude -Isrc -D_XOPEN_SOURCE_EXTENDED \
              -DSYSCONFDIR='"$(SYSCONFDIR)"' -DLOCALEDIR='"$(LOCALEDIR)"' $(PKG_CFLAGS)
ALL_CPPFLAGS = $(QD_CPPFLAGS) $(CPPFLAGS)
ALL_CFLAGS   = -std=c11 $(WARN) $(CFLAGS) $(SANFLAGS)
ALL_LDFLAGS  = $(SANFLAGS) $(LDFLAGS)
# Dependency files: objects get $(BUILD)/obj/x.d; test and bench programs (compiled and linked in
# one step) get x.d next to the program, so a change to tests/unit/tmpdb.h rebuilds them too.
DEPFLAGS     = -MMD -MP
PROG_DEPS    = -MMD -MP -MT $@ -MF $@.d

# Front ends (curses, CLI) are cli-*.c, ui*.c, session.c, screen-*.c, widget-*.c and main.c; everything else
# is domain or store code, which the unit tests link without curses.
SRC       := $(wildcard src/*.c)
FRONT_SRC := $(filter src/cli%.c src/ui%.c src/session.c src/screen-%.c src/widget-%.c src/main.c,$(SRC))
CORE_SRC  := $(filter-out $(FRONT_SRC),$(SRC))
CORE_OBJ  := $(CORE_SRC:src/%.c=$(BUILD)/obj/%.o)
FRONT_OBJ := $(FRONT_SRC:src/%.c=$(BUILD)/obj/%.o)
UNIT_SRC  := $(wildcard tests/unit/test-*.c)
UNIT_BIN  := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
FUZZ_SRC  := $(wildcard tests/fuzz/fuzz-*.c)
FUZZ_BIN  := $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/fuzz/%)
BENCH_SRC := $(wildcard tests/bench/*.c)
BENCH_BIN := $(BENCH_SRC:tests/bench/%.c=$(BUILD)/bench/%)
# Each language is a folder of catalogue fragments (data/po/zh_CN/*.po), joined at build time.
LANGS     := $(patsubst data/po/%/,%,$(wildcard data/po/*/))
MO        := $(LANGS:%=$(BUILD)/locale/%/LC_MESSAGES/qdesk.mo)
QDESK     := $(BUILD)/qdesk
# The default build leaves ./qdesk pointing at it, so the README's examples run as written.
LINK      := $(if $(filter build,$(BUILD)),qdesk)

.PHONY: all demo run check check-san test bench bench-bins fuzz fuzz-bins deps install uninstall clean pot \
        lint-man
all: $(QDESK) $(MO) $(LINK)

# Rebuild when the flags change, the install paths compiled into the program among them
# (make install SYSCONFDIR=/etc, make CPPFLAGS=-D_FORTIFY_SOURCE=2).
FLAGS_NOW = $(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(ALL_LDFLAGS)
$(BUILD)/flags: FORCE
	@mkdir -p $(@D)
	@echo '$(subst ','\'',$(FLAGS_NOW))' | cmp -s - $@ || echo '$(subst ','\'',$(FLAGS_NOW))' >$@
FORCE:

$(BUILD)/obj/%.o: src/%.c $(BUILD)/flags
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(DEPFLAGS) -c -o $@ $<

$(BUILD)/libqdesk.a: $(CORE_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

$(QDESK): $(FRONT_OBJ) $(BUILD)/libqdesk.a
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $(FRONT_OBJ) $(BUILD)/libqdesk.a $(PKG_LIBS)

qdesk:
	ln -sf build/qdesk $@

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libqdesk.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(PROG_DEPS) $(ALL_LDFLAGS) -o $@ $< $(BUILD)/libqdesk.a \
		$(shell pkg-config --libs sqlite3 libconfig libsodium cmocka) -lpthread

$(BUILD)/bench/%: tests/bench/%.c $(BUILD)/libqdesk.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(PROG_DEPS) $(ALL_LDFLAGS) -o $@ $< $(BUILD)/libqdesk.a $(PKG_LIBS)

$(BUILD)/fuzz/%: tests/fuzz/%.c $(BUILD)/libqdesk.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(PROG_DEPS) $(ALL_LDFLAGS) -fsanitize=fuzzer -o $@ $< \
		$(BUILD)/libqdesk.a $(PKG_LIBS)

.SECONDEXPANSION:
$(BUILD)/locale/%/LC_MESSAGES/qdesk.mo: $$(wildcard data/po/%/*.po)
	@mkdir -p $(@D)
	msgcat --use-first $^ | msgfmt --check -o $@ -

# Regenerate the message template from the sources, to see which strings still need a translation.
# STATUS(name, code, "message") in include/qdesk/status.h: the message is its third argument.
pot:
	xgettext --from-code=UTF-8 -k_ -kN_ -kSTATUS:3 -o data/po/qdesk.pot --package-name=qdesk $(SRC) include/qdesk/*.h

# Install the Debian 12 packages that are missing (apt-get as root; otherwise say the command).
deps:
	@missing=; for p in $(DEBS); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then echo "installing:$$missing"; \
			(apt-get update -qq || true) && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
		else echo "missing packages:$$missing"; echo "run: sudo apt-get install -y$$missing"; exit 1; fi; \
	fi

DEMO_DB ?= data/demo.db
# Targets that install first build in a second make, so pkg-config sees the new packages.
# make run: the demo hall (a training database on its own clock) and window 1's console; it says
# first which other screens exist and how to open each beside it.
run: deps
	$(MAKE) all
	@$(MAKE) -s demo
	@$(QDESK) --config conf/qdesk.conf --db $(DEMO_DB) training; \
	if [ -t 0 ]; then printf 'Press Enter to open window 1 here (clerk01, PIN 1234) · 按回车键在此打开1号窗口… '; read _; fi
	$(QDESK) --config conf/qdesk.conf --db $(DEMO_DB) window 1

# A demo database whose demo day is over (or none) is made afresh; one that is not a training
# database is never removed.
demo: all
	@$(QDESK) --config conf/qdesk.conf --db $(DEMO_DB) training >/dev/null 2>&1; rc=$$?; \
	if [ ! -e $(DEMO_DB) ] || [ $$rc = 3 ]; then \
		rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm; \
		$(QDESK) --config conf/qdesk.conf --db $(DEMO_DB) init --demo; \
	elif [ $$rc != 0 ]; then \
		$(QDESK) --config conf/qdesk.conf --db $(DEMO_DB) training; exit 1; fi

# Every test tier; under CI (CI=true) once more with the sanitizers and -Werror.
check: deps
	$(MAKE) test
ifeq ($(CI),true)
	$(MAKE) test SAN=1 WERROR=1
endif

check-san: deps
	$(MAKE) test SAN=1 WERROR=1

test: all $(UNIT_BIN) bench-bins
	BUILD=$(BUILD) sh tests/run-tests.sh

bench: deps
	$(MAKE) all bench-bins
	BUILD=$(BUILD) sh tests/bench/run-bench.sh

bench-bins: $(BENCH_BIN)

# Fuzz each tests/fuzz/fuzz-*.c target for FUZZ_SECONDS with libFuzzer (installs clang if it is
# missing); not part of check. Inputs found are kept in build-fuzz/fuzz/<target>-corpus/, a crash,
# leak or timeout is saved as build-fuzz/fuzz/<target>-crash-… and fails the run.
FUZZ_SECONDS ?= 60
FUZZ_SEEDS_fuzz-config = conf tests/configs
fuzz:
	@command -v clang >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && (apt-get update -qq || true) && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clang; } || \
		{ echo "make fuzz needs clang: sudo apt-get install -y clang"; exit 1; }
	$(MAKE) FUZZ=1 BUILD=build-fuzz fuzz-bins
	@failed=; for f in $(FUZZ_SRC:tests/fuzz/%.c=build-fuzz/fuzz/%); do n=$${f##*/}; \
		echo "== $$n, $(FUZZ_SECONDS) s"; mkdir -p $$f-corpus; \
		seeds=; case $$n in fuzz-config) seeds="$(FUZZ_SEEDS_fuzz-config)";; esac; \
		$$f -max_total_time=$(FUZZ_SECONDS) -timeout=10 -print_final_stats=1 -artifact_prefix=$$f- \
			$$f-corpus $$seeds 2>$$f.log || failed="$$failed $$n"; \
		grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+==ERROR|SUMMARY)' $$f.log; \
	done; [ -z "$$failed" ] || { echo "fuzz: failed:$$failed (see build-fuzz/fuzz/*.log)"; exit 1; }

fuzz-bins: $(FUZZ_BIN)

lint-man:
	mandoc -T lint -W warning man/qdesk.1 man/qdesk.conf.5

# Installed copies of the config and man pages name the installed paths: the config's database
# is $(DBDIR)/qdesk.db, not data/qdesk.db under whatever directory qdesk is started in; the pages
# are written with the default paths (config, database, catalogues), replaced here. Regenerated
# every time (the paths may change).
INST_SED = sed -e 's|/usr/local/etc/qdesk/qdesk.conf|$(SYSCONFDIR)/qdesk/qdesk.conf|g' \
               -e 's|/usr/local/var/lib/qdesk/qdesk.db|$(DBDIR)/qdesk.db|g' \
               -e 's|/usr/local/share/locale/|$(LOCALEDIR)/|g'
$(BUILD)/inst/qdesk.conf: conf/qdesk.conf FORCE
	@mkdir -p $(@D)
	sed 's|^\(database *= *\)"data/qdesk.db"|\1"$(DBDIR)/qdesk.db"|' conf/qdesk.conf >$@
	@grep -q '^database *= *"$(DBDIR)/qdesk.db"' $@ || { echo "$@: no database setting replaced" >&2; rm -f $@; exit 1; }
$(BUILD)/inst/%: man/% FORCE
	@mkdir -p $(@D)
	$(INST_SED) $< >$@

# An existing config is kept (it may be edited); the database directory is created (mode 755:
# give it to the hall's group with chgrp qdesk and chmod 2770).
install: all $(BUILD)/inst/qdesk.conf $(BUILD)/inst/qdesk.1 $(BUILD)/inst/qdesk.conf.5
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 \
		$(DESTDIR)$(SYSCONFDIR)/qdesk $(DESTDIR)$(DBDIR)
	install -m 755 $(QDESK) $(DESTDIR)$(BINDIR)/qdesk
	install -m 644 $(BUILD)/inst/qdesk.1 $(DESTDIR)$(MANDIR)/man1/qdesk.1
	install -m 644 $(BUILD)/inst/qdesk.conf.5 $(DESTDIR)$(MANDIR)/man5/qdesk.conf.5
	test -f $(DESTDIR)$(SYSCONFDIR)/qdesk/qdesk.conf || \
		install -m 644 $(BUILD)/inst/qdesk.conf $(DESTDIR)$(SYSCONFDIR)/qdesk/qdesk.conf
	for mo in $(MO); do l=$${mo#$(BUILD)/locale/}; l=$${l%%/*}; \
		install -d $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES; \
		install -m 644 $$mo $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/qdesk.mo; done

# Removes the config only if it is still the one install wrote, and the config and database
# directories only if they are empty; says what it keeps.
uninstall: $(BUILD)/inst/qdesk.conf
	rm -f $(DESTDIR)$(BINDIR)/qdesk $(DESTDIR)$(MANDIR)/man1/qdesk.1 $(DESTDIR)$(MANDIR)/man5/qdesk.conf.5
	for mo in $(MO); do l=$${mo#$(BUILD)/locale/}; l=$${l%%/*}; rm -f $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/qdesk.mo; done
	@c=$(DESTDIR)$(SYSCONFDIR)/qdesk/qdesk.conf; \
	if cmp -s $(BUILD)/inst/qdesk.conf $$c; then echo "rm -f $$c"; rm -f $$c; \
	elif [ -f $$c ]; then echo "kept $$c: it was changed after install"; fi
	@for d in $(DESTDIR)$(SYSCONFDIR)/qdesk $(DESTDIR)$(DBDIR); do [ -d $$d ] || continue; \
		if rmdir $$d 2>/dev/null; then echo "rmdir $$d"; else echo "kept $$d: not empty"; fi; done

clean:
	rm -rf build build-san build-fuzz $(BUILD)
	rm -f qdesk

-include $(wildcard $(BUILD)/obj/*.d $(BUILD)/tests/*.d $(BUILD)/bench/*.d $(BUILD)/fuzz/*.d)
