#!/bin/sh
# A monochrome terminal (TERM=vt100: no colours) stays fully usable: the window state, the ticket
# being served and the key bar are still told apart by reverse video and bold, and every action
# works.
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/tui-lib.sh"
tui_setup
q issue A >/dev/null
q issue A --priority elderly >/dev/null
export QDESK_TERM=vt100

tui_run mono <<'KEYS'
c1<Enter>1234<Enter>
:dump idle
<F2>
:dump serving
<F7>
:dump pause-picker
<Esc>
<F6>
<Enter>
n
4<Enter>
:dump finished
KEYS
tui_expect mono idle "Waiting for this window: 2"
tui_expect mono serving "Calling A002."
tui_expect mono finished "A002 finished · 1 case(s) · rating 4."
expect_eq "served and rated" "served|4" "$(sqlite3 "$DB" "select t.state, e.level from tickets t join evaluations e on e.ticket_id = t.id")"
done_testing
