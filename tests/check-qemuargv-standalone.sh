#!/bin/sh
# lib/qemuargv is written against the public API only: its sources compile
# with nothing but include/ (source and build trees) on the include path.
set -u
src="${DOMXML_SRCDIR:-.}"
cc="${CC:-cc}"
out=$(mktemp -d) || exit 99
trap 'rm -rf "$out"' EXIT
if grep -nE '#include ["<](\.\./|lib/)' "$src"/lib/qemuargv/*.c "$src"/lib/qemuargv/*.h; then
    echo "lib/qemuargv includes a file outside its folder"
    echo "0 passed, 1 failed"
    exit 1
fi
n=0
for f in "$src"/lib/qemuargv/*.c; do
    # no -I lib: "x.h" is looked up in lib/qemuargv/ and include/ only
    if ! $cc -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Werror \
            -I"$src/include" -I"${DOMXML_BUILDDIR:-.}/include" -c "$f" -o "$out/$(basename "$f").o"; then
        echo "0 passed, 1 failed"
        exit 1
    fi
    n=$((n + 1))
done
echo "qemuargv: $n sources compile with only include/ on the include path"
echo "1 passed, 0 failed"
