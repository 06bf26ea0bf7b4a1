#!/bin/sh
# 办不成事 problems through the command line: logging with a deadline in working days (across the
# National Day holiday and its make-up Saturday), the list, overdue, resolving by a lead only.
. "$(dirname "$0")/../lib.sh"
# (the database must exist before the backdated problem below: dates before its creation are refused)
QDESK_NOW="2026-09-01 09:00:00" q init >/dev/null
q init --demo >/dev/null

expect_exit 0 q problem add --staff clerk01 --window 1 --what "营业执照变更被要求重复提交材料"
expect_eq "logged" "problem 1 logged, due 2026-11-30" "$(cat "$T/out")"
# 29 September + 5 working days: the 30th, 1-7 October off, the 8th, 9th, Saturday the 10th (调休), the 12th.
QDESK_NOW="2026-09-29 10:00:00" expect_exit 0 q problem add --staff guide01 --what "社保转移无人受理" --json
expect_grep "deadline over the holiday" '"deadline":"2026-10-12"' "$T/out"
expect_grep "id" '"problem":2' "$T/out"

# Refusals: no text, unknown window, unknown staff, a clerk resolving, a solved one again.
expect_exit 2 q problem add --staff clerk01 --what ""
expect_exit 2 q problem add --staff clerk01 --window 99 --what x
expect_exit 1 q problem add --staff nobody --what x
expect_exit 2 q problem resolve 1 --staff lead01
expect_exit 1 q problem resolve 1 --staff clerk01 --resolution "已办"
expect_grep "role" "role" "$T/err"
expect_exit 1 q problem resolve 9 --staff lead01 --resolution "已办"
expect_grep "not found" "not found" "$T/err"

# The list: open ones first by deadline; the September one is overdue on 23 November.
expect_exit 0 q problem list
expect_eq "open list" "2 1" "$(cut -f1 "$T/out" | tr '\n' ' ' | sed 's/ $//')"
expect_grep "overdue" "2026-10-12 overdue" "$T/out"
expect_exit 0 q problem resolve 1 --staff lead01 --resolution "已协调市场监管局，当日办结" --json
expect_eq "resolved" '{"ok":true,"problem":1}' "$(cat "$T/out")"
expect_exit 1 q problem resolve 1 --staff lead01 --resolution "again"
expect_grep "closed" "already closed" "$T/err"
expect_exit 0 q problem list --json
expect_grep "solved today listed" '"id":1,.*"state":"solved".*"resolved_by":"lead01"' "$T/out"
expect_exit 0 q problem list --day 2026-09-29
expect_eq "by day" "2" "$(cut -f1 "$T/out")"
expect_exit 2 q problem list --day 2026-02-30
done_testing
