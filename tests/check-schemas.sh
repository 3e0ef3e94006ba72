#!/bin/sh
# The RelaxNG schemas of schemas/ against the parser (xmllint --relaxng):
#  1. every valid fixture of tests/data the parser parses validates, and so
#     does the formatter's output of it;
#  2. every .out.xml and tests/data/expected/*.xml validates;
#  3. every libvirt corpus file the parser parses validates, and so does
#     the formatter's output of it (corpus: $DOMXML_CORPUS_DIR, default
#     ../shared/corpus/libvirt/tests beside the source tree; skipped when
#     absent);
#  4. every negative fixture (NAME.err) fails validation, except those
#     schemas/README.md lists as checked only by the library, which must
#     validate;
#  5. the valid whole-domain fixtures validate against libvirt's own
#     schema ($DOMXML_LIBVIRT_RNG, default
#     /usr/share/libvirt/schemas/domain.rng; skipped when absent), and
#     against libvirt 11.3.0's ($DOMXML_LIBVIRT11_RNG, default the one
#     tests/fetch-libvirt.sh put in the build tree; skipped when absent).
# Files outside the schemas' language, or that libvirt's schema refuses,
# are listed in tests/schema-exceptions.txt with a reason; an entry that
# no longer holds is a failure. Exit 77 (skip) without xmllint.
set -u
top="${DOMXML_SRCDIR:-.}"
bin="${DOMXML_BUILDDIR:-.}/tools/domxml"
schemas="$top/schemas"
data="$top/tests/data"
list="$top/tests/schema-exceptions.txt"
corpus="${DOMXML_CORPUS_DIR:-$top/../shared/corpus/libvirt/tests}"
libvirt_rng="${DOMXML_LIBVIRT_RNG:-/usr/share/libvirt/schemas/domain.rng}"
libvirt11_rng="${DOMXML_LIBVIRT11_RNG:-${DOMXML_BUILDDIR:-.}/libvirt-11.3/root/usr/share/libvirt/schemas/domain.rng}"

if ! command -v xmllint >/dev/null 2>&1; then
    echo "SKIP: xmllint not found (Debian: libxml2-utils)"
    exit 77
fi
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

# The exception list: NAME<TAB>KIND<TAB>REASON, NAME a fixture file name
# (tests/data/NAME) or corpus:RELATIVE/PATH.xml.
#   outside  our schemas refuse the file (and the formatter's output of it):
#            it carries content the parser keeps but does not model
#   libvirt  libvirt's schema refuses this valid fixture
#   libvirt-11.3  libvirt 11.3.0's schema refuses it
grep -v '^#' "$list" | grep -v '^[[:space:]]*$' >"$tmp/list" || :
awk -F '\t' 'NF != 3 || ($2 != "outside" && $2 != "libvirt" && $2 != "libvirt-11.3") { print FILENAME ":" NR ": " $0 }' \
    "$tmp/list" >"$tmp/list-errors"
if [ -s "$tmp/list-errors" ]; then
    bad "malformed entries in $list:"
    cat "$tmp/list-errors"
fi
listed() { # NAME KIND
    awk -F '\t' -v n="$1" -v k="$2" '$1 == n && $2 == k { found = 1 } END { exit !found }' \
        "$tmp/list"
}

# The root element of each file (comments, PIs and the declaration
# skipped; NUL bytes dropped, for UTF-16 input): FILE<TAB>ROOT lines.
roots() {
    for f; do
        printf '%s\t' "$f"
        tr -d '\000' <"$f" | awk 'BEGIN { RS = "\001" }
            {
                s = $0
                while ((i = index(s, "<!--")) > 0) {
                    j = index(substr(s, i + 4), "-->")
                    if (!j) break
                    s = substr(s, 1, i - 1) substr(s, i + 4 + j + 2)
                }
                gsub(/<[?][^?]*[?]>/, "", s)
                r = match(s, /<[A-Za-z_][A-Za-z0-9_.:-]*/) ? substr(s, RSTART + 1, RLENGTH - 1) : "-"
                print r
                found = 1
            }
            END { if (!found) print "-" }'
    done
}

# Validate files (one name per line in $1) with the schema their root
# element calls for; write FILE<TAB>valid|invalid lines to $2.
validate() {
    : >"$2"
    [ -s "$1" ] || return 0
    # shellcheck disable=SC2046
    roots $(cat "$1") >"$tmp/roots"
    for kind in domain interface hostdev; do
        awk -F '\t' -v k="$kind" '$2 == k { print $1 }' "$tmp/roots" >"$tmp/group"
        [ -s "$tmp/group" ] || continue
        # shellcheck disable=SC2046
        xmllint --noout --relaxng "$schemas/$kind.rng" $(cat "$tmp/group") \
            >/dev/null 2>"$tmp/xmllint.out"
        while read -r f; do
            if grep -qxF "$f validates" "$tmp/xmllint.out"; then
                printf '%s\tvalid\n' "$f"
            else
                printf '%s\tinvalid\n' "$f"
            fi
        done <"$tmp/group" >>"$2"
    done
    # a root no schema describes: invalid
    awk -F '\t' '$2 != "domain" && $2 != "interface" && $2 != "hostdev" { print $1 "\tinvalid" }' \
        "$tmp/roots" >>"$2"
}

result() { # FILE RESULTS
    awk -F '\t' -v f="$1" '$1 == f { print $2 }' "$2"
}

why() { # FILE SCHEMA: xmllint's complaint, indented
    xmllint --noout --relaxng "$1" "$2" 2>&1 | grep -v 'fails to validate$' | head -n 4 |
        sed 's/^/  | /'
}

schema_for() { # FILE
    r=$(roots "$1" | cut -f 2)
    case $r in interface | hostdev) echo "$schemas/$r.rng" ;; *) echo "$schemas/domain.rng" ;; esac
}

# ---------------------------------------------------------------------
# Inputs: valid fixtures, the parser's view of them and their output.

: >"$tmp/inputs"   # NAME<TAB>FILE of each parsed valid input
: >"$tmp/outputs"  # NAME<TAB>FILE of each formatter output
n_out=0
fixtures=0
unparsed=0
for f in "$data"/*.xml; do
    case $f in *.out.xml) continue ;; esac
    name=${f##*/}
    [ -f "${f%.xml}.err" ] && continue
    fixtures=$((fixtures + 1))
    n_out=$((n_out + 1))
    if "$bin" format "$f" >"$tmp/out.$n_out.xml" 2>/dev/null; then
        printf '%s\t%s\n' "$name" "$f" >>"$tmp/inputs"
        printf '%s\t%s\n' "$name" "$tmp/out.$n_out.xml" >>"$tmp/outputs"
    else
        unparsed=$((unparsed + 1)) # not (yet) taken by this parser: not counted
    fi
done
# The shipped example is a valid input too.
for f in "$top"/examples/*.xml; do
    [ -f "$f" ] || continue
    n_out=$((n_out + 1))
    if "$bin" format "$f" >"$tmp/out.$n_out.xml" 2>/dev/null; then
        printf 'examples/%s\t%s\n' "${f##*/}" "$f" >>"$tmp/inputs"
        printf 'examples/%s\t%s\n' "${f##*/}" "$tmp/out.$n_out.xml" >>"$tmp/outputs"
    else
        bad "examples/${f##*/} does not parse"
    fi
done
for f in "$data"/*.out.xml "$data"/expected/*.xml; do
    [ -f "$f" ] || continue
    case $f in
    *.out.xml) name=${f##*/}; name=${name%.out.xml}.xml ;;
    *) name=expected/${f##*/} ;;
    esac
    printf '%s\t%s\n' "$name" "$f" >>"$tmp/outputs"
done

corpus_files=0
if [ -d "$corpus" ]; then
    for f in $(cd "$corpus" && find . -name '*.xml' | sed 's|^\./||' | LC_ALL=C sort); do
        n_out=$((n_out + 1))
        if "$bin" format "$corpus/$f" >"$tmp/out.$n_out.xml" 2>/dev/null; then
            corpus_files=$((corpus_files + 1))
            printf 'corpus:%s\t%s\n' "$f" "$corpus/$f" >>"$tmp/inputs"
            printf 'corpus:%s\t%s\n' "$f" "$tmp/out.$n_out.xml" >>"$tmp/outputs"
        fi
    done
else
    echo "SKIP: corpus directory $corpus not found (set DOMXML_CORPUS_DIR)"
fi

cut -f 2 "$tmp/inputs" >"$tmp/files"
validate "$tmp/files" "$tmp/in.res"
cut -f 2 "$tmp/outputs" >"$tmp/files"
validate "$tmp/files" "$tmp/out.res"

# 1-3: inputs and outputs validate unless listed as outside the language.
check_valid() { # NAME FILE RESULTS WHAT
    r=$(result "$2" "$3")
    if listed "$1" outside; then
        if [ "$r" = invalid ]; then ok; else
            bad "$4 $1 validates: stale 'outside' entry in tests/schema-exceptions.txt"
        fi
    elif [ "$r" = valid ]; then
        ok
    else
        bad "$4 $1 does not validate"
        why "$(schema_for "$2")" "$2"
    fi
}
in_valid=0
in_corpus=0
out_valid=0
while IFS="$(printf '\t')" read -r name f; do
    check_valid "$name" "$f" "$tmp/in.res" input
    if [ "$(result "$f" "$tmp/in.res")" = valid ]; then
        case $name in
        corpus:*) in_corpus=$((in_corpus + 1)) ;;
        examples/*) ;;
        *) in_valid=$((in_valid + 1)) ;;
        esac
    fi
done <"$tmp/inputs"
while IFS="$(printf '\t')" read -r name f; do
    check_valid "$name" "$f" "$tmp/out.res" "formatter output of"
    [ "$(result "$f" "$tmp/out.res")" = valid ] && out_valid=$((out_valid + 1))
done <"$tmp/outputs"
n_outputs=$(wc -l <"$tmp/outputs")

# 4: negative fixtures fail validation, but for those schemas/README.md
# names as checked only by the library (its table rows "| `NAME.xml` |").
# shellcheck disable=SC2016 # the backquotes are markdown, not a command
sed -n 's/^| `\([^`]*\.xml\)` |.*/\1/p' "$schemas/README.md" >"$tmp/library-only"
: >"$tmp/neg"
for f in "$data"/*.err; do
    echo "${f%.err}.xml" >>"$tmp/neg"
done
validate "$tmp/neg" "$tmp/neg.res"
neg_failing=0
lib_only=0
while read -r f; do
    name=${f##*/}
    r=$(result "$f" "$tmp/neg.res")
    if grep -qxF "$name" "$tmp/library-only"; then
        lib_only=$((lib_only + 1))
        if [ "$r" = valid ]; then ok; else
            bad "negative fixture $name is listed in schemas/README.md as schema-valid but fails xmllint"
            why "$(schema_for "$f")" "$f"
        fi
    elif [ "$r" = invalid ]; then
        ok
        neg_failing=$((neg_failing + 1))
    else
        bad "negative fixture $name validates: the schema should refuse it, or schemas/README.md list it"
    fi
done <"$tmp/neg"
while read -r name; do
    [ -f "$data/$name" ] && [ -f "$data/${name%.xml}.err" ] && continue
    bad "schemas/README.md lists $name, which is not a negative fixture"
done <"$tmp/library-only"

# Every listed name is a file this script saw.
cut -f 1 "$tmp/list" | LC_ALL=C sort -u >"$tmp/listed"
cut -f 1 "$tmp/inputs" "$tmp/outputs" | LC_ALL=C sort -u >"$tmp/seen"
LC_ALL=C comm -23 "$tmp/listed" "$tmp/seen" | while read -r name; do
    case $name in corpus:*) [ -d "$corpus" ] || continue ;; esac
    echo "$name"
done >"$tmp/unseen"
while read -r name; do
    bad "tests/schema-exceptions.txt lists $name, which is not a parsed valid fixture or corpus file"
done <"$tmp/unseen"

# 5: libvirt's own schemas on the valid whole-domain fixtures: KIND RNG.
lv_report=""
libvirt_schema() {
    kind=$1 rng=$2 lv_valid=0 lv_listed=0
    if [ ! -f "$rng" ]; then
        echo "SKIP: libvirt's schema $rng not found ($kind)"
        return
    fi
    awk -F '\t' '$1 !~ /^corpus:/ { print $2 }' "$tmp/inputs" >"$tmp/files"
    # shellcheck disable=SC2046
    roots $(cat "$tmp/files") | awk -F '\t' '$2 == "domain" { print $1 }' >"$tmp/domains"
    : >"$tmp/xmllint.out"
    if [ -s "$tmp/domains" ]; then
        # shellcheck disable=SC2046
        xmllint --noout --relaxng "$rng" $(cat "$tmp/domains") >/dev/null \
            2>"$tmp/xmllint.out"
    fi
    while read -r f; do
        name=${f##*/}
        if grep -qxF "$f validates" "$tmp/xmllint.out"; then r=valid; else r=invalid; fi
        if listed "$name" "$kind"; then
            lv_listed=$((lv_listed + 1))
            if [ $r = invalid ]; then ok; else
                bad "$name validates against $rng: stale '$kind' entry"
            fi
        elif [ $r = valid ]; then
            ok
            lv_valid=$((lv_valid + 1))
        else
            bad "$name does not validate against $rng"
            why "$rng" "$f"
        fi
    done <"$tmp/domains"
    lv_report="$lv_report$kind: $lv_listed refused by its schema, $lv_valid other domain fixtures validate against it
"
}
libvirt_schema libvirt "$libvirt_rng"
libvirt_schema libvirt-11.3 "$libvirt11_rng"

n_outside=$(awk -F '\t' '$2 == "outside"' "$tmp/list" | wc -l)
echo "fixtures: $in_valid of $fixtures valid fixtures validate ($unparsed not parsed, not counted)"
echo "corpus: $in_corpus of $corpus_files parsed corpus files validate"
echo "formatter outputs: $out_valid of $n_outputs validate"
echo "negative fixtures: $neg_failing fail validation, $lib_only are checked only by the library"
echo "exceptions: $n_outside outside the schemas"
printf '%s' "$lv_report"
echo "$pass passed, $fail failed"
[ $fail = 0 ]
