#!/bin/sh
# The hall's rules through the command line: quota, cut-off, opening hours, recall cap, no-show and
# requeue, transfer, undo, day rollover.
. "$(dirname "$0")/../lib.sh"
q init >/dev/null
echo 2468 | q staff add c1 --name 李四 --role clerk >/dev/null
echo 2468 | q staff add c2 --name 王五 --role clerk >/dev/null

# Quota: the demo hall issues 30 trademark (T) tickets a day.
i=0; while [ $i -lt 30 ]; do q issue T >/dev/null || fail "T ticket $i refused"; i=$((i + 1)); done
expect_exit 1 q issue T;  expect_grep "quota" "quota" "$T/err"
# Cut-off (A: 16:30) and opening hours (08:30-18:00).
QDESK_NOW="2026-11-23 16:31:00" expect_exit 1 q issue A;  expect_grep "cut-off" "no longer issued" "$T/err"
QDESK_NOW="2026-11-23 16:31:00" expect_exit 0 q issue C
QDESK_NOW="2026-11-23 07:59:00" expect_exit 1 q issue C;  expect_grep "closed" "closed" "$T/err"

# Recall cap (2 recalls after the first call), then no-show.
for n in 1 2 3 4 5; do q issue A >/dev/null; done
expect_exit 0 q call 1 --staff c1;  expect_eq "called" "A001" "$(cut -d' ' -f1 "$T/out")"
expect_exit 0 q recall 1 --staff c1; expect_grep "second call" "(call 2)" "$T/out"
expect_exit 0 q recall 1 --staff c1
expect_exit 1 q recall 1 --staff c1; expect_grep "recall cap" "recall limit" "$T/err"
expect_exit 0 q noshow 1 --staff c1
# Undo within 60 s brings it back; after 60 s it is too late.
expect_exit 0 q undo 1 --staff c1;  expect_eq "undone" "A001" "$(cut -d' ' -f1 "$T/out")"
expect_exit 0 q noshow 1 --staff c1
QDESK_NOW="2026-11-23 09:01:01" expect_exit 1 q undo 1 --staff c1
expect_grep "undo too late" "too late" "$T/err"

# Requeue: behind the next 3 waiting A tickets (A002..A004), so A005 comes after it.
expect_exit 0 q requeue a1 --staff c1
order=""
for n in 1 2 3 4 5; do
	q call 1 --staff c1 >"$T/call" || fail "call $n"
	order="$order $(cut -d' ' -f1 "$T/call")"
	q finish 1 --staff c1 >/dev/null
done
expect_eq "requeue position" " A002 A003 A004 A001 A005" "$order"
# It may return once only.
q issue A >/dev/null; q call 1 --staff c1 >/dev/null; q noshow 1 --staff c1 >/dev/null
expect_exit 0 q requeue A006 --staff c1
q call 1 --staff c1 >/dev/null; q noshow 1 --staff c1 >/dev/null
expect_exit 1 q requeue A006 --staff c1;  expect_grep "requeue max" "as often as allowed" "$T/err"
expect_exit 1 q requeue A002 --staff c1;  expect_grep "requeue needs a no-show" "not a no-show" "$T/err"

# Undo at a window takes back only its own last ending: not the same ticket missed again elsewhere.
q issue A >/dev/null; q call 1 --staff c1 >/dev/null; q noshow 1 --staff c1 >/dev/null
num=$(sqlite3 "$DB" "select number from tickets where state = 'noshow' order by id desc limit 1")
q requeue "$num" --staff c1 >/dev/null
expect_exit 0 q call 2 --staff c2;  expect_eq "returned ticket at window 2" "$num" "$(cut -d' ' -f1 "$T/out")"
expect_exit 0 q noshow 2 --staff c2
expect_exit 1 q undo 1 --staff c1;  expect_grep "undo of another window's no-show" "nothing to undo" "$T/err"
expect_exit 0 q undo 2 --staff c2;  expect_eq "its own window may undo" "$num" "$(cut -d' ' -f1 "$T/out")"
q noshow 2 --staff c2 >/dev/null

# Transfer to a window: only that window gets it, and it keeps its number.
q issue A >/dev/null
expect_exit 0 q call 1 --staff c1
num=$(cut -d' ' -f1 "$T/out")
expect_exit 1 q transfer 1 --staff c1 --window 1;  expect_grep "transfer to itself" "already there" "$T/err"
expect_exit 1 q transfer 1 --staff c1 --type A;    expect_grep "transfer to its own type" "already there" "$T/err"
expect_exit 0 q transfer 1 --staff c1 --window 11
expect_exit 3 q call 2 --staff c2
expect_exit 0 q call 11 --staff c2;  expect_eq "transferred ticket at window 11" "$num" "$(cut -d' ' -f1 "$T/out")"
# Transfer to a type: windows of that type call it.
expect_exit 0 q transfer 11 --staff c2 --type F
expect_exit 0 q call 18 --staff c1;  expect_eq "transferred to type F" "$num" "$(cut -d' ' -f1 "$T/out")"
expect_grep "call names the queue it waited in" "(社保医保)" "$T/out"
q finish 18 --staff c1 >/dev/null

# Day rollover: yesterday's waiting tickets expire (kept), numbering restarts; yesterday's
# sessions and pauses end at its closing time (18:00) and its windows start the day closed.
q issue B >/dev/null; q issue B >/dev/null
q call 2 --staff c2 >/dev/null; q pause 5 --staff c1 --reason meal >/dev/null
QDESK_NOW="2026-11-24 08:31:00" expect_exit 0 q status --json
expect_grep "before any write, yesterday's window 2 shows closed" '{"window":2,"state":"closed","staff":null,"current":null' "$T/out"
expect_grep "and window 5 is no longer paused" '{"window":5,"state":"closed","staff":null,"current":null,"pause_reason":null' "$T/out"
QDESK_NOW="2026-11-24 09:00:00" expect_exit 0 q issue B
expect_eq "numbers restart" "B001" "$(cut -d' ' -f1 "$T/out")"
expect_eq "yesterday expired" "2" "$(sqlite3 "$DB" "select count(*) from tickets where day = '2026-11-23' and type = 'B' and state = 'expired'")"
expect_eq "no session left open from yesterday" "0" "$(sqlite3 "$DB" "select count(*) from sessions where ended_at is null")"
expect_eq "no pause left open from yesterday" "0" "$(sqlite3 "$DB" "select count(*) from pauses where ended_at is null")"
expect_eq "they ended at closing time" "2026-11-23 18:00:00" "$(sqlite3 "$DB" "select datetime(max(ended_at), 'unixepoch', 'localtime') from sessions")"
QDESK_NOW="2026-11-24 09:00:00" expect_exit 0 q call 2 --staff c2
expect_eq "today's ticket called" "B001" "$(cut -d' ' -f1 "$T/out")"
# Requeue is same-day only.
QDESK_NOW="2026-11-24 09:00:00" expect_exit 1 q requeue A006 --staff c1
expect_eq "nothing deleted" "$(sqlite3 "$DB" "select count(*) from events where kind = 'issue'")" "$(sqlite3 "$DB" "select count(*) from tickets")"
done_testing
