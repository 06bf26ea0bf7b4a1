#!/bin/sh
# Roles everywhere (issue 10): every role against every action the table (qdesk roles) refuses it,
# through the command line; qdesk(1) ROLES prints the same table; staff ids are case-insensitive,
# blank names refused. The screens' refusals are in tests/tui/roles.sh.
. "$(dirname "$0")/../lib.sh"

expect_exit 0 q init
for s in "g1 guide" "c1 clerk" "l1 lead" "a1 admin"; do
	set -- $s
	echo 2468 | q staff add "$1" --name "名$1" --role "$2" >/dev/null || fail "staff add $1"
done

# The man page's table is the program's table.
q roles >"$T/roles.txt" || fail "qdesk roles"
awk '/^\.Sh ROLES/ { on = 1 } on && /^\.Sh / && !/ROLES/ { on = 0 } on && /^\.It / { print }' \
	"$TOP/man/qdesk.1" | sed -e 's/^\.It //' -e 's/ Ta /	/g' -e 's/Sy //g' -e 's/\\-/-/g' >"$T/man.txt"
diff -u "$T/roles.txt" "$T/man.txt" >"$T/diff" || fail "qdesk(1) ROLES differs from qdesk roles: $(cat "$T/diff")"
q roles --json >"$T/roles.json"
expect_grep "roles json" '"action":"evaluation-void","roles":\["lead"\]' "$T/roles.json"

# A ticket to act on, a bad rating (a rectification item), an open problem.
q issue A >/dev/null; q issue A >/dev/null
q call 1 --staff c1 >/dev/null
q finish 1 --staff c1 --rating 1 --reason "等太久" >/dev/null || fail "finish with a bad rating"
q problem add --staff c1 --what "办不成" >/dev/null || fail "problem add"

# allowed ACTION ROLE: yes or no, from the program's table.
allowed() {
	col=$(awk -F'\t' -v r="$2" 'NR == 1 { for (i = 2; i <= NF; i++) if ($i == r) print i }' "$T/roles.txt")
	awk -F'\t' -v a="$1" -v c="$col" '$1 == a { print $c }' "$T/roles.txt"
}
# refused ACTION ID CMD… : if the table refuses ID's role ACTION, the command exits 1 saying so.
checked=0
refused() {
	act=$1 id=$2; shift 2
	case $id in g1) role=guide ;; c1) role=clerk ;; l1) role=lead ;; a1) role=admin ;; esac
	case $(allowed "$act" "$role") in
	yes) return ;;
	no) ;;
	*) fail "no row for $act/$role in qdesk roles"; return ;;
	esac
	checked=$((checked + 1))
	expect_exit 1 q "$@" --staff "$id"
	grep -q "role may not" "$T/err" || fail "$act as $role ($*): not refused for the role: $(cat "$T/err")"
}
# every window command checks the window action (for the guide); one more role each suffices
for cmd in "recall 1" "noshow 1" "transfer 1 --type B" "pause 1 --reason meal" "resume 1" "undo 1"; do
	refused window g1 $cmd
done
for id in g1 c1 l1 a1; do
	refused window "$id" call 1
	refused window "$id" finish 1
	refused desk "$id" guided --desk 1 --note "问路"
	refused desk "$id" consult --desk 1 --topic "问路"
	refused void "$id" void A002 --reason "重复取号"
	refused resolve "$id" problem resolve 1 --resolution "已办"
	refused rectify "$id" rectify list
	refused rectify "$id" rectify callback 1 --note "已回访"
	refused evaluation-void "$id" evaluation void A001 --reason "评错了"
	refused issue "$id" issue A
	refused requeue "$id" requeue A002
	refused consult "$id" consult --topic "问路"
	refused problem "$id" problem add --what "办不成"
done
[ "$checked" -ge 22 ] || fail "only $checked refusals checked"

# Staff ids are case-insensitive; blank names are refused.
expect_exit 0 q call 1 --staff C1 --json
expect_grep "C1 acts as c1" '"ok":true' "$T/out"
q audit log --staff c1 >"$T/log"; expect_grep "the event names c1" "c1" "$T/log"
grep -q "C1" "$T/log" && fail "an event names C1, not the account's id c1"
echo 2468 | expect_exit 1 q staff add C1 --name 重名 --role clerk
expect_grep "C1 is c1" "already exists" "$T/err"
echo 2468 | expect_exit 2 q staff add x1 --name "   " --role clerk
expect_grep "blank name" "must not be blank" "$T/err"
echo 2468 | expect_exit 2 q staff add x1 --name "　" --role clerk
expect_exit 0 q staff disable G1
q staff list | grep -q "^g1	.*disabled" || fail "staff disable G1 did not disable g1"
expect_exit 0 q check
expect_exit 0 q audit verify

done_testing
