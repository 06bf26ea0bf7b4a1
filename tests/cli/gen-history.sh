#!/bin/sh
# The history generator (tests/bench/gen-history, used by make bench and the report timings) makes
# two weeks of the demo hall through the engine's row functions: every table gets rows, tickets end
# in every state, the file is sound, and the next morning's first write (the rollover of what was
# left signed in, paused or waiting) and a call work on it.
. "$(dirname "$0")/../lib.sh"
GEN="$TOP/$BUILD/bench/gen-history"
[ -x "$GEN" ] || { echo "no $GEN: make bench-bins" >&2; exit 1; }
expect_exit 0 "$GEN" --config "$QDESK_CONFIG" --db "$DB" --days 14 --until 2026-11-22 --seed 7 -q
expect_grep summary "working days to 2026-11-22" "$T/out"
sql() { sqlite3 -readonly "$DB" "$1"; }
expect_eq integrity ok "$(sql 'PRAGMA integrity_check')"
for s in served noshow expired; do
	n=$(sql "SELECT count(*) FROM tickets WHERE state = '$s'")
	[ "$n" -gt 0 ] || fail "no ticket ended $s"
done
for t in events cases case_help evaluations rectifications consultations sessions pauses staff; do
	n=$(sql "SELECT count(*) FROM $t")
	[ "$n" -gt 0 ] || fail "table $t is empty"
done
expect_eq "days off skipped" 0 "$(sql "SELECT count(*) FROM tickets WHERE day IN ('2026-11-14', '2026-11-15')")"
expect_eq "modes" 3 "$(sql 'SELECT count(DISTINCT mode) FROM cases')"
expect_eq "bad ratings open a rectification" \
	"$(sql 'SELECT count(*) FROM evaluations WHERE level <= 2')" "$(sql 'SELECT count(*) FROM rectifications')"
expect_eq "every ticket issued once" "$(sql 'SELECT count(*) FROM tickets')" \
	"$(sql "SELECT count(*) FROM events WHERE kind = 'issue'")"
# the next working day: its first write closes what was left, then a clerk calls
export QDESK_NOW="2026-11-23 08:40:00"
expect_exit 0 q issue A
expect_exit 0 q call 1 --staff c001
expect_eq "nothing left open from before" 0 \
	"$(sql "SELECT count(*) FROM sessions WHERE ended_at IS NULL AND started_at < strftime('%s', '2026-11-23')")"
done_testing
