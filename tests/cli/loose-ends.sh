#!/bin/sh
# The command line's loose ends (issue 10): empty values, repeated options and --json=VALUE are
# usage errors; one exit-status rule for invalid values (2: the command as typed could never
# succeed; 1: refused by the hall's state); usage errors name the whole subcommand; --db naming a
# directory says so; config check refuses an unknown language and an empty database path with
# FILE:LINE; the note limit is in the man page.
. "$(dirname "$0")/../lib.sh"
expect_exit 0 q init
echo 2468 | q staff add c1 --name 李四 --role clerk >/dev/null
q issue A >/dev/null; q issue A >/dev/null

# empty, repeated, --json=VALUE
expect_exit 2 q issue A --priority "";   expect_grep "empty priority" "'--priority' needs a value" "$T/err"
expect_exit 2 q issue A --staff "";      expect_grep "empty staff" "'--staff' needs a value" "$T/err"
expect_exit 2 q issue A --note="";       expect_grep "empty --note=" "'--note' needs a value" "$T/err"
expect_exit 2 q call 1 --staff c1 --staff c2;  expect_grep "repeated" "'--staff' is given twice" "$T/err"
expect_exit 2 q status --db "$DB";       expect_grep "repeated global" "'--db' is given twice" "$T/err"
expect_exit 2 q status --json=1;         expect_grep "json=1" "'--json' takes no value" "$T/err"
expect_exit 2 q status --json=1 --json;  expect_grep "json=1 in json" '"error":"usage"' "$T/out"
expect_exit 0 q status --json

# one rule: invalid values exit 2, whatever they are; refusals by the hall's state exit 1
expect_exit 0 q call 1 --staff c1
expect_exit 2 q finish 1 --staff c1 --rating 6
expect_exit 2 q finish 1 --staff c1 --minutes 99999
expect_exit 2 q finish 1 --staff c1 --id-number 110105194912310021
expect_exit 2 q finish 1 --staff c1 --phone 12345678901
expect_exit 2 q finish 1 --staff c1 --note "$(printf 'a\033[2Jb')"
expect_exit 2 q issue A --note "$(printf '%0201d' 0)"
expect_grep "too long" "text too long" "$T/err"
expect_exit 0 q issue A --note "$(printf '%0200d' 0)"
expect_exit 1 q call 2 --staff c1;       expect_grep "state: serving elsewhere" "another window" "$T/err"
expect_exit 0 q finish 1 --staff c1 --rating 5
expect_exit 1 q finish 1 --staff c1;     expect_grep "state: not serving" "not serving" "$T/err"

# usage errors name the whole command
expect_exit 2 q staff add x1 --role clerk
expect_grep "staff add named" "^qdesk staff add: --name NAME is required" "$T/err"
expect_grep "its own usage line" "^usage: qdesk staff add ID" "$T/err"
expect_exit 2 q rectify close 1 --bogus
expect_grep "rectify close named" "^qdesk rectify close: unknown option" "$T/err"
expect_grep "rectify close usage" "usage: qdesk rectify close ID --staff ID (--fixed | --explained) --note TEXT$" "$T/err"
expect_exit 2 q evaluation void
expect_grep "evaluation void named" "^qdesk evaluation void: missing argument" "$T/err"
expect_exit 2 q staff frob
expect_grep "unknown subcommand" "^qdesk staff: unknown subcommand" "$T/err"

# --db DIRECTORY
expect_exit 2 "$QDESK_BIN" --db "$T" status
expect_grep "directory" "is a directory" "$T/err"

# config check: FILE:LINE for an unknown language and an empty database path
sed 's/^  language      = "zh_CN";.*/  language = "klingon";/' "$QDESK_CONFIG" >"$T/lang.conf"
line=$(grep -n 'language = "klingon"' "$T/lang.conf" | cut -d: -f1)
expect_exit 2 "$QDESK_BIN" --config "$T/lang.conf" config check
expect_grep "klingon refused at its line" "^$T/lang.conf:$line: hall.language: \"klingon\" is not a language" "$T/err"
sed 's|^database = "data/qdesk.db";|database = "";|' "$QDESK_CONFIG" >"$T/db.conf"
line=$(grep -n '^database = "";' "$T/db.conf" | cut -d: -f1)
expect_exit 2 "$QDESK_BIN" --config "$T/db.conf" config check
expect_grep "empty database refused at its line" "^$T/db.conf:$line: database: must name the database file" "$T/err"
sed 's/^  language      = "zh_CN";.*/  language = "en_US.UTF-8";/' "$QDESK_CONFIG" >"$T/en.conf"
expect_exit 0 "$QDESK_BIN" --config "$T/en.conf" config check

# the man page says what the note may hold and the exit rule
grep -q "A note is at most 200 bytes" "$TOP/man/qdesk.1" || fail "qdesk(1) does not give the note limit"
grep -q "The command as typed could never succeed" "$TOP/man/qdesk.1" || fail "qdesk(1) EXIT STATUS has no rule"
done_testing
