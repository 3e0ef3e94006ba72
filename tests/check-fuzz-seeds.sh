#!/bin/sh
# Replay every fixture through the fuzz harness (fuzz/parse_fuzzer.c, built
# standalone as tests/fuzz_replay): plain, with each of the first allocations
# failing, without automatic teaming links, and with a shallow depth limit.
# The harness aborts on any broken invariant (fixed point, symmetric teaming
# links, clean NOMEM, no block left allocated).
set -u
src="${DOMXML_SRCDIR:-.}"
bin="${DOMXML_BUILDDIR:-.}/tests/fuzz_replay"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
n=0
for f in "$src"/tests/data/*.xml; do
    base=$(basename "$f" .xml)
    # option byte, then (for allocation failures) the index N, then the document
    for opt in 00 20 08; do
        { printf "\\$(printf '%03o' 0x$opt)"; cat "$f"; } >"$tmp/$base.$opt"
        n=$((n + 1))
    done
    for k in 0 1 2 3 5 8 13 21 34 55; do
        { printf '\001'; printf "\\$(printf '%03o' $k)"; cat "$f"; } >"$tmp/$base.a$k"
        n=$((n + 1))
    done
done
if "$bin" "$tmp"/* 2>"$tmp.log"; then
    echo "fuzz harness replay: $n inputs, no invariant broken"
    echo "1 passed, 0 failed"
    rm -f "$tmp.log"
    exit 0
fi
tail -n 20 "$tmp.log"
rm -f "$tmp.log"
echo "0 passed, 1 failed"
exit 1
