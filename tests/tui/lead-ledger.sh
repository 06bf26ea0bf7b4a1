#!/bin/sh
# The lead's ledger views (golden): the rectification ledger with an overdue item standing out and
# the selected item's details; a call-back and a closing recorded from the screen with a note; the
# 办不成事 list where the lead resolves a problem; a wide terminal shows the matter in the list and
# the cursor stays on the closed item as it moves down. What the screen records is what
# `qdesk rectify list` and `qdesk problem list` then show (the same domain functions).
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/tui-lib.sh"
QDESK_NOW="2026-11-09 08:00:00" tui_setup
at() { now=$1; shift; QDESK_NOW="$now" q "$@" >/dev/null || fail "at $now: $*"; }
at "2026-11-10 09:00:00" issue A
at "2026-11-10 09:05:00" call 1 --staff c1
at "2026-11-10 09:20:00" finish 1 --staff c1 --matter company-setup --rating 1 --reason "材料要求说不清"
at "2026-11-10 10:00:00" problem add --staff c2 --window 2 --what "外省社保转移无人受理"
at "2026-11-23 08:40:00" issue B
at "2026-11-23 08:45:00" call 2 --staff c2
at "2026-11-23 09:00:00" finish 2 --staff c2 --rating 2 --reason "等太久"
at "2026-11-23 09:10:00" problem add --staff c1 --window 1 --what "公积金提取被要求重复提交材料"

QDESK_NOW="2026-11-23 10:00:00" tui_run_cmd lead-ledger -- lead <<'KEYS'
l1<Enter>1234<Enter>
<F4>
:dump ledger
:attrs ledger
<Down>
<F7>
已电话致歉，说明高峰时段
<Enter>
:dump called-back
<F8>
<Enter>
增开B类窗口一个
<Enter>
:dump closed
:resize 130 30
:dump wide
:resize 80 24
<F5>
:dump problems
<F9>
<Enter>
:dump empty-note
已协调社保中心当日办结
<Enter>
:dump resolved
KEYS
tui_attr lead-ledger ledger "2026-11-17!" Rb
tui_expect lead-ledger ledger "reason: 材料要求说不清"
tui_expect lead-ledger ledger "OVERDUE"
tui_expect lead-ledger called-back "Rectification 2: call-back recorded."
tui_expect lead-ledger closed "Rectification 2 closed."
tui_expect lead-ledger wide "   1 A001   2026-11-10 企业设立登记             2026-11-17! 1"
tui_expect lead-ledger wide "No. 2 · rating 2"
tui_expect lead-ledger empty-note "a note is required"
tui_expect lead-ledger resolved "Problem 1: resolution recorded."

QDESK_NOW="2026-11-23 10:00:00" q rectify list --staff l1 >"$T/rect.txt"
expect_grep "ledger: item 2 rectified with both notes" "^2	B001	.*rectified	等太久	call-back: 已电话致歉，说明高峰时段	rectified: 增开B类窗口一个" "$T/rect.txt"
expect_grep "ledger: item 1 still open, overdue" "^1	A001	2026-11-10	2026-11-17 overdue	1	.*open" "$T/rect.txt"
QDESK_NOW="2026-11-23 10:00:00" q problem list --day 2026-11-10 >"$T/prob.txt"
expect_grep "problem 1 solved by l1" "^1	2026-11-10	2	c2	solved	.*已协调社保中心当日办结 (l1)" "$T/prob.txt"
done_testing
