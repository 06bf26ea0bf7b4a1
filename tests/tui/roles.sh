#!/bin/sh
# Roles everywhere (issue 10), the screens: each console screen refuses at its login every role the
# table (qdesk roles) does not allow there, naming the role; an allowed role gets in whatever the
# case of the id typed (once per screen is enough here: tests/tui/login.sh and the screens' own
# tests sign the allowed roles in). The command line's refusals are in tests/cli/roles.sh.
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/tui-lib.sh"
tui_setup
echo 1234 | q staff add a1 --name 孙七 --role admin >/dev/null || fail "staff add a1"
q roles >"$T/roles.txt"

allowed() {
	col=$(awk -F'\t' -v r="$2" 'NR == 1 { for (i = 2; i <= NF; i++) if ($i == r) print i }' "$T/roles.txt")
	awk -F'\t' -v a="$1" -v c="$col" '$1 == a { print $c }' "$T/roles.txt"
}
role_text() {
	case $1 in guide) echo "a lobby guide" ;; clerk) echo "a window clerk" ;;
	lead) echo "a shift lead" ;; admin) echo "an administrator" ;; esac
}

refusals=0
for screen in "window:window 1" "desk:guide 1" "lead:lead"; do
	act=${screen%%:*} cmd=${screen#*:} admitted=
	for who in "g1 guide" "c1 clerk" "l1 lead" "a1 admin"; do
		set -- $who
		id=$1 role=$2 name="$act-$id"
		[ "$(allowed "$act" "$role")" = yes ] && [ -n "$admitted" ] && continue
		[ "$(allowed "$act" "$role")" = yes ] && admitted=$id
		# typed in upper case: ids are case-insensitive at the login too
		up=$(echo "$id" | tr a-z A-Z)
		printf '%s<Enter>1234<Enter>\n:dump after-login\n' "$up" |
			QDESK_NO_GOLDEN=1 tui_run_cmd "$name" -- $cmd
		if [ "$(allowed "$act" "$role")" = no ]; then
			refusals=$((refusals + 1))
			tui_expect "$name" after-login "This screen is not for $(role_text "$role")"
		else
			tui_expect_not "$name" after-login "This screen is not for"
			tui_expect "$name" after-login "($id)"   # signed in as the account, spelt as stored
		fi
	done
done
[ "$refusals" -ge 5 ] || fail "only $refusals screen refusals checked"
done_testing
