#!/bin/sh
# Daily backups (issue 10): backup --daily writes today's dated, checked copy into backup.dir,
# does nothing more the same day, keeps the newest backup.keep copies (nothing else in the folder
# is touched), and a daily copy restores to a database that passes qdesk check.
. "$(dirname "$0")/../lib.sh"
B="$T/backups"
cat "$TOP/conf/qdesk.conf" >"$T/daily.conf"
printf 'backup = { dir = "%s"; keep = 3; };\n' "$B" >>"$T/daily.conf"
export QDESK_CONFIG="$T/daily.conf"
expect_exit 0 q config check

QDESK_NOW="2026-11-20 08:00:00" q init >/dev/null || fail "init"
expect_exit 2 "$QDESK_BIN" --config "$TOP/conf/qdesk.conf" --db "$DB" backup --daily
expect_grep "no backup.dir" "backup.dir" "$T/err"
expect_exit 2 q backup "$T/x.db" --daily
expect_exit 2 q backup

for day in 20 21 22 23 24; do
	export QDESK_NOW="2026-11-$day 12:00:00"
	q issue A >/dev/null || fail "issue on the $day"
	expect_exit 0 q backup --daily --json
	expect_grep "made on the $day" '"made":true' "$T/out"
	[ -f "$B/qdesk-2026-11-$day.db" ] || fail "no qdesk-2026-11-$day.db"
	mkdir -p "$B"; : >"$B/notes-$day.txt"     # not a dated copy: never removed
	expect_exit 0 q backup --daily
	expect_grep "once a day" "already" "$T/out"
done
expect_eq "three kept, oldest removed" \
	"notes-20.txt notes-21.txt notes-22.txt notes-23.txt notes-24.txt qdesk-2026-11-22.db qdesk-2026-11-23.db qdesk-2026-11-24.db" \
	"$(ls "$B" | tr '\n' ' ' | sed 's/ $//')"
ls -a "$B" | grep -q '\.part' && fail "a partial copy was left"
mode=$(stat -c %a "$B/qdesk-2026-11-24.db")
case $mode in *[1-7]) fail "a daily copy is readable by others (mode $mode)" ;; esac

# the copy of the 23rd holds the 23rd's four tickets, and restores whole
expect_eq "copy holds its day" 4 "$(sqlite3 "$B/qdesk-2026-11-23.db" "select count(*) from tickets")"
expect_exit 0 q restore "$B/qdesk-2026-11-23.db" --yes
expect_exit 0 q check
expect_exit 0 q audit verify
expect_eq "restored" 4 "$(sqlite3 "$DB" "select count(*) from tickets")"
done_testing
