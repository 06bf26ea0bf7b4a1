#!/bin/sh
# The action table drives the help screen, the key bar and the man page: every action has a
# config name, a function key and a letter; the help screen lists each; man/qdesk.1 documents
# each config name and default key (skipped until the WINDOW CONSOLE section is in the page).
# Also: the hall's keys group rebinds (an action listed loses its default keys).
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/tui-lib.sh"
tui_setup

"$QDESK_BIN" window --list-actions >"$T/actions" 2>"$T/err" || fail "--list-actions failed: $(cat "$T/err")"
n=$(wc -l <"$T/actions")
[ "$n" -ge 12 ] || fail "only $n actions listed"
while IFS="$(printf '\t')" read -r name keys help; do
	case $keys in F[0-9]*\ ?) ;; *) fail "action $name: default keys [$keys] are not a function key and a letter" ;; esac
	[ -n "$help" ] || fail "action $name has no help text"
done <"$T/actions"
dups=$(cut -f2 "$T/actions" | tr ' ' '\n' | sort | uniq -d)
[ -z "$dups" ] || fail "keys bound twice by default: $dups"

# the help screen shows every action with its keys
tui_run actions-help <<'KEYS'
c1<Enter>1234<Enter>
<F1>
:dump help
KEYS
while IFS="$(printf '\t')" read -r name keys help; do
	tui_expect actions-help help "$name"
	tui_expect actions-help help "$help"
done <"$T/actions"

# rebinding from the config: lock moves to "k" and F12; "l" does nothing any more
sed 's/^  finish    = \["F6", "f"\];/  finish    = ["F6", "f"];\n  lock      = ["F12", "k"];/' "$QDESK_CONFIG" >"$T/rebind.conf"
grep -q 'lock      = \["F12", "k"\]' "$T/rebind.conf" || fail "could not write the rebinding config"
QDESK_CONFIG="$T/rebind.conf" tui_run actions-rebind <<'KEYS'
c1<Enter>1234<Enter>
l
:dump l-unbound
k
:dump k-locks
KEYS
tui_expect actions-rebind l-unbound "That key does nothing here"
tui_expect actions-rebind k-locks "Enter the PIN to unlock"

# the man page documents every action and its default keys
man="$TOP/man/qdesk.1"
grep -q '^\.Sh WINDOW CONSOLE' "$man" || fail "man/qdesk.1 has no WINDOW CONSOLE section"
while IFS="$(printf '\t')" read -r name keys help; do
	f=${keys%% *} l=${keys#* }
	grep -qF -- ".Cm $name :" "$man" || fail "man/qdesk.1 does not describe action $name (.Cm $name :)"
	grep -qF -- ".It Cm $f , Cm $l" "$man" || grep -qF -- ".It Cm $f , Cm \\&$l" "$man" ||
		fail "man/qdesk.1 does not list the keys of $name (.It Cm $f , Cm $l)"
done <"$T/actions"
done_testing
