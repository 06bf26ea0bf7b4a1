#!/bin/sh
# make bench: timings reported, never asserted; each beside the bare-commit baseline (bench-bare:
# BEGIN IMMEDIATE; UPDATE one row; COMMIT, WAL, synchronous=FULL) measured in the same run.
# One section per concern, each a function listed in SECTIONS at the end (add yours there):
#   speed    first write of a day (as a command and in one process: bench-first), qdesk call from
#            the command line (bench-clerks), in one process at 1/8/32 windows (bench-windows),
#            growth per ticket
#   engine   the in-process engine (bench-queue) and the CLI round trip (cli-throughput.sh)
#   report   qdesk report of a day, a month and a year on 1 and 5 years of history (report.sh)
#   board    call→board latency and the hall board's idle CPU, in tmux (board.sh)
#   audit    qdesk audit verify on a clean database of about 100,000 events
# History comes from gen-history (BENCH_SCALE=small by default, full = 3.5 M tickets a year);
# BENCH_YEARS="0 1 5" says which histories (years) to build.
BUILD=${BUILD:-build}
TOP=$(cd "$(dirname "$0")/../.." && pwd)
Q="$TOP/$BUILD/qdesk"
B="$TOP/$BUILD/bench"
T=$(mktemp -d); trap 'rm -rf "${T:?}"' EXIT
export LANGUAGE=en LC_ALL=C.UTF-8
YEARS=${BENCH_YEARS:-0 1 5}

now_ns() { date +%s%N; }
# pct FILE P: the P-th percentile of the numbers in FILE (one a line)
pct() { sort -n "$1" | awk -v p="$2" '{ a[NR] = $1 } END { i = int(NR * p / 100 + 0.5); if (i < 1) i = 1; if (i > NR) i = NR; print a[i] }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1fx", a / b; else print "-" }'; }
row() { printf '%-58s %10s %10s %8s  %s\n' "$1" "$2" "$3" "$4" "${5:-}"; }
# bare N: "p50 p99" of the baseline in ms
bare() { "$B/bench-bare" "${1:-300}" | sed 's/.*p50 \([0-9.]*\) ms  p99 \([0-9.]*\) ms/\1 \2/'; }
# timed FILE CMD...: run CMD, append its wall time in ms to FILE; its exit status is kept in $rc
timed() { f=$1; shift; t0=$(now_ns); "$@" >/dev/null 2>&1; rc=$?; t1=$(now_ns); echo $(( (t1 - t0) / 1000 )) | awk '{ printf "%.3f\n", $1 / 1000 }' >>"$f"; }

# goal ROW QDESK BASE LIMIT: a row with the ratio and whether it is within LIMIT (x)
goal() { row "$1" "$2" "$3" "$(ratio "$2" "$3")" "$(awk -v a="$2" -v b="$3" -v l="$4" 'BEGIN { printf "%s %s", (b > 0 && a / b <= l) ? "met" : "NOT", "<=" l "x" }')"; }

speed() {
	conf="$TOP/tests/bench/hall-32.conf"
	echo "== speed (hall-32.conf: 32 windows; scale ${BENCH_SCALE:-small}; ms; baseline measured in the same run)"
	row "what" "qdesk" "baseline" "ratio" "goal"
	for y in $YEARS; do
		db="$T/h$y.db"
		"$B/gen-history" --config "$conf" --db "$db" --days $((y * 365)) --until 2026-11-20 -q >"$T/gen" ||
			{ echo "gen-history failed" >&2; return 1; }
		tickets=$(sqlite3 -readonly "$db" 'SELECT count(*) FROM tickets')
		echo "-- ${y} years of history ($tickets tickets)"
		# the same first write in one process (no process start), on a copy of the history: its
		# median and worst of three mornings, against a plain in-process call's p50
		cp "$db" "$T/first.db"; [ -f "$db-wal" ] && cp "$db-wal" "$T/first.db-wal"
		out=$("$B/bench-first" --config "$conf" --db "$T/first.db" --rounds 40) ||
			{ echo "bench-first failed" >&2; return 1; }
		set -- $out
		rm -f "$T/first.db" "$T/first.db-wal" "$T/first.db-shm"
		row "first write of a day in-process, median of 3 (vs call p50)" "$2" "$4" "$(ratio "$2" "$4")"
		row "first write of a day in-process, worst of 3 (goal: < 50 ms)" "$3" "50" "$(ratio "$3" 50)" \
			"$(awk -v a="$3" 'BEGIN { print (a < 50) ? "met" : "NOT" }') <50ms"
		[ "$y" = 0 ] && firstin0=$2
		[ "$y" != 0 ] && [ -n "${firstin0:-}" ] && goal "first write in-process after ${y}y (vs the empty database's)" "$2" "$firstin0" 1.5
		# the first write of a day (rollover included) with every window left signed in the evening
		# before: Monday after the generated Friday, then Tuesday and Wednesday (median of three)
		: >"$T/first"
		for d in 20:23 23:24 24:25; do
			for w in $(seq 1 32); do
				QDESK_NOW="2026-11-${d%:*} 17:30:00" "$Q" --config "$conf" --db "$db" call $w --staff "$(printf 'c%03d' $w)" >/dev/null 2>&1
			done
			QDESK_NOW="2026-11-${d#*:} 08:40:00" timed "$T/first" "$Q" --config "$conf" --db "$db" call 1 --staff c001
			[ "$d" = 20:23 ] || continue
			set -- $(bare 200)
			bare50=$1 bare99=$2
			# qdesk call from the command line, one clerk, then 8 at once
			for i in $(seq 1 60); do
				QDESK_NOW="2026-11-23 09:00:00" "$Q" --config "$conf" --db "$db" issue A >/dev/null
			done
			# qdesk config check (30 runs), then 1 clerk (60 call+finish rounds) and 8 clerks at once
			# (40 each), each clerk a process running qdesk (bench-clerks: "WHAT N P50 P99")
			check=$("$B/bench-clerks" --qdesk "$Q" --config "$conf" --check 30) &&
			one=$("$B/bench-clerks" --qdesk "$Q" --config "$conf" --db "$db" --clerks 1 --rounds 60) &&
			seq 1 400 | QDESK_NOW="2026-11-23 10:00:00" xargs -P 4 -I{} "$Q" --config "$conf" --db "$db" issue B >/dev/null 2>&1 &&
			eight=$("$B/bench-clerks" --qdesk "$Q" --config "$conf" --db "$db" --clerks 8 --rounds 40) ||
				{ echo "bench-clerks failed" >&2; return 1; }
			set -- $check; check50=$3 check99=$4
			set -- $one; one50=$3 one99=$4
			set -- $eight; eight50=$3 eight99=$4
			base50=$(awk -v c="$check50" -v b="$bare50" 'BEGIN { printf "%.3f", c + 2 * b }')
			base99=$(awk -v c="$check99" -v b="$bare99" 'BEGIN { printf "%.3f", c + 2 * b }')
			goal "qdesk call, 1 clerk, p50 (vs config check + 2x bare)" "$one50" "$base50" 1
			goal "qdesk call, 1 clerk, p99 (vs config check + 2x bare)" "$one99" "$base99" 1
			row "qdesk call, 8 clerks at once, p50 (vs the same)" "$eight50" "$base50" "$(ratio "$eight50" "$base50")"
			goal "qdesk call, 8 clerks at once, p99 (vs 1 clerk p99)" "$eight99" "$one99" 2
			# in one process: N windows (threads, own connections) beside N bare writers
			for n in 1 8 32; do
				out=$(QDESK_NOW="2026-11-23 11:00:00" "$B/bench-windows" --config "$conf" --db "$db" --windows $n --rounds 40) ||
					{ echo "bench-windows failed" >&2; return 1; }
				set -- $out
				goal "in-process call, $n windows at once, p50 (vs bare)" "$3" "$5" 1.5
				goal "in-process call, $n windows at once, p99 (vs bare)" "$4" "$6" 1.5
			done
		done
		goal "first write of a day, 32 signed in, p50 of 3 (vs call p50)" "$(pct "$T/first" 50)" "$one50" 1.5
		[ "$y" = 0 ] && first0=$(pct "$T/first" 50)
		[ "$y" != 0 ] && [ -n "${first0:-}" ] && goal "first write of a day after ${y}y (vs the empty database's)" "$(pct "$T/first" 50)" "$first0" 1.5
		if [ "$tickets" -gt 0 ]; then
			bytes=$(sqlite3 -readonly "$db" 'SELECT page_count * page_size FROM pragma_page_count, pragma_page_size')
			row "database bytes per ticket" "$((bytes / tickets))" "" "" ""
		fi
	done
}

engine() {
	echo "== engine"
	for b in "$B"/bench-queue; do
		[ -x "$b" ] && { "$b" || return 1; }
	done
	BUILD=$BUILD sh "$TOP/tests/bench/cli-throughput.sh" || return 1
}

report() {
	BUILD=$BUILD sh "$TOP/tests/bench/report.sh"
}

board() {
	BUILD=$BUILD sh "$TOP/tests/bench/board.sh"
}

# trust: qdesk audit verify on a clean database of about 100,000 chained events (gen-history writes
# every event through store_event_add), beside sqlite3 reading every event row once.
audit() {
	conf="$TOP/tests/bench/hall-32.conf"
	db="$T/audit.db"
	echo "== audit (hall-32.conf, scale small, about 100,000 events; seconds)"
	QDESK_NOW="2026-11-23 08:00:00" "$B/gen-history" --config "$conf" --db "$db" --days 66 \
		--until 2026-11-20 --scale small -q >"$T/gen" || { echo "gen-history failed" >&2; return 1; }
	events=$(sqlite3 -readonly "$db" 'SELECT count(*) FROM events')
	: >"$T/verify"; : >"$T/scan"
	for i in 1 2 3; do
		timed "$T/verify" "$Q" --config "$conf" --db "$db" audit verify
		[ $rc = 0 ] || { echo "audit verify found a problem on a clean database (exit $rc)" >&2; return 1; }
		timed "$T/scan" sqlite3 -readonly "$db" 'SELECT count(*), sum(length(hash)), max(detail) FROM events'
	done
	v=$(pct "$T/verify" 50) s=$(pct "$T/scan" 50)
	row "what" "qdesk" "baseline" "ratio"
	row "audit verify, $events events, median of 3 (vs one scan)" \
		"$(awk -v v="$v" 'BEGIN { printf "%.2f", v / 1000 }')" "$(awk -v v="$s" 'BEGIN { printf "%.2f", v / 1000 }')" "$(ratio "$v" "$s")"
}

SECTIONS=${BENCH_SECTIONS:-speed engine report board audit}
for s in $SECTIONS; do
	$s || { echo "bench section $s failed" >&2; exit 1; }
done
