#!/bin/sh
# With the default hall config and no language chosen, the whole console is in Chinese and lines
# up; Chinese typed as wide characters (one beyond the BMP, 𠮷, included) is edited by character.
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/tui-lib.sh"
unset LANGUAGE
tui_setup
q issue A --priority elderly >/dev/null
q issue F >/dev/null

tui_run chinese <<'KEYS'
c1<Enter>1234<Enter>
:dump main
<F2>
:dump serving
<F6>
<BTab><BTab><BTab><BTab>𠮷田太郎<Left><Left><Backspace>
:dump name-edited
<End>一<Home><Del>
:dump name-home-del
<Esc>y
<F1>
:dump help
<Esc>
<F5>
社保
:dump transfer-search
<Esc>
<F12>
:dump locked
KEYS

tui_expect chinese main "本窗口等候：1 人"
tui_expect chinese serving "办理中"
tui_expect chinese name-edited "𠮷太郎"
tui_expect chinese name-home-del "太郎一"
tui_expect chinese help "帮助：本窗口的按键"
tui_expect chinese transfer-search "社保医保"
tui_expect chinese locked "已锁定"
# Every row fits the 80 columns (the last one stays empty), measured in columns by wc -L
awk 'index($0, "--- ") != 1' "$T/chinese.dump" >"$T/rows.txt"
[ -s "$T/rows.txt" ] || fail "no screen rows to measure"
widest=$(tui_width <"$T/rows.txt")
[ "$widest" -ge 40 ] && [ "$widest" -le 79 ] || fail "the widest row is [$widest] columns; 40 to 79 expected"
done_testing
