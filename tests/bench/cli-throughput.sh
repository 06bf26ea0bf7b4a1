#!/bin/sh
# The command line as scripts and hardware callers use it: wall time of N issue + call + finish
# rounds through separate qdesk processes on one database (process start, config parse, open,
# one write transaction each) for type N (no daily quota) at window 22, and the memory high-water mark of one call.
BUILD=${BUILD:-build}
TOP=$(cd "$(dirname "$0")/../.." && pwd)
Q="$TOP/$BUILD/qdesk"
T=$(mktemp -d); trap 'rm -rf "${T:?}"' EXIT
export QDESK_CONFIG="$TOP/conf/qdesk.conf" QDESK_NOW="2026-11-23 09:00:00" LANGUAGE=en
N=${N:-200}
# ok CMD...: run one qdesk command; any failure ends the benchmark (a failing command is fast and
# would make the numbers look better).
ok() { "$Q" --db "$T/b.db" "$@" >/dev/null || { echo "cli-throughput: qdesk $* failed (exit $?)" >&2; exit 1; }; }
ok init
echo 0000 | ok staff add c1 --name bench --role clerk || exit 1
start=$(date +%s.%N)
i=0
while [ $i -lt $N ]; do
	ok issue N
	ok call 22 --staff c1
	ok finish 22 --staff c1
	i=$((i + 1))
done
end=$(date +%s.%N)
awk -v n=$N -v s=$start -v e=$end 'BEGIN { t = e - s; printf "%d rounds of issue+call+finish: %.2f s, %.2f ms per command\n", n, t, t * 1000 / (3 * n) }'
# every round finished its ticket, so nothing may be left waiting: call must say so with exit 3
"$Q" --db "$T/b.db" call 22 --staff c1 >/dev/null 2>&1
rc=$?; [ $rc -eq 3 ] || { echo "cli-throughput: call on an empty queue gave exit $rc, not 3" >&2; exit 1; }
ok issue N
/usr/bin/time -f "peak RSS of one call: %M KiB" "$Q" --db "$T/b.db" call 22 --staff c1 >/dev/null ||
	{ echo "cli-throughput: the measured call failed" >&2; exit 1; }
