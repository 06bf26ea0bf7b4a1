#!/bin/sh
# The audit trail: every change is chained; an edit, deletion, insertion or reordering made with
# the sqlite3 shell in any audited table (or the event log) is found by `audit verify`, which
# names the first broken event and each row that no longer matches. Undo never touches an
# evaluation; a lead voids one with a reason. Dates before the database was created are refused;
# events made under QDESK_NOW are reported.
. "$(dirname "$0")/../lib.sh"
q init >/dev/null
echo 2468 | q staff add c1 --name 李四 --role clerk >/dev/null
echo 2468 | q staff add l1 --name 王五 --role lead >/dev/null
q issue A >/dev/null; q issue A >/dev/null
q call 1 --staff c1 >/dev/null
q finish 1 --staff c1 --mode assisted --elderly-help form-filling --minutes 5 --rating 1 \
	--reason "等太久" >/dev/null || fail "finish"
q consult --staff c1 --topic "营业执照" >/dev/null || fail "consult"
expect_exit 0 q audit verify
expect_grep "intact" "audit trail intact" "$T/out"
expect_grep "fixed clock reported" "fixed clock (QDESK_NOW)" "$T/out"

# Undo keeps the evaluation and its rectification item.
expect_exit 0 q undo 1 --staff c1
expect_eq "evaluation kept" "1|0" "$(sqlite3 "$DB" "SELECT level || '|' || voided FROM evaluations")"
expect_eq "rectification kept" "open" "$(sqlite3 "$DB" "SELECT state FROM rectifications")"
expect_exit 1 q finish 1 --staff c1 --rating 5
expect_exit 0 q finish 1 --staff c1
expect_exit 1 q evaluation void A001 --staff c1 --reason "typo"
expect_grep "clerk may not void" "role may not" "$T/err"
expect_exit 2 q evaluation void A001 --staff l1
expect_exit 0 q evaluation void A001 --staff l1 --reason "按错了"
expect_eq "voided by the lead" "1|voided" "$(sqlite3 "$DB" "SELECT e.voided || '|' || r.state FROM evaluations e JOIN rectifications r ON r.evaluation_id = e.id")"
expect_exit 0 q audit verify
expect_exit 0 q audit log --ticket A001
expect_grep "log shows the void" "evaluation-void" "$T/out"
expect_exit 0 q audit log --staff L1 --json
expect_grep "log by staff, any case" '"kind":"evaluation-void"' "$T/out"

# A date before the database was created is refused, and nothing is written.
n=$(sqlite3 "$DB" "SELECT count(*) FROM events")
QDESK_NOW="1900-01-01 10:00:00" expect_exit 1 q issue A
expect_grep "backdating refused" "before the database was created" "$T/err"
expect_eq "nothing written" "$n" "$(sqlite3 "$DB" "SELECT count(*) FROM events")"

cp "$DB" "$T/clean.db"
# tamper NAME SQL PATTERN: on a fresh copy, SQL must make verify fail (exit 1) and print PATTERN.
tamper() {
	cp "$T/clean.db" "$T/t.db"; rm -f "$T/t.db-wal" "$T/t.db-shm"
	sqlite3 "$T/t.db" "$2" || fail "$1: sql"
	expect_exit 1 "$QDESK_BIN" --db "$T/t.db" audit verify
	expect_grep "$1" "$3" "$T/out"
}
for tb in tickets cases evaluations rectifications staff consultations case_help; do  # (problems: covered the same way)
	col=$(sqlite3 "$T/clean.db" "SELECT name FROM pragma_table_info('$tb') WHERE type = 'TEXT' ORDER BY pk = 0 DESC LIMIT 1")
	tamper "edit $tb" "UPDATE $tb SET $col = coalesce($col, '') || 'x' WHERE rowid = (SELECT min(rowid) FROM $tb)" "$tb row .*: row changed"
	tamper "delete $tb" "PRAGMA foreign_keys = OFF; DELETE FROM $tb WHERE rowid = (SELECT max(rowid) FROM $tb)" "$tb row .*: row deleted"
	pk=$(sqlite3 "$T/clean.db" "SELECT name || ' ' || type FROM pragma_table_info('$tb') WHERE pk > 0 ORDER BY pk DESC LIMIT 1")
	case $pk in
	*INTEGER) new="(SELECT max(${pk% *}) + 1 FROM $tb)" ;;
	*) new="${pk% *} || 'x'" ;;
	esac
	extra=; [ "$tb" = tickets ] && extra="UPDATE c SET seq = seq + 100;"
	tamper "insert $tb" "PRAGMA foreign_keys = OFF; CREATE TEMP TABLE c AS SELECT * FROM $tb LIMIT 1; UPDATE c SET ${pk% *} = $new; $extra INSERT INTO $tb SELECT * FROM c;" "$tb row .*written outside qdesk"
done
tamper "edit event" "UPDATE events SET staff = 'l1' WHERE kind = 'call'" "first broken event: [0-9]"
tamper "delete event" "DELETE FROM events WHERE kind = 'call'" "first broken event"
tamper "insert event" "INSERT INTO events (at, day, kind) VALUES (0, '2026-11-23', 'call')" "no hash"
tamper "reorder events" "UPDATE events SET id = -id WHERE id IN (3, 4); UPDATE events SET id = 7 - (-id) WHERE id < 0" "first broken event: 3"
tamper "edit coverage" "UPDATE audit_rows SET digest = zeroblob(32) WHERE event_id = (SELECT max(event_id) FROM audit_rows)" "BROKEN"
done_testing
