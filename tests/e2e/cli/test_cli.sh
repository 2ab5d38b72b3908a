#!/bin/sh
# test_cli.sh - the binary's flags and start-up errors: --help lists every flag of the README's
# table with its variable and default, a taken port and an unusable database stop start-up with
# one line and a non-zero exit (a database another cmkemu serves too), --log-format json writes JSON lines, --health-check probes.
. "$(dirname "$0")/lib.sh"

# --help: every flag of the README's flags table, with its variable, and nothing the README lacks
run_bin --help
expect_rc "--help exits 0" 0
readme=$(grep -E '^\| `--[a-z-]+` \| `CMKEMU_' README.md | sed -E 's/^\| `(--[a-z-]+)` \| `(CMKEMU_[A-Z_]+)`.*/\1 \2/' | sort)
helped=$(echo "$OUT" | grep -E '^  --[a-z-]+ +CMKEMU_' | awk '{print $1, $2}' | sort)
if [ -n "$readme" ] && [ "$readme" = "$helped" ]; then ok "--help and the README list the same flags and variables"
else bad "--help and the README list the same flags and variables" "README: $(echo $readme)" "--help: $(echo $helped)"; fi
for f in --seed --log-format; do
    case "$OUT" in *"$f"*) ok "--help lists $f" ;; *) bad "--help lists $f" "$OUT" ;; esac
done
if echo "$OUT" | grep -E '^  --[a-z-]+ +CMKEMU_' | grep -vq ' default '; then bad "every flag shows its default" "$OUT"
else ok "every flag shows its default"; fi

# a taken port: the suite's own server holds $CMKEMU_URL's port
port=${CMKEMU_URL##*:}
run_bin --port "$port" --db :memory:
expect_rc "a taken port exits 1" 1
expect_err "a taken port says so in one line" "cmkemu: cannot listen on 127.0.0.1:$port: address already in use"

# a database that cannot be opened
run_bin --port 0 --db "$CMKEMU_TMP"
expect_rc "a directory as database exits 1" 1
expect_err "a directory as database says so in one line" "cmkemu: cannot open database '$CMKEMU_TMP': is a directory"
run_bin --port 0 --db "$CMKEMU_TMP/no/such/dir/x.db"
expect_rc "a database in a missing directory exits 1" 1
expect_err "a database in a missing directory says so in one line" \
    "cmkemu: cannot open database '$CMKEMU_TMP/no/such/dir/x.db': no such file or directory"
echo "not sqlite" > "$CMKEMU_TMP/garbage.db"
run_bin --port 0 --db "$CMKEMU_TMP/garbage.db"
expect_err "a file that is not a database says so" "cmkemu: cannot open database '$CMKEMU_TMP/garbage.db': file is not a database"

# a database file another cmkemu is serving: refused at once, the first one keeps serving
if start_server holder --db "$CMKEMU_TMP/held.db"; then
    run_bin --port 0 --db "$CMKEMU_TMP/held.db"
    expect_rc "a database another cmkemu holds exits 1" 1
    expect_err "a database another cmkemu holds says so in one line" \
        "cmkemu: cannot open database '$CMKEMU_TMP/held.db': is in use by another process"
    http GET "$SERVER_URL/_cmkemu/health"
    expect_rc "the first cmkemu still answers" 200
    stop_server holder
    if start_server holder2 --db "$CMKEMU_TMP/held.db"; then
        ok "once the first cmkemu stopped the database opens again"
        stop_server holder2
    else
        bad "once the first cmkemu stopped the database opens again" "$(cat "$CMKEMU_TMP/holder2.log")"
    fi
else
    bad "a second cmkemu on a held database" "the first one did not start"
fi

# bad flag values
run_bin --log-format xml
expect_rc "a bad --log-format exits 2" 2
expect_err "a bad --log-format says so" "cmkemu: bad value for --log-format: 'xml'"
CMKEMU_LOG_FORMAT=yaml run_bin --port 0
expect_err "a bad CMKEMU_LOG_FORMAT says so" "cmkemu: bad value for CMKEMU_LOG_FORMAT: 'yaml'"

# --log-format json: every line is a JSON object; the access line has its fields
if start_server json --db :memory: --log-format json --log-level info; then
    curl -s "$SERVER_URL/_cmkemu/health" >/dev/null
    stop_server json
    if python3 - "$CMKEMU_TMP/json.log" <<'PY'
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
assert lines and all({"ts", "level", "msg"} <= set(l) for l in lines), lines
acc = [l for l in lines if l["msg"] == "access"]
assert acc and acc[0]["method"] == "GET" and acc[0]["path"] == "/_cmkemu/health", acc
assert acc[0]["status"] == 200 and isinstance(acc[0]["ms"], float) and acc[0]["request_id"], acc
PY
    then ok "--log-format json writes JSON lines with the access fields"
    else bad "--log-format json writes JSON lines with the access fields" "$(cat "$CMKEMU_TMP/json.log")"; fi
else
    bad "a server with --log-format json starts"
fi

# --health-check
run_bin --health-check="$CMKEMU_URL/_cmkemu/health"
expect_rc "--health-check=URL of a running cmkemu exits 0" 0
CMKEMU_PORT=$port run_bin --health-check
expect_rc "--health-check probes --host:--port (here CMKEMU_PORT)" 0
run_bin --health-check --port 1
expect_rc "--health-check of nothing exits 1" 1
expect_err_contains "--health-check of nothing says so" "cmkemu: health check: cannot connect to 127.0.0.1:1"

finish
