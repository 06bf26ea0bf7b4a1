#!/bin/sh
# Cases typed for a ticket belong to that ticket: kept after a refused finish, they are not thrown
# away by a no-show without asking, and when the ticket ends elsewhere (another terminal finished
# it) the console says they were not logged instead of claiming to keep them.
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/tui-lib.sh"
tui_setup
q issue A >/dev/null
q issue A >/dev/null
NOFINISH="create trigger nofinish before insert on evaluations begin select raise(abort, 'refused for the test'); end"

tui_run kept-cases <<KEYS
c1<Enter>1234<Enter>
<F2>
:sh sqlite3 "\$DB" "$NOFINISH"
<F6>
<Enter>
n
<Enter>
:dump kept
<F4>
:dump noshow-asks
n
:dump noshow-declined
<F4>
y
:dump noshow-done
<F2>
<F6>
<Enter>
n
<End>
:dump rating-end
<Home>
<Enter>
:dump kept-again
:sh sqlite3 "\$DB" "drop trigger nofinish"
:sh "\$QDESK_BIN" --db "\$DB" finish 1 --staff c1 >/dev/null
:tick
:dump ended-elsewhere
<F6>
:dump finish-after
KEYS

tui_expect kept-cases kept "the 1 case(s) typed are kept"
tui_expect kept-cases noshow-asks "Discard the 1 case(s) typed for A001?"
tui_expect kept-cases noshow-declined "Cases typed for this ticket: 1"
tui_expect kept-cases noshow-done "A001 is a no-show."
tui_expect kept-cases rating-end "-##no#evaluation#given"
tui_expect kept-cases kept-again "the 1 case(s) typed are kept"
tui_expect kept-cases ended-elsewhere "1 case(s) typed for a ticket that is no longer at this window were not logged."
tui_expect kept-cases finish-after "this window is not serving a ticket"
expect_eq "A001 a no-show, nothing logged for it" "noshow|0" "$(sql "select state, (select count(*) from cases c where c.ticket_id = t.id) from tickets t where number = 'A001'")"
expect_eq "A002 finished from the command line with its one CLI case only" "served|1" "$(sql "select state, (select count(*) from cases c where c.ticket_id = t.id and not voided) from tickets t where number = 'A002'")"
done_testing
