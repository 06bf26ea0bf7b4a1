# tests/tui-lib.sh - sourced by tests/tui/*.sh after tests/lib.sh: run a console screen (the window
# console, or any screen the launcher knows: guide, board, …) on a key script with a fixed screen
# size, no terminal needed, and compare its :dump screens with a golden file in tests/tui/golden/. QDESK_UPDATE_GOLDEN=1 rewrites the golden files instead (review the
# diff before committing them).
#
# Key scripts: one step per line. Literal characters are typed one by one (UTF-8, Chinese
# included); <Enter> <Esc> <Tab> <BTab> <Space> <Backspace> <Del> <Up> <Down> <Left> <Right>
# <Home> <End> <PgUp> <PgDn> <F1>..<F12> <lt> <C-u> are keys. Commands: ":dump NAME" writes the
# screen, ":attrs NAME" writes its attributes as "--- attributes of NAME", one mark per column
# (' ' plain, r reverse, b bold, R both, u underline), ":resize COLS LINES", ":now YYYY-MM-DD
# HH:MM:SS" moves the clock, ":idle SECONDS" lets idle time pass, ":sh COMMAND" runs a command
# (another terminal acting; the script fails if it fails), "#" starts a comment.
GOLDEN_DIR="$TOP/tests/tui/golden"
export DB T QDESK_BIN   # for :sh steps

# A hall with staff: clerk c1 张三 and c2 李四 (PIN 1234), lead l1, guide g1 (PIN 1234).
tui_setup() {
	q init >/dev/null || { echo "init failed" >&2; exit 1; }
	for s in "c1 张三 clerk" "c2 李四 clerk" "l1 王五 lead" "g1 赵六 guide"; do
		set -- $s
		echo 1234 | q staff add "$1" --name "$2" --role "$3" >/dev/null || { echo "staff add $1 failed" >&2; exit 1; }
	done
}

# tui_run NAME [WINDOW] < script : run window WINDOW (default 1) on the script read from stdin;
# the dump is left in $T/NAME.dump and compared with golden/NAME.txt.
tui_run() {
	tui_run_cmd "$1" -- window "${2:-1}"
}

# tui_run_cmd NAME -- SCREEN [ARGS…] < script : the same for any screen (qdesk SCREEN ARGS…), e.g.
# tui_run_cmd desk -- guide 1. QDESK_NO_GOLDEN=1 skips the golden comparison (grep checks only).
tui_run_cmd() {
	name=$1; shift
	[ "$1" = -- ] && shift
	cat >"$T/$name.keys"
	QDESK_SCRIPT="$T/$name.keys" QDESK_DUMP="$T/$name.dump" QDESK_SIZE=${QDESK_SIZE:-80x24} \
		"$QDESK_BIN" --db "$DB" "$@" >"$T/$name.out" 2>"$T/$name.err"
	rc=$?
	[ $rc -eq 0 ] || fail "$name: qdesk $* exited $rc: $(cat "$T/$name.err")"
	[ "${QDESK_NO_GOLDEN:-}" = 1 ] || tui_compare "$name"
}

tui_compare() {
	name=$1
	if [ "${QDESK_UPDATE_GOLDEN:-}" = 1 ]; then
		cp "$T/$name.dump" "$GOLDEN_DIR/$name.txt"
		echo "updated golden/$name.txt"
		return
	fi
	if [ ! -f "$GOLDEN_DIR/$name.txt" ]; then
		fail "$name: no golden file tests/tui/golden/$name.txt (QDESK_UPDATE_GOLDEN=1 makes it)"
		return
	fi
	diff -u "$GOLDEN_DIR/$name.txt" "$T/$name.dump" >"$T/$name.diff" ||
		fail "$name: screen differs from golden/$name.txt:
$(head -n 80 "$T/$name.diff")"
}

# tui_screen NAME STEP : the text of one :dump step of the last run of NAME (for grep checks).
tui_screen() {
	awk -v s="--- $2 " 'index($0, s) == 1 { on = 1; next } /^--- / { on = 0 } on' "$T/$1.dump"
}
# tui_expect NAME STEP TEXT : STEP's screen shows TEXT.
tui_expect() {
	tui_screen "$1" "$2" >"$T/step.txt"
	grep -qF -- "$3" "$T/step.txt" || fail "$1/$2: [$3] not on screen:
$(cat "$T/step.txt")"
}
tui_expect_not() {
	tui_screen "$1" "$2" >"$T/step.txt"
	grep -qF -- "$3" "$T/step.txt" && fail "$1/$2: [$3] should not be on screen"
}
# tui_width : columns the text on stdin takes (the widest line), measured by wc -L in a UTF-8
# locale; exits the test if that cannot measure Chinese (a check that cannot fail is no check).
tui_width() {
	[ "$(printf '号码a' | wc -L)" = 5 ] || { echo "FAIL: wc -L does not measure columns here" >&2; exit 1; }
	wc -L
}
# tui_attr NAME STEP TEXT MARKS : where TEXT first shows on STEP's screen (dumped with :dump and
# :attrs), every cell carries one of the attribute MARKS.
tui_attr() {
	tui_screen "$1" "$2" >"$T/step.txt"
	tui_screen "$1" "attributes of $2" >"$T/attrs.txt"
	[ -s "$T/attrs.txt" ] || { fail "$1/$2: no :attrs dump"; return; }
	row=$(grep -nF -m1 -- "$3" "$T/step.txt" | cut -d: -f1)
	[ -n "$row" ] || { fail "$1/$2: [$3] not on screen"; return; }
	line=$(sed -n "${row}p" "$T/step.txt")
	col=$(printf '%s' "${line%%"$3"*}" | tui_width)
	width=$(printf '%s' "$3" | tui_width)
	marks=$(sed -n "${row}p" "$T/attrs.txt" | awk -v c="$col" -v w="$width" \
		'{ s = $0; while (length(s) < c + w) s = s " "; print substr(s, c + 1, w) }')
	[ -z "$(printf '%s' "$marks" | tr -d "$4")" ] ||
		fail "$1/$2: [$3] has attributes [$marks], expected only [$4]"
}
# sql QUERY : one value from the database (sqlite3 command line), for checking what was stored.
sql() { sqlite3 "$DB" "$1"; }
