#!/bin/sh
# The command line as scripts and hardware callers use it: wall time of N issue + call + finish
# rounds through separate qdesk processes on one database (process start, config parse, open,
# one write transaction each) for type N (no daily quota) at window 22, and the memory high-water mark of one call.
BUILD=${BUILD:-build}
TOP=$(cd "$(dirname "$0")/../.." && pwd)
Q="$TOP/$BUILD/qdesk"
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
export QDESK_CONFIG="$TOP/conf/qdesk.conf" QDESK_NOW="2026-11-23 09:00:00" LANGUAGE=en
N=${N:-200}
"$Q" --db "$T/b.db" init >/dev/null
echo 0000 | "$Q" --db "$T/b.db" staff add c1 --name bench --role clerk >/dev/null
start=$(date +%s.%N)
i=0
while [ $i -lt $N ]; do
	"$Q" --db "$T/b.db" issue N >/dev/null
	"$Q" --db "$T/b.db" call 22 --staff c1 >/dev/null
	"$Q" --db "$T/b.db" finish 22 --staff c1 >/dev/null
	i=$((i + 1))
done
end=$(date +%s.%N)
awk -v n=$N -v s=$start -v e=$end 'BEGIN { t = e - s; printf "%d rounds of issue+call+finish: %.2f s, %.2f ms per command\n", n, t, t * 1000 / (3 * n) }'
"$Q" --db "$T/b.db" issue N >/dev/null
/usr/bin/time -f "peak RSS of one call: %M KiB" "$Q" --db "$T/b.db" call 22 --staff c1 >/dev/null
