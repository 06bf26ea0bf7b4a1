#!/bin/sh
# The lead's figures of today: a fixture over several hours (tickets, cases with 导办/帮办/代办,
# elderly help, ratings good and bad, a no-show); the figures view's key figures equal what
# `qdesk report --day` prints for the same day, label for label; the hourly chart (golden, 80x24
# and 160x40, where the hall view shows the figures too).
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/tui-lib.sh"
tui_setup
at() { QDESK_NOW="2026-11-23 $1" q "$@" >/dev/null 2>&1 || true; }
at() { now=$1; shift; QDESK_NOW="2026-11-23 $now" q "$@" >/dev/null || fail "at $now: $*"; }
for t in 08:31 08:40 08:45 08:50; do at $t:00 issue A; done
at 08:55:00 issue B
for t in 09:05 09:10 09:20 09:30 09:40 09:50; do at $t:00 issue A; done
at 10:02:00 issue B --priority elderly
at 09:00:00 call 1 --staff c1
at 09:12:00 finish 1 --staff c1 --mode assisted --rating 5
at 09:13:00 call 1 --staff c1
at 09:25:00 finish 1 --staff c1 --mode guided --rating 2 --reason "等太久"
at 09:26:00 call 1 --staff c1
at 09:40:00 noshow 1 --staff c1
at 09:30:00 call 2 --staff c2
at 09:50:00 finish 2 --staff c2 --mode delegated --rating 4
at 10:03:00 call 2 --staff c2
at 10:15:00 finish 2 --staff c2 --elderly-help form-filling --minutes 10 --rating 3
at 10:20:00 problem add --staff c1 --what "社保转移无人受理"

QDESK_NOW="2026-11-23 10:30:00" tui_run_cmd lead-figures -- lead <<'KEYS'
l1<Enter>1234<Enter>
<F3>
:dump figures
h
:dump hall
g
:resize 160 40
:dump figures-large
h
:dump hall-large
KEYS

# every key figure on screen equals the report's, label for label
QDESK_NOW="2026-11-23 10:30:00" q report --day 2026-11-23 >"$T/report.txt" || fail "report failed"
tui_screen lead-figures figures >"$T/fig.txt"
n=0
while IFS= read -r label; do
	want=$(grep -F -- "$label " "$T/report.txt" | head -n1 | sed 's/.*[[:space:]]//')
	got=$(grep -F -- "$label " "$T/fig.txt" | head -n1 | sed 's/|.*//; s/[[:space:]]*$//; s/.*[[:space:]]//')
	[ -n "$want" ] || fail "[$label] not in the report"
	expect_eq "figure [$label] (dashboard vs report --day)" "$want" "$got"
	n=$((n + 1))
done <<'LABELS'
tickets issued
tickets served
tickets still open
no-shows
cases
导办
帮办
代办
guided, assisted and delegated
elderly people helped
evaluations
good-evaluation rate
bad evaluations
mean wait (minutes)
LABELS
expect_eq "figures compared" 14 "$n"
tui_expect lead-figures figures "rectifications open (overdue)"
tui_expect lead-figures figures "办不成事 open (overdue)"
tui_expect lead-figures hall-large "Today's figures (2026-11-23)"

# a terminal whose locale is not UTF-8: the chart falls back to ASCII (qdesk itself runs in C.UTF-8)
LC_ALL=C QDESK_NO_GOLDEN=1 QDESK_NOW="2026-11-23 10:30:00" tui_run_cmd ascii -- lead <<'KEYS'
l1<Enter>1234<Enter>
<F3>
:dump figures
KEYS
tui_expect ascii figures "# issued  # served (of them)"
tui_expect ascii figures "6    #"
tui_expect_not ascii figures "█"
done_testing
