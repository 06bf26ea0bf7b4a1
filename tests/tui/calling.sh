#!/bin/sh
# Calling at the window console: a ticket issued elsewhere appears, call next (priority first),
# recall up to the cap, no-show and undo, call a specific number (a wrong one first; "b1" is B001),
# transfer to
# another business type, pause with a reason and resume.
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/tui-lib.sh"
tui_setup
q issue A >/dev/null
q issue A --priority elderly >/dev/null
q issue B >/dev/null

tui_run calling <<'KEYS'
c1<Enter>1234<Enter>
:dump waiting
# a guide issues a ticket from another terminal: it shows without a key press
:sh "$QDESK_BIN" --db "$DB" issue A >/dev/null
:now 2026-11-23 09:25:00
:tick
:dump issued-elsewhere
<F2>
:now 2026-11-23 09:26:05
:dump called
<F3>
r
<F3>
:dump recall-cap
<F4>
:dump noshow
<F11>
:dump undone
# the letter keys work as well as the function keys
x
:dump noshow-letter
<F8>
A9<Enter>
:dump call-number-wrong
<Esc>
<F8>
b1<Enter>
:dump call-number
# refused at once: no number is asked for while serving
<F8>
:dump call-number-busy
<F5>
:dump transfer-picker
发票
:dump transfer-search
<Enter>
:dump transferred
<F2>
<F6>
<Enter>
<Enter>
<Enter>
:dump finished
<F7>
<Down><Enter>
:dump paused
<F2>
:dump call-while-paused
p
:dump resumed
KEYS

tui_expect calling issued-elsewhere "Waiting for this window: 4"
tui_expect calling called "Priority  【老年人】"
tui_expect calling recall-cap "the recall limit is reached"
tui_expect calling noshow "A002 is a no-show. F11 undoes it."
tui_expect calling undone "Undone: A002 is at this window again."
tui_expect calling noshow-letter "A002 is a no-show."
tui_expect calling call-number-wrong "A009: no such number waiting today."
tui_expect calling call-number "Calling B001."
tui_expect calling call-number-busy "this window is serving a ticket"
tui_expect_not calling call-number-busy "Call a specific number"
tui_expect calling transfer-picker "C  发票申领及税控设备"
tui_expect_not calling transfer-picker "B  个体工商户登记"     # B001's own queue is not offered
tui_expect calling transferred "B001 transferred to 发票申领及税控设备."
tui_expect calling finished "A001 finished · 1 case(s) · rating 5."
tui_expect calling paused "Window 1 paused: 会议."
tui_expect calling paused "F7 resumes service."
tui_expect calling call-while-paused "this window is paused"
tui_expect calling resumed "Window 1 serves again."
expect_eq "A002 after no-show, undo, no-show" "noshow" "$(sql "select state from tickets where number='A002'")"
expect_eq "B001 transferred to type C, waiting there" "waiting|C" "$(sql "select state, queue_type from tickets where number='B001'")"
expect_eq "A001 served with a case and a rating" "served|1|5" "$(sql "select t.state, (select count(*) from cases c where c.ticket_id = t.id and not voided), (select level from evaluations e where e.ticket_id = t.id) from tickets t where number='A001'")"
expect_eq "the pause was recorded" "1" "$(sql "select count(*) from pauses where window=1")"
# The transfer list offers every window but this one
q issue A >/dev/null
tui_run calling-transfer 3 <<'KEYS'
c2<Enter>1234<Enter>
<F2>
<F5>
Window 3 ·
:dump own-window
<C-u>Window 4 ·
:dump other-window
<Esc>
KEYS
tui_expect calling-transfer own-window "(nothing matches)"
tui_expect calling-transfer other-window "Window#4#·#发票申领及税控设备"
done_testing
