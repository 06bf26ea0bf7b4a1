#!/bin/sh
# Finishing with the case form: the matter found by incremental search brings its category,
# elderly help ticked, a wrong ID number and a short mobile number caught as typed and on Enter,
# masked once entered, a second case for the same ticket, a bad evaluation asking for the reason,
# undo voiding it all; then a walk-in case, a consultation, and Esc asking before discarding.
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/tui-lib.sh"
tui_setup
q issue A --id-number 11010519491231002X >/dev/null     # 76 years old: the elderly group

tui_run case-form <<'KEYS'
c1<Enter>1234<Enter>
<F2>
<F6>
:dump form
企业设立
:dump matter-search
<Enter>
<Tab><Tab><Tab><Right><Right>
<Tab><Right>
<Tab><Space>
<Down><Space><Enter>
<Tab>12a
:dump minutes-digits-only
<Backspace><Backspace><Backspace>15
<Tab>张三丰<Tab>11010519491231002
:dump id-typing
1
:dump id-bad-check
<Backspace>X<Tab>1381234
:dump phone-short
<Enter>
:dump phone-on-enter
5678<Tab>
:dump masked
<Enter>
:dump another-case
y
:dump second-form
<Right><Enter>
<Enter>
:dump rating
<Down><Down><Down><Enter>
:dump reason
<Enter>
:dump reason-required
排队太久<Enter>
:dump finished
:sh sqlite3 "$DB" "select count(*), group_concat(matter), group_concat(applicant_masked), group_concat(id_masked), group_concat(phone_masked) from cases where not voided" > "$T/cases-1"
:sh sqlite3 "$DB" "select level, reason from evaluations where not voided" > "$T/eval-1"
<F11>
:dump undone
:sh sqlite3 "$DB" "select count(*) from cases where not voided" > "$T/cases-2"
<F4>
<F9>
:dump walk-in-picker
<Enter>
<Right><Enter>
:dump walk-in-logged
<F9>
<Down><Enter>
社保卡怎么补办<Enter>
:dump consult-logged
<F6>
:dump finish-idle
<F9><Enter>
<BTab><BTab><BTab><BTab>张<Esc>
:dump walk-in-discard
n
<Esc>
y
:dump discarded
KEYS

tui_expect case-form matter-search "企业设立登记"
tui_expect case-form minutes-digits-only "digits only"
tui_expect case-form id-bad-check "wrong check character"
tui_expect case-form phone-on-enter "a mobile number is 11 digits"
tui_expect case-form masked "110105********002X"
tui_expect case-form masked "138****5678"
tui_expect case-form masked "张**"
tui_expect case-form reason-required "Please write down the reason"
tui_expect case-form finished "A001 finished · 2 case(s) · rating 2: a rectification item is due"
tui_expect case-form walk-in-logged "Walk-in case logged."
tui_expect case-form consult-logged "Consultation logged."
tui_expect case-form finish-idle "this window is not serving a ticket"
tui_expect case-form walk-in-discard "Discard what was typed in this form?"
tui_expect case-form discarded "Cancelled; nothing was saved."
expect_eq "two cases stored masked" "2|company-setup,company-setup|张**|110105********002X|138****5678" "$(cat "$T/cases-1")"
expect_eq "the bad evaluation and its reason" "2|排队太久" "$(cat "$T/eval-1")"
expect_eq "undo voided both cases" "0" "$(cat "$T/cases-2")"
expect_eq "elderly help recorded" "2" "$(sql "select count(*) from case_help")"
expect_eq "walk-in case without a ticket" "1" "$(sql "select count(*) from cases where ticket_id is null and not voided")"
expect_eq "consultation" "社保卡怎么补办" "$(sql "select topic from consultations")"
done_testing
