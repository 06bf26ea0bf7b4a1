#!/bin/sh
# A report's CSV as LibreOffice Calc reads it: the default file (UTF-8 with BOM) and the GB18030
# one, each imported with its character set (Calc's import dialog preselects UTF-8 for a file with
# a BOM; headless, the filter options must say it: 76 is UTF-8, 85 GB18030 in LibreOffice's
# rtl/textenc.h). Calc's re-export of each must hold the same cells as the file: every Chinese
# label intact, every number the same number, a formula-looking cell still text.
. "$(dirname "$0")/../lib.sh"
command -v soffice >/dev/null || { echo "LibreOffice missing (make deps)"; exit 77; }
command -v python3 >/dev/null || { echo "python3 missing"; exit 77; }
export QDESK_NOW="2026-11-24 11:00:00"
expect_exit 0 q init --demo
# a category whose name looks like a formula, as a careless config might have it
sed '/id = "agri"/s/name = "农林水牧"/name = "=1+2"/' "$QDESK_CONFIG" >"$T/formula.conf"
export QDESK_CONFIG="$T/formula.conf"
q report --by category --format csv --output "$T/utf8.csv" || fail "csv"
q report --by type --format csv --encoding gb18030 --output "$T/gb.csv" || fail "csv gb18030"

# calc FILE INFILTER: Calc's UTF-8 re-export of FILE in $T/lo-out/
calc() {
	f=$1; shift
	mkdir -p "$T/lo-out"
	HOME=$T soffice -env:UserInstallation="file://$T/lo-profile" --headless --norestore \
		${1:+--infilter="$1"} --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1' \
		--outdir "$T/lo-out" "$f" >"$T/lo.log" 2>&1 || fail "soffice on $f: $(cat "$T/lo.log")"
	[ -s "$T/lo-out/$(basename "$f")" ] || fail "Calc wrote nothing for $f: $(cat "$T/lo.log")"
}
# same FILE ENCODING: the cells of FILE and of Calc's re-export agree
same() {
	python3 - "$1" "$2" "$T/lo-out/$(basename "$1")" <<'EOF' || fail "Calc read $1 otherwise"
import csv, sys
src = list(csv.reader(open(sys.argv[1], encoding=sys.argv[2], newline="")))
out = list(csv.reader(open(sys.argv[3], encoding="utf-8", newline="")))
def number(v):
    v = v.strip()
    pct = v.endswith("%")
    try:
        return float(v.rstrip("%")) / (100 if pct else 1)
    except ValueError:
        return None
bad = 0
if len(src) != len(out):
    print("rows", len(src), len(out)); sys.exit(1)
for i, (a, b) in enumerate(zip(src, out)):
    a = a + [""] * (len(b) - len(a)); b = b + [""] * (len(a) - len(b))
    for j, (x, y) in enumerate(zip(a, b)):
        if x == y or (number(x) is not None and number(y) is not None and abs(number(x) - number(y)) < 1e-9):
            continue
        print(f"row {i} column {j}: file [{x}], Calc [{y}]"); bad += 1
chinese = sum(1 for r in out for c in r if any("\u4e00" <= ch <= "\u9fff" for ch in c))
if chinese < 5:
    print("hardly any Chinese in Calc's cells:", out[:2]); bad += 1
sys.exit(1 if bad else 0)
EOF
}
calc "$T/utf8.csv" "CSV:44,34,76"
same "$T/utf8.csv" utf-8-sig
grep -q "'=1+2" "$T/lo-out/utf8.csv" || fail "the formula-looking name is not kept as text: $(head -c 300 "$T/lo-out/utf8.csv")"
calc "$T/gb.csv" "CSV:44,34,85"
same "$T/gb.csv" gb18030
done_testing
