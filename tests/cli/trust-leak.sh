#!/bin/sh
# Personal data never leaks (issue 10): a full resident ID number (new and old form), a mobile
# number and an applicant's name, entered through every path that takes text or personal data,
# are found in no output (stdout, stderr, --json, slips, reports, the audit log) and not in the
# bytes of the database file, its WAL or a backup. Free text is stored with the numbers masked and
# the clerk is told (stderr, "masked" in --json).
. "$(dirname "$0")/../lib.sh"
ID=11010519491231002X ID15=110105491231002 PHONE=13912345678 NAME=欧阳锋
NOTE="身份证${ID}电话${PHONE}旧证${ID15}"
OUT="$T/all-output"; : >"$OUT"

# the demo config with its slips going to a file, the masked phone printed on them
awk -v f="$T/slips.txt" '
	/^printer = \{/ { skip = 1; print "printer = { file = \"" f "\"; personal = \"phone\"; };"; next }
	skip && /^\};/ { skip = 0; next }
	skip { next }
	{ print }' "$TOP/conf/qdesk.conf" >"$T/leak.conf"
export QDESK_CONFIG="$T/leak.conf"

# run CMD… : run it, keeping everything it printed
run() { "$QDESK_BIN" --db "$DB" "$@" >"$T/o" 2>"$T/e"; rc=$?; cat "$T/o" "$T/e" >>"$OUT"; return $rc; }
ok() { run "$@" || fail "[$*] exited $rc: $(cat "$T/e")"; }

ok init
# a reader holds the database open, so the WAL of everything below is still there to grep
mkfifo "$T/reader"
sqlite3 "$DB" <"$T/reader" >/dev/null &
reader=$!
exec 3>"$T/reader"
echo "select count(*) from tickets;" >&3
for s in "g1 guide" "c1 clerk" "l1 lead"; do
	set -- $s
	echo 2468 | ok staff add "$1" --name "名$1" --role "$2"
done
ok issue A --id-number "$ID" --phone "$PHONE" --note "$NOTE" --staff g1 --json
expect_grep "issue --json says masked" '"masked":3' "$T/o"
ok issue A --note "$NOTE"
expect_grep "issue tells the clerk" "stored masked" "$T/e"
ok issue B
ok print A001
ok print A001 --text
ok call 1 --staff c1
ok finish 1 --staff c1 --applicant "$NAME" --id-number "$ID" --phone "$PHONE" --note "$NOTE" \
	--rating 1 --reason "$NOTE" --json
expect_grep "finish --json says masked" '"masked":' "$T/o"
ok consult --window 1 --staff c1 --topic "$NOTE"
ok consult --desk 1 --staff g1 --topic "$NOTE"
ok guided --desk 1 --staff g1 --note "$NOTE"
ok void A002 --staff g1 --reason "$NOTE"
ok problem add --staff c1 --window 1 --what "$NOTE"
ok problem resolve 1 --staff l1 --resolution "$NOTE"
ok rectify callback 1 --staff l1 --note "$NOTE"
ok rectify close 1 --staff l1 --fixed --note "$NOTE"
ok evaluation void A001 --staff l1 --reason "$NOTE"

# every way of reading it back
for cmd in "status" "status --json" "queues --json" "ticket A001" "ticket A001 --json" \
	"ticket A002 --json" "audit log" "audit log --json" "audit verify" "check" \
	"problem list" "rectify list --staff l1" "rectify list --staff l1 --json" \
	"report --day 2026-11-23" "report --day 2026-11-23 --format json" \
	"report --day 2026-11-23 --format csv" "report --day 2026-11-23 --format summary" \
	"report --day 2026-11-23 --by staff --format csv --encoding gb18030"; do
	ok $cmd
done
ok backup "$T/backup.db"
cat "$T/slips.txt" >>"$OUT"

# what was stored is the masked form
expect_eq "ticket note stored masked" "身份证110105********002X电话139****5678旧证110105*****1002" \
	"$(sqlite3 "$DB" "select note from tickets where number = 'A001'")"
expect_eq "case stored masked" "欧**|110105********002X|139****5678" \
	"$(sqlite3 "$DB" "select applicant_masked, id_masked, phone_masked from cases where applicant_masked <> ''")"

# grep the bytes: every output, the database, its WAL (kept open by a reader), the backup
[ -s "$DB-wal" ] || fail "no WAL to search"
for f in "$OUT" "$DB" "$DB-wal" "$T/backup.db" "$T/slips.txt"; do
	[ -e "$f" ] || continue
	for secret in "$ID" "$(echo "$ID" | tr X x)" "$ID15" "$PHONE" "$NAME"; do
		grep -aqF -- "$secret" "$f" && fail "[$secret] found in $(basename "$f")"
	done
done
exec 3>&-
wait "$reader"
[ -s "$T/slips.txt" ] || fail "no slip printed"
grep -q "139\*\*\*\*5678" "$T/slips.txt" || fail "the slip does not show the masked phone"
done_testing
