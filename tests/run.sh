#!/bin/sh
# run.sh - runs every suite (C unit and api tests, then the e2e suites against the real binary)
# and ends with one line "total: N passed, N failed". Exits non-zero on any failure.
# BUILD selects the build directory (build or build-asan); FUZZ_BUILD, when set, the directory
# of the fuzz targets to smoke-test.
BUILD=${BUILD:-build}
cd "$(dirname "$0")/.." || exit 2
passed=0
failed=0
log=$(mktemp)

add_counts() { # $1 = passed, $2 = failed, $3 = suite name
    passed=$((passed + $1)); failed=$((failed + $2))
    printf '%-40s %s passed, %s failed\n' "$3" "$1" "$2"
}

for bin in $(find "$BUILD/tests" -type f -name 'test_*' 2>/dev/null | sort); do
    "$bin" >"$log" 2>&1
    rc=$?
    line=$(grep -E '^[0-9]+ tests, [0-9]+ passed, [0-9]+ failed$' "$log" | tail -n 1)
    if [ -z "$line" ]; then
        cat "$log"; add_counts 0 1 "$bin (crashed, rc=$rc)"; continue
    fi
    p=$(echo "$line" | sed 's/.* \([0-9]*\) passed.*/\1/')
    f=$(echo "$line" | sed 's/.* \([0-9]*\) failed$/\1/')
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
    [ "$f" -ne 0 ] && cat "$log"
    add_counts "$p" "$f" "$bin"
done

# The libFuzzer targets over their seed corpora, once each (make test builds them into
# FUZZ_BUILD; make asan does not).
if [ -n "$FUZZ_BUILD" ]; then
    for bin in $(find "$FUZZ_BUILD/fuzz" -type f -name 'fuzz_*' 2>/dev/null | sort); do
        t=${bin##*/}
        if sh tests/fuzz/run.sh smoke "$FUZZ_BUILD" 0 "$t" >"$log" 2>&1; then
            add_counts 1 0 "fuzz-smoke/$t"
        else
            cat "$log"; add_counts 0 1 "fuzz-smoke/$t"
        fi
    done
fi

BUILD=$BUILD sh tests/e2e/run.sh >"$log" 2>&1
rc=$?
grep -v '^SUITE ' "$log" | grep -v 'Request cannot be retried' | grep -E 'FAIL|not ok|Error|error:|Traceback' | head -n 200
for s in $(grep '^SUITE ' "$log" | awk '{print $2":"$3":"$4}'); do
    name=${s%%:*}; rest=${s#*:}; p=${rest%%:*}; f=${rest#*:}
    add_counts "$p" "$f" "e2e/$name"
done
if [ "$rc" -ne 0 ] && ! grep -q '^SUITE ' "$log"; then
    cat "$log"; add_counts 0 1 "e2e (did not run, rc=$rc)"
fi
rm -f "$log"
echo "total: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
