#!/bin/sh
# Replay through the argv and edit harnesses (fuzz/*_fuzzer.c, built
# standalone as tests/*_replay) every seed: the fixtures of tests/data and,
# when present, the libvirt corpus (../shared/corpus), each with option
# bytes that vary what the harness does; then every saved reproducer of
# fuzz/reproducers/HARNESS/ (parse ones through tests/fuzz_replay), one
# process each. A reproducer listed in fuzz/known-failures.txt must still
# fail (an open bug); one that passes is reported so its line is removed.
set -u
src="${DOMXML_SRCDIR:-.}"
build="${DOMXML_BUILDDIR:-.}"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
fail=0
pass=0

# Seeds: a file per document and option variant (fuzz/make-seeds.py).
corpus="${DOMXML_CORPUS_DIR:-$src/../shared/corpus}"
n=$(python3 "$src/fuzz/make-seeds.py" "$src" "$corpus" "$tmp") || exit 99

for h in argv edit; do
    if "$build/tests/${h}_replay" "$tmp/$h"/* >"$tmp/$h.log" 2>&1; then
        echo "PASS: $h harness: $(ls "$tmp/$h" | wc -l) seed inputs ($n documents)"
        pass=$((pass + 1))
    else
        echo "FAIL: $h harness on the seeds:"
        grep -B1 -E '_fuzzer:|ERROR|runtime error' "$tmp/$h.log" | tail -n 6
        fail=$((fail + 1))
    fi
done

# Saved reproducers, one process each.
known="$src/fuzz/known-failures.txt"
for dir in "$src"/fuzz/reproducers/*/; do
    h=$(basename "$dir")
    bin="$build/tests/${h}_replay"
    [ "$h" = parse ] && bin="$build/tests/fuzz_replay"
    for r in "$dir"*; do
        [ -f "$r" ] || continue
        name="$h/$(basename "$r")"
        if grep -q "^$name[[:space:]]" "$known"; then
            if "$bin" "$r" >"$tmp/r.log" 2>&1; then
                echo "FAIL: $name passes now: remove it from fuzz/known-failures.txt"
                fail=$((fail + 1))
            else
                echo "XFAIL: $name (known: $(grep "^$name[[:space:]]" "$known" | sed 's/^[^ ]* *//'))"
                pass=$((pass + 1))
            fi
        elif "$bin" "$r" >"$tmp/r.log" 2>&1; then
            pass=$((pass + 1))
        else
            echo "FAIL: reproducer $name:"
            grep -E '_fuzzer:|ERROR|runtime error' "$tmp/r.log" | head -n 3
            fail=$((fail + 1))
        fi
    done
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
