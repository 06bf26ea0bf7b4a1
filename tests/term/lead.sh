#!/bin/sh
# A real terminal: the lead's dashboard in tmux on a private socket; a clerk calls a ticket at
# window 1 from the command line and the dashboard shows it without a key press; the alerts
# follow; a resize keeps the dashboard drawn; on the figures view a finish at the window moves
# the served count and the chart's scale without a key press.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../term-lib.sh"

q init >/dev/null
for s in "c1 张三 clerk" "l1 王五 lead"; do
	set -- $s
	echo 1234 | q staff add "$1" --name "$2" --role "$3" >/dev/null
done
q issue A >/dev/null
q issue A >/dev/null
QDESK_NOW="2026-11-23 08:40:00" q pause 2 --staff c1 --reason meeting >/dev/null

# wait_re PANE REGEX: the same for an extended regular expression.
wait_re() {
	pane=$1 re=$2 i=0
	while [ $i -lt 100 ]; do
		tm capture-pane -p -t "$pane" >"$T/pane" 2>/dev/null
		grep -qE -- "$re" "$T/pane" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	fail "[$re] did not appear in $pane within 10s:
$(cat "$T/pane")"
	return 1
}
printf 'cd %s && exec env QDESK_CONFIG=%s QDESK_NOW="2026-11-23 09:20:00" LANGUAGE=en LC_ALL=C.UTF-8 %s --db %s lead\n' \
	"$TOP" "$QDESK_CONFIG" "$QDESK_BIN" "$DB" >"$T/lead.sh"
tm new-session -d -s hall -x 100 -y 30 -n lead "sh $T/lead.sh" || { echo "tmux cannot start a session"; exit 77; }
wait_for hall:lead "Staff id" || exit 1
tm send-keys -t hall:lead l1 Enter 1234 Enter
wait_for hall:lead "Lead: 王五 (l1)"
wait_for hall:lead "window 2 paused 40 min"
wait_for hall:lead "A 企业开  2 waiting"

# a clerk calls at window 1 (CLI): the dashboard shows it with nobody pressing a key
QDESK_NOW="2026-11-23 09:20:00" q call 1 --staff c1 >/dev/null
wait_for hall:lead "serving A001"
wait_for hall:lead "A 企业开  1 waiting"

# resize smaller and back: still drawn
tm resize-window -t hall:lead -x 80 -y 24 2>/dev/null
wait_for hall:lead "serving A001"
tm resize-window -t hall:lead -x 100 -y 30 2>/dev/null
wait_for hall:lead "Alerts"

# the figures view follows a finish at window 1 (CLI) by itself
tm send-keys -t hall:lead F3
wait_for hall:lead "Today's figures (2026-11-23)"
wait_re hall:lead "tickets served +0 "
QDESK_NOW="2026-11-23 09:25:00" q finish 1 --staff c1 --mode assisted --rating 5 >/dev/null
wait_re hall:lead "tickets served +1 "
wait_re hall:lead "帮办 +1 "
tm send-keys -t hall:lead F2
wait_for hall:lead "Queues"
tm send-keys -t hall:lead F10
wait_for hall:lead "Log out of the dashboard?"
done_testing
