#!/bin/sh
# The domxml command line: output, exit codes and the error line format.
set -u
top="${DOMXML_SRCDIR:-.}"
bin="${DOMXML_BUILDDIR:-.}/tools/domxml"
ex="$top/examples/teaming-hostdev.xml"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0

check() { # NAME EXPECTED-RC ACTUAL-RC [EXPECTED-FILE ACTUAL-FILE]
    ok=1
    [ "$2" = "$3" ] || ok=0
    if [ $# -ge 5 ] && ! cmp -s "$4" "$5"; then ok=0; fi
    if [ $ok = 1 ]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL: $1 (exit $3, want $2)"
        [ $# -ge 5 ] && diff "$4" "$5" | head -n 10
    fi
}

"$bin" format "$ex" >"$tmp/out" 2>"$tmp/err"
check "format FILE prints the canonical document" 0 $? "$ex" "$tmp/out"

"$bin" format - <"$ex" >"$tmp/out" 2>"$tmp/err"
check "format - reads standard input" 0 $? "$ex" "$tmp/out"

"$bin" format <"$ex" >"$tmp/out" 2>"$tmp/err"
check "format without FILE reads standard input" 0 $? "$ex" "$tmp/out"

"$bin" validate "$ex" >"$tmp/out" 2>&1
: >"$tmp/empty"
check "validate is silent on success" 0 $? "$tmp/empty" "$tmp/out"

printf "<domain>\n  <devices>\n    <interface type='user'>\n      <mac address='01:00:5e:00:00:01'/>\n    </interface>\n  </devices>\n</domain>\n" >"$tmp/bad.xml"
"$bin" format "$tmp/bad.xml" >"$tmp/out" 2>"$tmp/err"
rc=$?
printf "%s:4:7: error: invalid value '01:00:5e:00:00:01' for attribute 'address' of <mac>: expected a unicast address (at /domain/devices/interface/mac)\n" "$tmp/bad.xml" >"$tmp/want"
check "an input error prints FILE:LINE:COLUMN: error: MESSAGE and exits 1" 1 $rc "$tmp/want" "$tmp/err"
check "nothing on standard output after an error" 0 0 "$tmp/empty" "$tmp/out"

"$bin" format "$tmp/missing.xml" >"$tmp/out" 2>"$tmp/err"
rc=$?
printf "%s: error: cannot open: No such file or directory\n" "$tmp/missing.xml" >"$tmp/want"
check "a missing file is an error without a position" 1 $rc "$tmp/want" "$tmp/err"

"$bin" frobnicate "$ex" >"$tmp/out" 2>"$tmp/err"
check "an unknown command is a usage error" 2 $?

"$bin" >"$tmp/out" 2>"$tmp/err"
check "no command is a usage error" 2 $?

"$bin" format a b >"$tmp/out" 2>"$tmp/err"
check "too many arguments is a usage error" 2 $?

"$bin" --version >"$tmp/out" 2>"$tmp/err"
check "--version" 0 $?
grep -q '^domxml [0-9]' "$tmp/out" || { fail=$((fail + 1)); echo "FAIL: --version output"; }

echo "$pass passed, $fail failed"
[ $fail = 0 ]
