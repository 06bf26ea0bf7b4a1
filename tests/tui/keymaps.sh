#!/bin/sh
# Keymaps per screen: one key means one thing per screen (F2 calls the next number at a window and
# issues a ticket at the guide desk), the help and key bar of each screen show only its own
# actions, and the flat `keys` form of the config still rebinds the window console alone.
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/tui-lib.sh"
tui_setup
export QDESK_NO_GOLDEN=1

tui_run_cmd guide -- guide 1 <<'KEYS'
g1<Enter>1234<Enter>
:dump main
<F1>
:dump help
KEYS
tui_expect guide main "F2Issue"
tui_expect_not guide main "F2Next"
tui_expect guide help "issue a ticket of the chosen business type"
tui_expect_not guide help "call the next number"
tui_expect_not guide help "mark the current number a no-show"

tui_run_cmd window -- window 1 <<'KEYS'
c1<Enter>1234<Enter>
:dump main
<F1>
:dump help
KEYS
tui_expect window main "F2Next"
tui_expect_not window main "F2Issue"
tui_expect window help "call the next number"
tui_expect_not window help "issue a ticket of the chosen business type"

# The flat form: swap F2 and F3 of the window console; the guide desk keeps F2 for issuing.
awk '/^keys = \{/ { skip = 1 } skip && /^\};/ { skip = 0; next } !skip' "$TOP/conf/qdesk.conf" >"$T/hall.conf"
printf 'keys = {\n  call-next = ["F3", "n"];\n  recall = ["F2", "r"];\n};\n' >>"$T/hall.conf"
QDESK_CONFIG="$T/hall.conf" "$QDESK_BIN" config check >/dev/null || fail "the flat keys form was refused"
QDESK_CONFIG="$T/hall.conf" tui_run_cmd flat -- window 1 <<'KEYS'
c1<Enter>1234<Enter>
:dump main
KEYS
tui_expect flat main "F2Recall"
tui_expect flat main "F3Next"
QDESK_CONFIG="$T/hall.conf" tui_run_cmd flatguide -- guide 1 <<'KEYS'
g1<Enter>1234<Enter>
:dump main
KEYS
tui_expect flatguide main "F2Issue"
done_testing
