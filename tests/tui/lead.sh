#!/bin/sh
# The shift lead's dashboard as a script sees it: a clerk is refused with the role named, a lead
# logs in; the hall map, the queues, the alerts (a long wait, an idle window while its queue
# waits, a long pause) and the open-items line; a call at a window (CLI) changes the dashboard.
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/tui-lib.sh"
tui_setup
q issue A >/dev/null; q issue A >/dev/null; q issue B >/dev/null
q call 2 --staff c2 >/dev/null; q finish 2 --staff c2 --rating 2 --reason "态度差" >/dev/null
q pause 2 --staff c2 --reason meeting >/dev/null
QDESK_NOW="2026-11-23 09:00:30" q problem add --staff c1 --what "社保转移无人受理" >/dev/null
QDESK_NOW="2026-11-23 09:00:40" q window 1 --help >/dev/null 2>&1
q call 1 --staff c1 >/dev/null; q noshow 1 --staff c1 >/dev/null

QDESK_NOW="2026-11-23 09:45:00" QDESK_NO_GOLDEN=1 tui_run_cmd lead -- lead <<'KEYS'
c1<Enter>1234<Enter>
:dump clerk-refused
<Tab><C-u>l1<Enter>1234<Enter>
:dump dashboard
:sh QDESK_NOW="2026-11-23 09:45:00" "$QDESK_BIN" --db "$DB" call 1 --staff c1 >/dev/null
:dump after-call
KEYS
tui_expect lead clerk-refused "This screen is not for a window clerk"
tui_expect lead dashboard "Lead: 王五 (l1)"
tui_expect lead dashboard "B: 1 waiting, longest 45 min"
tui_expect lead dashboard "window 1 idle 45 min while B waits"
tui_expect lead dashboard "window 2 paused 45 min (会议)"
tui_expect lead dashboard "1 企业开办 c1     idle 45m"
tui_expect lead dashboard "paused"
tui_expect lead dashboard "办不成事 open 1 (overdue 0) · rectifications open 1 (overdue 0)"
tui_expect lead after-call "c1     serving B001"
tui_expect_not lead after-call "window 1 idle"

# A clerk logs a 办不成事 problem from the window console's walk-in key (F9) (c2, paused at
# window 2, moves to window 3: c1 is still serving at window 1).
QDESK_NOW="2026-11-23 09:50:00" QDESK_NO_GOLDEN=1 tui_run_cmd console -- window 3 <<'KEYS'
c2<Enter>1234<Enter>
<F9><Down><Down><Enter>
社保转移无人受理
<Enter>
:dump problem-logged
KEYS
tui_expect console problem-logged "Problem 2 logged for the lead, due 2026-11-30."
expect_eq "problem stored" "2	3	c2	社保转移无人受理" "$(sqlite3 "$DB" "select id, window, staff, what from problems where id = 2" | tr '|' '	')"
done_testing
