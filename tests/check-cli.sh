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
echo "1 file: 0 errors, 0 warnings" >"$tmp/want"
check "validate prints only the summary for a valid file" 0 $? "$tmp/want" "$tmp/out"

# Two problems in one file, a warning in another: every line, then the summary.
cat >"$tmp/two.xml" <<'XML'
<domain>
  <devices>
    <interface type='bridge'>
      <mac address='52:54:00:00:00:01'/>
      <source bridge='br0'/>
      <model type='virtio'/>
      <teaming type='persistent'/>
      <alias name='ua-sb'/>
    </interface>
    <interface type='hostdev'>
      <mac address='52:54:00:00:00:02'/>
      <source>
        <address type='pci' domain='0x0000' bus='0x81' slot='0x10' function='0x2'/>
      </source>
      <teaming type='transient' persistent='ua-sb'/>
      <alias name='ua-sb'/>
    </interface>
  </devices>
</domain>
XML
printf "<domain>\n  <devices>\n    <interface type='user'>\n      <alias name='net0'/>\n    </interface>\n  </devices>\n</domain>\n" >"$tmp/warn.xml"
"$bin" validate "$tmp/two.xml" "$tmp/warn.xml" >"$tmp/out" 2>"$tmp/err"
rc=$?
cat >"$tmp/want" <<EOF2
$tmp/two.xml:11:7: error: MAC 52:54:00:00:00:02 of this transient member differs from MAC 52:54:00:00:00:01 of its persistent partner /domain/devices/interface: the guest pairs them by MAC, so failover would not work (at /domain/devices/interface[2]/mac) [teaming.mac-mismatch]
$tmp/two.xml:16:7: error: alias 'ua-sb' is also the alias of /domain/devices/interface: aliases are unique in a domain (at /domain/devices/interface[2]/alias) [alias.duplicate]
$tmp/warn.xml:4:7: warning: alias 'net0' is not a user alias ('ua-' and then A-Z, a-z, 0-9, '_' or '-'): libvirt drops it from the inactive configuration (at /domain/devices/interface/alias) [alias.not-user]
2 files: 2 errors, 1 warning
EOF2
check "validate: every problem of every file, then the summary; exit 1 on an error" 1 $rc "$tmp/want" "$tmp/out"

"$bin" validate "$tmp/warn.xml" >"$tmp/out" 2>&1
check "validate: a warning alone exits 0" 0 $?
"$bin" validate --strict "$tmp/warn.xml" >"$tmp/out" 2>&1
check "validate --strict: a warning exits 1" 1 $?

"$bin" validate --format=json "$tmp/warn.xml" >"$tmp/out" 2>&1
rc=$?
cat >"$tmp/want" <<EOF2
{"file":"$tmp/warn.xml","line":4,"column":7,"severity":"warning","code":"alias.not-user","path":"/domain/devices/interface/alias","message":"alias 'net0' is not a user alias ('ua-' and then A-Z, a-z, 0-9, '_' or '-'): libvirt drops it from the inactive configuration"}
{"files":1,"errors":0,"warnings":1}
EOF2
check "validate --format=json: one object per diagnostic, then the summary" 0 $rc "$tmp/want" "$tmp/out"

"$bin" validate --frobnicate "$ex" >"$tmp/out" 2>&1
check "validate: an unknown option is a usage error" 2 $?

# --libvirt-version: what the chosen release lacks is an error.
nodeset="$top/tests/data/hostdev-acpi-nodeset.xml"
"$bin" validate --libvirt-version 11.8 "$nodeset" >"$tmp/out" 2>&1
check "validate --libvirt-version 11.8: <acpi nodeset=> is fine" 0 $?
"$bin" validate --libvirt-version=11.7.0 "$nodeset" >"$tmp/out" 2>&1
rc=$?
grep -q "needs libvirt 11.8.0 or newer; the document is for libvirt 11.7.0 (at /domain/devices/hostdev/acpi) \[since.acpi-nodeset\]" "$tmp/out"
check "validate --libvirt-version=11.7.0: <acpi nodeset=> is an error" "1 0" "$rc $?"
for bad in 9 9.x 0.9 9.0.0.1 ""; do
    "$bin" validate --libvirt-version "$bad" "$nodeset" >"$tmp/out" 2>&1
    check "validate --libvirt-version '$bad' is a usage error" 2 $?
done
"$bin" validate --libvirt-version >"$tmp/out" 2>&1
check "validate --libvirt-version without a release is a usage error" 2 $?

printf "<domain>\n  <devices>\n    <interface type='user'>\n      <mac address='01:00:5e:00:00:01'/>\n    </interface>\n  </devices>\n</domain>\n" >"$tmp/bad.xml"
"$bin" format "$tmp/bad.xml" >"$tmp/out" 2>"$tmp/err"
rc=$?
printf "%s:4:7: error: invalid value '01:00:5e:00:00:01' for attribute 'address' of <mac>: expected a unicast address (at /domain/devices/interface/mac)\n" "$tmp/bad.xml" >"$tmp/want"
check "an input error prints FILE:LINE:COLUMN: error: MESSAGE and exits 1" 1 $rc "$tmp/want" "$tmp/err"
check "nothing on standard output after an error" 0 0 "$tmp/empty" "$tmp/out"

"$bin" validate "$tmp/bad.xml" >"$tmp/out" 2>"$tmp/err"
rc=$?
printf "%s:4:7: error: invalid value '01:00:5e:00:00:01' for attribute 'address' of <mac>: expected a unicast address (at /domain/devices/interface/mac) [parse.value]\n1 file: 1 error, 0 warnings\n" "$tmp/bad.xml" >"$tmp/want"
check "validate: a parse error is one error with code parse.KIND" 1 $rc "$tmp/want" "$tmp/out"

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
