#!/bin/sh
# A monochrome terminal (TERM=vt100: no colours) stays fully usable: the window state, the ticket
# being served, the selected entry of a list, the key bar and a wait past its target are told
# apart by reverse video and bold alone (checked on the :attrs dumps), and every action works.
# The waited column holds three-digit waits with their "!" (on vt100 the only cue left).
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/tui-lib.sh"
tui_setup
q issue A >/dev/null
q issue A --priority elderly >/dev/null
export QDESK_TERM=vt100

tui_run mono <<'KEYS'
c1<Enter>1234<Enter>
:dump idle
:attrs idle
<F7>
:dump pause-picker
:attrs pause-picker
<Esc>
:now 2026-11-23 11:05:00
:tick
:dump long-wait
:attrs long-wait
<F2>
:dump serving
:attrs serving
<F6>
<Enter>
n
4<Enter>
:dump finished
KEYS
tui_expect mono idle "Waiting for this window: 2"
tui_attr mono idle "Idle" b
tui_attr mono idle "F10" r
tui_attr mono idle "Log out" " "
tui_expect mono pause-picker "Pause: why?"
tui_attr mono pause-picker "用餐" r
tui_attr mono pause-picker "会议" " "
tui_expect mono long-wait "A001            企业开办       125 min!"
tui_attr mono long-wait "125 min!" b
tui_expect mono serving "Calling A002."
tui_attr mono serving "Serving" R
tui_expect mono finished "A002 finished · 1 case(s) · rating 4."
expect_eq "served and rated" "served|4" "$(sqlite3 "$DB" "select t.state, e.level from tickets t join evaluations e on e.ticket_id = t.id")"
done_testing
