#!/bin/sh
# Versions agree: every "since X.Y" of the public headers and docs/api.md is
# at most configure.ac's version, and NEWS has a section for that version
# (its first) and one per release, newest first.
set -u
top="${DOMXML_SRCDIR:-.}"
pass=0
fail=0
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "FAIL: $*"; }

v() { sed -n "s/^m4_define(\[domxml_$1\], \[\([0-9]*\)\])$/\1/p" "$top/configure.ac"; }
major=$(v major) minor=$(v minor) micro=$(v micro)
if [ -z "$major" ] || [ -z "$minor" ] || [ -z "$micro" ]; then
    ko "no version in configure.ac"; echo "$pass passed, $fail failed"; exit 1
fi
version="$major.$minor.$micro"

# "since X.Y[.Z]" (a library version: a digit right after "since ").
late=$(grep -rnoiE 'since [0-9]+\.[0-9]+(\.[0-9]+)?' "$top"/include "$top/docs/api.md" |
    awk -F'[: ]' -v M="$major" -v m="$minor" '{
        split($NF, x, "."); if (x[1] > M || (x[1] == M && x[2] > m)) print }')
if [ -z "$late" ]; then ok; else ko "'since' later than $version:"; echo "$late"; fi

# NEWS: "## X.Y.Z ..." sections, the first being configure.ac's version,
# strictly decreasing.
if [ -f "$top/NEWS" ]; then
    first=$(sed -n 's/^## \([0-9][0-9.]*\).*/\1/p' "$top/NEWS" | head -n 1)
    if [ "$first" = "$version" ]; then ok; else
        ko "the first NEWS section is '$first', configure.ac says $version"; fi
    if sed -n 's/^## \([0-9][0-9.]*\).*/\1/p' "$top/NEWS" |
        awk -F. '{ n = $1 * 1000000 + $2 * 1000 + $3; if (NR > 1 && n >= prev) bad = 1; prev = n }
                 END { exit bad }'; then ok; else ko "NEWS sections are not newest first"; fi
else
    ko "no NEWS file"
fi
echo "configure.ac: $version"
echo "$pass passed, $fail failed"
[ $fail = 0 ]
