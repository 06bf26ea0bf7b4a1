#!/bin/sh
# The rectification ledger through the command line: a bad rating opens an item with its reason,
# ticket, clerk, matter and deadline; leads (not clerks) record the call-back and close it with a
# note; overdue items say so; a closed item is refused.
. "$(dirname "$0")/../lib.sh"
q init >/dev/null
echo 2468 | q staff add c1 --name 李四 --role clerk >/dev/null
echo 2468 | q staff add l1 --name 王科长 --role lead >/dev/null
q issue A >/dev/null; q issue A >/dev/null
q call 1 --staff c1 >/dev/null
expect_exit 0 q finish 1 --staff c1 --matter company-setup --rating 2 --reason "材料要求没有一次说清"
q call 1 --staff c1 >/dev/null
expect_exit 0 q finish 1 --staff c1 --rating 5

expect_exit 0 q rectify list --staff l1
expect_eq "one item" "1	A001	2026-11-23	2026-11-30	2	1	c1	company-setup	open	材料要求没有一次说清" "$(cat "$T/out")"
expect_exit 1 q rectify list --staff c1
expect_grep "clerk refused" "role" "$T/err"
expect_exit 2 q rectify list
expect_exit 2 q rectify callback 1 --staff l1
expect_exit 2 q rectify close 1 --staff l1 --note x
expect_exit 1 q rectify callback 1 --staff c1 --note "回访"
expect_exit 1 q rectify callback 7 --staff l1 --note "回访"
expect_grep "unknown item" "not found" "$T/err"

expect_exit 0 q rectify callback 1 --staff l1 --note "已电话回访，群众表示理解"
expect_exit 1 q rectify callback 1 --staff l1 --note "again"
# Past the deadline (five working days: 30 November) and still not closed: overdue.
QDESK_NOW="2026-12-01 09:00:00" expect_exit 0 q rectify list --staff l1 --json
expect_grep "overdue" '"deadline":"2026-11-30","level":2,.*"state":"called-back","overdue":true' "$T/out"
QDESK_NOW="2026-12-01 09:00:00" expect_exit 0 q rectify close 1 --staff l1 --fixed --note "已对窗口人员培训，材料清单上墙" --json
expect_eq "closed" '{"ok":true,"rectification":1}' "$(cat "$T/out")"
QDESK_NOW="2026-12-01 09:00:00" expect_exit 1 q rectify close 1 --staff l1 --explained --note "again"
expect_grep "closed" "already closed" "$T/err"
# No longer open: the default list is empty; the day it was opened still shows it, overdue.
QDESK_NOW="2026-12-01 09:00:00" expect_exit 0 q rectify list --staff l1
expect_eq "nothing open" "" "$(cat "$T/out")"
expect_exit 0 q rectify list --staff l1 --day 2026-11-23
expect_grep "closed late" "2026-11-30 overdue.*rectified.*call-back: 已电话回访.*rectified: 已对窗口人员培训" "$T/out"
n=$(sqlite3 "$DB" "SELECT count(*) FROM events WHERE kind LIKE 'rectification-c%'")
expect_eq "events" 2 "$n"
done_testing
