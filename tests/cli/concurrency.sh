#!/bin/sh
# 16 window processes call and finish at once on one database until nothing is left: every ticket
# is served exactly once, by one window, and no process sees an error (no SQLITE_BUSY).
. "$(dirname "$0")/../lib.sh"
q init >/dev/null
windows="1 2 3 4 5 7 8 9 10 11 12 13 16 18 19 20"
for w in $windows; do echo 2468 | q staff add "c$w" --name "窗口$w" --role clerk >/dev/null; done
for t in A B C D E H F G J M; do
	i=0; while [ $i -lt 24 ]; do q issue $t >/dev/null || fail "issue $t"; i=$((i + 1)); done
done
for w in $windows; do
	(
		served=0
		while :; do
			q call "$w" --staff "c$w" >>"$T/calls.$w" 2>>"$T/err.$w"; rc=$?
			[ $rc -eq 3 ] && break
			[ $rc -eq 0 ] || { echo "call exit $rc" >>"$T/err.$w"; break; }
			q finish "$w" --staff "c$w" >/dev/null 2>>"$T/err.$w" || { echo "finish failed" >>"$T/err.$w"; break; }
			served=$((served + 1))
		done
		echo $served >"$T/served.$w"
	) &
done
wait
for w in $windows; do
	grep -v -e "nobody is waiting" -e "waiting for the database" "$T/err.$w" >"$T/real-err.$w"
	[ -s "$T/real-err.$w" ] && fail "window $w: $(head -3 "$T/real-err.$w")"
done
expect_eq "all served" "240" "$(sqlite3 "$DB" "select count(*) from tickets where state = 'served'")"
expect_eq "no ticket called twice" "0" "$(sqlite3 "$DB" "select count(*) from (select ticket_id from events where kind = 'call' group by ticket_id having count(*) > 1)")"
total=0; for w in $windows; do total=$((total + $(cat "$T/served.$w"))); done
expect_eq "windows' own counts add up" "240" "$total"
expect_eq "numbers printed once each" "240" "$(cat "$T"/calls.* | cut -d' ' -f1 | sort -u | wc -l)"
busy=$(for w in $windows; do cat "$T/calls.$w"; done | cut -d' ' -f1 | sort | uniq -d | wc -l)
expect_eq "no number printed twice" "0" "$busy"
done_testing
