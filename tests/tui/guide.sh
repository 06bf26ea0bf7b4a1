#!/bin/sh
# The guide desk screen (qdesk guide 1): a clerk refused with the role named; issuing in two or
# three keys without and with an ID number (the elderly group set from the birth date), every
# issuing refusal naming its limit (quota, cut-off, hours), the slip printed to a file target and
# reprinted, void with a reason, lookup, a no-show brought back, a consultation and a guided
# handling with one key each. Checked by grep (no golden: the screen shows live counts).
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/tui-lib.sh"
# The demo hall printing slips as plain text into a file, automatically after each issue.
sed -e "s|^ *device *= *\"/dev/usb/lp0\";|  file = \"$T/slips.txt\";|" -e "/^ *auto *= /d" \
	-e "s|^printer = {|printer = { auto = true;|" "$TOP/conf/qdesk.conf" >"$T/hall.conf"
grep -q "file = \"$T/slips.txt\"" "$T/hall.conf" || { echo "FAIL: the printer file target was not set" >&2; exit 1; }
export QDESK_CONFIG="$T/hall.conf"
tui_setup
export QDESK_NO_GOLDEN=1

tui_run_cmd clerk -- guide 1 <<'KEYS'
c1<Enter>1234<Enter>
:dump refused
<F10>
KEYS
tui_expect clerk refused "This screen is not for a window clerk: 张三 (c1)."

i=0; while [ $i -lt 30 ]; do q issue T >/dev/null || fail "T ticket $i"; i=$((i + 1)); done
tui_run_cmd desk -- guide 1 <<'KEYS'
g1<Enter>1234<Enter>
:dump main
a<Enter>
:dump issued
:sh for i in 1 2 3 4 5 6 7 8 9 10; do grep -q A001 "$T/slips.txt" 2>/dev/null && break; sleep 0.2; done; sleep 0.3
:tick
:dump printed
f
:dump form
<Tab>11010519491231002X<Tab>13812345678
:dump form-filled
<Enter>
:dump issued-elderly
:sh for i in 1 2 3 4 5 6 7 8 9 10; do grep -q F001 "$T/slips.txt" 2>/dev/null && break; sleep 0.2; done; sleep 0.3
:tick
t<Enter>
:dump quota
<F3><Enter>
:sh for i in 1 2 3 4 5 6 7 8 9 10; do [ "$(grep -c F001 "$T/slips.txt")" -ge 2 ] && break; sleep 0.2; done; sleep 0.3
:tick
:dump reprint
<F4><C-u>a1<Enter>
:dump void-reason
业务选错<Enter>
:dump voided
<F5>a1<Enter>
:dump lookup
:sh "$QDESK_BIN" --db "$DB" call 18 --staff c1 >/dev/null && "$QDESK_BIN" --db "$DB" noshow 18 --staff c1 >/dev/null
<F6>F001<Enter>
:dump requeued
<F7>
:dump consult
<F8>
:dump guided
:now 2026-11-23 16:31:00
a<Enter>
:dump cutoff
:now 2026-11-23 18:30:00
c<Enter>
:dump closed
<F10>
y
<F10>
KEYS
tui_expect desk main "Guide: 赵六 (g1)"
tui_expect desk main "企业开办"
tui_expect desk main "T  商标业务            30"
tui_expect desk issued "A001 企业开办"
tui_expect desk issued "0 ahead of it"
tui_expect desk printed "slip A001 printed"
tui_expect desk form "Issue a ticket · F 社保医保"
tui_expect desk form-filled "老年人"
tui_expect desk form-filled "110105********002X"
tui_expect desk issued-elderly "F001 社保医保 · 老年人"
tui_expect desk quota "quota for this business type is used up: T 商标业务, quota 30 a day"
tui_expect desk reprint "slip F001 printed"
tui_expect desk void-reason "Why is A001 voided?"
tui_expect desk voided "A001 is voided (业务选错)."
tui_expect desk lookup "A001 企业开办: voided (业务选错)"
tui_expect desk requeued "F001 is back in the queue"
tui_expect desk consult "Consultation logged."
tui_expect desk guided "Guided handling logged."
tui_expect desk cutoff "tickets for this business type are no longer issued today: A 企业开办, cut-off"
tui_expect desk cutoff "| A 企业开办, cut-off"
tui_expect desk cutoff "| 16:30"
tui_expect desk closed "the hall is closed: opening hours 08:30–18:00"
tui_expect desk closed "| opening hours"
tui_expect desk closed "| 08:30–18:00"
expect_eq "stored" "voided|waiting|elderly|110105********002X|138****5678" \
	"$(sql "select (select state from tickets where number = 'A001'), state, priority, id_masked, phone_masked from tickets where number = 'F001'")"
expect_eq "void reason kept" "业务选错" "$(sql "select detail from events where kind = 'void'")"
expect_eq "desk rows" "1|1|0" "$(sql "select (select count(*) from consultations where desk = 1), (select count(*) from cases where desk = 1 and mode = 'guided'), (select count(*) from sessions where desk = 1 and ended_at is null)")"
expect_eq "attendance at the desk" "g1" "$(sql "select group_concat(distinct staff) from sessions where desk = 1")"
grep -q "A001" "$T/slips.txt" || fail "A001's slip was not printed: $(cat "$T/slips.txt" 2>&1)"
[ "$(grep -c "F001" "$T/slips.txt")" -ge 2 ] || fail "F001 printed and reprinted: $(cat "$T/slips.txt" 2>&1)"
done_testing
