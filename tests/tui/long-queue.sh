#!/bin/sh
# A long queue at the window console: the list shows the first tickets in calling order (priority
# first), as many as fit, says how many more wait, and counts them all in its title. The console
# loads only the rows that fit (issue 11), so a larger terminal loads and shows more at once.
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/tui-lib.sh"
tui_setup
for i in $(seq 1 30); do q issue A >/dev/null; done
q issue A --priority elderly >/dev/null

tui_run long-queue <<'KEYS'
c1<Enter>1234<Enter>
:dump small
:resize 100 50
:dump large
:resize 80 24
:dump small-again
KEYS

# shown STEP: list rows on the screen; more STEP: the N of "… and N more" (0 if none)
shown() { tui_screen long-queue "$1" | grep -c 'A0[0-9][0-9]'; }
more() { tui_screen long-queue "$1" | sed -n 's/.*… and \([0-9]*\) more.*/\1/p' | grep . || echo 0; }
for step in small large small-again; do
	tui_expect long-queue "$step" "Waiting for this window: 31"
	expect_eq "$step: the rows shown and the rest make the queue" 31 $(($(shown "$step") + $(more "$step")))
done
tui_screen long-queue small | grep 'A0[0-9][0-9]' | head -n 1 >"$T/first"
grep -q 'A031.*老年人' "$T/first" || fail "the elderly ticket is not first: $(cat "$T/first")"
[ "$(more small)" -gt 0 ] || fail "80x24 shows all 31 tickets: the test proves nothing"
expect_eq "100x50 shows every ticket" 0 "$(more large)"
expect_eq "back at 80x24, the same rows as before" "$(shown small)" "$(shown small-again)"
done_testing
