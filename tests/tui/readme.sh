#!/bin/sh
# The screen dump shown in README.md (golden/readme.txt): window 1 in Chinese at 09:40 on a
# busy morning, serving an elderly person's ticket, one wait past its target. README.md must show
# the same screen.
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/tui-lib.sh"
unset LANGUAGE
tui_setup
QDESK_NOW="2026-11-23 09:02:00" q issue A >/dev/null
QDESK_NOW="2026-11-23 09:05:00" q issue A --id-number 11010519491231002X --phone 13812345678 >/dev/null
QDESK_NOW="2026-11-23 09:11:00" q issue B >/dev/null
QDESK_NOW="2026-11-23 09:17:00" q issue A --priority key-project >/dev/null
QDESK_NOW="2026-11-23 09:24:00" q issue A >/dev/null
QDESK_NOW="2026-11-23 09:31:00" q issue B >/dev/null

tui_run readme <<'KEYS'
:now 2026-11-23 09:36:00
c1<Enter>1234<Enter>
<F2>
:now 2026-11-23 09:40:12
:dump 1号窗口
KEYS
tui_expect readme 1号窗口 "办理中"
# README.md shows this very screen: its block is the golden dump, line for line
awk '/^Window 1 serving an elderly/ { want = 1 } want && /^```$/ { if (on) exit; on = 1; next } on' \
	"$TOP/README.md" >"$T/readme-block.txt"
[ -s "$T/readme-block.txt" ] || fail "no screen block found in README.md"
tail -n +2 "$GOLDEN_DIR/readme.txt" | diff -u - "$T/readme-block.txt" >"$T/readme-block.diff" ||
	fail "README.md's screen differs from golden/readme.txt (copy the dump into README.md):
$(cat "$T/readme-block.diff")"
done_testing
