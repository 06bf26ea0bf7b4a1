# tests/lib.sh - sourced by the shell tests: a private temp dir, a fresh database, the demo config,
# a fixed clock and English messages, and small assertions that say what differed.
set -u
BUILD=${BUILD:-build}
QDESK_BIN=$(cd "$(dirname "$0")/../.." && pwd)/$BUILD/qdesk
TOP=$(cd "$(dirname "$0")/../.." && pwd)
T=$(mktemp -d)
trap 'rm -rf "${T:?}"' EXIT
export QDESK_CONFIG="$TOP/conf/qdesk.conf"
export QDESK_NOW="2026-11-23 09:00:00"
export LANGUAGE=en LC_ALL=C.UTF-8
unset QDESK_DB
DB="$T/qdesk.db"
failures=0

q() { "$QDESK_BIN" --db "$DB" "$@"; }
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
# expect_eq WHAT EXPECTED ACTUAL
expect_eq() { [ "$2" = "$3" ] || fail "$1: expected [$2], got [$3]"; }
# expect_exit CODE CMD... : run CMD, compare its exit status; its stdout is left in $T/out, stderr in $T/err
expect_exit() { want=$1; shift; "$@" >"$T/out" 2>"$T/err"; got=$?
	[ "$got" = "$want" ] || fail "exit of [$*]: expected $want, got $got; stderr: $(cat "$T/err")"; }
expect_grep() { grep -q -- "$2" "$3" || fail "$1: [$2] not in $3: $(head -c 400 "$3")"; }
done_testing() { [ "$failures" -eq 0 ] && { echo ok; exit 0; }; echo "$failures failure(s)"; exit 1; }
