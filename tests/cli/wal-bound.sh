#!/bin/sh
# The WAL stays short when qdesk runs only as separate commands (issue 11): each command exits
# without a checkpoint, so without store_wal_trim the -wal file grew by every command's pages (about
# 100 KB a call and finish) and every lone command paid to re-read all of it. Here 90 call+finish
# rounds (about 9 MB of WAL before) must never leave more than the trim threshold (1 MB) plus one
# command's pages, with no other connection open; and the same while a reader holds a connection
# open (then the close never checkpoints and SQLite's own autocheckpoint bounds it).
. "$(dirname "$0")/../lib.sh"
export QDESK_NOW="2026-11-23 09:00:00"
q init --demo >/dev/null || fail "init"
for i in $(seq 1 100); do q issue A >/dev/null || fail "issue $i"; done

# rounds N OUT: N call+finish rounds at window 1; the largest -wal size seen after a command to OUT
rounds() {
	max=0
	for i in $(seq 1 "$1"); do
		q call 1 --staff clerk01 >/dev/null || fail "call $i"
		q finish 1 --staff clerk01 >/dev/null || fail "finish $i"
		size=$(stat -c %s "$DB-wal" 2>/dev/null || echo 0)
		[ "$size" -gt "$max" ] && max=$size
	done
	echo "$max" >"$2"
}
limit=$((1048576 + 262144))
rounds 45 "$T/alone"
[ "$(cat "$T/alone")" -le "$limit" ] || fail "WAL grew to $(cat "$T/alone") bytes with no connection open"
[ "$(cat "$T/alone")" -gt 0 ] || fail "no WAL was ever written (the test measured nothing)"

# a reader keeps a connection (and the -shm index) open meanwhile
mkfifo "$T/hold"
(sqlite3 "$DB" <"$T/hold" >/dev/null 2>&1) &
exec 3>"$T/hold"
echo "SELECT count(*) FROM tickets;" >&3
rounds 45 "$T/held"
exec 3>&-
wait
# SQLite's own bound while others are open: the autocheckpoint (1000 pages) restarts the WAL
[ "$(cat "$T/held")" -le $((1000 * 4120 + 262144)) ] || fail "WAL grew to $(cat "$T/held") bytes with a reader open"
echo "largest WAL: alone $(cat "$T/alone"), reader open $(cat "$T/held") bytes"
expect_exit 0 q check
expect_exit 0 q audit verify
done_testing
