#!/bin/sh
# qdesk backup while windows keep writing: the copy is consistent (checked), stands alone (no
# -wal), is for owner and group only, is never written over; restore checks the copy, asks (or
# takes --yes), and the restored database passes qdesk check and audit verify.
. "$(dirname "$0")/../lib.sh"
q init >/dev/null
echo 2468 | q staff add c1 --name 李四 --role clerk >/dev/null
(i=0; while [ $i -lt 40 ]; do q issue A >/dev/null 2>&1; i=$((i + 1)); echo $i >"$T/issued"; done; echo done >"$T/writer") &
writer=$!
# the -wal stays between commands (no checkpoint on close): wait for the first ticket instead
i=0; while [ ! -s "$T/issued" ] && [ $i -lt 100 ]; do i=$((i + 1)); sleep 0.05; done
expect_exit 0 q backup "$T/b1.db"
expect_grep "backup checked" "checked" "$T/out"
wait "$writer"
expect_eq "backup mode" "0" "$(( $(stat -c %a "$T/b1.db") % 10 ))"
[ -e "$T/b1.db-wal" ] && fail "the backup has a -wal file"
expect_exit 0 "$QDESK_BIN" --db "$T/b1.db" check
expect_exit 1 q backup "$T/b1.db"
expect_grep "never overwritten" "already exists" "$T/err"
n=$(sqlite3 "$T/b1.db" "SELECT count(*) FROM tickets")
q issue A >/dev/null
expect_exit 2 q restore "$T/b1.db" </dev/null
expect_exit 0 q restore "$T/b1.db" --yes
expect_eq "restored" "$n" "$(sqlite3 "$DB" "SELECT count(*) FROM tickets")"
expect_exit 0 q check
expect_exit 0 q audit verify
expect_exit 0 q issue A
# A copy that fails its check is not restored.
cp "$T/b1.db" "$T/bad.db"
sqlite3 "$T/bad.db" "UPDATE tickets SET seq = seq + 50 WHERE id = 1"
expect_exit 1 q restore "$T/bad.db" --yes
expect_grep "bad copy refused" "not restored" "$T/err"
done_testing
