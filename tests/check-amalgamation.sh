#!/bin/sh
# The library's sources concatenated into one translation unit must still
# compile warning-free: no two files may define the same static name (the
# single-header amalgamation depends on it).
set -u
src="${DOMXML_SRCDIR:-.}"
cc="${CC:-cc}"
out=$(mktemp -d) || exit 99
trap 'rm -rf "$out"' EXIT
for f in "$src"/lib/*.c; do
    printf '#line 1 "%s"\n' "$f"
    cat "$f"
done > "$out/domxml-amalgamation.c"
if $cc -std=c11 -D_POSIX_C_SOURCE=200809L -DDOMXML_BUILDING -Wall -Wextra -Werror \
        -I"$src/include" -I"${DOMXML_BUILDDIR:-.}/include" -I"$src/lib" \
        -c "$out/domxml-amalgamation.c" -o "$out/a.o"; then
    echo "amalgamation: $(ls "$src"/lib/*.c | wc -l) sources compile as one unit"
    echo "1 passed, 0 failed"
    exit 0
fi
echo "0 passed, 1 failed"
exit 1
