# tests/term-lib.sh - sourced by the real-terminal tests (tests/term/*.sh) after lib.sh: tmux on a
# private socket that goes away with the test, and waiting for text on a pane (never a bare sleep).
command -v tmux >/dev/null 2>&1 || { echo "tmux is not installed"; exit 77; }
[ -x "$QDESK_BIN" ] || { echo "no $QDESK_BIN"; exit 1; }

SOCK=qdesk-$(basename "$0" .sh)-$$
tm() { tmux -L "$SOCK" -f /dev/null "$@"; }
trap 'tm kill-server 2>/dev/null; rm -rf "${T:?}"' EXIT

# wait_for PANE TEXT [SECONDS]: poll the pane until TEXT shows; its last capture is in $T/pane.
wait_for() {
	pane=$1 text=$2 limit=${3:-10}
	i=0
	while [ $i -lt $((limit * 10)) ]; do
		tm capture-pane -p -t "$pane" >"$T/pane" 2>/dev/null
		grep -qF -- "$text" "$T/pane" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	fail "[$text] did not appear in $pane within ${limit}s:
$(cat "$T/pane")"
	return 1
}
