#!/bin/sh
# Training mode: the demo day is consistent (every call after its issue, one window per clerk,
# every case on a served ticket, on a demo clock inside opening hours), a live database never
# becomes a training one, the simulator runs a fast day that leaves the store consistent, runs
# live until stopped, and only one runs at a time.
. "$(dirname "$0")/../lib.sh"
command -v sqlite3 >/dev/null || { echo "sqlite3 missing"; exit 77; }
sql() { sqlite3 -readonly "$1" "$2"; }

# consistent DB WHAT: the invariants a believable hall keeps
consistent() {
	expect_eq "$2: calls before issue" 0 "$(sql "$1" "SELECT count(*) FROM tickets WHERE called_at < issued_at")"
	expect_eq "$2: call events before issue" 0 "$(sql "$1" "SELECT count(*) FROM events e JOIN tickets t
		ON t.id = e.ticket_id WHERE e.kind IN ('call', 'recall') AND e.at < t.issued_at")"
	expect_eq "$2: finished before called" 0 "$(sql "$1" "SELECT count(*) FROM tickets WHERE finished_at < called_at")"
	expect_eq "$2: clerks at two windows" 0 "$(sql "$1" "SELECT count(*) FROM (SELECT staff FROM sessions
		WHERE ended_at IS NULL GROUP BY staff HAVING count(*) > 1)")"
	expect_eq "$2: tickets at two windows" 0 "$(sql "$1" "SELECT count(*) FROM (SELECT current_ticket FROM
		windows WHERE current_ticket IS NOT NULL GROUP BY current_ticket HAVING count(*) > 1)")"
	expect_eq "$2: cases on unserved tickets" 0 "$(sql "$1" "SELECT count(*) FROM cases c JOIN tickets t
		ON t.id = c.ticket_id WHERE t.state <> 'served' AND c.voided = 0")"
	expect_eq "$2: integrity" ok "$(sql "$1" "PRAGMA integrity_check")"
}

# The demo at a Sunday 03:14: a demo clock at 10:00, the morning so far, windows 1 and 2 left free.
QDESK_NOW="2026-11-29 03:14:00" expect_exit 0 q init --demo
expect_grep "demo clock said" "demo clock: 2026-11-29 10:00:00" "$T/out"
consistent "$DB" demo
issued=$(sql "$DB" "SELECT count(*) FROM tickets")
[ "$issued" -gt 50 ] || fail "a demo morning should be busy, got $issued tickets"
expect_eq "nothing after the demo clock" 0 "$(sql "$DB" "SELECT count(*) FROM events WHERE at >
	strftime('%s', '2026-11-29 10:00:00', 'utc')")"
expect_eq "windows 1 and 2 left to people" 0 "$(sql "$DB" "SELECT count(*) FROM sessions WHERE window IN (1, 2)")"
expect_eq "someone is still waiting" 1 "$(sql "$DB" "SELECT count(*) > 0 FROM tickets WHERE state = 'waiting'")"
# Waits grow with the real clock: an hour later the demo clock reads 11:00.
QDESK_NOW="2026-11-29 04:14:00" expect_exit 0 q training
expect_grep "demo clock moves" "demo clock: 2026-11-29 11:00:00" "$T/out"
expect_grep "current" "2026-11-29: current" "$T/out"
expect_grep "screens listed" "qdesk --db $DB window 2" "$T/out"
expect_grep "simulator listed" "qdesk --db $DB simulate" "$T/out"
QDESK_NOW="2026-11-29 04:14:00" expect_exit 0 q issue A --json
expect_grep "issued on the demo clock" '"issued_at":"2026-11-29 11:00:00"' "$T/out"
# Again: idempotent. The demo day ends at closing time (demo clock), and make run makes it afresh.
QDESK_NOW="2026-11-29 04:20:00" expect_exit 0 q init --demo
expect_eq "second init adds no tickets" $((issued + 1)) "$(sql "$DB" "SELECT count(*) FROM tickets")"
QDESK_NOW="2026-11-29 11:30:00" expect_exit 3 q training
expect_grep "day over" "over" "$T/out"

# A live hall's database never becomes a training one, and the simulator refuses it.
LIVE="$T/live.db"
expect_exit 0 "$QDESK_BIN" --db "$LIVE" init
expect_exit 0 "$QDESK_BIN" --db "$LIVE" issue A
expect_exit 1 "$QDESK_BIN" --db "$LIVE" init --demo
expect_grep "refusal says why" "not a training database" "$T/err"
expect_eq "nothing added to the live hall" 1 "$(sql "$LIVE" "SELECT count(*) FROM tickets")"
expect_exit 1 "$QDESK_BIN" --db "$LIVE" simulate --from 2026-11-24 --days 1
expect_exit 1 "$QDESK_BIN" --db "$LIVE" training
# Outside hours a live hall names its hours and the next opening.
QDESK_NOW="2026-11-29 03:14:00" expect_exit 1 "$QDESK_BIN" --db "$LIVE" issue A
expect_grep "hours named" "opening hours 08:30–18:00; next opening Sunday 08:30" "$T/err"
QDESK_NOW="2026-11-28 18:30:00" expect_exit 1 "$QDESK_BIN" --db "$LIVE" issue A
expect_grep "next day named" "next opening Sunday 08:30" "$T/err"

# A fast whole day (the next one) through the engine, then the store is still consistent.
expect_exit 0 q simulate --from 2026-11-30 --days 1 --seed 7 --json
expect_grep "counts reported" '"served":' "$T/out"
served=$(sed 's/.*"served":\([0-9]*\).*/\1/' "$T/out")
[ "$served" -gt 100 ] || fail "a simulated day should serve many, got $served"
consistent "$DB" "fast day"
expect_exit 0 q check
expect_exit 0 q audit verify
expect_eq "that day is over: no clerk still signed in" 0 "$(sql "$DB" "SELECT count(*) FROM sessions
	WHERE ended_at IS NULL AND started_at >= strftime('%s', '2026-11-30 00:00:00', 'utc')")"
expect_eq "served tickets of the day match" "$served" "$(sql "$DB" "SELECT count(*) FROM tickets
	WHERE day = '2026-11-30' AND state = 'served'")"
expect_eq "no-shows and ratings happen" 1 "$(sql "$DB" "SELECT (SELECT count(*) FROM tickets WHERE
	day = '2026-11-30' AND state = 'noshow') > 0 AND (SELECT count(*) FROM evaluations WHERE day = '2026-11-30') > 0")"
expect_exit 2 q simulate --from 2026-11-31 --days 1
expect_exit 2 q simulate --days 1

# Live: one simulator at a time; it stops cleanly on SIGTERM and says what it did.
QDESK_NOW="2026-11-29 03:20:00" "$QDESK_BIN" --db "$DB" simulate --leave 1,2 >"$T/live.out" 2>"$T/live.err" &
pid=$!
i=0
until QDESK_NOW="2026-11-29 03:20:00" q training >"$T/tr.out" 2>&1 && grep -q "running (pid $pid)" "$T/tr.out"; do
	i=$((i + 1)); [ $i -lt 200 ] || { fail "simulator never showed as running"; break; }
	sleep 0.05
done
QDESK_NOW="2026-11-29 03:20:00" expect_exit 1 q simulate
expect_grep "second simulator refused" "already running" "$T/err"
kill -TERM $pid
wait $pid
expect_eq "simulator exit on SIGTERM" 0 $?
expect_grep "summary printed" "simulated:" "$T/live.out"
QDESK_NOW="2026-11-29 03:20:00" expect_exit 0 q training
expect_grep "not running after" "not running" "$T/out"
done_testing
