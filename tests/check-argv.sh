#!/bin/sh
# domxml argv on tests/data/argv/NAME.xml, with the CLI options in NAME.opts
# (one line, optional), against the expectations: NAME.keyval and NAME.json
# (standard output, then standard error, then "exit N"), or NAME.out for
# --hotplug/--unplug runs. DOMXML_TEST_REGENERATE=1 rewrites them.
set -u
top="${DOMXML_SRCDIR:-.}"
bin="$(cd "${DOMXML_BUILDDIR:-.}" && pwd)/tools/domxml"
dir="$top/tests/data/argv"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0

run() { # XML OPTS... -> $tmp/got
    xml=$1
    shift
    (cd "$dir" && "$bin" argv "$@" "$(basename "$xml")") >"$tmp/got" 2>"$tmp/err"
    rc=$?
    cat "$tmp/err" >>"$tmp/got"
    echo "exit $rc" >>"$tmp/got"
}

compare() { # EXPECTED-FILE
    if [ "${DOMXML_TEST_REGENERATE:-0}" = 1 ]; then
        cp "$tmp/got" "$1"
    fi
    if [ -f "$1" ] && cmp -s "$1" "$tmp/got"; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL: $(basename "$1")"
        if [ -f "$1" ]; then diff "$1" "$tmp/got" | head -n 20; else echo "  (missing)"; fi
    fi
}

for xml in "$dir"/*.xml; do
    name=${xml%.xml}
    opts=""
    [ -f "$name.opts" ] && opts=$(cat "$name.opts")
    case " $opts " in
    *" --hotplug "* | *" --unplug "* | *" --passt "*)
        # shellcheck disable=SC2086
        run "$xml" $opts
        compare "$name.out"
        ;;
    *)
        for syntax in keyval json; do
            # shellcheck disable=SC2086
            run "$xml" --syntax=$syntax $opts
            compare "$name.$syntax"
        done
        ;;
    esac
done
# The README's quick start prints the example pair's arguments as shown.
"$bin" argv --fd ua-standby0=30 "$top/examples/teaming-hostdev.xml" >"$tmp/got" 2>&1
awk '/ends with the QEMU arguments of that pair:/ { f = 1; next }
     f && /^```$/ { if (in_block) exit; in_block = 1; next }
     in_block { print }' "$top/README.md" >"$tmp/want"
if [ -s "$tmp/want" ] && cmp -s "$tmp/want" "$tmp/got"; then
    pass=$((pass + 1))
else
    fail=$((fail + 1))
    echo "FAIL: README quick-start argv output"
    diff "$tmp/want" "$tmp/got" | head -n 10
fi
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
