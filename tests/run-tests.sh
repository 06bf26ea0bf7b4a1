#!/bin/sh
# Run every test tier against $BUILD (default build): unit binaries, then tests/{cli,tui,term}/*.sh.
# A script passes with exit 0, is skipped with 77, fails otherwise. Ends with "N passed, N failed".
BUILD=${BUILD:-build}
export BUILD
pass=0; fail=0; skip=0; failed=
run() {
	name=$1; shift
	log=$BUILD/test-logs/$(echo "$name" | tr '/' '_').log
	mkdir -p "$BUILD/test-logs"
	if "$@" >"$log" 2>&1; then pass=$((pass + 1)); echo "PASS $name"
	else rc=$?
		if [ $rc -eq 77 ]; then skip=$((skip + 1)); echo "SKIP $name"
		else fail=$((fail + 1)); failed="$failed $name"; echo "FAIL $name (exit $rc)"; tail -n 30 "$log" | sed 's/^/    /'; fi
	fi
}
for t in "$BUILD"/tests/test-*; do [ -x "$t" ] && run "unit/${t##*/}" "$t"; done
for tier in cli tui term; do
	for t in tests/$tier/*.sh; do [ -f "$t" ] && run "$tier/${t##*/}" sh "$t"; done
done
run man/lint sh -c 'mandoc -T lint -W warning man/qdesk.1 man/qdesk.conf.5'
[ -n "$failed" ] && echo "failed:$failed"
echo "$pass passed, $fail failed, $skip skipped"
[ $fail -eq 0 ]
