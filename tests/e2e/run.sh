#!/bin/sh
# e2e/run.sh - starts the real cmkemu binary on a free port with a temporary database and drives
# it with the real clients: aws CLI scripts, boto3 (unittest) and node (node --test), runs the
# shell tests of the binary itself (tests/e2e/cli: flags, start-up errors, seeds, the Dockerfile),
# then the reliability suites, which start instances of their own.
# Prints one "SUITE <name> <passed> <failed>" line per suite.
BUILD=${BUILD:-build}
cd "$(dirname "$0")/../.." || exit 2
ROOT=$(pwd)
tmp=$(mktemp -d)
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$tmp"' EXIT INT TERM

"$ROOT/$BUILD/cmkemu" --port 0 --port-file "$tmp/port" --db "$tmp/e2e.db" --log-level warn \
    --region us-east-1 2>"$tmp/server.log" &
pid=$!
i=0
while [ ! -s "$tmp/port" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
port=$(cat "$tmp/port" 2>/dev/null)
if [ -z "$port" ]; then echo "server did not start"; cat "$tmp/server.log"; exit 1; fi

export CMKEMU_URL="http://127.0.0.1:$port"
export CMKEMU_BIN="$ROOT/$BUILD/cmkemu"
export CMKEMU_TMP="$tmp"
export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE
export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
export AWS_DEFAULT_REGION=us-east-1
export AWS_REGION=us-east-1
export AWS_EC2_METADATA_DISABLED=true
export AWS_CONFIG_FILE=/dev/null
export AWS_SHARED_CREDENTIALS_FILE=/dev/null

# aws CLI scripts (tests/e2e/awscli) and plain shell scripts about the binary itself
# (tests/e2e/cli): every test_*.sh prints "N passed, N failed" last.
for t in tests/e2e/awscli/test_*.sh tests/e2e/cli/test_*.sh; do
    [ -f "$t" ] || continue
    out=$(sh "$t" 2>&1); echo "$out"
    line=$(echo "$out" | grep -E '^[0-9]+ passed, [0-9]+ failed$' | tail -n 1)
    [ -n "$line" ] || line="0 passed, 1 failed"
    echo "SUITE $(basename "$(dirname "$t")")/$(basename "$t" .sh) $(echo "$line" | awk '{print $1, $3}')"
done

# boto3
if ls tests/e2e/boto3/test_*.py >/dev/null 2>&1; then
    out=$(python3 tests/e2e/boto3/runner.py tests/e2e/boto3 2>&1); echo "$out"
    line=$(echo "$out" | grep -E '^[0-9]+ passed, [0-9]+ failed$' | tail -n 1)
    [ -n "$line" ] || line="0 passed, 1 failed"
    echo "SUITE boto3 $(echo "$line" | awk '{print $1, $3}')"
fi

# node (AWS SDK for JavaScript v3 and the OCI TypeScript SDK)
if ls tests/e2e/node/*.test.mjs >/dev/null 2>&1; then
    out=$(cd tests/e2e/node && node --test --test-reporter=tap ./*.test.mjs 2>&1); echo "$out"
    p=$(echo "$out" | sed -n 's/^# pass \([0-9]*\)$/\1/p' | tail -n 1)
    f=$(echo "$out" | sed -n 's/^# fail \([0-9]*\)$/\1/p' | tail -n 1)
    [ -n "$p" ] || { p=0; f=1; }
    echo "SUITE node $p ${f:-1}"
fi

# reliability (python stdlib): crash safety, concurrency, bad input. Each suite starts cmkemu
# instances of its own; LONG=1 runs more trials.
for t in tests/e2e/reliability/test_*.py; do
    [ -f "$t" ] || continue
    out=$(python3 tests/e2e/reliability/runner.py "$t" 2>&1); echo "$out"
    line=$(echo "$out" | grep -E '^[0-9]+ passed, [0-9]+ failed$' | tail -n 1)
    [ -n "$line" ] || line="0 passed, 1 failed"
    name=$(basename "$t" .py); name=${name#test_}
    echo "SUITE reliability/$name $(echo "$line" | awk '{print $1, $3}')"
done

if ! kill -0 $pid 2>/dev/null; then
    echo "server died during the e2e run"; cat "$tmp/server.log"; echo "SUITE server-alive 0 1"
else
    echo "SUITE server-alive 1 0"
fi
grep -E 'ERROR|runtime error|AddressSanitizer|LeakSanitizer' "$tmp/server.log" && echo "SUITE server-log 0 1"
exit 0
