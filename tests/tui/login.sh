#!/bin/sh
# The window console's login, lock and log-out: wrong PIN, unknown id, a guide refused, a good
# login bound to the window (session recorded), F12 lock and unlock, the idle lock, log out.
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/tui-lib.sh"
tui_setup

tui_run login <<'KEYS'
:dump start
<Enter>
:dump empty-id
c1<Enter>
9999<Enter>
:dump wrong-pin
<Tab>
<C-u>nobody<Enter>1234<Enter>
:dump unknown-id
<Tab><C-u>g1<Enter>1234<Enter>
:dump guide-refused
<Tab><C-u>c1<Tab>12a
:dump pin-digits-only
<C-u>1234<Enter>
:dump signed-in
:sh sqlite3 "$DB" "select window, staff, ended_at is null from sessions" > "$T/sessions-1"
<F12>
:dump locked
# Enter to wake the screen, again and again: an empty PIN is not a wrong one
<Enter><Enter><Enter><Enter><Enter><Enter>
:dump locked-empty-enter
:sh sqlite3 "$DB" "select failures, coalesce(locked_until, 0) from staff where id='c1'" > "$T/failures-empty"
5555<Enter>
:dump locked-wrong-pin
# the full-width digits of a Chinese input method are digits
１２３４<Enter>
:dump unlocked
:idle 301
:dump idle-locked
1234<Enter>
<F10>
:dump logout-question
n
:dump logout-no
q
y
:dump logged-out
<F10>
KEYS

tui_expect login empty-id "Type your staff id first."
tui_expect login wrong-pin "wrong PIN"
tui_expect login unknown-id "wrong PIN"
tui_expect login guide-refused "This screen is not for a lobby guide: 赵六 (g1)."
tui_expect login pin-digits-only "a PIN is 4 to 12 digits"
tui_expect login signed-in "Clerk: 张三 (c1)"
tui_expect login locked "Signed in: 张三 (c1)"
tui_expect_not login locked "Waiting for this window"
tui_expect login locked-empty-enter "Type your PIN, then Enter."
expect_eq "empty PINs are not counted" "0|0" "$(cat "$T/failures-empty")"
tui_expect login unlocked "Clerk: 张三 (c1)"
tui_expect_not login unlocked "Signed in: 张三 (c1)"
tui_expect login idle-locked "Enter the PIN to unlock"
tui_expect login logged-out "Log in"
expect_eq "session opened at window 1" "1|c1|1" "$(cat "$T/sessions-1")"
expect_eq "session closed by log out" "1" "$(sql "select count(*) from sessions where staff='c1' and ended_at is not null")"
expect_eq "wrong PINs counted then reset" "0" "$(sql "select failures from staff where id='c1'")"
# AB post: another clerk acting at this window from elsewhere takes it over; this console notices
# without a key press and goes back to its login screen
tui_run login-takeover <<'KEYS'
c1<Enter>1234<Enter>
:sh "$QDESK_BIN" --db "$DB" issue A >/dev/null && "$QDESK_BIN" --db "$DB" call 1 --staff c2 >/dev/null
:tick
:dump taken-over
c2<Enter>1234<Enter>
:dump c2-signed-in
KEYS
tui_expect login-takeover taken-over "Another clerk took this window over: 李四 (c2)."
tui_expect login-takeover taken-over "Log in"
tui_expect login-takeover c2-signed-in "Clerk: 李四 (c2)"
tui_expect login-takeover c2-signed-in "Serving"

# The same while this console is locked: it goes to the login screen too, and the PIN typed there
# is not an unlock that takes the window back
tui_run login-takeover-locked 2 <<'KEYS'
c1<Enter>1234<Enter>
<F12>
:sh "$QDESK_BIN" --db "$DB" finish 1 --staff c2 >/dev/null && "$QDESK_BIN" --db "$DB" issue A >/dev/null && "$QDESK_BIN" --db "$DB" call 2 --staff c2 >/dev/null
:tick
:dump taken-over-locked
1234<Enter>
:dump pin-typed
KEYS
tui_expect login-takeover-locked taken-over-locked "Another clerk took this window over: 李四 (c2)."
tui_expect login-takeover-locked taken-over-locked "Log in"
tui_expect_not login-takeover-locked taken-over-locked "Enter the PIN to unlock"
expect_eq "the window stays with c2" "c2" "$(sql "select group_concat(staff) from sessions where window = 2 and ended_at is null")"

# Five wrong PINs lock the account: the screen says until when
tui_run login-lockout <<'KEYS'
c2<Enter>1111<Enter>
1111<Enter>
1111<Enter>
1111<Enter>
1111<Enter>
1234<Enter>
:dump locked-out
KEYS
tui_expect login-lockout locked-out "the account is locked until $(sql "select strftime('%H:%M', locked_until, 'unixepoch', 'localtime') from staff where id='c2'")."
done_testing
