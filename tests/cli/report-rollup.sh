#!/bin/sh
# The report's per-day and per-month rollups (store-rollup.c): over ten weeks of generated history
# with undos, voided evaluations, transfers and walk-ins, every total summed from the rollups (by
# none, type, day, weekday; whole past months from the month rows) equals the same total counted
# record by record (by window, hour, staff: no rollup);
# a database from before the rollups gets them filled by init; `qdesk check` finds a rollup that
# disagrees with the records, each way.
. "$(dirname "$0")/../lib.sh"
command -v sqlite3 >/dev/null || { echo "sqlite3 missing"; exit 77; }
command -v python3 >/dev/null || { echo "python3 missing"; exit 77; }
GEN=$TOP/$BUILD/bench/gen-history
[ -x "$GEN" ] || { echo "gen-history not built (make bench-bins)"; exit 77; }
export QDESK_NOW="2026-11-23 09:00:00"

"$GEN" --config "$QDESK_CONFIG" --db "$DB" --days 75 --until 2026-11-20 --seed 11 -q >"$T/gen" 2>&1 ||
	fail "gen-history: $(cat "$T/gen")"
# Corrections on a past day through the CLI: a lead voids an evaluation, so the rollups move.
vid=$(sqlite3 "$DB" "SELECT v.id FROM evaluations v JOIN tickets t ON t.id = v.ticket_id
	WHERE v.voided = 0 AND v.day = '2026-11-19' ORDER BY v.id LIMIT 1")
tid=$(sqlite3 "$DB" "SELECT ticket_id FROM evaluations WHERE id = $vid")
expect_exit 0 q evaluation void "$tid" --staff l01 --reason "rated by the clerk"
expect_eq "the evaluation is voided" 1 "$(sqlite3 "$DB" "SELECT voided FROM evaluations WHERE id = $vid")"
expect_exit 0 q check

# same_totals PERIOD...: the totals of every grouping agree
same_totals() {
	q report "$@" --json >"$T/none.json" 2>"$T/err" || fail "report $*: $(cat "$T/err")"
	for by in type day weekday window hour staff; do
		q report "$@" --by "$by" --json >"$T/$by.json" 2>"$T/err" || fail "report $* --by $by: $(cat "$T/err")"
	done
	python3 - "$T" "$*" <<'EOF' || fail "totals differ for $*"
import json, sys
d, period = sys.argv[1], sys.argv[2]
live = json.load(open(f"{d}/window.json"))["total"]
bad = 0
for by in ("none", "type", "day", "weekday", "hour", "staff"):
    t = json.load(open(f"{d}/{by}.json"))["total"]
    for k, v in live.items():
        if t.get(k) != v:
            print(f"{period} --by {by}: {k} = {t.get(k)}, counted record by record {v}")
            bad += 1
if live["issued"] == 0 or live["cases"] == 0 or live["rated"] == 0:
    print(f"{period}: an empty fixture proves nothing: {live}")
    bad += 1
sys.exit(1 if bad else 0)
EOF
}
same_totals --day 2026-11-19
same_totals --month 2026-11
same_totals --from 2026-10-20 --to 2026-11-23
same_totals --from 2026-09-15 --to 2026-11-23   # the days around a whole month (October)
same_totals --year 2026
same_totals --month 2026-10

# Grouped rows from the rollups: the types' rows add up to the total.
q report --month 2026-11 --by type --json >"$T/type.json"
python3 - "$T/type.json" <<'EOF' || fail "type rows do not add up"
import json, sys
r = json.load(open(sys.argv[1]))
for k in ("issued", "served", "cases", "rated", "rating.1", "help_minutes", "waited"):
    s = sum(g[k] for g in r["groups"])
    walk_ins = k in ("cases", "help_minutes")        # a walk-in's case has no type: total only
    if (s > r["total"][k]) if walk_ins else (s != r["total"][k]):
        print(k, s, r["total"][k]); sys.exit(1)
EOF

# A database from before the rollups: init adds them, filled from the records.
cp "$DB" "$T/old.db"
sqlite3 "$T/old.db" "SELECT 'DROP TRIGGER ' || name || ';' FROM sqlite_master WHERE type = 'trigger'
	AND name LIKE 'roll%'; SELECT 'DROP TABLE ' || name || ';' FROM sqlite_master WHERE type = 'table'
	AND name LIKE 'roll%';" >"$T/drop.sql"
sqlite3 "$T/old.db" <"$T/drop.sql"
sqlite3 "$T/old.db" "PRAGMA user_version = 13"
expect_exit 0 "$QDESK_BIN" --db "$T/old.db" init
expect_exit 0 "$QDESK_BIN" --db "$T/old.db" check
"$QDESK_BIN" --db "$T/old.db" report --month 2026-11 --json >"$T/old.json"
q report --month 2026-11 --json >"$T/new.json"
cmp -s "$T/new.json" "$T/old.json" || fail "the filled rollups report otherwise than the kept ones"

# A rollup that disagrees with the records, either way, is a violation.
cp "$DB" "$T/bad.db"
sqlite3 "$T/bad.db" "UPDATE roll_tickets SET n = n + 1 WHERE day = '2026-11-18' AND state = 'served'
	AND type = (SELECT min(type) FROM roll_tickets WHERE day = '2026-11-18' AND state = 'served')"
expect_exit 1 "$QDESK_BIN" --db "$T/bad.db" check
expect_grep "names the day" "2026-11-18: the report's rollup counts what the records do not hold: tickets" "$T/out"
cp "$DB" "$T/bad2.db"
sqlite3 "$T/bad2.db" "DELETE FROM roll_ratings WHERE day = '2026-11-17'"
expect_exit 1 "$QDESK_BIN" --db "$T/bad2.db" check
expect_grep "names the day" "2026-11-17: the report's rollup misses records: ratings" "$T/out"
# The triggers take records out as well as in: qdesk never deletes these records, but a hand edit
# might. Deleting an evaluation, a case's help rows, a case (its help counted with it) and a served
# ticket with no case or evaluation leaves no rollup at odds with the records (the audit chain then
# flags the edit, which is its job).
cp "$DB" "$T/del.db"
sqlite3 "$T/del.db" "DELETE FROM evaluations WHERE id = (SELECT min(id) FROM evaluations WHERE voided = 0);
	DELETE FROM case_help WHERE case_id = (SELECT min(case_id) FROM case_help);
	DELETE FROM cases WHERE id = (SELECT max(case_id) FROM case_help);
	DELETE FROM tickets WHERE id = (SELECT max(id) FROM tickets t WHERE state = 'served'
		AND NOT EXISTS (SELECT 1 FROM cases WHERE ticket_id = t.id)
		AND NOT EXISTS (SELECT 1 FROM evaluations WHERE ticket_id = t.id));
	SELECT changes();" >"$T/changes"
expect_eq "a ticket was deleted" 1 "$(cat "$T/changes")"
"$QDESK_BIN" --db "$T/del.db" check >"$T/out" 2>&1
grep -q "rollup" "$T/out" && fail "a deletion left the rollups at odds: $(grep rollup "$T/out")"
done_testing
