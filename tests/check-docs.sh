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
# The documentation stands alone: no path into the workspace around the
# repository, and every docs/*.md is installed (dist_doc_DATA).
pass0=0
if grep -n '\.\./shared' "$top"/docs/*.md "$top"/docs/*.[13] >"$tmp/refs"; then
    echo "FAIL: docs refer to ../shared:"; cat "$tmp/refs"; echo "0 passed, 1 failed"; exit 1
fi
for f in "$top"/docs/*.md; do
    if ! grep -q "docs/$(basename "$f")" "$top/Makefile.am"; then
        echo "FAIL: $(basename "$f") is not in dist_doc_DATA (Makefile.am)"; echo "0 passed, 1 failed"; exit 1
    fi
done
pass0=2

# docs/failover.md: its XML is canonical and valid (--strict), and each
# "domxml argv ..." command block is followed by that command's output.
awk '/^```xml$/ { x = 1; next } /^```$/ && x { exit } x' "$top/docs/failover.md" >"$tmp/guest.xml"
cp "$tmp/guest.xml" "$tmp/target.xml"
if ! "$build/tools/domxml" format "$tmp/guest.xml" 2>&1 | cmp -s - "$tmp/guest.xml" ||
   ! "$build/tools/domxml" validate --strict "$tmp/guest.xml" 2>"$tmp/err"; then
    echo "FAIL: the XML of docs/failover.md is not canonical and valid"; cat "$tmp/err"
    echo "$pass0 passed, 1 failed"; exit 1
fi
pass0=$((pass0 + 1))
awk -v dir="$tmp" '
    { line = $0; sub(/^ +/, "", line) }
    line == "```sh" { sh = 1; cmd = ""; next }
    sh && line == "```" { sh = 0; if (cmd != "") want = 1; next }
    sh { if (line ~ /^domxml argv /) cmd = line; else cmd = ""; next }
    want && line == "```" { if (!out) { out = 1; n++; print cmd > (dir "/cmd" n); printf "" > (dir "/want" n); next }
                            out = 0; want = 0; close(dir "/want" n); next }
    want && out { print line >> (dir "/want" n) }
    want && !out && line != "" && line != "```" { want = 0 }
    END { print n + 0 > (dir "/ncmd") }' "$top/docs/failover.md"
ncmd=$(cat "$tmp/ncmd")
for i in $(seq 1 "$ncmd"); do
    cmd=$(sed "s|^domxml |$build/tools/domxml |; s| guest.xml| $tmp/guest.xml|; s| target.xml| $tmp/target.xml|" "$tmp/cmd$i")
    if ! sh -c "$cmd" 2>&1 | cmp -s - "$tmp/want$i"; then
        echo "FAIL: docs/failover.md: '$(cat "$tmp/cmd$i")' prints something else:"
        sh -c "$cmd" 2>&1 | diff "$tmp/want$i" - | head -n 10
        echo "$pass0 passed, 1 failed"; exit 1
    fi
    pass0=$((pass0 + 1))
done
[ "$ncmd" -ge 3 ] || { echo "FAIL: docs/failover.md: $ncmd command blocks found, want 3"; echo "$pass0 passed, 1 failed"; exit 1; }

blocks=$(grep -c '^int doc_block_[0-9]*(domxml_domain \*dom)$' "$tmp/blocks.c")
if $cc -std=c11 -Wall -Wextra -Werror -I"$top/include" -I"$build/include" -c "$tmp/blocks.c" \
    -o "$tmp/blocks.o" 2>"$tmp/err"; then
    echo "$((blocks + pass0)) passed, 0 failed"
else
    cat "$tmp/err"
    echo "0 passed, 1 failed"
    exit 1
fi
