#!/bin/sh
# What the clerk typed is never thrown away unasked: Esc at the rating asks before dropping the
# cases; Esc in the bad-rating reason asks, then goes back to the rating with the cases kept; a
# finish the store refuses keeps the cases (and the reason) for another try; the consultation
# prompt asks too. Text is limited in bytes as the engine counts them (500 for a reason: 166
# Chinese characters), refused as typed with a message. The matter picker shows names only but
# finds a matter by its id.
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/tui-lib.sh"
tui_setup
q issue A >/dev/null
q issue A >/dev/null
LONG=$(printf '很%.0s' $(seq 170))
NOFINISH="create trigger nofinish before insert on evaluations begin select raise(abort, 'refused for the test'); end"

tui_run finish-flow <<KEYS
c1<Enter>1234<Enter>
<F2>
<F6>
company
:dump matter-by-id
<Enter>
<BTab>办理顺利
<Enter>
n
:dump rating
<Esc>
:dump discard-cases
n
:dump rating-again
<Down><Down><Down><Down><Enter>
$LONG
:dump reason-full
<Esc>
:dump reason-discard
n
:dump reason-still
<Esc>
y
:dump reason-back
<Down><Down><Down><Down><Enter>
:sh sqlite3 "\$DB" "$NOFINISH"
$LONG
<Enter>
:dump finish-refused
:sh sqlite3 "\$DB" "drop trigger nofinish"
<Enter>
:dump finished
<F2>
:sh sqlite3 "\$DB" "$NOFINISH"
<F6>
<Tab><Tab><Tab><Tab><Tab><Space><Space><Enter>
<Tab>２０００<Enter>
:dump minutes-range
<Backspace><Backspace><Backspace><Backspace>15<Enter><Enter><Enter>
:dump refused-again
:sh sqlite3 "\$DB" "drop trigger nofinish"
<F6>
:dump finish-again
<Enter><Enter>
:dump finished-again
<F9>
<Down><Enter>
问社保卡
<Esc>
:dump consult-discard
n
:dump consult-kept
<Enter>
:dump consult-logged
KEYS

tui_expect finish-flow matter-by-id "企业设立登记"
tui_expect_not finish-flow matter-by-id "company-setup"
tui_expect finish-flow rating "Evaluation of A001"
tui_expect finish-flow discard-cases "Discard the 1 case(s) typed for A001?"
tui_expect finish-flow rating-again "Evaluation of A001"
tui_expect finish-flow reason-full "Full: 498 of 500 bytes; a Chinese character takes 3."
tui_expect finish-flow reason-discard "Discard what was typed?"
tui_expect finish-flow reason-still "很很很很"
tui_expect finish-flow reason-back "Evaluation of A001"
tui_expect finish-flow finish-refused "the reason and 1 case(s) are kept: Enter tries again."
tui_expect finish-flow finish-refused "很很很很"
tui_expect finish-flow finished "A001 finished · 1 case(s) · rating 1"
tui_expect finish-flow minutes-range "Help minutes: 0 to 1440."
tui_expect finish-flow refused-again "the 1 case(s) typed are kept: F6 finishes again."
tui_expect finish-flow finish-again "Log another case for this ticket?"
tui_expect finish-flow finished-again "A002 finished · 1 case(s) · rating 5."
tui_expect finish-flow consult-discard "Discard what was typed?"
tui_expect finish-flow consult-kept "问社保卡"
tui_expect finish-flow consult-logged "Consultation logged."
expect_eq "A001's case with its note and matter" "company-setup|办理顺利" "$(sql "select c.matter, c.note from cases c join tickets t on t.id = c.ticket_id where t.number = 'A001' and not c.voided")"
expect_eq "the reason kept whole: 166 characters, 498 bytes" "1|166|498" "$(sql "select level, length(reason), length(cast(reason as blob)) from evaluations e join tickets t on t.id = e.ticket_id where t.number = 'A001'")"
expect_eq "both served, one case each" "2|2" "$(sql "select count(*), (select count(*) from cases where not voided and ticket_id is not null) from tickets where state = 'served'")"
expect_eq "full-width minutes typed as digits, fixed after the refusal" "15" "$(sql "select c.help_minutes from cases c join tickets t on t.id = c.ticket_id where t.number = 'A002'")"
expect_eq "consultation" "问社保卡" "$(sql "select topic from consultations")"
done_testing
