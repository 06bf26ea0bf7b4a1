#!/bin/sh
# Run every benchmark binary in $BUILD/bench and the CLI benchmark; each prints what it measured.
# Numbers are reported, never asserted.
BUILD=${BUILD:-build}
for b in "$BUILD"/bench/bench-*; do
	[ -x "$b" ] || continue
	echo "== ${b##*/}"
	"$b" || exit 1
done
for s in tests/bench/*.sh; do
	[ "${s##*/}" = run-bench.sh ] && continue
	echo "== ${s##*/}"
	BUILD=$BUILD sh "$s" || exit 1
done
