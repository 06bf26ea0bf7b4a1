#!/bin/sh
# A broken configuration stops every command with FILE:LINE: setting.path: … and exit 2.
. "$(dirname "$0")/../lib.sh"
sed 's/types = \["D"\]; also = \["E"\]/types = ["D", "YY"]; also = ["E"]/' "$TOP/conf/qdesk.conf" >"$T/bad.conf"
line=$(grep -n '"D", "YY"' "$T/bad.conf" | cut -d: -f1)
[ -n "$line" ] || fail "could not break the config"
expect_exit 2 "$QDESK_BIN" --config "$T/bad.conf" --db "$DB" config check
expect_grep "FILE:LINE" "^$T/bad.conf:$line: windows" "$T/err"
expect_exit 2 "$QDESK_BIN" --config "$T/bad.conf" --db "$DB" issue A
QDESK_CONFIG="$T/bad.conf" expect_exit 2 "$QDESK_BIN" --db "$DB" status
expect_exit 2 "$QDESK_BIN" --config "$T/none.conf" config check
expect_grep "unreadable file" "none.conf" "$T/err"
printf 'hall = { name = "x" \n' >"$T/syntax.conf"
expect_exit 2 "$QDESK_BIN" --config "$T/syntax.conf" config check
expect_grep "syntax error line" "syntax.conf:[0-9]" "$T/err"
expect_exit 0 "$QDESK_BIN" config check
expect_grep "valid" "configuration is valid" "$T/out"
done_testing
