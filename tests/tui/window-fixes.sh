#!/bin/sh
# The window console fixes of issue 7 (and one of issue 10): typed cases kept with the ticket when
# another clerk takes the window over, and offered (masked) to whoever finishes it; F8 on a ticket
# sent to another window says where; a category that contradicts the matter names the matter's;
# the ID and phone given at issue offered (masked) to the first case; wrong PINs say how many tries
# are left; no ‹ › on the elderly-help field; a 15-digit ID says why it is refused; a filled ID
# shows masked when the focus comes back; at 120x40 the case form leaves the ticket in sight.
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/tui-lib.sh"
tui_setup
export QDESK_NO_GOLDEN=1
q issue A >/dev/null                                        # A001
printf 'c2<Enter>1234<Enter>\n' >"$T/c2.keys"

# 1. c1 types a case; c2 signs in at window 1 from another terminal; the case is kept (masked)
tui_run_cmd drafts -- window 1 <<'KEYS'
c1<Enter>1234<Enter>
<F2>
<F6>
<Tab><Tab><Tab><Tab><Tab><Tab><Tab>张三丰<Tab>11010519491231002X<Tab>13812345678
:dump typing
:sh QDESK_SCRIPT="$T/c2.keys" QDESK_DUMP=/dev/null "$QDESK_BIN" --db "$DB" window 1 >/dev/null 2>&1
:tick
:dump taken
:sh sqlite3 "$DB" "select count(*), group_concat(staff), group_concat(applicant_masked), group_concat(id_masked), group_concat(phone_masked), group_concat(age) from case_drafts" >"$T/drafts-1"
c2<Enter>1234<Enter>
<F6>
:dump offered
<Enter>
n
<Enter>
:dump finished
:sh sqlite3 "$DB" "select applicant_masked, id_masked, phone_masked, age is not null, staff from cases" >"$T/cases-1"
:sh sqlite3 "$DB" "select count(*) from case_drafts" >"$T/drafts-2"
KEYS
tui_expect drafts taken "李四 (c2) took this window over; 1 typed case(s) kept with the ticket."
tui_expect drafts taken "Log in"
expect_eq "the draft is kept masked" "1|c1|张**|110105********002X|138****5678|76" "$(cat "$T/drafts-1")"
tui_expect drafts offered "kept from 张三"
tui_expect drafts offered "110105********002X"
tui_expect drafts offered "138****5678"
tui_expect drafts offered "张**"
tui_expect_not drafts offered "11010519491231002X"
tui_expect drafts finished "A001 finished · 1 case(s)"
expect_eq "the kept case is logged by c2" "张**|110105********002X|138****5678|1|c2" "$(cat "$T/cases-1")"
expect_eq "the draft is gone once used" "0" "$(cat "$T/drafts-2")"
[ "$(sql "select count(*) from case_drafts where id_masked not like '%********%'")" = 0 ] || fail "a full ID number was stored"

# 2. F8 on a ticket sent to window 3; 3. ID and phone from the issue; category against matter
q issue A >/dev/null && q call 2 --staff c2 >/dev/null && q transfer 2 --staff c2 --window 3 >/dev/null   # A002
q issue A --id-number 11010519491231002X --phone 13900001111 >/dev/null                                    # A003
tui_run_cmd fixes -- window 1 <<'KEYS'
c1<Enter>9999<Enter>
:dump wrong-pin-1
9999<Enter>
:dump wrong-pin-2
1234<Enter>
<F8>
A002<Enter>
:dump sent-elsewhere
<Esc>
<F2>
<F6>
:dump issue-data
企业设立
<Enter>
<Tab><Right>
<Enter>
:dump category
<Left><Enter>
n
<Enter>
:dump finished
:sh sqlite3 "$DB" "select id_masked, phone_masked from cases where ticket_id = (select id from tickets where number = 'A003')" >"$T/cases-2"
KEYS
tui_expect fixes wrong-pin-1 "wrong PIN: 4 more wrong PINs lock the account for 15 minutes."
tui_expect fixes wrong-pin-2 "wrong PIN: 3 more wrong PINs lock the account for 15 minutes."
tui_expect fixes sent-elsewhere "A002 was sent to window 3: it is called there."
tui_expect fixes issue-data "110105********002X"
tui_expect fixes issue-data "139****1111"
tui_expect fixes category "The matter 企业设立登记 belongs to the case category 企业"
tui_expect fixes finished "A003 finished · 1 case(s)"
expect_eq "the ID and phone given at issue are the case's" "110105********002X|139****1111" "$(cat "$T/cases-2")"

# 4. the form: no ‹ › on the elderly-help field, a 15-digit ID says why, a filled ID shows masked
#    when the focus comes back (typing replaces it); at 120x40 the ticket stays in sight
q issue A >/dev/null                                        # A004
tui_run_cmd form -- window 1 <<'KEYS'
c1<Enter>1234<Enter>
<F9>
<Enter>
<Tab><Tab><Tab><Tab><Tab>
:dump help-field
<Tab><Tab><Tab>110105194912310<Tab>
:dump id-15
<BTab><Backspace><Backspace><Backspace><Backspace><Backspace><Backspace><Backspace><Backspace><Backspace><Backspace><Backspace><Backspace><Backspace><Backspace><Backspace>11010519491231002X<Tab><BTab>
:dump id-back
1
:dump id-retyped
<Esc>
y
:resize 120 40
<F2>
<F6>
:dump wide
KEYS
tui_expect form help-field "Elderly help   (none)"
tui_expect_not form help-field "< (none) >"
tui_expect form id-15 "a 15-digit ID number is an old first-generation card"
tui_expect form id-back "110105********002X"
tui_expect_not form id-back "11010519491231002X"
tui_expect form id-retyped "ID number      1 "
tui_expect form wide "Business  企业开办"
tui_expect form wide "Finish A004: the case"
done_testing
