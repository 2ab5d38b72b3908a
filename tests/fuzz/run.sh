#!/bin/sh
# run.sh - runs the libFuzzer targets one after the other.
# Usage: run.sh fuzz|smoke BUILD SECONDS TARGET...
#   fuzz:  mutates BUILD/corpus/<target> (the seeds copied in, plus what earlier runs found)
#          for SECONDS; crash, leak and timeout inputs land in BUILD/artifacts/<target>/.
#   smoke: runs each seed of tests/fuzz/corpus/<target> once, without mutation (-runs=0).
# Prints one line per target (executions, corpus size as libFuzzer counts it and as files on disk,
# edges covered, exit status) and exits 1 when any target found something; its log is
# BUILD/logs/<target>.log.
mode=$1
build=$2
secs=$3
shift 3
cd "$(dirname "$0")/../.." || exit 2
failed=0
for t in "$@"; do
    seeds=tests/fuzz/corpus/$t
    log=$build/logs/$t.log
    mkdir -p "$build/logs" "$build/artifacts/$t"
    set -- -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 -artifact_prefix="$build/artifacts/$t/"
    [ -f "tests/fuzz/dict/$t.dict" ] && set -- "$@" -dict="tests/fuzz/dict/$t.dict"
    if [ "$mode" = smoke ]; then
        corpus=$seeds
        "$build/fuzz/$t" "$@" -runs=0 "$corpus" >"$log" 2>&1
    else
        corpus=$build/corpus/$t
        mkdir -p "$corpus"
        for f in "$seeds"/*; do
            [ -f "$f" ] && [ ! -e "$corpus/${f##*/}" ] && cp "$f" "$corpus/"
        done
        "$build/fuzz/$t" "$@" -max_total_time="$secs" "$corpus" >"$log" 2>&1
    fi
    rc=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    files=$(find "$corpus" -type f | wc -l)
    cov=$(grep -ao 'cov: [0-9]*' "$log" | tail -n 1)
    inputs=$(grep -ao 'corp: [0-9]*' "$log" | tail -n 1 | sed 's/corp: //')
    if [ "$rc" -eq 0 ]; then
        verdict="ok"
    else
        verdict="FOUND SOMETHING (exit $rc): see $log"
        failed=1
    fi
    printf '%-18s %10s execs  corpus %5s inputs (%s files)  %-10s %s\n' "$t" "${execs:-?}" \
        "${inputs:-?}" "$files" "${cov:-cov: ?}" "$verdict"
done
exit $failed
