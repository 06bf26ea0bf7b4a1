#!/bin/sh
# The guide desk's commands: exact issuing refusals (quota, cut-off, hours), void with a reason,
# ticket lookup, the queues with their estimates, consultations and guided handlings at a desk.
. "$(dirname "$0")/../lib.sh"
q init >/dev/null
echo 2468 | q staff add g1 --name 赵导 --role guide >/dev/null
echo 2468 | q staff add c1 --name 李四 --role clerk >/dev/null

# Refusals name the limit and the time.
i=0; while [ $i -lt 30 ]; do q issue T >/dev/null || fail "T ticket $i refused"; i=$((i + 1)); done
expect_exit 1 q issue T
expect_grep "quota named" "quota for this business type is used up: T 商标业务, quota 30 a day" "$T/err"
QDESK_NOW="2026-11-23 16:31:00" expect_exit 1 q issue A
expect_grep "cut-off named" "no longer issued today: A 企业开办, cut-off 16:30" "$T/err"
QDESK_NOW="2026-11-23 07:59:00" expect_exit 1 q issue C --json
expect_grep "hours named" "the hall is closed: opening hours 08:30–18:00" "$T/err"
expect_grep "hours in json" '"detail":"opening hours 08:30–18:00; next opening Monday 08:30"' "$T/out"

# Void: reason required, a clerk may not, only a waiting ticket, kept with its reason.
for n in 1 2 3; do q issue A >/dev/null; done
expect_exit 2 q void A002 --staff g1;             expect_grep "reason required" "reason TEXT is required" "$T/err"
expect_exit 1 q void A002 --staff c1 --reason x;  expect_grep "clerk refused" "role may not" "$T/err"
expect_exit 2 q void A002 --staff g1 --reason x --desk 7
expect_exit 0 q void a2 --staff g1 --reason 业务选错 --desk 1
expect_eq "void output" "A002 is voided" "$(cat "$T/out")"
expect_exit 1 q void A002 --staff g1 --reason again;  expect_grep "only waiting" "not waiting" "$T/err"
expect_exit 1 q void A999 --staff g1 --reason x;  expect_grep "unknown number" "not found" "$T/err"
expect_eq "kept" "voided" "$(sqlite3 "$DB" "select state from tickets where number = 'A002'")"

# Lookup: state, queue, window, how many ahead, why voided.
expect_exit 0 q ticket a2;    expect_eq "voided lookup" "A002 企业开办: voided (业务选错)" "$(cat "$T/out")"
expect_exit 0 q ticket A003;  expect_eq "waiting lookup" "A003 企业开办: waiting, 1 ahead" "$(cat "$T/out")"
q call 1 --staff c1 >/dev/null
expect_exit 0 q ticket A001 --json
expect_grep "json state" '"state":"called"' "$T/out"
expect_grep "json window" '"window":1' "$T/out"
expect_grep "json queue" '"queue":"A"' "$T/out"
expect_exit 0 q ticket A002 --json; expect_grep "json reason" '"void_reason":"业务选错"' "$T/out"
expect_exit 1 q ticket B077;  expect_grep "not found" "not found: B077" "$T/err"
QDESK_NOW="2026-11-24 09:00:00" expect_exit 1 q ticket A001
expect_grep "other day" "not from today" "$T/err"

# Queues: no basis yet, then an estimate from today's service times.
expect_exit 0 q queues --json
expect_grep "no basis" '"type":"A","name":"企业开办","waiting":1,"windows":1,"longest_minutes":0,"past_target":false,"samples":0,"estimate_min":null' "$T/out"
QDESK_NOW="2026-11-23 09:12:00" q finish 1 --staff c1 >/dev/null
QDESK_NOW="2026-11-23 09:30:00" expect_exit 0 q queues
expect_grep "estimate shown" "^A  企业开办 *waiting   1  windows  1  longest  30 min!  estimate about 10–15 min" "$T/out"
QDESK_NOW="2026-11-23 09:30:00" LANGUAGE=zh_CN expect_exit 0 q queues
expect_grep "estimate in Chinese" "约10–15分钟" "$T/out"

# Consultation and guided handling at a desk.
expect_exit 0 q consult --desk 1 --staff g1 --topic 营业执照;  expect_eq "consult" "consultation 1 logged" "$(cat "$T/out")"
expect_exit 2 q consult --desk 1 --window 2 --staff g1
expect_exit 0 q guided --desk 2 --staff g1 --json;  expect_grep "guided json" '"ok":true,"case":' "$T/out"
expect_exit 2 q guided --staff g1;                  expect_grep "desk required" "desk N is required" "$T/err"
expect_exit 1 q guided --desk 1 --staff c1
expect_eq "desk rows" "1|1" "$(sqlite3 "$DB" "select (select count(*) from consultations where desk = 1), (select count(*) from cases where desk = 2 and mode = 'guided')")"
done_testing
