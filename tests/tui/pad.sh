#!/bin/sh
# The evaluation pad (评价器) of a window with a pad (the demo hall: windows 7-10), scripted: the
# clerk finishes at the console (F6) and is not asked for a rating; the pad, `qdesk board
# --window 7`, asks the person served, who rates 5 (stored with source pad, credited to the
# clerk) and is thanked; a rating of 1 asks for a reason from pad.reasons (0 goes back) and opens a
# rectification item; nobody answering within pad.timeout records "not evaluated" and the display
# returns; the CLI refuses a clerk's rating there; a window without a pad only displays.
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/tui-lib.sh"
tui_setup
for t in D D D D D A; do q issue $t >/dev/null; done
export QDESK_NO_GOLDEN=1

# the console at window 7: F6 logs the case and asks no rating
tui_run_cmd console -- window 7 <<'KEYS'
c1<Enter>1234<Enter>
<F2>
<F6>
<Enter>
n
:dump finished
KEYS
tui_expect console finished "D001 finished · 1 case(s) · the person rates it at the pad."
tui_expect_not console finished "Evaluation"
expect_eq "no rating keyed by the clerk" 0 "$(sql "SELECT count(*) FROM evaluations")"

# the pad asks, the person rates 5
tui_run_cmd rate5 -- board --window 7 <<'KEYS'
:dump ask
:attrs ask
7
:dump ignored
5
:dump thanks
:idle 5
:dump after
KEYS
tui_expect rate5 ask "D001: please rate our service"
tui_expect rate5 ask "5##very#satisfied"
tui_expect rate5 ask "1##very#dissatisfied"
tui_expect rate5 ask "60 s"
tui_attr rate5 ask "D001: please rate our service" b
tui_expect rate5 ignored "D001: please rate our service"
tui_expect rate5 thanks "Thank#you#for#your#rating!"
tui_expect rate5 after "This window is closed"     # the console signed c1 out as it closed
expect_eq "rating from the pad" "5|pad|c1|7" "$(sql "SELECT level, source, staff, window FROM evaluations")"

# a bad rating: 1, a reason (0 goes back once), a rectification item
q call 7 --staff c1 >/dev/null
q finish 7 --staff c1 >/dev/null
expect_exit 1 q finish 7 --staff c1 --rating 5
tui_run_cmd rate1 -- board --window 7 <<'KEYS'
1
:dump reason
0
:dump back
1
2
:dump thanks
KEYS
tui_expect rate1 reason "What went wrong? (very dissatisfied)"
tui_expect rate1 reason "2  服务态度差"
tui_expect rate1 reason "6  其他"
tui_expect rate1 back "5##very#satisfied"
tui_expect rate1 thanks "Thank#you"
expect_eq "bad rating with its reason" "1|服务态度差|pad" \
	"$(sql "SELECT level, reason, source FROM evaluations ORDER BY id DESC LIMIT 1")"
expect_eq "a rectification item" 1 "$(sql "SELECT count(*) FROM rectifications")"

# the clerk cannot rate at a pad window from the command line either
q call 7 --staff c1 >/dev/null
expect_exit 1 q finish 7 --staff c1 --rating 4
expect_grep "pad refusal" "evaluation pad" "$T/err"
q finish 7 --staff c1 >/dev/null

# nobody answers within pad.timeout (60 s): not evaluated, back to the display
tui_run_cmd noanswer -- board --window 7 <<'KEYS'
:dump ask
:now 2026-11-23 09:00:59
:dump still
:now 2026-11-23 09:01:01
:dump gone
5
:dump late-key
KEYS
tui_expect noanswer ask "D003: please rate our service"
tui_expect noanswer still "1 s"
tui_expect noanswer gone "Please wait for your number to be called"
tui_expect_not noanswer late-key "Thank"
expect_eq "not evaluated" 1 "$(sql "SELECT count(*) FROM events WHERE kind = 'unrated'")"
expect_eq "no rating for D003" 0 "$(sql "SELECT count(*) FROM evaluations e JOIN tickets t ON t.id = e.ticket_id WHERE t.number = 'D003'")"

# the clerk finishes the next visit while the pad still asks about the last one: the pad asks
# about the new one, the old one is not evaluated
q call 7 --staff c1 >/dev/null
q finish 7 --staff c1 >/dev/null
tui_run_cmd next -- board --window 7 <<'KEYS'
:dump first
:sh "$QDESK_BIN" --db "$DB" call 7 --staff c1 >/dev/null && "$QDESK_BIN" --db "$DB" finish 7 --staff c1 >/dev/null
:dump second
4
:dump thanks
KEYS
tui_expect next first "D004: please rate our service"
tui_expect next second "D005: please rate our service"
tui_expect next thanks "Thank#you"
expect_eq "the visit left unanswered" 2 "$(sql "SELECT count(*) FROM events WHERE kind = 'unrated'")"
expect_eq "the new visit rated" "D005|4" "$(sql "SELECT t.number, e.level FROM evaluations e JOIN tickets t ON t.id = e.ticket_id ORDER BY e.id DESC LIMIT 1")"

# a window without a pad: the display only; the clerk keys the rating the person gave on paper
q call 1 --staff c2 >/dev/null
q finish 1 --staff c2 >/dev/null
tui_run_cmd nopad -- board --window 1 <<'KEYS'
5
:dump display
KEYS
tui_expect nopad display "Please wait for your number to be called"
tui_expect nopad display "Clerk: 李*"
tui_expect_not nopad display "please rate"
expect_eq "no rating at a window without a pad" 3 "$(sql "SELECT count(*) FROM evaluations")"
done_testing
