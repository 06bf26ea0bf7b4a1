#!/bin/sh
# Personal data on the window console (issue 10): in the case form the applicant's name, ID number
# and mobile show masked once their field is left, and still masked when the focus comes back
# (typing replaces them); a note holding an ID and a mobile number is stored masked and the status
# line says so. No full number or name on any screen.
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/tui-lib.sh"
tui_setup
q issue A >/dev/null
QDESK_NO_GOLDEN=1 tui_run_cmd privacy -- window 1 <<'KEYS'
c1<Enter>1234<Enter>
<F2>
<F6>
企业设立
<Enter>
<Tab><Tab><Tab><Tab><Tab><Tab><Tab>
欧阳锋<Tab>11010519491231002X<Tab>13912345678<Tab>
身份证11010519491231002X电话13912345678
<BTab><BTab><BTab>
:dump back-on-name
<Tab>
:dump back-on-id
<Enter>
n
<Enter>
:dump finished
:sh sqlite3 "$DB" "select note from cases" >"$T/note"
KEYS
tui_expect privacy back-on-name "欧**"
tui_expect privacy back-on-id "110105********002X"
tui_expect privacy back-on-id "139****5678"
# the note is the clerk's own text until it is stored: only the personal fields are checked here
grep -v "Note " "$T/privacy.dump" >"$T/fields"
for secret in 11010519491231002X 13912345678 欧阳锋; do
	grep -qF "$secret" "$T/fields" && fail "[$secret] on a screen"
done
tui_expect privacy finished "stored masked"
expect_eq "the note stored masked" "身份证110105********002X电话139****5678" "$(cat "$T/note")"
done_testing
