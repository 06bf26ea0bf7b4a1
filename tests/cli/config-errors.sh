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
# An explicitly empty --config is an error, not "use the default".
expect_exit 2 "$QDESK_BIN" --config "" config check
expect_grep "empty --config" "option '--config' needs a file name" "$T/err"
expect_exit 2 "$QDESK_BIN" --config= config check
expect_grep "empty --config=" "option '--config=' needs a file name" "$T/err"
# A config value echoed in a message never reaches the terminal as an escape sequence.
sed 's/= "08:30";/= "\\x1b]0;pwned\\x07";/' "$TOP/conf/qdesk.conf" >"$T/esc.conf"
grep -q 'pwned' "$T/esc.conf" || fail "could not put an escape into the config"
expect_exit 2 "$QDESK_BIN" --config "$T/esc.conf" config check
expect_grep "escape echoed" 'hall.open: "?" is not a time of day' "$T/err"
if tr -d '\n' <"$T/err" | LC_ALL=C grep -q "$(printf '[\001-\037\177]')"; then fail "control bytes in: $(cat -v "$T/err")"; fi
# No config anywhere: the message lists where qdesk looked; a dangling ./conf/qdesk.conf is named.
mkdir -p "$T/empty/conf"
if [ ! -e /usr/local/etc/qdesk/qdesk.conf ] && [ ! -e /etc/qdesk/qdesk.conf ]; then
	(cd "$T/empty" && unset QDESK_CONFIG && "$QDESK_BIN" config check >"$T/out" 2>"$T/err"; echo $? >"$T/rc")
	expect_eq "no config exit" 2 "$(cat "$T/rc")"
	expect_grep "places listed" 'looked at --config FILE, $QDESK_CONFIG, ./conf/qdesk.conf and /' "$T/err"
fi
ln -s "$T/gone.conf" "$T/empty/conf/qdesk.conf"
(cd "$T/empty" && unset QDESK_CONFIG && "$QDESK_BIN" config check >"$T/out" 2>"$T/err"; echo $? >"$T/rc")
expect_eq "dangling symlink exit" 2 "$(cat "$T/rc")"
expect_grep "dangling symlink" "conf/qdesk.conf: cannot read: it is a symbolic link to \"$T/gone.conf\"" "$T/err"
expect_exit 0 "$QDESK_BIN" config check
expect_grep "valid" "configuration is valid" "$T/out"
done_testing
