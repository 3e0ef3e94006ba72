#!/bin/sh
# lib/qemuargv is written against the public API only: its sources compile
# with nothing but include/ (source and build trees) on the include path;
# the C code of docs/qemuargv.md compiles too.
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
# The C blocks of docs/qemuargv.md compile against the public headers.
awk '
BEGIN { print "#include <domxml.h>\n#include <domxml/qemuargv.h>\n#include <stdio.h>\n#include <stdlib.h>\n" }
/^```c$/ { n++; printf "int doc_block_%d(domxml_domain *dom);\nint doc_block_%d(domxml_domain *dom)\n{\n", n, n; inside = 1; next }
/^```$/ && inside { print "}\n"; inside = 0; next }
inside { print }
END { if (n == 0) exit 1 }
' "$src/docs/qemuargv.md" >"$out/doc.c" || { echo "no C block in docs/qemuargv.md"; echo "1 passed, 1 failed"; exit 1; }
if ! $cc -std=c11 -Wall -Wextra -Werror -I"$src/include" -I"${DOMXML_BUILDDIR:-.}/include" \
        -c "$out/doc.c" -o "$out/doc.o"; then
    echo "1 passed, 1 failed"
    exit 1
fi
echo "2 passed, 0 failed"
