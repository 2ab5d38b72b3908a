# lib.sh - helpers for the shell tests of the binary: the aws CLI suites' assertions (ok, bad,
# expect_rc, expect_out, expect_err_contains, finish), running $CMKEMU_BIN, and a second cmkemu
# in the background. Source it from tests/e2e/cli/test_*.sh.
. "$(dirname "$0")/../awscli/lib.sh"

# run_bin ARGS...: runs the binary with stdin closed; keeps stdout in OUT, stderr in ERR, rc in RC.
run_bin() {
    OUT=$("$CMKEMU_BIN" "$@" </dev/null 2>"$CMKEMU_TMP/cli.err")
    RC=$?
    ERR=$(cat "$CMKEMU_TMP/cli.err")
}

# expect_err NAME EXACT-STDERR
expect_err() { if [ "$ERR" = "$2" ]; then ok "$1"; else bad "$1" "stderr: $ERR" "want:   $2"; fi; }

# start_server NAME ARGS...: starts a cmkemu on a free port with ARGS; sets SERVER_URL and
# SERVER_PID, its stderr in $CMKEMU_TMP/NAME.log. Returns non-zero when it did not start.
start_server() {
    name=$1; shift
    rm -f "$CMKEMU_TMP/$name.port"
    "$CMKEMU_BIN" --port 0 --port-file "$CMKEMU_TMP/$name.port" "$@" 2>"$CMKEMU_TMP/$name.log" &
    SERVER_PID=$!
    i=0
    while [ ! -s "$CMKEMU_TMP/$name.port" ] && [ $i -lt 100 ] && kill -0 "$SERVER_PID" 2>/dev/null; do
        sleep 0.05; i=$((i + 1))
    done
    [ -s "$CMKEMU_TMP/$name.port" ] || { cat "$CMKEMU_TMP/$name.log"; return 1; }
    SERVER_URL="http://127.0.0.1:$(cat "$CMKEMU_TMP/$name.port")"
}

# stop_server NAME: SIGTERM; a clean stop exits 0 with no sanitizer report in its log.
stop_server() {
    kill "$SERVER_PID" 2>/dev/null; wait "$SERVER_PID"; rc=$?
    if [ "$rc" -eq 0 ] && ! grep -qE 'Sanitizer|runtime error' "$CMKEMU_TMP/$1.log"; then ok "$1: cmkemu stops cleanly"
    else bad "$1: cmkemu stops cleanly" "rc=$rc" "$(tail -n 20 "$CMKEMU_TMP/$1.log")"; fi
}

# http METHOD URL: curl without a body; the body in OUT, the status in RC.
http() {
    OUT=$(curl -s -o "$CMKEMU_TMP/http.body" -w '%{http_code}' -X "$1" "$2")
    RC=$OUT
    OUT=$(cat "$CMKEMU_TMP/http.body")
}
