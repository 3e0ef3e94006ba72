#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# Build the fuzz harness with lib/*.c compiled in, from a source tree that
# need not be configured: include/domxml/version.h is generated into a
# temporary directory from version.h.in and the m4_define lines of
# configure.ac, and that directory comes first on the include path (so a
# stale in-tree version.h is not used).
#
#   sh fuzz/build.sh OUTPUT               libFuzzer + ASan + UBSan ($CC, default clang)
#   sh fuzz/build.sh --standalone OUTPUT  replay binary, -DDOMXML_FUZZ_STANDALONE
#                                         ($CC, default cc)
#
# Environment: CC; CFLAGS (appended, e.g. -fsanitize=address,undefined for
# a standalone build); EXPAT_CFLAGS, EXPAT_LIBS (default: pkg-config expat,
# else -lexpat).
set -eu

usage() {
    echo "usage: sh fuzz/build.sh [--standalone] OUTPUT" >&2
    exit 2
}

mode=libfuzzer
case "${1-}" in
--standalone) mode=standalone; shift ;;
-*) usage ;;
esac
[ $# -eq 1 ] || usage
out=$1

top=$(cd "$(dirname "$0")/.." && pwd)

# m4_define([domxml_major], [0]) -> 0
version_part() {
    v=$(sed -n "s/^m4_define(\[domxml_$1\], *\[\([0-9][0-9]*\)\]).*/\1/p" "$top/configure.ac")
    case "$v" in
    '' | *[!0-9]*) echo "fuzz/build.sh: no single domxml_$1 m4_define in configure.ac" >&2; exit 1 ;;
    esac
    echo "$v"
}
major=$(version_part major)
minor=$(version_part minor)
micro=$(version_part micro)

tmp=$(mktemp -d "${TMPDIR:-/tmp}/domxml-fuzz.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir -p "$tmp/include/domxml"
sed -e "s/@DOMXML_VERSION_MAJOR@/$major/g" \
    -e "s/@DOMXML_VERSION_MINOR@/$minor/g" \
    -e "s/@DOMXML_VERSION_MICRO@/$micro/g" \
    -e "s/@PACKAGE_VERSION@/$major.$minor.$micro/g" \
    "$top/include/domxml/version.h.in" >"$tmp/include/domxml/version.h"
if grep -q '@[A-Za-z_]*@' "$tmp/include/domxml/version.h"; then
    echo "fuzz/build.sh: version.h.in has a placeholder this script does not fill:" >&2
    grep '@[A-Za-z_]*@' "$tmp/include/domxml/version.h" >&2
    exit 1
fi

if [ -z "${EXPAT_LIBS+set}" ]; then
    if pkg-config --exists expat 2>/dev/null; then
        EXPAT_CFLAGS=${EXPAT_CFLAGS-$(pkg-config --cflags expat)}
        EXPAT_LIBS=$(pkg-config --libs expat)
    else
        EXPAT_LIBS=-lexpat
    fi
fi

if [ "$mode" = standalone ]; then
    cc=${CC:-cc}
    flags="-g -O1 -DDOMXML_FUZZ_STANDALONE"
else
    cc=${CC:-clang}
    flags="-g -O1 -fsanitize=fuzzer,address,undefined"
fi

# Word splitting of the flag variables is intended.
# shellcheck disable=SC2086
$cc -std=c11 -D_POSIX_C_SOURCE=200809L -DDOMXML_BUILDING $flags ${CFLAGS-} \
    -I"$tmp/include" -I"$top/include" -I"$top/lib" ${EXPAT_CFLAGS-} \
    "$top"/lib/*.c "$top/fuzz/parse_fuzzer.c" $EXPAT_LIBS -o "$out"
echo "fuzz/build.sh: built $out ($mode, libdomxml $major.$minor.$micro)"
