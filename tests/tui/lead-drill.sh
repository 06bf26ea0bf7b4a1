#!/bin/sh
# The lead's drill-down (golden): the drill key's picker, then window 1's day (tickets with their
# waits and ratings, cases, a pause with its reason and minutes, a bad rating standing out), a
# clerk's (found by typing) and a business type's; Esc and q go back to the dashboard.
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/tui-lib.sh"
tui_setup
at() { now=$1; shift; QDESK_NOW="2026-11-23 $now" q "$@" >/dev/null || fail "at $now: $*"; }
for t in 08:31 08:40 08:45; do at $t:00 issue A; done
at 08:50:00 issue B --priority elderly
at 09:00:00 call 1 --staff c1
at 09:12:00 finish 1 --staff c1 --matter company-setup --mode assisted --rating 5
at 09:13:00 pause 1 --staff c1 --reason meal
at 09:43:00 resume 1 --staff c1
at 09:44:00 call 1 --staff c1
at 09:55:00 finish 1 --staff c1 --mode guided --rating 2 --reason "等太久"
at 09:56:00 call 2 --staff c2
at 10:10:00 finish 2 --staff c2 --elderly-help form-filling --minutes 10 --rating 4
at 10:12:00 pause 2 --staff c2 --reason meeting

QDESK_NOW="2026-11-23 10:30:00" tui_run_cmd lead-drill -- lead <<'KEYS'
l1<Enter>1234<Enter>
<F6>
:dump picker
<Enter>
:dump window-1
<End>
:dump window-1-end
<Esc>
:dump back
d
李四
<Enter>
:dump clerk-c2
q
<F6>
business type B
<Enter>
:dump type-B
<Esc>
:dump back-again
KEYS
tui_expect lead-drill window-1 "Tickets (2)"
tui_expect lead-drill window-1-end "Pauses (1, 30 min)"
tui_expect lead-drill window-1-end "09:13–09:43 用餐        30 min"
tui_expect lead-drill window-1-end "Ratings (2)"
tui_expect lead-drill window-1-end "等太久"
tui_expect lead-drill back "Shift lead · the hall now"
tui_expect lead-drill clerk-c2 "so far"
tui_expect lead-drill type-B "B001"
tui_expect lead-drill back-again "Shift lead · the hall now"
done_testing
