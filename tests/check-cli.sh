#!/bin/sh
# The domxml command line: output, exit codes, option syntax, help, the
# error line format, JSON reports, system errors, and domxml(1) against
# the commands' own --help.
set -u
top="${DOMXML_SRCDIR:-.}"
bin="${DOMXML_BUILDDIR:-.}/tools/domxml"
ex="$top/examples/teaming-hostdev.xml"
man="$top/docs/domxml.1"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
: >"$tmp/empty"

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
expect() { # NAME COMMAND-STATUS: a shell test that must hold
    if [ "$2" = 0 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $1"; fi
}
# NAME RC REASON ARGS...: a usage error: exit 2, nothing on stdout, the
# reason and the usage line on stderr.
usage_error() {
    name=$1 reason=$2
    shift 2
    "$bin" "$@" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    check "$name: exit 2, stdout empty" 2 $rc "$tmp/empty" "$tmp/out"
    grep -qF -- "$reason" "$tmp/err" && grep -q '^usage: domxml' "$tmp/err"
    expect "$name: stderr says '$reason' and shows the usage" $?
}

# ---- format -------------------------------------------------------------
"$bin" format "$ex" >"$tmp/out" 2>"$tmp/err"
check "format FILE prints the canonical document" 0 $? "$ex" "$tmp/out"
check "format: nothing on stderr" 0 0 "$tmp/empty" "$tmp/err"

"$bin" format - <"$ex" >"$tmp/out" 2>"$tmp/err"
check "format - reads standard input" 0 $? "$ex" "$tmp/out"

"$bin" format <"$ex" >"$tmp/out" 2>"$tmp/err"
check "format without FILE reads standard input" 0 $? "$ex" "$tmp/out"

# -- ends the options: a file whose name starts with '-'.
cp "$ex" "$tmp/-dash.xml"
(cd "$tmp" && "$bin" format -- -dash.xml) >"$tmp/out" 2>"$tmp/err"
check "format -- -dash.xml: '--' ends the options" 0 $? "$ex" "$tmp/out"
(cd "$tmp" && "$bin" validate --strict -- -dash.xml) >"$tmp/out" 2>"$tmp/err"
check "validate --strict -- -dash.xml" 0 $?
(cd "$tmp" && "$bin" argv --fd ua-standby0=30 -- -dash.xml) >"$tmp/out" 2>"$tmp/err"
check "argv ... -- -dash.xml" 0 $?

# ---- validate: text on stderr, stdout empty --------------------------------
"$bin" validate "$ex" >"$tmp/out" 2>"$tmp/err"
rc=$?
echo "1 file: 0 errors, 0 warnings" >"$tmp/want"
check "validate: only the summary, on stderr, for a valid file" 0 $rc "$tmp/want" "$tmp/err"
check "validate (text): standard output stays empty" 0 0 "$tmp/empty" "$tmp/out"

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
check "validate: every problem of every file, then the summary; exit 1 on an error" 1 $rc "$tmp/want" "$tmp/err"

"$bin" validate "$tmp/warn.xml" >"$tmp/out" 2>&1
check "validate: a warning alone exits 0" 0 $?
"$bin" validate --strict "$tmp/warn.xml" >"$tmp/out" 2>&1
check "validate --strict: a warning exits 1" 1 $?

# ---- validate: JSON ------------------------------------------------------
"$bin" validate --format=jsonl "$tmp/warn.xml" >"$tmp/out" 2>"$tmp/err"
rc=$?
cat >"$tmp/want" <<EOF2
{"file":"$tmp/warn.xml","line":4,"column":7,"severity":"warning","code":"alias.not-user","path":"/domain/devices/interface/alias","message":"alias 'net0' is not a user alias ('ua-' and then A-Z, a-z, 0-9, '_' or '-'): libvirt drops it from the inactive configuration"}
{"files":1,"errors":0,"warnings":1}
EOF2
check "validate --format=jsonl: one object per diagnostic, then the summary" 0 $rc "$tmp/want" "$tmp/out"
check "validate --format=jsonl: nothing on stderr" 0 0 "$tmp/empty" "$tmp/err"

"$bin" validate --format=json "$tmp/warn.xml" "$ex" >"$tmp/out" 2>"$tmp/err"
rc=$?
cat >"$tmp/want" <<EOF2
{"files":[
  {"file":"$tmp/warn.xml","diagnostics":[
    {"line":4,"column":7,"severity":"warning","code":"alias.not-user","path":"/domain/devices/interface/alias","message":"alias 'net0' is not a user alias ('ua-' and then A-Z, a-z, 0-9, '_' or '-'): libvirt drops it from the inactive configuration"}
  ],"errors":0,"warnings":1},
  {"file":"$ex","diagnostics":[],"errors":0,"warnings":0}
],
"summary":{"files":2,"errors":0,"warnings":1}}
EOF2
check "validate --format=json: one document, files and a summary" 0 $rc "$tmp/want" "$tmp/out"

"$bin" validate --format json "$tmp/warn.xml" "$ex" >"$tmp/out2" 2>"$tmp/err"
check "--format json (two words) is --format=json" 0 $? "$tmp/out" "$tmp/out2"

# Control characters and bytes that are not UTF-8, in a file name and in
# a message cut at the library's message size: the JSON still parses as
# UTF-8, the text has no raw control character.
bad=$(printf '%s/a\001b\033[31m\377\n\302\233.xml' "$tmp")
printf "<domain>\n  <devices>\n    <interface type='user'>\n      <alias name='net0'/>\n    </interface>\n  </devices>\n</domain>\n" >"$bad"
long=$(awk 'BEGIN { for (i = 0; i < 400; i++) printf "\303\251" }')
printf "<domain>\n  <devices>\n    <interface type='user'>\n      <mac address='%s'/>\n    </interface>\n  </devices>\n</domain>\n" "$long" >"$tmp/long.xml"
"$bin" validate --format=json "$bad" "$tmp/long.xml" >"$tmp/out" 2>"$tmp/err"
check "validate --format=json: odd names and long values (exit 1: long.xml is invalid)" 1 $?
if command -v python3 >/dev/null 2>&1; then
    python3 -c 'import json, sys; d = json.loads(open(sys.argv[1], "rb").read().decode("utf-8")); assert d["summary"]["files"] == 2 and len(d["files"]) == 2 and "\x1b" in d["files"][0]["file"]' "$tmp/out" 2>"$tmp/err"
    expect "validate --format=json: strict UTF-8 JSON, names escaped and kept ($(head -c 200 "$tmp/err"))" $?
    "$bin" validate --format=jsonl "$bad" "$tmp/long.xml" >"$tmp/out" 2>/dev/null
    python3 -c 'import json, sys; [json.loads(l) for l in open(sys.argv[1], "rb").read().decode("utf-8").splitlines()]' "$tmp/out" 2>"$tmp/err"
    expect "validate --format=jsonl: every line is strict UTF-8 JSON ($(head -c 200 "$tmp/err"))" $?
fi
"$bin" validate "$bad" "$tmp/long.xml" >"$tmp/out" 2>"$tmp/err"
[ "$(wc -l <"$tmp/err")" -eq 3 ] && ! LC_ALL=C grep -q "$(printf '[\001\033\177]')" "$tmp/err" &&
    grep -qF 'a\x01b\x1b[31m\xff\n\xc2\x9b.xml:4:7: warning' "$tmp/err"
expect "validate (text): control characters and bad bytes escaped, one line per diagnostic" $?

# ---- help and version, every command -------------------------------------
for cmd in format validate argv; do
    "$bin" $cmd --help >"$tmp/help" 2>"$tmp/err"
    check "$cmd --help: exit 0, nothing on stderr" 0 $? "$tmp/empty" "$tmp/err"
    grep -q "^usage: domxml $cmd " "$tmp/help"
    expect "$cmd --help: starts with its usage" $?
    "$bin" $cmd -h >"$tmp/out" 2>&1
    check "$cmd -h is --help" 0 $? "$tmp/help" "$tmp/out"
    "$bin" help $cmd >"$tmp/out" 2>&1
    check "domxml help $cmd is $cmd --help" 0 $? "$tmp/help" "$tmp/out"
    "$bin" $cmd --version >"$tmp/out" 2>&1
    check "$cmd --version" 0 $?
    grep -q '^domxml [0-9][0-9.]*$' "$tmp/out"
    expect "$cmd --version prints 'domxml VERSION'" $?
    # --help wins over what would be a usage error, wherever it stands.
    "$bin" $cmd a b c --help >"$tmp/out" 2>&1
    check "$cmd a b c --help: still the help" 0 $? "$tmp/help" "$tmp/out"
    usage_error "$cmd --frobnicate" "unknown option '--frobnicate'" $cmd --frobnicate "$ex"
    usage_error "$cmd --help=x" "option '--help' takes no value" $cmd --help=x
done
for h in --help -h help; do
    "$bin" $h >"$tmp/out" 2>"$tmp/err"
    check "domxml $h: exit 0, stderr empty" 0 $? "$tmp/empty" "$tmp/err"
    grep -q '^  argv ' "$tmp/out" && grep -q '^  validate ' "$tmp/out"
    expect "domxml $h lists the commands" $?
done
"$bin" --version >"$tmp/out" 2>"$tmp/err"
check "--version" 0 $?
grep -q '^domxml [0-9]' "$tmp/out"
expect "--version output" $?

# ---- usage errors say why ------------------------------------------------
usage_error "no command" "missing command"
usage_error "unknown command" "unknown command 'frobnicate'" frobnicate "$ex"
usage_error "unknown top-level option" "unknown option '--frob'" --frob
usage_error "help of an unknown command" "unknown command 'nope'" help nope
usage_error "format: too many arguments" "too many arguments: 'b' after 'a'" format a b
usage_error "argv: too many arguments" "too many arguments" argv "$ex" "$ex"
usage_error "argv: no FILE" "missing FILE" argv --fd net0=3
usage_error "argv --unplug without --alias" "--unplug needs --alias" argv --unplug "$ex"
usage_error "argv --alias alone" "--alias needs --hotplug, --unplug or --passt" argv --alias ua-vf0 "$ex"
usage_error "argv --hotplug --unplug" "--hotplug, --unplug and --passt exclude each other" argv --hotplug --unplug --alias x "$ex"
usage_error "argv --fd without =" "--fd takes ALIAS=VALUE, not 'net0'" argv --fd net0 "$ex"
usage_error "argv --syntax=xml" "--syntax is keyval or json, not 'xml'" argv --syntax=xml "$ex"
usage_error "argv --bus=x" "--bus takes INDEX=NAME, not 'x'" argv --bus=x "$ex"
usage_error "argv --fd as the last word" "option '--fd' needs a value (ALIAS=N)" argv "$ex" --fd
usage_error "argv --hotplug=yes" "option '--hotplug' takes no value" argv --hotplug=yes "$ex"
usage_error "validate --format=xml" "--format is text, json or jsonl, not 'xml'" validate --format=xml "$ex"
usage_error "validate --strict=1" "option '--strict' takes no value" validate --strict=1 "$ex"

# ---- one option syntax: --opt=V and --opt V ------------------------------
"$bin" argv --fd=ua-standby0=30 --syntax=json "$ex" >"$tmp/a" 2>&1
check "argv --fd=A=N --syntax=json" 0 $?
"$bin" argv --fd ua-standby0=30 --syntax json "$ex" >"$tmp/b" 2>&1
check "argv --fd A=N --syntax json: the same output" 0 $? "$tmp/a" "$tmp/b"
"$bin" argv --unplug --alias=ua-vf0 "$ex" >"$tmp/a" 2>&1
check "argv --unplug --alias=A" 0 $?
"$bin" argv --unplug --alias ua-vf0 "$ex" >"$tmp/b" 2>&1
check "argv --unplug --alias A: the same output" 0 $? "$tmp/a" "$tmp/b"

# ---- errors: the input's line on stderr, nothing on stdout ---------------
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
check "validate: a parse error is one error with code parse.KIND" 1 $rc "$tmp/want" "$tmp/err"

"$bin" argv "$tmp/bad.xml" >"$tmp/out" 2>"$tmp/err"
rc=$?
printf "%s:4:7: error: invalid value '01:00:5e:00:00:01' for attribute 'address' of <mac>: expected a unicast address (at /domain/devices/interface/mac) [parse.value]\n" "$tmp/bad.xml" >"$tmp/want"
check "argv: a parse error on stderr, with its code" 1 $rc "$tmp/want" "$tmp/err"
check "argv: nothing on stdout after an error" 0 0 "$tmp/empty" "$tmp/out"

# A file name longer than the error struct's fields: the CLI names it whole.
longname="$tmp/$(printf '%0200d' 0 | tr 0 b).xml"
cp "$tmp/bad.xml" "$longname"
"$bin" format "$longname" >"$tmp/out" 2>"$tmp/err"
grep -qF "$longname:4:7: error: " "$tmp/err"
expect "a 200-byte file name is printed whole" $?

# ---- system errors: strerror ---------------------------------------------
"$bin" format "$tmp/missing.xml" >"$tmp/out" 2>"$tmp/err"
rc=$?
printf "%s: error: cannot open: No such file or directory\n" "$tmp/missing.xml" >"$tmp/want"
check "a missing file is an error without a position" 1 $rc "$tmp/want" "$tmp/err"

for cmd in format validate argv; do
    "$bin" $cmd "$tmp" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    grep -qF "$tmp: error: cannot read: Is a directory" "$tmp/err" && [ $rc = 1 ]
    expect "$cmd DIRECTORY: exit 1 (got $rc) and 'Is a directory'" $?
done
if [ -w /dev/full ]; then
    for args in "format $ex" "validate --format=json $ex" "argv --fd ua-standby0=30 $ex" "argv --help" "--help" "--version"; do
        "$bin" $args >/dev/full 2>"$tmp/err"
        rc=$?
        grep -q 'cannot write: No space left on device' "$tmp/err" && [ $rc = 1 ]
        expect "domxml $args >/dev/full: exit 1 (got $rc) and 'No space left on device'" $?
    done
fi

# ---- domxml(1) matches the commands' --help --------------------------------
# Each command's options in --help, and the options its .SS section of the
# man page lists (.TP entries), are the same set.
for cmd in format validate argv; do
    "$bin" $cmd --help | sed -n 's/^  \(-., \)\{0,1\} *\(--[a-z-]*\).*/\2/p' |
        grep -v -e '^--help$' -e '^--version$' -e '^--$' | sort >"$tmp/help-opts"
    awk -v cmd="$cmd" '
        /^\.SS / { inside = ($0 ~ "^\\.SS \"?domxml " cmd "\"?$"); next }
        /^\.SH / { inside = 0 }
        inside && prev == ".TP" && /^\.B[IR]? \\-\\-/ {
            o = $2; gsub(/\\-/, "-", o); sub(/[= "].*/, "", o); print o
        }
        { prev = $0 }' "$man" | sort >"$tmp/man-opts"
    check "domxml(1) section 'domxml $cmd' lists the options of '$cmd --help'" 0 0 "$tmp/help-opts" "$tmp/man-opts"
done
for o in --help --version -- ; do
    grep -q "^\.B.* \\\\-\\\\-$(echo $o | sed 's/^--//')" "$man" || grep -qF -- "$(echo $o | sed 's/-/\\-/g')" "$man"
    expect "domxml(1) documents $o" $?
done

echo "$pass passed, $fail failed"
[ $fail = 0 ]
