#!/bin/sh
# make bench: timings reported, never asserted; each beside the bare-commit baseline (bench-bare:
# BEGIN IMMEDIATE; UPDATE one row; COMMIT, WAL, synchronous=FULL) measured in the same run.
# One section per concern, each a function listed in SECTIONS at the end (add yours there):
#   speed    first write of a day, qdesk call from the command line, growth per ticket
#   engine   the in-process engine (bench-queue) and the CLI round trip (cli-throughput.sh)
#   report   qdesk report of a day, a month and a year on 1 and 5 years of history (report.sh)
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
row() { printf '%-58s %10s %10s %8s\n' "$1" "$2" "$3" "$4"; }
# bare N: "p50 p99" of the baseline in ms
bare() { "$B/bench-bare" "${1:-300}" | sed 's/.*p50 \([0-9.]*\) ms  p99 \([0-9.]*\) ms/\1 \2/'; }
# timed FILE CMD...: run CMD, append its wall time in ms to FILE; its exit status is kept in $rc
timed() { f=$1; shift; t0=$(now_ns); "$@" >/dev/null 2>&1; rc=$?; t1=$(now_ns); echo $(( (t1 - t0) / 1000 )) | awk '{ printf "%.3f\n", $1 / 1000 }' >>"$f"; }

speed() {
	conf="$TOP/tests/bench/hall-32.conf"
	echo "== speed (hall-32.conf: 32 windows; scale ${BENCH_SCALE:-small}; ms)"
	row "what" "qdesk" "baseline" "ratio"
	for y in $YEARS; do
		db="$T/h$y.db"
		"$B/gen-history" --config "$conf" --db "$db" --days $((y * 365)) --until 2026-11-20 -q >"$T/gen" ||
			{ echo "gen-history failed" >&2; return 1; }
		[ "$y" = 0 ] && "$Q" --config "$conf" --db "$db" init >/dev/null
		tickets=$(sqlite3 -readonly "$db" 'SELECT count(*) FROM tickets')
		# every window left signed in on Friday evening
		for w in $(seq 1 32); do
			QDESK_NOW="2026-11-20 17:30:00" "$Q" --config "$conf" --db "$db" call $w --staff "$(printf 'c%03d' $w)" >/dev/null 2>&1
		done
		set -- $(bare 200)
		: >"$T/first"
		QDESK_NOW="2026-11-23 08:40:00" timed "$T/first" "$Q" --config "$conf" --db "$db" call 1 --staff c001
		row "first write of a day, 32 windows signed in, ${y}y ($tickets tickets)" "$(cat "$T/first")" "$1" "$(ratio "$(cat "$T/first")" "$1")"
		# qdesk call from the command line, one clerk: p50/p99 against config check + 2 bare commits
		: >"$T/call"; : >"$T/check"
		for i in $(seq 1 60); do
			QDESK_NOW="2026-11-23 09:00:00" "$Q" --config "$conf" --db "$db" issue A >/dev/null
		done
		for i in $(seq 1 60); do
			QDESK_NOW="2026-11-23 09:30:00" timed "$T/call" "$Q" --config "$conf" --db "$db" call 2 --staff c002
			QDESK_NOW="2026-11-23 09:31:00" "$Q" --config "$conf" --db "$db" finish 2 --staff c002 >/dev/null
			timed "$T/check" "$Q" --config "$conf" config check
		done
		base=$(awk -v c="$(pct "$T/check" 50)" -v b="$1" 'BEGIN { printf "%.3f", c + 2 * b }')
		row "qdesk call, 1 clerk, p50 (vs config check + 2x bare p50)" "$(pct "$T/call" 50)" "$base" "$(ratio "$(pct "$T/call" 50)" "$base")"
		row "qdesk call, 1 clerk, p99 (vs bare p99)" "$(pct "$T/call" 99)" "$2" "$(ratio "$(pct "$T/call" 99)" "$2")"
		# 8 clerks at once, each calling and finishing in a loop
		for i in $(seq 1 400); do echo; done | QDESK_NOW="2026-11-23 10:00:00" xargs -P 4 -n 1 "$Q" --config "$conf" --db "$db" issue B >/dev/null 2>&1
		: >"$T/call8"
		for w in 3 4 5 6 7 8 9 10; do
			(for i in $(seq 1 40); do
				QDESK_NOW="2026-11-23 10:30:00" timed "$T/call8.$w" "$Q" --config "$conf" --db "$db" call $w --staff "$(printf 'c%03d' $w)"
				QDESK_NOW="2026-11-23 10:31:00" "$Q" --config "$conf" --db "$db" finish $w --staff "$(printf 'c%03d' $w)" >/dev/null 2>&1
			done) &
		done
		wait
		cat "$T"/call8.* >"$T/call8"; rm -f "$T"/call8.*
		row "qdesk call, 8 clerks at once, p50" "$(pct "$T/call8" 50)" "$1" "$(ratio "$(pct "$T/call8" 50)" "$1")"
		row "qdesk call, 8 clerks at once, p99 (vs 1 clerk p99)" "$(pct "$T/call8" 99)" "$(pct "$T/call" 99)" "$(ratio "$(pct "$T/call8" 99)" "$(pct "$T/call" 99)")"
		if [ "$tickets" -gt 0 ]; then
			bytes=$(sqlite3 -readonly "$db" 'SELECT page_count * page_size FROM pragma_page_count, pragma_page_size')
			row "database bytes per ticket, ${y}y" "$((bytes / tickets))" "" ""
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

SECTIONS=${BENCH_SECTIONS:-speed engine report}
for s in $SECTIONS; do
	$s || { echo "bench section $s failed" >&2; exit 1; }
done
