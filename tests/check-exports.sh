#!/bin/sh
# The shared library exports exactly the symbols listed in lib/libdomxml.sym
# (all prefixed domxml_); a change to the ABI must update that list.
set -u
lib="${DOMXML_BUILDDIR:-.}/lib/.libs/libdomxml.so"
sym="${DOMXML_SRCDIR:-.}/lib/libdomxml.sym"
if [ ! -f "$lib" ]; then
    echo "SKIP: $lib not built (static-only build?)"
    exit 77
fi
if ! command -v nm >/dev/null 2>&1; then
    echo "SKIP: nm not found"
    exit 77
fi
actual=$(nm -D --defined-only "$lib" | awk '{print $3}' | sort)
if [ "$actual" = "$(cat "$sym")" ]; then
    echo "exports: $(printf '%s\n' "$actual" | wc -l) symbols match lib/libdomxml.sym"
    echo "1 passed, 0 failed"
    exit 0
fi
echo "exported symbols differ from lib/libdomxml.sym:"
printf '%s\n' "$actual" | diff -u "$sym" - || true
echo "0 passed, 1 failed"
exit 1
