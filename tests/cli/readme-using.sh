#!/bin/sh
# README.md's "Using it" block, extracted from the README (so the two cannot drift apart) and run
# as written after what `make run` does first (the demo database, as the Makefile's demo target
# makes it), in a copy of the layout it expects, at clocks inside and outside hall hours.
. "$(dirname "$0")/../lib.sh"
awk '/^## Using it/ { sec = 1 } sec && /^```sh$/ { on = 1; next } on && /^```$/ { exit } on' \
	"$TOP/README.md" >"$T/block.sh"
[ -s "$T/block.sh" ] || fail "no sh block under 'Using it' in README.md"
grep -q 'QDESK_CONFIG\|--config' "$T/block.sh" && fail "the block should use the default config"
# The Makefile's demo target must make the database the block uses, the way this test does.
grep -q -- '--db $(DEMO_DB) init --demo' "$TOP/Makefile" || fail "Makefile's demo target changed"
grep -q '^DEMO_DB ?= data/demo.db' "$TOP/Makefile" || fail "Makefile's DEMO_DB changed"

# run_block NAME CLOCK: a fresh directory with conf/, ./qdesk and the demo database, then the block.
run_block() {
	d="$T/$1"
	mkdir -p "$d/data" && cp -R "$TOP/conf" "$d/conf" && ln -s "$QDESK_BIN" "$d/qdesk" || exit 1
	(cd "$d" && unset QDESK_CONFIG && QDESK_NOW="$2" ./qdesk --config conf/qdesk.conf \
		--db data/demo.db init --demo >"$d/demo.out" 2>&1) || fail "$1: init --demo: $(cat "$d/demo.out")"
	(cd "$d" && unset QDESK_CONFIG && QDESK_NOW="$2" sh -ev "$T/block.sh" >"$d/out" 2>"$d/err") ||
		fail "$1: the README block stopped at $(tail -n 3 "$d/err")"
	grep -q '^[A-Z][0-9][0-9][0-9] ' "$d/out" || fail "$1: no ticket number printed: $(head -c 300 "$d/out")"
	tail -n 1 "$d/out" | grep -q '^{"ok":true' || fail "$1: status --json did not end the output"
	grep -q 'training database' "$d/out" || fail "$1: ./qdesk training did not say training"
}
run_block sunday-night "2026-11-29 03:14:00"      # a Sunday before opening: demo clock 10:00
run_block weekday "2026-11-30 11:20:00"           # inside opening hours: the real clock
run_block evening "2026-11-30 21:30:00"           # after closing: tomorrow's 10:00
grep -q 'demo clock: 2026-11-29 10:00' "$T/sunday-night/out" || fail "demo clock not at 10:00"
grep -q 'demo clock: 2026-12-01 10:00' "$T/evening/out" || fail "evening demo clock not tomorrow 10:00"
grep -q 'demo clock: 2026-11-30 11:20:00 (the real clock)' "$T/weekday/out" ||
	fail "inside hours the demo clock is the real clock: $(grep 'demo clock' "$T/weekday/out")"
done_testing
