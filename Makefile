# qdesk - front-desk queue and window console for a government service hall.
# make [all] | run | check | bench | deps | install | uninstall | clean | pot
# Variables: PREFIX DESTDIR SYSCONFDIR MANDIR LOCALEDIR; WERROR=1 adds -Werror; SAN=1 builds with
# AddressSanitizer + UBSan into build-san/.

PREFIX     ?= /usr/local
SYSCONFDIR ?= $(PREFIX)/etc
MANDIR     ?= $(PREFIX)/share/man
LOCALEDIR  ?= $(PREFIX)/share/locale
BINDIR     ?= $(PREFIX)/bin
DESTDIR    ?=

CC      ?= cc
PKGS     = ncursesw sqlite3 libconfig libsodium
DEBS     = build-essential pkg-config libncurses-dev libsqlite3-dev libconfig-dev libsodium-dev \
           libcmocka-dev gettext mandoc tmux sqlite3 time

WARN     = -Wall -Wextra -Wshadow -Wformat=2 -Wstrict-prototypes -Wmissing-prototypes -Wwrite-strings
CFLAGS  ?= -O2 -g
ifeq ($(SAN),1)
BUILD   ?= build-san
CFLAGS  += -O1 -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
LDFLAGS += -fsanitize=address,undefined
else
BUILD   ?= build
endif
ifeq ($(WERROR),1)
WARN    += -Werror
endif
# ncursesw's flags bring -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=600, which every file relies on.
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CPPFLAGS += -Iinclude -Isrc -D_XOPEN_SOURCE_EXTENDED \
            -DSYSCONFDIR='"$(SYSCONFDIR)"' -DLOCALEDIR='"$(LOCALEDIR)"' $(PKG_CFLAGS)
ALL_CFLAGS = -std=c11 $(WARN) $(CFLAGS) -MMD -MP

# Front ends (curses, CLI) are cli-*.c, ui*.c, screen-*.c, widget-*.c and main.c; everything else
# is domain or store code, which the unit tests link without curses.
SRC       := $(wildcard src/*.c)
FRONT_SRC := $(filter src/cli%.c src/ui%.c src/screen-%.c src/widget-%.c src/main.c,$(SRC))
CORE_SRC  := $(filter-out $(FRONT_SRC),$(SRC))
CORE_OBJ  := $(CORE_SRC:src/%.c=$(BUILD)/obj/%.o)
FRONT_OBJ := $(FRONT_SRC:src/%.c=$(BUILD)/obj/%.o)
UNIT_SRC  := $(wildcard tests/unit/test-*.c)
UNIT_BIN  := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
FUZZ_SRC  := $(wildcard tests/fuzz/fuzz-*.c)
BENCH_SRC := $(wildcard tests/bench/bench-*.c)
BENCH_BIN := $(BENCH_SRC:tests/bench/%.c=$(BUILD)/bench/%)
# Each language is a folder of catalogue fragments (data/po/zh_CN/*.po), joined at build time.
LANGS     := $(patsubst data/po/%/,%,$(wildcard data/po/*/))
MO        := $(LANGS:%=$(BUILD)/locale/%/LC_MESSAGES/qdesk.mo)
QDESK     := $(BUILD)/qdesk

.PHONY: all run check check-san test bench bench-bins deps install uninstall clean pot lint-man
all: $(QDESK) $(MO)

# Rebuild when the install paths compiled into the program change (make install SYSCONFDIR=/etc).
$(BUILD)/paths: FORCE
	@mkdir -p $(@D)
	@echo "$(SYSCONFDIR) $(LOCALEDIR)" | cmp -s - $@ || echo "$(SYSCONFDIR) $(LOCALEDIR)" >$@
FORCE:

$(BUILD)/obj/%.o: src/%.c $(BUILD)/paths
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/libqdesk.a: $(CORE_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

$(QDESK): $(FRONT_OBJ) $(BUILD)/libqdesk.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $(FRONT_OBJ) $(BUILD)/libqdesk.a $(PKG_LIBS)

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libqdesk.a
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/libqdesk.a \
		$(shell pkg-config --libs sqlite3 libconfig libsodium cmocka) -lpthread

$(BUILD)/bench/%: tests/bench/%.c $(BUILD)/libqdesk.a
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/libqdesk.a $(PKG_LIBS)

.SECONDEXPANSION:
$(BUILD)/locale/%/LC_MESSAGES/qdesk.mo: $$(wildcard data/po/%/*.po)
	@mkdir -p $(@D)
	msgcat --use-first $^ | msgfmt --check -o $@ -

# Regenerate the message template from the sources, to see which strings still need a translation.
pot:
	xgettext --from-code=UTF-8 -k_ -kN_ -o data/po/qdesk.pot --package-name=qdesk $(SRC) include/qdesk/*.h

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
run: deps
	$(MAKE) all
	@# a demo database from an earlier day would open on an empty (expired) queue: make a fresh one
	@if [ -z "$$(find $(DEMO_DB) -newermt "$$(date +%F)" 2>/dev/null)" ]; then \
		rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm; \
		$(QDESK) --config conf/qdesk.conf --db $(DEMO_DB) init --demo; fi
	$(QDESK) --config conf/qdesk.conf --db $(DEMO_DB) window 1

# Every test tier; under CI (CI=true) once more with the sanitizers and -Werror.
check: deps
	$(MAKE) test
ifeq ($(CI),true)
	$(MAKE) test SAN=1 WERROR=1
endif

check-san: deps
	$(MAKE) test SAN=1 WERROR=1

test: all $(UNIT_BIN)
	BUILD=$(BUILD) sh tests/run-tests.sh

bench: deps
	$(MAKE) all bench-bins
	BUILD=$(BUILD) sh tests/bench/run-bench.sh

bench-bins: $(BENCH_BIN)

lint-man:
	mandoc -T lint -W warning man/qdesk.1 man/qdesk.conf.5

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(SYSCONFDIR)/qdesk
	install -m 755 $(QDESK) $(DESTDIR)$(BINDIR)/qdesk
	install -m 644 man/qdesk.1 $(DESTDIR)$(MANDIR)/man1/qdesk.1
	install -m 644 man/qdesk.conf.5 $(DESTDIR)$(MANDIR)/man5/qdesk.conf.5
	test -f $(DESTDIR)$(SYSCONFDIR)/qdesk/qdesk.conf || install -m 644 conf/qdesk.conf $(DESTDIR)$(SYSCONFDIR)/qdesk/qdesk.conf
	for mo in $(MO); do l=$${mo#$(BUILD)/locale/}; l=$${l%%/*}; \
		install -d $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES; \
		install -m 644 $$mo $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/qdesk.mo; done

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/qdesk $(DESTDIR)$(MANDIR)/man1/qdesk.1 $(DESTDIR)$(MANDIR)/man5/qdesk.conf.5
	for mo in $(MO); do l=$${mo#$(BUILD)/locale/}; l=$${l%%/*}; rm -f $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/qdesk.mo; done

clean:
	rm -rf build build-san

-include $(wildcard $(BUILD)/obj/*.d)
