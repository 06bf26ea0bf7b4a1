#!/bin/sh
# qdesk report on one and on five years of history: the time of a day's, a month's and a year's
# report (and a year by a breakdown the rollups do not hold), each beside a bare SQLite count of
# the same year's tickets measured in the same run. History from gen-history on the demo hall's
# config (BENCH_SCALE: small by default, full = 14,000 tickets a working day, 3.5 M a year);
# REPORT_BENCH_YEARS says which histories ("1 5"). Times in ms, best of three.
BUILD=${BUILD:-build}
TOP=$(cd "$(dirname "$0")/../.." && pwd)
QDESK=$TOP/$BUILD/qdesk
GEN=$TOP/$BUILD/bench/gen-history
YEARS=${REPORT_BENCH_YEARS:-1 5}
T=$(mktemp -d)
trap 'rm -rf "${T:?}"' EXIT
export QDESK_CONFIG=$TOP/conf/qdesk.conf LANGUAGE=en LC_ALL=C.UTF-8
export QDESK_NOW="2027-01-04 09:00:00"
command -v sqlite3 >/dev/null || { echo "report bench: sqlite3 missing (make deps)"; exit 1; }

ms() { date +%s%N | cut -c1-13; }
row() { printf '%-58s %10s %10s %8s\n' "$1" "$2" "$3" "$4"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1fx", a / b; else print "-" }'; }
# best CMD...: the best of three wall times of CMD in ms
best() {
	b=
	for i in 1 2 3; do
		s=$(ms); "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; echo -1; return 1; }; e=$(ms)
		d=$((e - s)); { [ -z "$b" ] || [ "$d" -lt "$b" ]; } && b=$d
	done
	echo "$b"
}

echo "== report (conf/qdesk.conf: 24 windows; scale ${BENCH_SCALE:-small}; ms)"
row "what" "qdesk" "baseline" "ratio"
for y in $YEARS; do
	db=$T/h$y.db
	"$GEN" --config "$QDESK_CONFIG" --db "$db" --days $((y * 365)) --until 2026-12-31 -q >"$T/gen" 2>&1 ||
		{ cat "$T/gen" >&2; exit 1; }
	n=$(sqlite3 -readonly "$db" "SELECT count(*) FROM tickets WHERE day LIKE '2026-%'")
	base=$(best sqlite3 -readonly "$db" "SELECT count(*), sum(state = 'served') FROM tickets
		WHERE day BETWEEN '2026-01-01' AND '2026-12-31'")
	row "${y}y of history: baseline = sqlite3 count of 2026's $n tickets" "" "$base" ""
	for p in "--day 2026-12-31" "--month 2026-12" "--year 2026" "--year 2026 --by day" \
	         "--year 2026 --by type" "--year 2026 --by window"; do
		t=$(best "$QDESK" --db "$db" report $p --format json)
		row "  report $p" "$t" "$base" "$(ratio "$t" "$base")"
	done
	rm -f "$db" "$db-wal" "$db-shm"
done
