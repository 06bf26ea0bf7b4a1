#!/bin/sh
# The store refuses what is not its own and says why: a foreign SQLite file, a 0-byte file, a
# directory, an older schema (only init migrates); read-only commands work on a file the user may
# only read and write nothing; a full disk (file-size limit), a read-only file and a held lock each
# give their message and change nothing; `issue --request-id` returns the same ticket on a retry.
. "$(dirname "$0")/../lib.sh"
sum() { md5sum "$1" | cut -d' ' -f1; }

# A foreign SQLite file: refused by a read-only command, a write and init alike, left untouched.
F="$T/foreign.db"
sqlite3 "$F" "CREATE TABLE other (x); INSERT INTO other VALUES (1);"
before=$(sum "$F")
for cmd in status "issue A" init; do
	expect_exit 2 "$QDESK_BIN" --db "$F" $cmd
	expect_grep "foreign file, $cmd" "not a qdesk database" "$T/err"
done
expect_eq "foreign file unchanged" "$before" "$(sum "$F")"
expect_eq "foreign file still not WAL" "delete" "$(sqlite3 "$F" "PRAGMA journal_mode")"
expect_exit 2 "$QDESK_BIN" --db "$F" status --json
expect_grep "foreign file, JSON" '"error":"foreign"' "$T/out"

# A 0-byte file and a directory.
: >"$T/empty.db"
expect_exit 2 "$QDESK_BIN" --db "$T/empty.db" issue A
expect_grep "empty file" "an empty file" "$T/err"
expect_eq "empty file stays empty" "0" "$(wc -c <"$T/empty.db" | tr -d ' ')"
expect_exit 2 "$QDESK_BIN" --db "$T" status
expect_grep "directory" "is a directory" "$T/err"
expect_exit 2 "$QDESK_BIN" --db "$T" init
expect_grep "directory, init" "is a directory" "$T/err"

# init makes the file for owner and group only, and the file says it is qdesk's.
q init >/dev/null || fail "init"
expect_eq "database mode" "0" "$(( $(stat -c %a "$DB") % 10 ))"
expect_eq "application_id" "1363432267" "$(sqlite3 "$DB" "PRAGMA application_id")"

# An older schema: only init migrates it.
cp "$DB" "$T/old.db"
sqlite3 "$T/old.db" "PRAGMA user_version = 3; PRAGMA application_id = 0;"
before=$(sum "$T/old.db")
expect_exit 2 "$QDESK_BIN" --db "$T/old.db" status
expect_grep "older schema" "run 'qdesk init' to upgrade" "$T/err"
expect_exit 2 "$QDESK_BIN" --db "$T/old.db" issue A
expect_eq "older schema untouched" "$before" "$(sum "$T/old.db")"

# Request ids: a retry gets the same ticket; another type under the same key is refused.
expect_exit 0 q issue A --request-id kiosk-1-0001
first=$(cat "$T/out")
expect_exit 0 q issue A --request-id kiosk-1-0001
expect_eq "retry, same ticket" "$first" "$(cat "$T/out")"
expect_exit 1 q issue B --request-id kiosk-1-0001
expect_exit 2 q issue A --request-id ""
expect_eq "one ticket for the request" "1" "$(sqlite3 "$DB" "SELECT count(*) FROM tickets")"

# A file-size limit (a full disk): a clear message, exit 1 (no SIGXFSZ), nothing changed.
expect_exit 1 sh -c "ulimit -f 72; exec \"\$0\" --db \"\$1\" issue A --json" "$QDESK_BIN" "$DB"
expect_grep "disk full, stderr" "disk full:" "$T/err"
expect_grep "disk full, JSON" '"error":"disk-full"' "$T/out"
expect_eq "disk full, no ticket" "1" "$(sqlite3 "$DB" "SELECT count(*) FROM tickets")"

# Read-only: a user who may only read the file (and not its folder) can read, not write.
sqlite3 "$DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
rm -f "$DB-wal" "$DB-shm"
if [ "$(id -u)" = 0 ]; then
	# the other user reads the program and the config from $T: the checkout (a fresh clone in a
	# mktemp directory, say) may be closed to it; sanitizer reports go to stderr (and fail the exit)
	cp "$QDESK_BIN" "$T/qdesk-reader" && cp "$QDESK_CONFIG" "$T/reader.conf" || exit 1
	chmod 755 "$T" "$T/qdesk-reader"; chmod 644 "$DB" "$T/reader.conf"
	READER_BIN="$T/qdesk-reader"
	reader() { env ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=print_stacktrace=1 \
		QDESK_CONFIG="$T/reader.conf" setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
else
	chmod 555 "$T"; chmod 444 "$DB"
	READER_BIN="$QDESK_BIN"
	reader() { "$@"; }
fi
before=$(sum "$DB")
expect_exit 0 reader "$READER_BIN" --db "$DB" status
expect_grep "read-only status" "A  " "$T/out"
expect_exit 1 reader "$READER_BIN" --db "$DB" issue A
expect_grep "read-only issue" "read-only:" "$T/err"
expect_eq "read-only, file unchanged" "$before" "$(sum "$DB")"
chmod 700 "$T"; chmod 640 "$DB"

# A held lock: "waiting for the database…" after a second, then busy with the wait, exit 1.
sed 's/^\( *busy_seconds *=\).*/\1 2;/' "$QDESK_CONFIG" >"$T/busy.conf"
grep -q "busy_seconds = 2;" "$T/busy.conf" || fail "busy.conf: no busy_seconds to set"
mkfifo "$T/fifo"
sqlite3 "$DB" <"$T/fifo" >"$T/holder.out" 2>&1 &
holder=$!
exec 3>"$T/fifo"
echo ".timeout 10000" >&3
echo "BEGIN IMMEDIATE; UPDATE tickets SET calls = calls;" >&3
i=0
while sqlite3 -cmd ".timeout 0" "$DB" "BEGIN IMMEDIATE; ROLLBACK;" 2>/dev/null && [ $i -lt 200 ]; do
	i=$((i + 1)); sleep 0.05
done
expect_exit 1 "$QDESK_BIN" --config "$T/busy.conf" --db "$DB" issue A --json
expect_grep "busy, waiting said" "waiting for the database" "$T/err"
expect_grep "busy, stderr" "busy: another process" "$T/err"
expect_grep "busy, JSON" '"error":"busy"' "$T/out"
expect_exit 0 "$QDESK_BIN" --config "$T/busy.conf" --db "$DB" status
echo "ROLLBACK;" >&3
exec 3>&-
wait "$holder"; cat "$T/holder.out" >&2
expect_eq "busy, no ticket" "1" "$(sqlite3 "$DB" "SELECT count(*) FROM tickets")"
done_testing
