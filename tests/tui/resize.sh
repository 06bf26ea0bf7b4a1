#!/bin/sh
# Terminal sizes: a too-small terminal says so and recovers when enlarged; a resize in the middle
# of the case form keeps what was typed; a large terminal uses the room.
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/tui-lib.sh"
tui_setup
q issue A >/dev/null
q issue B --priority disabled >/dev/null

QDESK_SIZE=60x20 tui_run resize <<'KEYS'
:dump too-small
# keys typed at a terminal too small to show anything are ignored
c1<Enter>
:resize 80 24
:dump enlarged
c1<Enter>1234<Enter>
:dump signed-in
<F2>
<F6>
<Tab><Tab><Tab><Tab><Tab><Tab><Tab>王小二
:resize 79 24
:dump form-too-small
:resize 80 24
:dump form-restored
<Tab>1101051949
:resize 120 40
:dump form-large
<Esc>
y
:dump large
:resize 20 5
:dump tiny
:resize 80 24
:dump back
KEYS

tui_expect resize too-small "Terminal too small: 60×20; qdesk needs at least 80×24."
tui_expect resize enlarged "Staff id    "
tui_expect resize signed-in "张三 signed in at window 1."
tui_expect resize form-too-small "Terminal too small: 79×24"
tui_expect resize form-restored "王小二"
tui_expect resize form-large "1101051949"
tui_expect resize large "Waiting for this window: 1"
tui_expect resize tiny "Terminal"
tui_expect resize back "F1Help"
done_testing
