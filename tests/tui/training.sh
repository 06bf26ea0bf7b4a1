#!/bin/sh
# A training database says so on every screen (the status line's right end), on the demo clock;
# a live database never does.
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/tui-lib.sh"
unset LANGUAGE
export QDESK_NO_GOLDEN=1
QDESK_NOW="2026-11-29 03:14:00" q init --demo >/dev/null || fail "init --demo failed"
QDESK_NOW="2026-11-29 03:14:00" tui_run_cmd demo -- window 1 <<'KEYS'
:dump login
clerk01<Enter>1234<Enter>
:dump console
KEYS
tui_expect demo login "培训模式"
tui_expect demo console "培训模式"
tui_expect demo console "2026-11-29 10:00"
tui_expect demo console "李四"
# the live hall of the other tests: no such mark
DB="$T/live.db"
tui_setup
tui_run_cmd live -- window 1 <<'KEYS'
:dump login
KEYS
tui_expect_not live login "培训模式"
done_testing
