#!/bin/sh
# qdesk report over a fixture built through the command line with a fixed clock: every figure
# compared with a hand count, period edges (midnight, month end, 29 February, a holiday, a make-up
# working day), undone records, the day read as the engine reads it, CSV read back by Python's csv
# (utf-8-sig and gb18030), formula cells neutralised, and the summary paragraph figure by figure.
. "$(dirname "$0")/../lib.sh"
at() { QDESK_NOW="$1"; export QDESK_NOW; }
at "2026-01-01 08:40:00"      # made before every day of the fixture (no date before creation)
q init >/dev/null
for s in c1 c2; do echo 2468 | q staff add $s --name "员工$s" --role clerk >/dev/null; done
echo 2468 | q staff add g1 --name 导服 --role guide >/dev/null
echo 2468 | q staff add l1 --name 值班长 --role lead >/dev/null

# 2026-11-30, a Monday and a month's last day. Five tickets at 09:00: A001 A002 B001 C001 A003.
at "2026-11-30 09:00:00"
for t in A A B C A; do q issue $t >/dev/null || fail "issue $t"; done
at "2026-11-30 09:10:00"; q call 1 --staff c1 >/dev/null                       # A001 waited 10 min
at "2026-11-30 09:14:00"; q finish 1 --staff c1 --outcome done --mode guided \
	--case-category enterprise --rating 5 >/dev/null || fail "finish A001"   # served in 4 min
at "2026-11-30 09:15:00"; q call 1 --staff c1 >/dev/null                       # A002 waited 15
at "2026-11-30 09:16:00"; q noshow 1 --staff c1 >/dev/null
at "2026-11-30 09:20:00"; q call 2 --staff c2 >"$T/out"; expect_eq "window 2 calls" "B001" "$(cut -d' ' -f1 "$T/out")"
at "2026-11-30 09:25:00"; q transfer 2 --staff c2 --type C >/dev/null || fail "transfer"
at "2026-11-30 09:30:00"; q call 1 --staff c1 >"$T/out"; expect_eq "window 1 calls" "A003" "$(cut -d' ' -f1 "$T/out")"
# A finish with a bad rating, undone: its case is voided, but the applicant's evaluation and its
# rectification item stay (an undo never takes a rating back), so the second finish gives none.
at "2026-11-30 09:40:00"; q finish 1 --staff c1 --outcome accepted --channel online --mode assisted \
	--elderly-help form-filling --minutes 10 --rating 2 --reason slow >/dev/null || fail "finish A003"
at "2026-11-30 09:40:30"; q undo 1 --staff c1 >/dev/null || fail "undo"
at "2026-11-30 09:42:00"; q finish 1 --staff c1 --outcome done --mode delegated --case-category agri \
	--elderly-help escort --minutes 15 >/dev/null || fail "refinish A003"
at "2026-11-30 09:50:00"; q issue A >/dev/null; q void A004 --reason duplicate --staff g1 >/dev/null || fail "void"
at "2026-11-30 10:00:00"; q consult --window 1 --staff c1 >/dev/null
at "2026-11-30 10:05:00"; q guided --desk 1 --staff g1 >/dev/null || fail "guided at a desk"   # 导办 and 咨询
# 办不成事: two problems; one solved the same day, one on 1 December (after the day's report).
at "2026-11-30 11:00:00"; q problem add --staff c1 --window 1 --what "证明开不出来" >/dev/null || fail "problem 1"
at "2026-11-30 11:10:00"; q problem add --staff c1 --window 1 --what "跑了三次" >/dev/null || fail "problem 2"
at "2026-11-30 16:00:00"; q problem resolve 1 --staff l1 --resolution "已协调" >/dev/null || fail "resolve 1"
at "2026-11-30 12:00:00"; q pause 1 --staff c1 --reason meal >/dev/null
at "2026-11-30 12:30:00"; q resume 1 --staff c1 >/dev/null
at "2026-11-30 23:59:59"; q consult --staff c1 >/dev/null                      # midnight: still 30 Nov

# Read on 1 December before anything is written that day: B001 and C001 were left waiting, and
# count as expired although no write has expired them yet.
at "2026-12-01 07:00:00"
j() { python3 -c 'import json,sys; d=json.load(sys.stdin); print(" ".join(str(eval(e, {"d": d, "t": d["total"]})) for e in sys.argv[1:]))' "$@"; }
q report --day 2026-11-30 --json >"$T/nov30.json" || fail "report day"
tot() { j "$@" <"$T/nov30.json"; }
expect_eq "tickets" "6 2 1 1 2 1 0" "$(tot 't["issued"]' 't["served"]' 't["noshow"]' 't["transferred"]' 't["expired"]' 't["voided"]' 't["open"]')"
expect_eq "consultations" "3" "$(tot 't["consultations"]')"
expect_eq "cases" "2 0 2 0 2 100.0 2 0" "$(tot 't["cases"]' 't["outcome.accepted"]' 't["outcome.done"]' 't["outcome.rejected"]' 't["accepted"]' 't["done_rate"]' 't["onsite"]' 't["online"]')"
expect_eq "categories" "1 1 0 0" "$(tot 't["category.enterprise"]' 't["category.agri"]' 't["category.social"]' 't["category.none"]')"
expect_eq "modes" "2 0 1 3" "$(tot 't["mode.guided"]' 't["mode.assisted"]' 't["mode.delegated"]' 't["modes"]')"
expect_eq "elderly" "1 1 0 15" "$(tot 't["elderly_people"]' 't["help.escort"]' 't["help.form-filling"]' 't["help_minutes"]')"
expect_eq "ratings" "2 0 1 0 0 1 1 50.0 1" "$(tot 't["rated"]' 't["rating.1"]' 't["rating.2"]' 't["rating.3"]' 't["rating.4"]' 't["rating.5"]' 't["good"]' 't["good_rate"]' 't["bad"]')"
expect_eq "rectifications" "1 0 0.0 0 0.0 0" "$(tot 't["rectifications"]' 't["rectified"]' 't["rectify_rate"]' 't["called_back"]' 't["callback_rate"]' 't["overdue"]')"
# waits 10 and 30 min (A's target is 20: one past it); service 4 and 12 min
expect_eq "waits" "2 1200 600 1800 1 480" "$(tot 't["waited"]' 't["wait_mean"]' 't["wait_median"]' 't["wait_p90"]' 't["past_target"]' 't["service_mean"]')"
expect_eq "per working day" "1 1 2.0 6.0" "$(tot 'd["days"]' 'd["working_days"]' 't["daily_cases"]' 't["daily_issued"]')"
# c1 from 09:10, c2 from 09:20, both to closing (18:00); c1 paused 30 min for a meal
expect_eq "attendance" "1050 1 30" "$(tot 't["staffed"]//60' 't["pauses"]' 't["paused"]//60')"
expect_eq "per clerk" "c1 530 1 1800 c2 520" "$(tot 'd["attendance"][0]["staff"]' 'd["attendance"][0]["staffed_seconds"]//60' 'd["attendance"][0]["pauses"]["meal"]["count"]' 'd["attendance"][0]["pauses"]["meal"]["seconds"]' 'd["attendance"][1]["staff"]' 'd["attendance"][1]["staffed_seconds"]//60')"
expect_eq "problems" "True 2 1" "$(tot 'd["problems_recorded"]' 't["problems_received"]' 't["problems_solved"]')"

# Breakdowns.
q report --day 2026-11-30 --by type --json >"$T/type.json"
g() { j "[(r[\"key\"], $1) for r in d[\"groups\"]]" <"$2"; }
expect_eq "by type" "[('A', 4, 2, 1, 0, 2), ('B', 1, 0, 0, 1, 0), ('C', 1, 0, 0, 1, 0)]" \
	"$(g 'r["issued"], r["served"], r["noshow"], r["expired"], r["cases"]' "$T/type.json")"
expect_eq "transfers by type" "[('A', 0), ('B', 1), ('C', 0)]" "$(g 'r["transferred"]' "$T/type.json")"
expect_eq "no consultations by type" "[('A', None), ('B', None), ('C', None)]" "$(g 'r["consultations"]' "$T/type.json")"
q report --day 2026-11-30 --by window --json >"$T/window.json"
expect_eq "by window" "[('1', 3, 2, 1, 0, 1, 530), ('2', 0, 0, 0, 1, 0, 520)]" \
	"$(g 'r["issued"], r["served"], r["noshow"], r["transferred"], r["consultations"], r["staffed"]//60' "$T/window.json")"
q report --day 2026-11-30 --by hour --json >"$T/hour.json"
expect_eq "by hour" "[('09', 6, 0, 2), ('10', 0, 2, 0), ('11', 0, 0, 0), ('23', 0, 1, 0)]" \
	"$(g 'r["issued"], r["consultations"], r["cases"]' "$T/hour.json")"
q report --day 2026-11-30 --by category --json >"$T/cat.json"
expect_eq "by category" "[('agri', 1, None), ('enterprise', 1, None)]" "$(g 'r["cases"], r["issued"]' "$T/cat.json")"

# 1 December: the first write expires yesterday's tickets; the 30th's figures do not change.
at "2026-12-01 00:00:00"; q consult --staff c2 >/dev/null
at "2026-12-01 09:00:00"; q problem resolve 2 --staff l1 --resolution "已办结" >/dev/null || fail "resolve 2"
q report --day 2026-11-30 --json >"$T/again.json"
expect_eq "re-run" "$(tot 't')" "$(j 't' <"$T/again.json")"
expect_eq "months" "3 1" "$(q report --month 2026-11 --json | j 't["consultations"]') $(q report --month 2026-12 --json | j 't["consultations"]')"
expect_eq "week" "2026-11-30 2026-12-06 4" "$(q report --week 2026-12-02 --json | j 'd["from"]' 'd["to"]' 't["consultations"]')"
# Past its deadline (5 working days: 7 December) the item is overdue, judged at the period's end.
at "2026-12-09 09:00:00"
expect_eq "overdue" "0 1" "$(q report --month 2026-11 --json | j 't["overdue"]') $(q report --from 2026-11-30 --to 2026-12-31 --json | j 't["overdue"]')"

# A holiday (1 October) has no working day; a make-up Saturday (10 October) is one.
at "2026-10-01 10:00:00"; q consult --staff c1 >/dev/null
at "2026-10-10 10:00:00"; q consult --staff c1 >/dev/null
expect_eq "holiday" "1 0 None" "$(q report --day 2026-10-01 --json | j 't["consultations"]' 'd["working_days"]' 't["daily_cases"]')"
expect_eq "make-up day" "1 1" "$(q report --day 2026-10-10 --json | j 't["consultations"]' 'd["working_days"]')"
expect_eq "October" "31 18 2" "$(q report --month 2026-10 --json | j 'd["days"]' 'd["working_days"]' 't["consultations"]')"
# 29 February 2028.
at "2028-02-29 10:00:00"; q issue A >/dev/null
expect_eq "29 Feb" "1 29 21 0" "$(q report --day 2028-02-29 --json | j 't["issued"]') $(q report --month 2028-02 --json | j 'd["days"]' 'd["working_days"]') $(q report --month 2028-03 --json | j 't["issued"]')"
expect_eq "Feb 2027" "28" "$(q report --month 2027-02 --json | j 'd["days"]')"
expect_eq "open today" "1 0" "$(q report --day 2028-02-29 --json | j 't["open"]' 't["expired"]')"
at "2028-03-01 09:00:00"
expect_eq "expired next day" "0 1" "$(q report --day 2028-02-29 --json | j 't["open"]' 't["expired"]')"
expect_eq "year" "2026-01-01 2026-12-31 4 6" "$(q report --year 2026 --json | j 'd["from"]' 'd["to"]' 't["consultations"] - 2' 't["issued"]')"

# Usage errors.
expect_exit 2 q report --month 2026-13
expect_exit 2 q report --from 2026-12-02 --to 2026-12-01
expect_exit 2 q report --day 2026-11-30 --month 2026-11
expect_exit 2 q report --by colour
expect_exit 2 q report --format xls
expect_exit 2 q report --format json --encoding gb18030

# CSV: UTF-8 with BOM by default, GB18030 on request, read back by Python's csv module.
csv_check() {
	python3 - "$1" "$2" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding=sys.argv[2], newline="")))
head, total = rows[0], rows[-1]
cell = dict(zip(head, total))
print(len(rows), cell["tickets issued"], cell["tickets served"], cell["mean wait (minutes)"], cell["good-evaluation rate"], cell["staff"] if "staff" in cell else "")
PY
}
at "2026-12-01 07:00:00"
q report --day 2026-11-30 --by staff --format csv --output "$T/r.csv" || fail "csv"
expect_eq "BOM" "efbbbf" "$(head -c 3 "$T/r.csv" | od -An -tx1 | tr -d ' \n')"
expect_eq "csv utf-8" "5 6 2 20.0 50.0% " "$(csv_check "$T/r.csv" utf-8-sig)"
q report --day 2026-11-30 --by staff --format csv --encoding gb18030 >"$T/g.csv" || fail "csv gb18030"
expect_eq "csv gb18030" "5 6 2 20.0 50.0% " "$(csv_check "$T/g.csv" gb18030)"
expect_eq "csv names" "员工c1" "$(python3 -c 'import csv,sys; print(list(csv.reader(open(sys.argv[1], encoding="gb18030")))[1][3])' "$T/g.csv")"
# A name a spreadsheet would take for a formula is text.
sed 's/name = "农林水牧"/name = "=1+2"/' "$QDESK_CONFIG" >"$T/formula.conf"
QDESK_CONFIG="$T/formula.conf" q report --day 2026-11-30 --by category --format csv >"$T/f.csv"
expect_eq "formula neutralised" "'=1+2" "$(python3 -c 'import csv,sys; print(list(csv.reader(open(sys.argv[1], encoding="utf-8-sig")))[1][3])' "$T/f.csv")"

# The bureau's paragraph, figure by figure (the hall's language, Chinese).
LANGUAGE=zh_CN q report --month 2026-11 --format summary >"$T/sum.txt"
expect_eq "summary" "2026年11月份，累计接待群众咨询3人，受理各类办件2件（农林水牧1件、企业1件、个体0件、文教卫生0件、食品药品0件、特种设备及立项0件、建设项目0件、社会服务0件），网上办件0件，日均办件量0.1件，办结率100.0%，其中导办、帮办、代办共计3件。适老化服务方面，帮助老年人办事1人次，提供帮办代办等服务1次（优先办理0次、代填表单0次、智能设备指导0次、陪同办理1次、上门服务0次、免费复印0次），用时15分钟。好差评方面，共收到评价2条，好评率50.0%，差评1条；差评整改事项1件，整改率0.0%，回访率0.0%，逾期未整改0件。“办不成事”反映窗口受理问题2件，已解决1件。" "$(cat "$T/sum.txt")"
# The config's report group chooses the categories and their order, and the subject.
cp "$QDESK_CONFIG" "$T/rep.conf"
printf 'report = { subject = "我局"; categories = [ "enterprise", "agri" ]; };\n' >>"$T/rep.conf"
QDESK_CONFIG="$T/rep.conf" LANGUAGE=zh_CN q report --from 2026-01-01 --to 2026-11-30 --format summary >"$T/sum2.txt"
expect_grep "subject and order" "2026年1-11月份，我局累计接待群众咨询5人，受理各类办件2件（企业1件、农林水牧1件），网上办件0件，日均办件量0.0件" "$T/sum2.txt"
cp "$QDESK_CONFIG" "$T/bad.conf"; printf 'report = { categories = [ "nope" ]; };\n' >>"$T/bad.conf"
QDESK_CONFIG="$T/bad.conf" expect_exit 2 q report
expect_grep "config error" 'bad.conf:[0-9]*: .*unknown case category "nope"' "$T/err"

# The table lines up Chinese by columns and fits the terminal.
COLUMNS=80 LANGUAGE=zh_CN q report --day 2026-11-30 --by staff >"$T/table.txt"
python3 - "$T/table.txt" <<'PY' || fail "table columns: $(cat "$T/table.txt")"
import sys, unicodedata
w = lambda s: sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()[1:-1]
widths = {w(l) for l in lines}
assert len(widths) == 1 and max(widths) < 80, widths
PY
done_testing
