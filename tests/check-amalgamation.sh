#!/bin/sh
# The single-header form (tools/amalgamate.sh, `make amalgamation`):
#  - it holds every lib/*.c and lib/*/*.c (qemuargv included), by rule;
#  - its implementation compiles warning-free as C11 with gcc and clang,
#    with no -D of any kind, and defines exactly the symbols the shared
#    library exports (lib/libdomxml.sym), every other one static;
#  - the examples/ programs build from that file alone and -lexpat, as C
#    and as C++ (implementation in one C file), and print what the
#    library-linked ones print.
set -u
src="${DOMXML_SRCDIR:-.}"
build="${DOMXML_BUILDDIR:-.}"
cc="${CC:-cc}"
cxx="${CXX:-c++}"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "FAIL: $*"; }
summary() { echo "$pass passed, $fail failed"; [ $fail = 0 ]; exit $?; }

if ! pkg-config --exists expat 2>/dev/null && [ ! -f /usr/include/expat.h ]; then
    echo "SKIP: expat headers not found"; exit 77
fi
expat=$(pkg-config --libs expat 2>/dev/null || echo -lexpat)
expat_cflags=$(pkg-config --cflags expat 2>/dev/null || true)

mkdir "$tmp/inc"
if sh "$src/tools/amalgamate.sh" "$src" "$build" >"$tmp/inc/domxml.h" 2>"$tmp/err"; then ok; else
    ko "tools/amalgamate.sh failed"; cat "$tmp/err"; summary; fi

# Every source file is in, once.
missing=
for f in "$src"/lib/*.c "$src"/lib/*/*.c "$src"/lib/*.h "$src"/lib/*/*.h "$src"/include/domxml.h \
         "$src"/include/domxml/*.h; do
    [ -f "$f" ] || continue
    r=${f#"$src"/}
    n=$(grep -c "^/\* ---- $r ---- \*/\$" "$tmp/inc/domxml.h")
    case $r in
    lib/*.h) [ "$n" -le 1 ] || missing="$missing $r($n)" ;; # a header no file includes is not needed
    *) [ "$n" = 1 ] || missing="$missing $r($n)" ;;
    esac
done
if [ -z "$missing" ]; then ok; else ko "files not in the header exactly once:$missing"; fi

printf '#define DOMXML_IMPLEMENTATION\n#include "domxml.h"\n' >"$tmp/impl.c"
warn="-Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes"
for c in "$cc" clang; do
    command -v "$c" >/dev/null 2>&1 || continue
    if $c -std=c11 $warn $expat_cflags -I"$tmp/inc" -c "$tmp/impl.c" -o "$tmp/impl.o" 2>"$tmp/err"; then
        ok
    else
        ko "$c: the implementation does not compile as plain C11"; head -n 20 "$tmp/err"; summary
    fi
done
# The declarations alone, in C++ and in strict C.
printf '#include "domxml.h"\nint main(void) { return domxml_version() == 0; }\n' >"$tmp/decl.c"
if $cc -std=c11 -pedantic $warn -I"$tmp/inc" -c "$tmp/decl.c" -o "$tmp/decl.o" 2>"$tmp/err" &&
   $cxx -std=c++11 -Wall -Wextra -Werror -x c++ -I"$tmp/inc" -c "$tmp/decl.c" -o "$tmp/decl.o" 2>>"$tmp/err"; then
    ok
else
    ko "the declarations do not compile as strict C11 and C++11"; head -n 20 "$tmp/err"
fi

# Defined global symbols: the export list, nothing else.
if command -v nm >/dev/null 2>&1; then
    nm -g --defined-only "$tmp/impl.o" | awk '{print $3}' | LC_ALL=C sort >"$tmp/defined"
    LC_ALL=C sort "$src/lib/libdomxml.sym" >"$tmp/exported"
    if cmp -s "$tmp/exported" "$tmp/defined"; then ok; else
        ko "global symbols of the implementation differ from lib/libdomxml.sym"
        diff "$tmp/exported" "$tmp/defined" | head -n 20
    fi
    so="$build/lib/.libs/libdomxml.so"
    if [ -f "$so" ]; then
        nm -D --defined-only "$so" | awk '{print $3}' | LC_ALL=C sort >"$tmp/so"
        if cmp -s "$tmp/so" "$tmp/defined"; then ok; else
            ko "global symbols of the implementation differ from those of $so"
            diff "$tmp/so" "$tmp/defined" | head -n 20
        fi
    fi
fi

# The examples, from the header alone: C, then C++ (the implementation
# stays in impl.o, a C object).
run_example() { # NAME BINARY ARGS...
    name=$1; bin=$2; shift 2
    if "$bin" "$@" >"$tmp/out" 2>"$tmp/err" && cmp -s "$src/examples/$name.expected" "$tmp/out"; then
        ok
    else
        ko "$bin $*: output differs from examples/$name.expected"
        diff "$src/examples/$name.expected" "$tmp/out" | head -n 10; cat "$tmp/err"
    fi
}
for ex in edit-devices failover-pair; do
    if $cc -std=c11 $warn -I"$tmp/inc" "$src/examples/$ex.c" "$tmp/impl.o" $expat -o "$tmp/$ex-c" \
            2>"$tmp/err"; then ok; else ko "$ex: C build"; head -n 20 "$tmp/err"; continue; fi
    if $cxx -std=c++11 -Wall -Wextra -Werror -x c++ -I"$tmp/inc" -c "$src/examples/$ex.c" \
            -o "$tmp/$ex-cxx.o" 2>"$tmp/err" &&
       $cxx "$tmp/$ex-cxx.o" "$tmp/impl.o" $expat -o "$tmp/$ex-cxx" 2>>"$tmp/err"; then ok; else
        ko "$ex: C++ build"; head -n 20 "$tmp/err"; continue; fi
done
for lang in c cxx; do
    [ -x "$tmp/edit-devices-$lang" ] &&
        run_example edit-devices "$tmp/edit-devices-$lang" "$src/examples/teaming-hostdev.xml"
    [ -x "$tmp/failover-pair-$lang" ] &&
        run_example failover-pair "$tmp/failover-pair-$lang" "$src/examples/guest.xml"
done

# Files added later need no change to the script: a copy of the tree with a
# new lib/qemuargv/ source and header (an internal helper and a use of it)
# gives a header that holds them, the helper static.
mkdir -p "$tmp/tree" && cp -R "$src/lib" "$src/include" "$tmp/tree/" && mkdir -p "$tmp/tree/b/include/domxml" &&
    cp "$build/include/domxml/version.h" "$tmp/tree/b/include/domxml/"
cat >"$tmp/tree/lib/qemuargv/zz_added.h" <<'EOF2'
int domxml__qa_added_helper(int x);
EOF2
cat >"$tmp/tree/lib/qemuargv/zz_added.c" <<'EOF2'
#include "zz_added.h"
int domxml__qa_added_helper(int x)
{
    return x + 1;
}
int domxml_added_public(void);
int domxml_added_public(void)
{
    return domxml__qa_added_helper(1);
}
EOF2
mkdir "$tmp/inc2"
if sh "$src/tools/amalgamate.sh" "$tmp/tree" "$tmp/tree/b" >"$tmp/inc2/domxml.h" 2>"$tmp/err" &&
   grep -q '^/\* ---- lib/qemuargv/zz_added.c ---- \*/$' "$tmp/inc2/domxml.h" &&
   grep -q '^/\* ---- lib/qemuargv/zz_added.h ---- \*/$' "$tmp/inc2/domxml.h" &&
   $cc -std=c11 $warn $expat_cflags -I"$tmp/inc2" -c "$tmp/impl.c" -o "$tmp/impl2.o" 2>>"$tmp/err" &&
   nm -g --defined-only "$tmp/impl2.o" | grep -q ' domxml_added_public$' &&
   ! nm -g --defined-only "$tmp/impl2.o" | grep -q 'domxml__qa_added_helper'; then
    ok
else
    ko "a source file added to lib/qemuargv/ is not in the header, or its internals are not static"
    head -n 20 "$tmp/err"
fi

# A C++ file cannot hold the implementation, and says so.
if $cxx -x c++ -I"$tmp/inc" -c "$tmp/impl.c" -o "$tmp/x.o" 2>"$tmp/err"; then
    ko "the implementation compiled as C++ without the #error"
elif grep -q 'compile the file that defines DOMXML_IMPLEMENTATION as C11' "$tmp/err"; then ok; else
    ko "C++ implementation: no clear error"; head -n 5 "$tmp/err"; fi
summary
