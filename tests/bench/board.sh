#!/bin/sh
# The hall board (qdesk board) in tmux on a private socket: call→board latency, from the moment
# `qdesk call` has returned (the call is committed) until the board's pane shows the new number's
# line, polled with capture-pane; p50 and p99 of BOARD_BENCH_CALLS calls (default 40) made one
# after another at windows 1-6. Beside it, one capture-pane round trip (the measurement's own grain)
# and the loop's tick (150 ms: the design's bound on the wait). Then the board's CPU while idle for
# BOARD_BENCH_IDLE seconds (default 10), from /proc/PID/stat, beside a window console's login
# screen idle as long (the same event loop with nothing to reload). Times in ms.
BUILD=${BUILD:-build}
TOP=$(cd "$(dirname "$0")/../.." && pwd)
QDESK=$TOP/$BUILD/qdesk
T=$(mktemp -d)
SOCK=qdesk-bench-board-$$
tm() { tmux -L "$SOCK" -f /dev/null "$@"; }
trap 'tm kill-server 2>/dev/null; rm -rf "${T:?}"' EXIT
export QDESK_CONFIG=$TOP/conf/qdesk.conf LANGUAGE=en LC_ALL=C.UTF-8
export QDESK_NOW="2026-11-23 09:00:00"
CALLS=${BOARD_BENCH_CALLS:-40}
IDLE=${BOARD_BENCH_IDLE:-10}
command -v tmux >/dev/null || { echo "board bench: tmux missing (make deps)"; exit 1; }
DB=$T/hall.db
q() { "$QDESK" --db "$DB" "$@"; }
row() { printf '%-58s %10s %10s %8s\n' "$1" "$2" "$3" "$4"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1fx", a / b; else print "-" }'; }
pct() { sort -n "$1" | awk -v p="$2" '{ a[NR] = $1 } END { i = int(NR * p / 100 + 0.5); if (i < 1) i = 1; if (i > NR) i = NR; print a[i] }'; }
now_us() { echo $(( $(date +%s%N) / 1000 )); }
ms() { awk -v u="$1" 'BEGIN { printf "%.1f", u / 1000 }'; }

q init >/dev/null || exit 1
for w in 1 2 3 4 5 6; do
	echo 1234 | q staff add "c$w" --name "职员$w" --role clerk >/dev/null || exit 1
done
i=0
while [ $i -lt "$CALLS" ]; do q issue A >/dev/null; i=$((i + 1)); done

# start SCREEN ARGS…: a tmux window running qdesk; prints its pid (the pane's process: exec'd)
start() {
	name=$1; shift
	printf 'exec env QDESK_CONFIG=%s QDESK_NOW="%s" LANGUAGE=en LC_ALL=C.UTF-8 %s --db %s %s\n' \
		"$QDESK_CONFIG" "$QDESK_NOW" "$QDESK" "$DB" "$*" >"$T/$name.sh"
	if tm has-session -t bench 2>/dev/null; then
		tm new-window -d -t bench -n "$name" "sh $T/$name.sh"
	else
		tm new-session -d -s bench -x 120 -y 36 -n "$name" "sh $T/$name.sh" || return 1
	fi
	tm display -p -t "bench:$name" '#{pane_pid}'
}
# wait_text PANE TEXT: poll until TEXT shows (at most 10 s); 1 if it never did
wait_text() {
	n=0
	while [ $n -lt 5000 ]; do
		tm capture-pane -p -t "$1" | grep -qF -- "$2" && return 0
		n=$((n + 1))
	done
	return 1
}
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

echo "== board (tmux 120x36; ms)"
row "what" "board" "baseline" "ratio"
pid=$(start board board) || { echo "board bench: tmux cannot start"; exit 1; }
wait_text bench:board "Waiting for the first call" || { echo "board bench: the board did not start"; exit 1; }
: >"$T/lat"; : >"$T/cap"
i=0
while [ $i -lt "$CALLS" ]; do
	w=$((i % 6 + 1))
	q call $w --staff "c$w" >"$T/call" 2>&1 || { echo "board bench: call failed: $(cat "$T/call")"; exit 1; }
	t0=$(now_us)
	num=$(cut -d' ' -f1 "$T/call")
	wait_text bench:board "请${num}号到${w}号窗口" || { echo "board bench: $num never showed"; exit 1; }
	t1=$(now_us)
	echo $((t1 - t0)) >>"$T/lat"
	t2=$(now_us); tm capture-pane -p -t bench:board >/dev/null; t3=$(now_us)
	echo $((t3 - t2)) >>"$T/cap"
	q finish $w --staff "c$w" >/dev/null
	i=$((i + 1))
done
cap=$(ms "$(pct "$T/cap" 50)")
row "call→board latency, p50 (vs one capture-pane)" "$(ms "$(pct "$T/lat" 50)")" "$cap" "$(ratio "$(ms "$(pct "$T/lat" 50)")" "$cap")"
row "call→board latency, p99 (vs the loop's 150 ms tick)" "$(ms "$(pct "$T/lat" 99)")" "150.0" "$(ratio "$(ms "$(pct "$T/lat" 99)")" 150)"

# idle: nobody calls; the board and a window console's login screen side by side
cpid=$(start console window 1)
wait_text bench:console "Staff id" >/dev/null 2>&1
hz=$(getconf CLK_TCK)
b0=$(cpu_ticks "$pid"); c0=$(cpu_ticks "$cpid"); s0=$(now_us)
sleep "$IDLE"
b1=$(cpu_ticks "$pid"); c1=$(cpu_ticks "$cpid"); s1=$(now_us)
pcent() { awk -v t="$1" -v hz="$hz" -v us="$2" 'BEGIN { printf "%.2f%%", 100 * t / hz / (us / 1e6) }'; }
row "board CPU idle ${IDLE} s (vs a console's login screen)" "$(pcent $((b1 - b0)) $((s1 - s0)))" \
	"$(pcent $((c1 - c0)) $((s1 - s0)))" ""
row "board CPU idle ${IDLE} s, ticks of 1/${hz} s" "$((b1 - b0))" "$((c1 - c0))" ""
tm send-keys -t bench:board q
