#!/bin/sh
# The attendance rule: a clerk acting at a second window while signed in at another is signed out
# of the first when it is idle or paused, and refused (naming the window) while serving there.
. "$(dirname "$0")/../lib.sh"
q init >/dev/null
echo 2468 | q staff add c1 --name 李四 --role clerk >/dev/null
for n in 1 2 3; do q issue A >/dev/null; done

expect_exit 0 q call 1 --staff c1
# Serving A001 at window 1: window 4 is refused, and the refusal names window 1.
expect_exit 1 q call 4 --staff c1
expect_grep "serving elsewhere" "serving a ticket at another window" "$T/err"
expect_grep "names the window" "window 1" "$T/err"
expect_exit 1 q pause 4 --staff c1 --json
expect_grep "json error" '"error":"serving-elsewhere"' "$T/out"
expect_grep "json names it" '"detail":"window 1"' "$T/out"
expect_exit 0 q finish 1 --staff c1
# Idle at window 1: calling at window 4 signs c1 out of window 1 (closed, nobody there).
expect_exit 0 q call 4 --staff c1
q status --json >"$T/status"
expect_grep "window 1 closed" '"window":1,"state":"closed"' "$T/status"
expect_exit 0 q finish 4 --staff c1
# Paused at window 4: acting at window 1 ends the pause and the session there.
expect_exit 0 q pause 4 --staff c1 --reason meal
expect_exit 0 q call 1 --staff c1
q status --json >"$T/status"
expect_grep "window 4 closed" '"window":4,"state":"closed"' "$T/status"
n=$(sqlite3 "$DB" "SELECT count(*) FROM sessions WHERE staff = 'c1' AND ended_at IS NULL")
expect_eq "one open session" 1 "$n"
n=$(sqlite3 "$DB" "SELECT count(*) FROM pauses WHERE ended_at IS NULL")
expect_eq "pause ended" 0 "$n"
n=$(sqlite3 "$DB" "SELECT count(*) FROM events WHERE kind = 'sign-out' AND detail LIKE 'moved to window %'")
expect_eq "sign-out events" 2 "$n"
done_testing
