#!/bin/sh
# qdesk check: a healthy database passes (exit 0); each broken invariant is reported by name and
# exits 1: a ticket whose columns disagree with its state, a ticket at two windows, a window whose
# current ticket is not served there, a gap in the day's numbers, a case of a missing ticket, a
# foreign key, and the audit chain. check opens read-only and changes nothing.
. "$(dirname "$0")/../lib.sh"
q init >/dev/null
echo 2468 | q staff add c1 --name 李四 --role clerk >/dev/null
echo 2468 | q staff add c2 --name 王五 --role clerk >/dev/null
for i in 1 2 3 4; do q issue A >/dev/null; done
q call 1 --staff c1 >/dev/null; q finish 1 --staff c1 --rating 5 >/dev/null
q call 1 --staff c1 >/dev/null; q call 2 --staff c2 >/dev/null
expect_exit 0 q check
expect_grep "healthy" "database OK" "$T/out"
expect_exit 0 q check --json
expect_grep "healthy, JSON" '"ok":true' "$T/out"
sqlite3 "$DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null   # a command leaves its -wal: copy one file
cp "$DB" "$T/clean.db"
sum=$(md5sum "$T/clean.db" | cut -d' ' -f1)
# broken NAME CHECK SQL [no-audit]: on a fresh copy, SQL makes check report CHECK (and, for an
# audited table, the audit chain too) and exit 1.
broken() {
	cp "$T/clean.db" "$T/b.db"; rm -f "$T/b.db-wal" "$T/b.db-shm"
	sqlite3 "$T/b.db" "PRAGMA foreign_keys = OFF; $3" || fail "$1: sql"
	expect_exit 1 "$QDESK_BIN" --db "$T/b.db" check
	expect_grep "$1" "^$2: " "$T/out"
	[ "${4:-}" = no-audit ] || expect_grep "$1 (audit)" "^audit: " "$T/out"
}
broken "served without end" ticket-state "UPDATE tickets SET finished_at = NULL WHERE state = 'served'"
broken "two windows" ticket-two-windows "UPDATE windows SET current_ticket = (SELECT current_ticket FROM windows WHERE number = 1) WHERE number = 2" no-audit
broken "current not served" window-current "UPDATE tickets SET state = 'waiting' WHERE id = (SELECT current_ticket FROM windows WHERE number = 1)"
broken "number gap" counter "UPDATE tickets SET seq = 9 WHERE number = 'A004'"
broken "case of no ticket" case-ticket "UPDATE cases SET ticket_id = 999"
broken "foreign key" foreign-key "UPDATE tickets SET staff = 'ghost' WHERE number = 'A001'"
expect_eq "check changed nothing" "$sum" "$(md5sum "$T/clean.db" | cut -d' ' -f1)"
done_testing
