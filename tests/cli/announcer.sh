#!/bin/sh
# The announcer: a fake speaker recording start and end times proves the calls of many windows
# within one second are spoken in order, each `repeat` times, never two at once, even with a second
# announcer started by mistake, which speaks nothing twice; a restart does not read out stale
# calls; a failing, missing or hanging speaker is recorded as failed and the queue moves on;
# --print; one real espeak-ng run writing a WAV checked with sox.
. "$(dirname "$0")/../lib.sh"
PIDS=
trap 'for p in $PIDS; do kill "$p" 2>/dev/null; done; rm -rf "${T:?}"' EXIT
export LANGUAGE=zh_CN

# conf NAME 'announce settings' : the demo config with that announce group.
conf() {
	awk -v grp="$2" '
		/^announce = \{/ { skip = 1; print "announce = { " grp " };"; next }
		skip && /^\};/ { skip = 0; next }
		skip { next }
		{ print }' "$TOP/conf/qdesk.conf" >"$T/$1.conf"
}
cat >"$T/speaker.sh" <<EOF
#!/bin/sh
# A fake speaker: the text on stdin; "start NS PID TEXT" and "end NS PID" lines in the log.
text=\$(cat)
echo "start \$(date +%s%N) \$\$ \$text" >>"$T/spoken.log"
sleep 0.05
echo "end \$(date +%s%N) \$\$" >>"$T/spoken.log"
case \$text in *到8号*) echo "扬声器故障" >&2; exit 1 ;; esac
exit 0
EOF
chmod +x "$T/speaker.sh"
conf fake "command = \"$T/speaker.sh\"; repeat = 2; pause_ms = 20; timeout = 5; max_age = 120;"
export QDESK_CONFIG=$T/fake.conf
sql() { sqlite3 -cmd '.timeout 5000' "$DB" "$@"; }
# wait_rows N: until N announcements are spoken or failed (at most ~30 s)
wait_rows() {
	i=0
	while [ "$(sql "SELECT count(*) FROM announcements WHERE state <> 'speaking'")" != "$1" ] && [ $i -lt 300 ]; do
		i=$((i + 1)); sleep 0.1; done
}

q init >/dev/null || fail init
for s in 1 2 3 5 7 8 11 12 16; do echo 1234 | q staff add "c$s" --name "窗口$s" --role clerk >/dev/null || fail "staff c$s"; done
for i in 1 2 3 4 5 6 7 8 9 10; do q issue A >/dev/null; done
for i in 1 2 3 4; do q issue D >/dev/null; done
for i in 1 2 3; do q issue H >/dev/null; done
q issue M >/dev/null

# ---- two announcers, six windows calling within one second, and a recall ---------------------------
"$QDESK_BIN" --db "$DB" announcer 2>"$T/ann1.log" & PIDS="$PIDS $!"
"$QDESK_BIN" --db "$DB" announcer 2>"$T/ann2.log" & PIDS="$PIDS $!"
i=0; while ! grep -q . "$T/ann1.log" "$T/ann2.log" 2>/dev/null && [ $i -lt 100 ]; do i=$((i + 1)); sleep 0.05; done
calls=
for w in 1 2 3 5 7 8; do q call $w --staff "c$w" >/dev/null & calls="$calls $!"; done
for p in $calls; do wait "$p" || fail "call by pid $p"; done
q recall 1 --staff c1 >/dev/null || fail "recall"
wait_rows 7
for p in $PIDS; do kill "$p"; done
for p in $PIDS; do wait "$p"; done; PIDS=
expect_eq "calls announced" 7 "$(sql "SELECT count(*) FROM announcements WHERE channel = 'voice'")"
expect_eq "one failed (window 8's speaker)" 1 "$(sql "SELECT count(*) FROM announcements WHERE state = 'failed'")"
sql "SELECT error FROM announcements WHERE state = 'failed'" >"$T/err8"
expect_grep "failure recorded with the speaker's reason" "扬声器故障" "$T/err8"
# The speaker heard every call in event order, each twice (window 8 once: it failed), never two at once.
sql "SELECT t.number, e.window FROM events e JOIN tickets t ON t.id = e.ticket_id
     WHERE e.kind IN ('call', 'recall') ORDER BY e.id" |
awk -F'|' 'BEGIN { split("零 一 二 三 四 五 六 七 八 九", d, " ") }
	{ n = substr($1, 1, 1); for (i = 2; i <= length($1); i++) n = n d[substr($1, i, 1) + 1]
	  line = "请" n "号到" $2 "号窗口办理"; print line; if ($2 != 8) print line }' >"$T/expected"
awk '$1 == "start" { print $4 }' "$T/spoken.log" >"$T/heard"
cmp -s "$T/expected" "$T/heard" || fail "order or repeats: expected $(cat "$T/expected") heard $(cat "$T/heard")"
awk '$1 == "start" { if (busy) { print "overlap at " $2; bad = 1 } busy = $3 }
     $1 == "end" { if (busy != $3) { print "end of " $3 " while " busy " speaks"; bad = 1 } busy = 0 }
     END { exit bad }' "$T/spoken.log" >"$T/overlap" || fail "speeches overlap: $(cat "$T/overlap")"
claimants=$(sql "SELECT count(DISTINCT claimed_by) FROM announcements")
[ "$claimants" -ge 1 ] || fail "no claimant recorded"

# ---- a restart does not read out stale calls ----------------------------------------------------------
: >"$T/spoken.log"
q call 11 --staff c11 >/dev/null || fail "call 11"
QDESK_NOW="2026-11-23 09:09:30" q call 12 --staff c12 >/dev/null || fail "call 12"
QDESK_NOW="2026-11-23 09:10:00" q announcer --once --json >"$T/out" 2>"$T/err" || fail "announcer --once: $(cat "$T/err")"
expect_grep "restart: counts" '"announced":1,"failed":0,"skipped":1' "$T/out"
expect_eq "restart: only the fresh call" "请H零零二号到12号窗口办理 请H零零二号到12号窗口办理" \
	"$(awk '$1 == "start" { printf "%s%s", sep, $4; sep = " " }' "$T/spoken.log")"
expect_grep "restart: skip logged" "120" "$T/err"
# and a second run finds nothing left
q announcer --once --json >"$T/out" 2>"$T/err"
expect_grep "nothing twice" '"announced":0,"failed":0,"skipped":0,"taken":0' "$T/out"

# ---- an announcer stopped mid-speech: its claim is failed at the next start, not left speaking ------
QDESK_NOW="2026-11-23 09:10:00" q recall 11 --staff c11 >/dev/null || fail "recall 11"
sql "INSERT INTO announcements (channel, event_id, claimed_at, claimed_by)
	SELECT 'voice', max(id), strftime('%s', '2026-11-23 08:00:00', 'utc'), 'gone:1' FROM events WHERE kind IN ('call', 'recall')"
QDESK_NOW="2026-11-23 09:10:00" q announcer --once --json >"$T/out" 2>"$T/err"
expect_eq "half-spoken call failed" "failed|中断：播报程序在播报中停止" \
	"$(sql "SELECT state, error FROM announcements WHERE claimed_by = 'gone:1'")"
expect_grep "and said so" "已将1个因播报程序停止而未播完的叫号记为失败" "$T/err"

# ---- speakers that fail: missing, hanging (killed after the timeout); the queue moves on ---------------
conf missing "command = \"no-such-speaker -v cmn\"; repeat = 1;"
QDESK_NOW="2026-11-23 09:10:00" QDESK_CONFIG=$T/missing.conf q call 16 --staff c16 >/dev/null
QDESK_NOW="2026-11-23 09:10:00" QDESK_CONFIG=$T/missing.conf q announcer --once --json >"$T/out" 2>"$T/err"
expect_grep "missing speaker: failed" '"announced":0,"failed":1' "$T/out"
expect_grep "missing speaker: logged" "无法运行no-such-speaker" "$T/err"
conf hang "command = \"sleep 30\"; repeat = 2; timeout = 1;"
QDESK_NOW="2026-11-23 09:10:00" q recall 16 --staff c16 >/dev/null
QDESK_NOW="2026-11-23 09:10:00" q recall 12 --staff c12 >/dev/null
QDESK_NOW="2026-11-23 09:10:00" QDESK_CONFIG=$T/hang.conf timeout 20 "$QDESK_BIN" --db "$DB" announcer --once --json >"$T/out" 2>"$T/err"
expect_grep "hanging speaker: both failed, queue moved on" '"announced":0,"failed":2' "$T/out"
expect_eq "failures recorded (and the half-spoken one)" 5 "$(sql "SELECT count(*) FROM announcements WHERE state = 'failed'")"
sql "SELECT error FROM announcements WHERE state = 'failed' ORDER BY event_id DESC LIMIT 1" >"$T/err2"
expect_grep "hanging speaker: reason" "1" "$T/err2"

# ---- --print: the lines as written, its own channel ---------------------------------------------------
conf old "command = \"\"; max_age = 86400;"
QDESK_NOW="2026-11-23 09:10:00" QDESK_CONFIG=$T/old.conf q announcer --print --once >"$T/out" 2>"$T/err" || fail "--print"
expect_grep "--print: a call" "^请H001号到11号窗口办理$" "$T/out"
expect_grep "--print: the recall too" "^请H002号到12号窗口办理$" "$T/out"
expect_eq "--print: every call (max_age one day)" \
	"$(sql "SELECT count(*) FROM events WHERE kind IN ('call', 'recall')")" "$(wc -l <"$T/out" | tr -d ' ')"

# ---- no speaker configured ---------------------------------------------------------------------------
conf none "command = \"\";"
QDESK_CONFIG=$T/none.conf q announcer --once >"$T/out" 2>"$T/err"; rc=$?
expect_eq "no speaker: usage error" 2 "$rc"

# ---- one real espeak-ng run: a WAV of plausible speech -------------------------------------------------
if command -v espeak-ng >/dev/null && command -v soxi >/dev/null; then
	conf real "command = \"espeak-ng -v cmn -w $T/call.wav --stdin\"; repeat = 1; timeout = 30;"
	QDESK_NOW="2026-11-23 09:10:00" q recall 11 --staff c11 >/dev/null || fail "recall 11"
	QDESK_NOW="2026-11-23 09:10:00" QDESK_CONFIG=$T/real.conf q announcer --once --json >"$T/out" 2>"$T/err"
	expect_grep "espeak-ng: announced" '"announced":1,"failed":0' "$T/out"
	secs=$(soxi -D "$T/call.wav" 2>/dev/null)
	# "请X零零Y号到NN号窗口办理": about 13 syllables, 2 to 12 seconds of speech
	awk -v s="${secs:-0}" 'BEGIN { exit !(s > 2 && s < 12) }' || fail "espeak-ng: WAV of ${secs:-no} seconds"
	rms=$(sox "$T/call.wav" -n stat 2>&1 | awk '/RMS +amplitude/ { print $3 }')
	awk -v r="${rms:-0}" 'BEGIN { exit !(r > 0.01) }' || fail "espeak-ng: silent WAV (RMS ${rms:-?})"
else
	[ "${CI:-}" = true ] && fail "espeak-ng or sox missing (they are in DEBS)"
fi
done_testing
