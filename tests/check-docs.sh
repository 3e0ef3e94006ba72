#!/bin/sh
# Every ```c block of docs/api.md compiles, as the body of a function
# `int f(domxml_domain *dom)`, against the public header alone: the page
# cannot name a function or field that does not exist.
set -u
top="${DOMXML_SRCDIR:-.}"
build="${DOMXML_BUILDDIR:-.}"
cc="${CC:-cc}"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT

awk '
BEGIN { print "#include <domxml.h>\n#include <stdio.h>\n" }
/^```c$/ { n++; printf "int doc_block_%d(domxml_domain *dom);\nint doc_block_%d(domxml_domain *dom)\n{\n    (void)dom;\n", n, n; inside = 1; next }
/^```$/ && inside { print "}\n"; inside = 0; next }
inside { print }
END { if (n == 0) exit 1 }
' "$top/docs/api.md" >"$tmp/blocks.c" || { echo "no code blocks in docs/api.md"; echo "0 passed, 1 failed"; exit 1; }
blocks=$(grep -c '^int doc_block_[0-9]*(domxml_domain \*dom)$' "$tmp/blocks.c")
if $cc -std=c11 -Wall -Wextra -Werror -I"$top/include" -I"$build/include" -c "$tmp/blocks.c" \
    -o "$tmp/blocks.o" 2>"$tmp/err"; then
    echo "$blocks passed, 0 failed"
else
    cat "$tmp/err"
    echo "0 passed, 1 failed"
    exit 1
fi
