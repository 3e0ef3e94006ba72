#!/bin/sh
# examples/edit-devices (a caller on the public API only): its output on
# the teaming example must equal examples/edit-devices.expected, and what it
# formats must parse and format again to the same bytes.
set -u
top="${DOMXML_SRCDIR:-.}"
build="${DOMXML_BUILDDIR:-.}"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT

"$build/examples/edit-devices" "$top/examples/teaming-hostdev.xml" >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ $rc -ne 0 ]; then
    echo "FAIL: edit-devices exited $rc"; cat "$tmp/err"; echo "0 passed, 1 failed"; exit 1
fi
if ! cmp -s "$top/examples/edit-devices.expected" "$tmp/out"; then
    echo "FAIL: output differs from examples/edit-devices.expected"
    diff -u "$top/examples/edit-devices.expected" "$tmp/out" | head -n 40
    echo "1 passed, 1 failed"; exit 1
fi
sed -n '/^formatted:$/,$p' "$tmp/out" | sed 1d >"$tmp/doc.xml"
"$build/tools/domxml" format "$tmp/doc.xml" >"$tmp/again.xml" 2>"$tmp/err"
if [ $? -ne 0 ] || ! cmp -s "$tmp/doc.xml" "$tmp/again.xml"; then
    echo "FAIL: the edited document does not round-trip"; cat "$tmp/err"
    echo "1 passed, 1 failed"; exit 1
fi
# examples/failover-pair: the q35 skeleton built with the generic-element
# helpers and examples/guest.xml read from disk give the same document once
# the pair is added; its output (XML, then QEMU arguments) is the expected one.
for arg in "" "$top/examples/guest.xml"; do
    "$build/examples/failover-pair" $arg >"$tmp/out" 2>"$tmp/err"
    rc=$?
    if [ $rc -ne 0 ] || ! cmp -s "$top/examples/failover-pair.expected" "$tmp/out"; then
        echo "FAIL: failover-pair $arg (exit $rc) differs from examples/failover-pair.expected"
        diff -u "$top/examples/failover-pair.expected" "$tmp/out" | head -n 40; cat "$tmp/err"
        echo "2 passed, 1 failed"; exit 1
    fi
done
echo "3 passed, 0 failed"
