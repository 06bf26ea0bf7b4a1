#!/bin/sh
# qdesk report on one and five years of history: the time of a day's, a month's and a year's report,
# beside a bare SQLite count of the same year's tickets (the baseline, measured in the same run).
# History is bulk-loaded with SQL into the real schema (days of weekdays, tickets of 16 types,
# ~0.86 case per served ticket, 75% rated, transfers, consultations, elderly help, 4+ events a ticket).
# REPORT_BENCH_PER_DAY tickets a working day: 280 by default (a small hall); 14000 is a large city
# hall (3.5 M tickets a year). REPORT_BENCH_YEARS: the histories to measure ("1 5").
BUILD=${BUILD:-build}
QDESK=$(pwd)/$BUILD/qdesk
PER_DAY=${REPORT_BENCH_PER_DAY:-280}
YEARS=${REPORT_BENCH_YEARS:-1 5}
T=$(mktemp -d)
trap 'rm -rf "${T:?}"' EXIT
export QDESK_CONFIG=$(pwd)/conf/qdesk.conf LANGUAGE=en LC_ALL=C.UTF-8
export QDESK_NOW="2027-01-04 09:00:00"
command -v sqlite3 >/dev/null || { echo "report bench: sqlite3 missing (make deps)"; exit 0; }

ms() { date +%s%N | cut -c1-13; }
# time_of LABEL CMD...: run CMD three times, print the best in ms
time_of() {
	label=$1; shift; best=
	for i in 1 2 3; do
		s=$(ms); "$@" >/dev/null || { echo "$label: failed"; return 1; }; e=$(ms)
		d=$((e - s)); [ -z "$best" ] || [ "$d" -lt "$best" ] && best=$d
	done
	printf '  %-34s %6d ms\n' "$label" "$best"
}

load() {   # load YEARS of history ending 2026-12-31 into $1
	db=$1 years=$2
	"$QDESK" --db "$db" init >/dev/null || exit 1
	sqlite3 "$db" >/dev/null <<SQL
PRAGMA synchronous = OFF; PRAGMA journal_mode = OFF; PRAGMA foreign_keys = OFF;
BEGIN;
INSERT INTO staff (id, name, role, pin_hash, created_at)
  WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 24)
  SELECT printf('c%03d', i), printf('员工%d', i), 'clerk', 'x', 0 FROM n;
CREATE TEMP TABLE d AS
  WITH RECURSIVE d(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM d WHERE k < 365 * $years - 1)
  SELECT date('2026-12-31', printf('-%d days', k)) AS day,
         CAST(strftime('%s', date('2026-12-31', printf('-%d days', k))) AS INTEGER) - 28800 AS t0
  FROM d WHERE strftime('%w', date('2026-12-31', printf('-%d days', k))) NOT IN ('0', '6');
CREATE TEMP TABLE s AS
  WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < $PER_DAY) SELECT i FROM s;
INSERT INTO tickets (day, type, seq, number, state, pos, issued_at, called_at, finished_at, window,
                     staff, calls, queue_type)
  SELECT day, ty, i, printf('%s%04d', ty, i),
         CASE WHEN r < 85 THEN 'served' WHEN r < 93 THEN 'noshow' ELSE 'expired' END, i,
         t0 + 30600 + i * (30000 / $PER_DAY),
         CASE WHEN r < 93 THEN t0 + 30600 + i * (30000 / $PER_DAY) + (i * 7919 % 2400) END,
         CASE WHEN r < 93 THEN t0 + 30600 + i * (30000 / $PER_DAY) + (i * 7919 % 2400) + 120 + i % 900 END,
         CASE WHEN r < 93 THEN 1 + i % 24 END, CASE WHEN r < 93 THEN printf('c%03d', 1 + i % 24) END,
         CASE WHEN r < 93 THEN 1 ELSE 0 END, ty
  FROM (SELECT day, t0, i, (i * 37 + length(day)) % 100 AS r,
               substr('ABCTDEHJKLMQFGPN', 1 + i % 16, 1) AS ty FROM d, s);
INSERT INTO cases (ticket_id, day, at, window, staff, category, channel, outcome, mode, help_minutes)
  SELECT id, day, finished_at, window, staff,
         CASE id % 9 WHEN 0 THEN 'agri' WHEN 1 THEN 'enterprise' WHEN 2 THEN 'individual'
           WHEN 3 THEN 'culture' WHEN 4 THEN 'food-drug' WHEN 5 THEN 'equipment'
           WHEN 6 THEN 'construction' WHEN 7 THEN 'social' END,
         CASE WHEN id % 7 = 0 THEN 'online' ELSE 'onsite' END,
         CASE id % 10 WHEN 0 THEN 'consult' WHEN 1 THEN 'accepted' WHEN 2 THEN 'correction' ELSE 'done' END,
         CASE id % 11 WHEN 0 THEN 'guided' WHEN 1 THEN 'assisted' WHEN 2 THEN 'delegated' END,
         CASE WHEN id % 31 = 0 THEN 10 ELSE 0 END
  FROM tickets WHERE state = 'served' AND id % 7 <> 3;
INSERT INTO case_help (case_id, help) SELECT id, 'form-filling' FROM cases WHERE help_minutes > 0;
INSERT INTO evaluations (ticket_id, day, at, window, staff, level)
  SELECT id, day, finished_at, window, staff, CASE WHEN id % 50 = 0 THEN 2 ELSE 5 - id % 3 END
  FROM tickets WHERE state = 'served' AND id % 4 <> 0;
INSERT INTO rectifications (evaluation_id, opened_day, deadline, state, closed_at)
  SELECT id, day, date(day, '+7 days'), CASE WHEN id % 3 = 0 THEN 'open' ELSE 'fixed' END,
         CASE WHEN id % 3 <> 0 THEN at + 86400 END FROM evaluations WHERE level <= 2;
INSERT INTO consultations (day, at, window, staff) SELECT day, t0 + 32400 + i * 60, 1 + i % 24,
  printf('c%03d', 1 + i % 24) FROM d, s WHERE i % 7 = 0;
INSERT INTO events (at, day, kind, ticket_id, window, staff)
  SELECT issued_at, day, 'issue', id, NULL, NULL FROM tickets;
INSERT INTO events (at, day, kind, ticket_id, window, staff)
  SELECT called_at, day, 'call', id, window, staff FROM tickets WHERE called_at IS NOT NULL;
INSERT INTO events (at, day, kind, ticket_id, window, staff)
  SELECT finished_at, day, CASE state WHEN 'served' THEN 'finish' ELSE 'noshow' END, id, window, staff
  FROM tickets WHERE finished_at IS NOT NULL;
INSERT INTO events (at, day, kind, ticket_id, window, staff)
  SELECT called_at + 60, day, 'transfer', id, window, staff FROM tickets WHERE id % 50 = 7 AND called_at IS NOT NULL;
INSERT INTO events (at, day, kind, ticket_id, window, staff)
  SELECT called_at + 10, day, 'recall', id, window, staff FROM tickets WHERE called_at IS NOT NULL;
INSERT INTO sessions (window, staff, started_at, ended_at)
  SELECT w.i, printf('c%03d', w.i), t0 + 30600, t0 + 64800 FROM d, s w WHERE w.i <= 24;
INSERT INTO pauses (window, staff, reason, started_at, ended_at)
  SELECT w.i, printf('c%03d', w.i), 'meal', t0 + 43200, t0 + 45000 FROM d, s w WHERE w.i <= 24;
COMMIT;
ANALYZE;
SQL
}

echo "report bench: $PER_DAY tickets a working day"
for y in $YEARS; do
	db=$T/h$y.db
	s=$(ms); load "$db" "$y"; e=$(ms)
	n=$(sqlite3 "$db" "SELECT count(*) FROM tickets")
	echo " $y year(s): $n tickets, $(sqlite3 "$db" "SELECT count(*) FROM events") events, $(sqlite3 "$db" "SELECT count(*) FROM cases") cases (loaded in $((e - s)) ms)"
	time_of "baseline: sqlite3 count of 2026's tickets" sqlite3 "$db" "SELECT count(*), sum(state = 'served') FROM tickets WHERE day BETWEEN '2026-01-01' AND '2026-12-31'"
	time_of "report --day 2026-12-31" "$QDESK" --db "$db" report --day 2026-12-31 --json
	time_of "report --month 2026-12" "$QDESK" --db "$db" report --month 2026-12 --json
	time_of "report --year 2026" "$QDESK" --db "$db" report --year 2026 --json
	time_of "report --year 2026 --by day" "$QDESK" --db "$db" report --year 2026 --by day --json
	rm -f "$db"
done
