#!/bin/sh
# A short libFuzzer run of every harness (CI): SECONDS each (default 60),
# one job, from the seeds of fuzz/make-seeds.py, with its dictionary. Run
# from a tree configured with CC=clang --enable-fuzzing and built. Crashes
# are kept going past (-fork=1 -ignore_crashes=1) and triaged afterwards:
# each artifact is replayed; one whose message is a known bug's signature
# (fuzz/known-failures.txt) is reported, any other fails the run.
#   sh fuzz/ci-fuzz.sh [SECONDS]
set -u
secs=${1:-60}
top=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/domxml-ci-fuzz.XXXXXX") || exit 99
trap 'rm -rf "$work"' EXIT
python3 "$top/fuzz/make-seeds.py" "$top" "$top/../shared/corpus" "$work/seeds" >/dev/null || exit 99
sed -n 's/^signature: //p' "$top/fuzz/known-failures.txt" >"$work/signatures"
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
fail=0
for h in parse argv edit; do
    mkdir -p "$work/$h/corpus" "$work/$h/art"
    ./fuzz/${h}_fuzzer -fork=1 -ignore_crashes=1 -ignore_ooms=0 -ignore_timeouts=0 \
        -max_total_time="$secs" -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
        -dict="$top/fuzz/${h}_fuzzer.dict" -artifact_prefix="$work/$h/art/" \
        "$work/$h/corpus" "$work/seeds/$h" >"$work/$h.log" 2>&1
    rc=$?
    stats=$(grep -E '^#[0-9]+' "$work/$h.log" | tail -n 1)
    echo "$h: exit $rc; $stats"
    for a in "$work/$h/art"/*; do
        [ -f "$a" ] || continue
        ./fuzz/${h}_fuzzer "$a" >"$work/replay.log" 2>&1
        msg=$(grep -m1 -E "^${h}_fuzzer: |ERROR: AddressSanitizer|ERROR: LeakSanitizer|runtime error" \
            "$work/replay.log")
        if [ -n "$msg" ] && grep -qF -f "$work/signatures" "$work/replay.log"; then
            echo "  known bug: $msg"
        else
            echo "  NEW FINDING $(basename "$a"): ${msg:-see below}"
            tail -n 20 "$work/replay.log" | sed 's/^/  | /'
            fail=1
        fi
    done
    [ "$rc" -eq 0 ] || { tail -n 20 "$work/$h.log"; fail=1; }
done
exit $fail
