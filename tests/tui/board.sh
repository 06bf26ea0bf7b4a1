#!/bin/sh
# The hall board (qdesk board), scripted: the newest call big with the board's text, the last
# tickets called, every window's number or state (serving, idle, paused with its reason, closed),
# the notice and the clock, at 80x24 and 200x60 (golden dumps); a call made meanwhile from the
# command line stands out in reverse video until board.highlight_seconds have passed, a recall
# stands out again; monochrome (vt100) attributes; --zone shows one zone, an unknown zone is a
# usage error; --window N is the display above one window (number, name, masked clerk, paused).
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/tui-lib.sh"
tui_setup
for s in "c3 欧阳修" "c4 孙七"; do
	set -- $s
	echo 1234 | q staff add "$1" --name "$2" --role clerk >/dev/null
done
for t in A A A D D; do q issue $t >/dev/null; done
q call 1 --staff c1 >/dev/null
q call 7 --staff c3 >/dev/null
q pause 2 --staff c2 --reason meal >/dev/null
q resume 2 --staff c2 >/dev/null && q pause 2 --staff c2 --reason meal >/dev/null
q pause 4 --staff c4 >/dev/null && q resume 4 --staff c4 >/dev/null
export QDESK_TERM=vt100

tui_run_cmd board -- board <<'KEYS'
:dump start
:attrs start
:sh "$QDESK_BIN" --db "$DB" call 3 --staff c4 >/dev/null
:dump called
:attrs called
:idle 9
:dump calm
:attrs calm
:sh "$QDESK_BIN" --db "$DB" recall 1 --staff c1 >/dev/null
:dump recall
:resize 200 60
:dump wall
q
KEYS
tui_expect board start "请D001号到7号窗口"
tui_expect board start "A001  window 1  企业开办"
tui_expect board start "Called recently"
tui_expect board start "W2  paused 用餐"
tui_expect board start "W4  idle"
tui_expect board start "W5  closed"
tui_expect board start "2026-11-23 09:00"
tui_attr board start "请D001号到7号窗口" b
tui_attr board called "请A002号到3号窗口" R
tui_attr board called "D001  window 7" " "
tui_expect board called "W3  A002##"
tui_attr board calm "请A002号到3号窗口" b
tui_attr board calm "paused" b
tui_expect board recall "#请A001号到1号窗口#(called#again)#"
tui_expect board recall "A002  window 3"
tui_expect board wall "D001  window 7  工改综合受理"

# one zone (工改: windows 7-10), and a zone the hall lacks
QDESK_NO_GOLDEN=1 tui_run_cmd zone -- board --zone gg <<'KEYS'
:dump gg
KEYS
tui_expect zone gg "工程建设项目审批（工改）专区"
tui_expect zone gg "W7  D001"
tui_expect_not zone gg "W1 "
tui_expect zone gg "请D001号到7号窗口"
expect_exit 2 q board --zone nowhere
expect_grep "unknown zone" "no such zone: nowhere" "$T/err"
expect_exit 2 q board --window 99
expect_exit 2 q board --window x

# the display above a window: the number served, the window's name, the clerk masked
QDESK_NO_GOLDEN=1 tui_run_cmd w7 -- board --window 7 <<'KEYS'
:dump serving
:sh "$QDESK_BIN" --db "$DB" pause 4 --staff c4 --reason meeting >/dev/null 2>&1 || true
KEYS
tui_expect w7 serving "Window 7 · 工改综合受理"
tui_expect w7 serving "Now serving"
tui_expect w7 serving "请D001号到7号窗口"
tui_expect w7 serving "Clerk: 欧**"
tui_expect_not w7 serving "please rate"
QDESK_NO_GOLDEN=1 tui_run_cmd w2 -- board --window 2 <<'KEYS'
:dump paused
KEYS
tui_expect w2 paused "#Service#paused#"
tui_expect w2 paused "用餐"
tui_expect w2 paused "Clerk: 李*"
QDESK_NO_GOLDEN=1 tui_run_cmd w5 -- board --window 5 <<'KEYS'
:dump closed
KEYS
tui_expect w5 closed "This window is closed"
tui_expect_not w5 closed "Clerk:"

# in the hall's language (zh_CN): the Chinese board lines up in columns
export LANGUAGE=zh_CN
QDESK_NO_GOLDEN=1 tui_run_cmd zh -- board <<'KEYS'
:dump zh
KEYS
export LANGUAGE=en
tui_expect zh zh "最近叫号"
tui_expect zh zh " 2号 暂停   用餐"
[ "$(tui_screen zh zh | tui_width)" -le 79 ] || fail "the Chinese board is wider than 79 columns"
done_testing
