#!/bin/sh
# Ticket slips: golden ESC/POS bytes read back by an independent reader (tests/print/escpos.py,
# Python's gb18030 codec) and compared with the text the guide sees (qdesk print --text); every
# target (device file, raw TCP, command, plain file); printers that hang, refuse or vanish
# mid-print, all bounded by printer.timeout; characters the printer cannot print; issue --print
# never issues twice. UPDATE=1 rewrites the golden files.
. "$(dirname "$0")/../lib.sh"
GOLD=$TOP/tests/print/golden
# Debian's python3 (DEBS) first: a version manager's shim in PATH can take seconds to start.
PY=$(command -v /usr/bin/python3 || command -v python3) || { echo "python3 is needed"; exit 77; }
DECODE="$PY $TOP/tests/print/escpos.py"
export LANGUAGE=zh_CN          # slips in the hall's language (the build's catalogue)

# conf NAME HALLNAME 'printer settings' : a copy of the demo config with that printer group.
conf() {
	awk -v name="$2" -v grp="$3" '
		/^printer = \{/ { skip = 1; print "printer = { " grp " };"; next }
		skip && /^\};/ { skip = 0; next }
		skip { next }
		/^  name          = / && name != "" { print "  name = \"" name "\";"; next }
		{ print }' "$TOP/conf/qdesk.conf" >"$T/$1.conf"
}
# slip NAME TICKET [args]: print TICKET with config NAME; leaves exit status in $rc
slip() { n=$1; shift; QDESK_CONFIG=$T/$n.conf "$QDESK_BIN" --db "$DB" print "$@" >"$T/out" 2>"$T/err"; rc=$?; }

q init >/dev/null || fail "init"
q issue A >/dev/null && q issue A >/dev/null || fail "issue A"
q issue A --priority elderly --phone 13812341234 >/dev/null || fail "issue A elderly"
q issue B >/dev/null || fail "issue B"

# ---- golden slips: bytes, reader, and the guide's text ---------------------------------------------
# check CASE CONFNAME TICKET COLS
check() {
	: >"$T/dev"
	slip "$2" "$3"
	[ $rc = 0 ] || fail "$1: print exit $rc: $(cat "$T/err")"
	if [ "${UPDATE:-}" = 1 ]; then cp "$T/dev" "$GOLD/$1.bin"; fi
	cmp -s "$T/dev" "$GOLD/$1.bin" || fail "$1: bytes differ from golden $1.bin"
	$DECODE --cols "$4" "$T/dev" >"$T/decoded" 2>"$T/derr" || fail "$1: reader: $(cat "$T/derr")"
	if [ "${UPDATE:-}" = 1 ]; then cp "$T/decoded" "$GOLD/$1.txt"; fi
	cmp -s "$T/decoded" "$GOLD/$1.txt" || fail "$1: decoded text differs: $(diff "$GOLD/$1.txt" "$T/decoded")"
	# What the guide sees (the plain-text slip) is what was printed, replaced characters as '?'.
	slip "$2" "$3" --json --text
	QDESK_CONFIG=$T/$2.conf "$QDESK_BIN" --db "$DB" print "$3" --text >"$T/text"
	sed -e 's/^ *//' -e '/^=*$/d' "$T/text" >"$T/seen"
	sed -e 's/^\[2x\] //' "$T/decoded" >"$T/printed"
	"$PY" - "$T/seen" "$T/printed" "$T/replaced" <<'PY' || fail "$1: printed text is not the text shown"
import sys
seen, printed = open(sys.argv[1], encoding="utf-8").read(), open(sys.argv[2], encoding="utf-8").read()
# a character GB18030 holds only in 4 bytes is not in the printer's font: '?'
seen = "".join(c if len(c.encode("gb18030")) <= 2 else "?" for c in seen)
if seen != printed:
    sys.stderr.write("shown:\n%s\nprinted:\n%s\n" % (seen, printed)); sys.exit(1)
PY
}
NOTICE='notice = "请留意叫号，过号请到导服台办理。当日有效。";'
conf p58 "" "device = \"$T/dev\"; $NOTICE"
check slip-58 p58 A001 32
expect_grep "58: big number" "^\[2x\] A001$" "$T/decoded"
expect_grep "58: ahead (A003 has priority)" "^前面还有1人等候$" "$T/decoded"
expect_grep "58: type" "^企业开办$" "$T/decoded"
expect_grep "58: date" "^取号时间：2026-11-23 09:00$" "$T/decoded"
expect_grep "58: place" "^办理地点：3F 企业开办专区$" "$T/decoded"
conf p80 "" "device = \"$T/dev\"; paper = 80; personal = \"phone\"; zone = false; notice = \"请留意叫号。过号需重新取号，本票当日有效，请妥善保管，遗失可到导服台补打。\";"
check slip-80 p80 A003 48
expect_grep "80: group" "^企业开办 · 老年人$" "$T/decoded"
expect_grep "80: masked phone" "^登记信息：138\*\*\*\*1234$" "$T/decoded"
grep -q "13812341234" "$T/decoded" && fail "80: the whole phone number is printed"
grep -q "办理地点" "$T/decoded" && fail "80: zone = false still prints the place"
# A hall name with 𠮷 (outside the BMP: 4 bytes in GB18030, not in the printer's font).
conf pjj "𠮷祥县政务服务中心" "device = \"$T/dev\";"
check slip-replaced pjj B001 32
expect_grep "replaced: hall name" "^?祥县政务服务中心$" "$T/decoded"
slip pjj B001 --json
expect_grep "replaced: json names it" '"replaced":"𠮷"' "$T/out"
slip pjj B001
expect_grep "replaced: the guide is told" "𠮷" "$T/out"

# ---- targets --------------------------------------------------------------------------------------
# plain file: UTF-8 text, the character kept
conf pfile "𠮷祥县政务服务中心" "file = \"$T/slips.txt\";"
slip pfile B001
[ $rc = 0 ] || fail "file target: exit $rc: $(cat "$T/err")"
expect_grep "file target: text" "𠮷祥县政务服务中心" "$T/slips.txt"
expect_grep "file target: number" "B001" "$T/slips.txt"
# command fed on stdin, no shell: the same bytes as the device
conf pcmd "" "command = \"dd of=$T/cmd.bin status=none\"; $NOTICE"
slip pcmd A001
[ $rc = 0 ] || fail "command target: exit $rc: $(cat "$T/err")"
cmp -s "$T/cmd.bin" "$GOLD/slip-58.bin" || fail "command target: bytes differ from the device's"
# raw TCP on loopback: a server that takes the whole slip
cat >"$T/srv.py" <<'PY'
import socket, sys, time
mode, portfile, outfile = sys.argv[1], sys.argv[2], sys.argv[3]
s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(1); s.settimeout(20)
open(portfile + ".tmp", "w").write(str(s.getsockname()[1])); import os; os.rename(portfile + ".tmp", portfile)
c, _ = s.accept(); c.settimeout(20)
if mode == "vanish":          # take a few bytes, then go away with the rest unread (RST)
    c.recv(5); c.close(); sys.exit(0)
data = b""
while True:
    d = c.recv(4096)
    if not d: break
    data += d
open(outfile, "wb").write(data)
PY
tcp() {   # tcp MODE: start the server, wait for its port, print A001 to it
	rm -f "$T/port"; "$PY" "$T/srv.py" "$1" "$T/port" "$T/tcp.bin" & srv=$!
	i=0; while [ ! -s "$T/port" ] && [ $i -lt 100 ]; do i=$((i + 1)); sleep 0.05; done
	conf ptcp "" "host = \"127.0.0.1:$(cat "$T/port")\"; timeout = 5; $NOTICE"
	slip ptcp A001
	wait $srv
}
tcp whole
[ $rc = 0 ] || fail "tcp target: exit $rc: $(cat "$T/err")"
cmp -s "$T/tcp.bin" "$GOLD/slip-58.bin" || fail "tcp target: bytes differ from the device's"
tcp vanish
[ $rc = 1 ] || fail "tcp vanishing mid-print: exit $rc, expected 1"
expect_grep "tcp vanishing: reason" "A001号票打印失败：127.0.0.1:[0-9]*：" "$T/err"

# ---- printers that fail, each bounded by printer.timeout = 1 -------------------------------------
# bounded RUN...: a hung qdesk would fail the test after 20 s instead of hanging it
bounded() { timeout 20 "$@"; }
mkfifo "$T/fifo"
conf pfifo "" "device = \"$T/fifo\"; timeout = 1;"
bounded sh -c 'QDESK_CONFIG=$0 "$1" --db "$2" print A001 --json >"$3/out" 2>"$3/err"' \
	"$T/pfifo.conf" "$QDESK_BIN" "$DB" "$T"; rc=$?
[ $rc = 1 ] || fail "fifo nobody reads: exit $rc, expected 1"
expect_grep "fifo: timeout" '"error":"print-timeout"' "$T/out"
expect_grep "fifo: reason" '打印机1秒内未完成' "$T/out"
# a command that hangs is killed with what it started (its process group)
cat >"$T/hang.sh" <<EOF
#!/bin/sh
echo \$\$ >"$T/hang.pid"
exec sleep 60
EOF
chmod +x "$T/hang.sh"
conf phang "" "command = \"$T/hang.sh\"; timeout = 1;"
bounded sh -c 'QDESK_CONFIG=$0 "$1" --db "$2" print A001 >"$3/out" 2>"$3/err"' \
	"$T/phang.conf" "$QDESK_BIN" "$DB" "$T"; rc=$?
[ $rc = 1 ] || fail "hanging command: exit $rc, expected 1"
expect_grep "hanging command: reason" "打印机1秒内未完成" "$T/err"
i=0; while kill -0 "$(cat "$T/hang.pid")" 2>/dev/null && [ $i -lt 100 ]; do i=$((i + 1)); sleep 0.05; done
kill -0 "$(cat "$T/hang.pid")" 2>/dev/null && fail "hanging command: still running after the timeout"
# connection refused on loopback: a port just closed
port=$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
conf prefused "" "host = \"127.0.0.1:$port\"; timeout = 2;"
slip prefused A001
[ $rc = 1 ] || fail "refused: exit $rc, expected 1"
expect_grep "refused: reason" "A001号票打印失败：127.0.0.1:$port: " "$T/err"
# a command that fails says why
conf pfalse "" "command = \"sh -c 'echo 缺纸 >&2; exit 1'\"; timeout = 2;"
slip pfalse A001 --json
[ $rc = 1 ] || fail "failing command: exit $rc, expected 1"
expect_grep "failing command: its stderr" '"message":"A001号票打印失败：缺纸; sh退出，状态码1"' "$T/out"
# an absent device, a command that does not exist
conf pabsent "" "device = \"$T/no-such-lp0\";"
slip pabsent A001
[ $rc = 1 ] || fail "absent device: exit $rc"
expect_grep "absent device: reason" "no-such-lp0" "$T/err"
conf pnocmd "" "command = \"no-such-printer-command -o raw\";"
slip pnocmd A001
[ $rc = 1 ] || fail "missing command: exit $rc"
expect_grep "missing command: reason" "无法运行no-such-printer-command" "$T/err"
# no printer configured
conf pnone "" ""
slip pnone A001 --json
[ $rc = 1 ] || fail "no printer: exit $rc"
expect_grep "no printer: json" '"error":"no-printer"' "$T/out"

# ---- issue --print: stored first, never issued twice --------------------------------------------------
export QDESK_CONFIG=$T/pfalse.conf
expect_exit 1 q issue C --print --json
expect_grep "issue --print failing: ticket reported" '"number":"C001"' "$T/out"
expect_grep "issue --print failing: print error" '"print":{"ok":false' "$T/out"
expect_exit 0 q print C001 --text
expect_grep "issue --print failing: ticket stored" "C001" "$T/out"
export QDESK_CONFIG=$T/p58.conf
: >"$T/dev"
expect_exit 0 q issue C --print
expect_grep "issue --print: next number" "^C002 " "$T/out"
expect_grep "issue --print: printed" "C002号票已打印" "$T/out"
$DECODE "$T/dev" | grep -q '^\[2x\] C002$' || fail "issue --print: C002 not on the slip"
expect_exit 1 q print Z999
expect_exit 1 q print C003

# ---- only a ticket still waiting or being called gets a slip -------------------------------------------
echo 1234 | q staff add clerk1 --name 李娜 --role clerk >/dev/null || fail "staff"
q call 1 --staff clerk1 >/dev/null && q noshow 1 --staff clerk1 >/dev/null || fail "call, noshow"
expect_exit 1 q print A003 --json
expect_grep "no-show: refused" '"error":"not-waiting"' "$T/out"
expect_exit 0 q print A003 --text

# ---- config ------------------------------------------------------------------------------------------
cfg() { QDESK_CONFIG=$T/$1.conf "$QDESK_BIN" config check >"$T/out" 2>"$T/err"; rc=$?; }
conf bad1 "" "device = \"/dev/usb/lp0\"; host = \"10.0.0.5:9100\";"
cfg bad1; [ $rc = 2 ] || fail "two targets: exit $rc"
expect_grep "two targets" 'bad1.conf:[0-9]*: printer.host: .*device' "$T/err"
conf bad2 "" "host = \"10.0.0.5\";"
cfg bad2; [ $rc = 2 ] || fail "host without port: exit $rc"
conf bad3 "" "command = \"lp -d 'slips\";"
cfg bad3; [ $rc = 2 ] || fail "unclosed quote: exit $rc"
conf bad4 "" "paper = 70;"
cfg bad4; [ $rc = 2 ] || fail "paper 70: exit $rc"
done_testing
