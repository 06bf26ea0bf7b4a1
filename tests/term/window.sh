#!/bin/sh
# Real terminals: two clerk consoles (windows 1 and 2, both serving type A) and a guide at the
# command line on one database, in tmux on a private socket. A ticket issued at the CLI shows on
# both consoles without a key press, is called by exactly one when both press F2 at once, and
# vanishes from the other's list; Chinese typed with send-keys -l lands in the form; a resize to
# a too-small terminal in the middle of the form, and back, keeps what was typed.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../term-lib.sh"

q init >/dev/null
for s in "c1 张三 clerk" "c2 李四 clerk" "g1 赵六 guide"; do
	set -- $s
	echo 1234 | q staff add "$1" --name "$2" --role "$3" >/dev/null
done

screen_of() { tm capture-pane -p -t "$1"; }

console() {   # console NAME WINDOW
	printf 'cd %s && exec env QDESK_CONFIG=%s QDESK_NOW="%s" LANGUAGE=en LC_ALL=C.UTF-8 %s --db %s window %s\n' \
		"$TOP" "$QDESK_CONFIG" "$QDESK_NOW" "$QDESK_BIN" "$DB" "$2" >"$T/$1.sh"
}
console w1 1
console w2 2
tm new-session -d -s hall -x 100 -y 30 -n w1 "sh $T/w1.sh" || { echo "tmux cannot start a session"; exit 77; }
tm new-window -d -t hall -n w2 "sh $T/w2.sh"
tm resize-window -t hall:w2 -x 100 -y 30 2>/dev/null

login() {   # login PANE ID
	wait_for "$1" "Staff id" || return
	tm send-keys -t "$1" "$2" Enter 1234 Enter
	wait_for "$1" "signed in at window"
}
login hall:w1 c1
login hall:w2 c2
wait_for hall:w1 "Nobody is waiting."

# a guide issues a ticket: both consoles show it, with nobody pressing a key
first=$(q issue A --staff g1 | cut -d' ' -f1)
expect_eq "ticket number" "A001" "$first"
wait_for hall:w1 "Waiting for this window: 1"
wait_for hall:w2 "Waiting for this window: 1"
wait_for hall:w2 "A001"

# both clerks press F2 at the same moment: exactly one gets it, the other is told nobody waits
tm send-keys -t hall:w1 F2 \; send-keys -t hall:w2 F2
wait_for hall:w1 "Waiting for this window: 0"
wait_for hall:w2 "Waiting for this window: 0"
screen_of hall:w1 >"$T/s1"; screen_of hall:w2 >"$T/s2"
calls=$(cat "$T/s1" "$T/s2" | grep -c "Calling A001.")
expect_eq "consoles announcing A001" "1" "$calls"
expect_eq "A001 called once, at one window" "called|1" "$(sqlite3 "$DB" "select state, calls from tickets where number='A001'")"
if grep -q "Calling A001." "$T/s1"; then win=hall:w1 other=hall:w2; else win=hall:w2 other=hall:w1; fi
grep -q "nobody is waiting for this window" "$T/s1" "$T/s2" || fail "the other console did not say nobody waits"
tm capture-pane -p -t "$other" | grep -q "Nobody is waiting." || fail "A001 still listed at the other console"

# Chinese from the input method (send-keys -l) lands in the case form, edited by character
tm send-keys -t "$win" F6
wait_for "$win" "the case"
tm send-keys -t "$win" BTab BTab BTab BTab
tm send-keys -t "$win" -l "张三丰"
wait_for "$win" "张三丰"
tm send-keys -t "$win" BSpace
tm send-keys -t "$win" -l "𠮷"
wait_for "$win" "张三𠮷"
tm send-keys -t "$win" Tab
wait_for "$win" "张**"

# resize mid-form: too small, then back; what was typed is still there
tm resize-window -t "${win%%:*}:${win#*:}" -x 70 -y 20
wait_for "$win" "Terminal too small"
tm resize-window -t "${win%%:*}:${win#*:}" -x 100 -y 30
wait_for "$win" "张**"
wait_for "$win" "Finish A001"

# save the case, rate it, and the ticket is served
tm send-keys -t "$win" Enter
wait_for "$win" "Log another case"
tm send-keys -t "$win" n
wait_for "$win" "Evaluation of A001"
tm send-keys -t "$win" Enter
wait_for "$win" "A001 finished · 1 case(s) · rating 5."
expect_eq "served, with the name stored masked" "served|张**" "$(sqlite3 "$DB" "select t.state, c.applicant_masked from tickets t join cases c on c.ticket_id = t.id where t.number='A001'")"

# the clerk who served logs out and quits; the other console's connection drops (SIGHUP, as when
# an SSH session dies): it must sign out too, not leave the window staffed
tm send-keys -t "$win" F10
wait_for "$win" "out of window"
tm send-keys -t "$win" y
wait_for "$win" "Log in"
tm send-keys -t "$win" F10
kill -HUP "$(tm display-message -p -t "$other" '#{pane_pid}')"
i=0
while tm has-session -t hall 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
tm has-session -t hall 2>/dev/null && fail "consoles did not quit on F10 at the login screen and on SIGHUP"
expect_eq "sessions closed" "2" "$(sqlite3 "$DB" "select count(*) from sessions where ended_at is not null")"
expect_eq "windows closed" "0" "$(sqlite3 "$DB" "select count(*) from windows where state <> 'closed'")"
done_testing
