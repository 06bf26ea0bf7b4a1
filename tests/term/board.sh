#!/bin/sh
# A real terminal: the hall board in tmux on a private socket (no login); clerks call from the
# command line and the board shows each call without a key press, a recall again; the display
# above window 1 follows too; a resize keeps the board drawn; q closes it.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../term-lib.sh"

q init >/dev/null
for s in "c1 张三" "c2 李四"; do
	set -- $s
	echo 1234 | q staff add "$1" --name "$2" --role clerk >/dev/null
done
q issue A >/dev/null
q issue A >/dev/null
q issue D >/dev/null

screen() {
	printf 'cd %s && exec env QDESK_CONFIG=%s QDESK_NOW="%s" LANGUAGE=en LC_ALL=C.UTF-8 %s --db %s %s\n' \
		"$TOP" "$QDESK_CONFIG" "$QDESK_NOW" "$QDESK_BIN" "$DB" "$*"
}
screen board >"$T/board.sh"
screen board --window 1 >"$T/w1.sh"
tm new-session -d -s hall -x 100 -y 30 -n board "sh $T/board.sh" || { echo "tmux cannot start a session"; exit 77; }
tm new-window -d -t hall -n w1 "sh $T/w1.sh"
wait_for hall:board "Waiting for the first call" || exit 1
wait_for hall:w1 "This window is closed"

# a clerk calls at window 1 (CLI): the board and the window's display show it unasked
q call 1 --staff c1 >/dev/null
wait_for hall:board "请A001号到1号窗口"
wait_for hall:board "W1  A001"
wait_for hall:w1 "Clerk: 张*"
wait_for hall:w1 "请A001号到1号窗口"
# two windows within the same second: both on the board, the newest big
q call 7 --staff c2 >/dev/null
q call 1 --staff c1 >/dev/null 2>&1 || true
wait_for hall:board "请D001号到7号窗口"
wait_for hall:board "A001  window 1"
q recall 7 --staff c2 >/dev/null
wait_for hall:board "(called again)"

# resize smaller and back: still drawn
tm resize-window -t hall:board -x 80 -y 24 2>/dev/null
wait_for hall:board "W7  D001"
tm resize-window -t hall:board -x 160 -y 50 2>/dev/null
wait_for hall:board "Called recently"
tm send-keys -t hall:board q
i=0
while tm list-windows -t hall 2>/dev/null | grep -q board && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
tm list-windows -t hall 2>/dev/null | grep -q board && fail "q did not close the board"
done_testing
