# lib.sh - assertions for aws CLI e2e scripts. Source it, call the checks, then `finish`.
# $CMKEMU_URL is the server; `awsx` runs the aws CLI against it and keeps stdout, stderr, rc.
PASSED=0
FAILED=0
OUT=""
ERR=""
RC=0

awsx() {
    OUT=$(aws --endpoint-url "$CMKEMU_URL" "$@" 2>"$CMKEMU_TMP/awscli.err")
    RC=$?
    ERR=$(cat "$CMKEMU_TMP/awscli.err")
}

ok() { PASSED=$((PASSED + 1)); echo "ok - $1"; }
bad() { FAILED=$((FAILED + 1)); echo "FAIL - $1"; shift; for l in "$@"; do echo "    $l"; done; }

# expect_rc NAME RC
expect_rc() { if [ "$RC" -eq "$2" ]; then ok "$1"; else bad "$1" "rc=$RC want $2" "stdout: $OUT" "stderr: $ERR"; fi; }
# expect_out NAME EXACT-STDOUT
expect_out() { if [ "$OUT" = "$2" ]; then ok "$1"; else bad "$1" "stdout: $OUT" "want:   $2" "stderr: $ERR"; fi; }
# expect_err_contains NAME TEXT
expect_err_contains() { case "$ERR" in *"$2"*) ok "$1" ;; *) bad "$1" "stderr: $ERR" "want it to contain: $2" ;; esac; }

finish() { echo "$PASSED passed, $FAILED failed"; [ "$FAILED" -eq 0 ]; }
