#!/bin/sh
# The command-line contract: numbers first, exit codes 0/1/2/3, --json keys, staff checks.
. "$(dirname "$0")/../lib.sh"

expect_exit 0 q init
expect_grep "init says ready" "database ready (schema [0-9][0-9]*)" "$T/out"
echo 2468 | q staff add g1 --name 张三 --role guide >/dev/null
echo 2468 | q staff add c1 --name 李四 --role clerk >/dev/null
echo 2468 | q staff add c2 --name 王五 --role clerk >/dev/null

# Numbers: per type, zero-padded, the first word of the first line.
expect_exit 0 q issue A --staff g1;  expect_eq "first A" "A001" "$(cut -d' ' -f1 "$T/out")"
expect_exit 0 q issue a;             expect_eq "second A, lower-case type" "A002" "$(cut -d' ' -f1 "$T/out")"
expect_grep "ahead count" "1 waiting ahead" "$T/out"
expect_exit 0 q issue B;             expect_eq "first B" "B001" "$(cut -d' ' -f1 "$T/out")"
expect_exit 0 q issue C --json
expect_grep "json number" '"number":"C001"' "$T/out"
expect_grep "json ok" '"ok":true' "$T/out"
expect_grep "json state" '"state":"waiting"' "$T/out"

# Invalid values exit 2, refusals 1, with the reason on stderr; --json also on stdout.
expect_exit 2 q issue A --id-number 110105194912310021; expect_grep "bad ID checksum" "invalid resident ID" "$T/err"
expect_exit 2 q issue A --phone 12345678901;   expect_grep "bad phone" "invalid mobile number" "$T/err"
expect_exit 2 q issue A --note "$(printf 'x\033[2J')"; expect_grep "escape in note" "invalid value: note" "$T/err"
expect_exit 1 q call 1 --staff c1 --number A999; expect_grep "special call of unknown number" "not found: A999" "$T/err"
expect_exit 1 q call 1 --staff g1;             expect_grep "guide may not call" "role may not" "$T/err"
expect_exit 1 q call 1 --staff nobody;         expect_grep "unknown staff" "no such staff" "$T/err"
# What is echoed back is made safe: no escape sequence on stderr, well-formed UTF-8 in JSON.
ESC=$(printf '\033'); FF=$(printf '\377')
expect_exit 2 q issue "A${ESC}[2J" --json
LC_ALL=C grep -q "$ESC" "$T/err" && fail "an escape sequence was echoed to stderr"
expect_exit 2 q issue "$FF" --json
LC_ALL=C grep -q "$FF" "$T/out" && fail "invalid UTF-8 was echoed into JSON"
expect_grep "invalid UTF-8 replaced" '"detail":"?"' "$T/out"

# Usage and configuration errors exit 2, and so does a name the configuration does not define.
expect_exit 2 q issue XY;                      expect_grep "unknown type" "no such business type" "$T/err"
expect_exit 2 q issue A --priority vip;        expect_grep "unknown group" "no such priority group" "$T/err"
expect_exit 2 q issue XY --json;               expect_grep "json error name" '"error":"no-type"' "$T/out"
expect_exit 2 q call 99 --staff c1;            expect_grep "unknown window" "no such window" "$T/err"
expect_exit 2 q finish 1 --staff c1 --outcome zz --json
expect_grep "unknown outcome" '"error":"no-choice","message":"not one of the choices the configuration defines","detail":"outcome"' "$T/out"
# With --json anywhere, a usage, clock or configuration error is a JSON object on stdout too.
expect_exit 2 q call 1 --json;                 expect_grep "usage json" '{"ok":false,"error":"usage"' "$T/out"
expect_exit 2 q issue --bogus --json;          expect_grep "usage json, option first" '"error":"usage"' "$T/out"
QDESK_NOW="tomorrow" expect_exit 2 q status --json; expect_grep "clock json" '"error":"usage"' "$T/out"
expect_exit 2 "$QDESK_BIN" --config "$T/none.conf" --db "$DB" status --json
expect_grep "config json" '"error":"config"' "$T/out"
# The global options may follow the command; "--" ends the options; an empty file name is refused.
expect_exit 0 "$QDESK_BIN" status --db "$DB"
expect_exit 2 q issue -- --x;                  expect_grep "-- ends options" "no such business type: --x" "$T/err"
expect_exit 2 "$QDESK_BIN" --config "" --db "$DB" status
expect_exit 2 "$QDESK_BIN" --db= status
expect_exit 2 "$QDESK_BIN" status --db ""
# Errors found before the command are JSON too, and --json may come first.
expect_exit 2 "$QDESK_BIN" --db "" status --json;  expect_grep "empty --db json" '"error":"usage"' "$T/out"
expect_exit 2 "$QDESK_BIN" --bogus status --json;  expect_grep "unknown option json" '"error":"usage"' "$T/out"
expect_exit 2 "$QDESK_BIN" --json frobnicate;      expect_grep "unknown command json" "unknown command 'frobnicate'" "$T/out"
expect_exit 0 "$QDESK_BIN" --json --db "$DB" status; expect_grep "--json before the command" '{"ok":true' "$T/out"
expect_exit 2 q call 1 --staff "";                 expect_grep "empty staff" "needs a value" "$T/err"
expect_exit 2 q consult --staff ""
QDESK_NOW="$(printf '\033[31mX')" expect_exit 2 q status
LC_ALL=C grep -q "$ESC" "$T/err" && fail "QDESK_NOW's escape sequence was echoed to stderr"
expect_exit 2 q frobnicate
expect_exit 2 q call 1
expect_grep "staff required" "--staff ID is required" "$T/err"
expect_exit 2 q call one --staff c1
expect_exit 2 q issue A --bogus x
expect_exit 2 q issue
expect_exit 2 q finish 1 --staff c1 --rating 6
expect_exit 2 "$QDESK_BIN" --db "$T/missing.db" status
expect_grep "missing database" "qdesk init" "$T/err"
QDESK_NOW="tomorrow" expect_exit 2 q status

# An ID number of a person aged 65+ puts the ticket in the elderly group; stored masked.
expect_exit 0 q issue A --id-number 11010519491231002X --phone 13812341234 --json
expect_grep "elderly from ID" '"priority":"elderly"' "$T/out"
expect_grep "ID masked" '"id_number":"110105\*\*\*\*\*\*\*\*002X"' "$T/out"
expect_grep "phone masked" '"phone":"138\*\*\*\*1234"' "$T/out"
raw=$(sqlite3 "$DB" "select count(*) from tickets where id_masked like '%19491231%' or phone_masked = '13812341234'")
expect_eq "nothing stored unmasked" "0" "$raw"

# Call: priority first (A003 elderly), then oldest first; exactly one window gets a ticket.
expect_exit 0 q call 1 --staff c1;             expect_eq "priority first" "A003" "$(cut -d' ' -f1 "$T/out")"
expect_exit 1 q call 1 --staff c1;             expect_grep "busy window" "serving a ticket" "$T/err"
expect_exit 0 q call 2 --staff c2 --json;      expect_grep "oldest next" '"number":"A001"' "$T/out"
expect_exit 0 q finish 1 --staff c1 --mode assisted --elderly-help form-filling,escort --minutes 12 --rating 5 --json
expect_grep "finish json case" '"case":1' "$T/out"
expect_grep "finish json no rectification" '"rectification":null,"deadline":null' "$T/out"
expect_exit 0 q finish 2 --staff c2 --outcome correction --rating 2 --reason "等太久"
expect_grep "bad rating opens rectification" "rectification 1 due 2026-11-30" "$T/out"
expect_exit 1 q finish 2 --staff c2;           expect_grep "nothing to finish" "not serving" "$T/err"

# Nobody waiting: exit 3, distinguishable by scripts.
expect_exit 0 q call 6 --staff c1
expect_exit 0 q finish 6 --staff c1
expect_exit 3 q call 6 --staff c1
expect_grep "empty" "nobody is waiting" "$T/err"

# Pause with a reason; calls refused until resumed.
expect_exit 0 q pause 2 --staff c2 --reason meal --json
expect_grep "paused json" '"state":"paused"' "$T/out"
expect_exit 1 q call 2 --staff c2;             expect_grep "paused" "paused" "$T/err"
expect_exit 2 q pause 2 --staff c2 --reason nap
expect_exit 0 q resume 2 --staff c2
expect_exit 1 q resume 2 --staff c2;           expect_grep "not paused" "not paused" "$T/err"

# Consultations and staff management.
expect_exit 0 q consult --staff g1 --topic "社保卡补办"
expect_grep "consult logged" "consultation 1 logged" "$T/out"
expect_exit 0 q staff disable c2
expect_exit 1 q call 2 --staff c2;             expect_grep "disabled" "disabled" "$T/err"
expect_exit 0 q staff enable c2 --json;         expect_grep "enable json" '{"ok":true,"id":"c2"}' "$T/out"
expect_exit 0 q pause 2 --staff c2 --reason meal
expect_exit 0 q resume 2 --staff c2
expect_exit 0 q staff disable c2
expect_exit 2 q call " 2" --staff c1
expect_exit 0 q staff list --json
expect_grep "list json" '"id":"c2","name":"王五","role":"clerk","active":false' "$T/out"
echo 1357 | expect_exit 1 q staff add c1 --name X --role clerk
expect_grep "duplicate staff" "already exists" "$T/err"
echo 12 | expect_exit 2 q staff add c9 --name X --role clerk
expect_grep "weak PIN" "4 to 12 digits" "$T/err"

# Status: one JSON object with each queue and each window.
expect_exit 0 q status --json
expect_grep "status counts B waiting" '{"type":"B","name":"个体工商户登记","waiting":1}' "$T/out"
# (c1 went on to window 6, so the attendance rule signed c1 out of window 1)
expect_grep "status window 1" '{"window":1,"state":"closed","staff":null,"current":null,"pause_reason":null,"served_today":1,"noshow_today":0}' "$T/out"
expect_grep "status window 6" '{"window":6,"state":"idle","staff":"c1"' "$T/out"
expect_eq "status is one line" "1" "$(wc -l <"$T/out")"
expect_exit 0 q status
expect_grep "status text" "个体工商户登记" "$T/out"

# Every change is an event row.
expect_eq "events for calls" "3" "$(sqlite3 "$DB" "select count(*) from events where kind = 'call'")"
done_testing
