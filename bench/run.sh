#!/bin/sh
# run.sh - benchmarks cmkemu against moto's server and a fixed-reply libmicrohttpd server (the
# ceiling), all started here on loopback and driven by wrk at 1, 8 and 64 connections.
# Prints req/s, p50 and p99 per server and operation, the ratios cmkemu/moto and
# cmkemu/ceiling from the same run, start-up to first 200, and RSS before the load, after the
# measured runs and after a soak (all four operations mixed at 64 connections).
# BENCH_SECONDS sets each run's length (default 3), BENCH_ROUNDS how many runs of cmkemu and of
# the ceiling alternate for each figure (default 5; the median run is shown, and cm/ceil is the
# median of each round's cmkemu/ceiling ratio), BENCH_SOAK the
# soak's length (default 30).
# Loopback only; every run is bounded. bench/README.md explains the columns.
set -u
cd "$(dirname "$0")/.." || exit 2
SECS=${BENCH_SECONDS:-3}
ROUNDS=${BENCH_ROUNDS:-5}
SOAK=${BENCH_SOAK:-30}
BIN=build-release/cmkemu
CEIL=build-release/bench-ceiling
tmp=$(mktemp -d)
pids=""
cleanup() { for p in $pids; do kill "$p" 2>/dev/null; done; wait 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now_ms() { date +%s%3N; }
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
# wait_200 URL: polls until 200, prints the milliseconds it took since $2 (start time)
wait_200() {
    i=0
    while [ $i -lt 2000 ]; do
        code=$(curl -s -o /dev/null -w '%{http_code}' "$1" 2>/dev/null)
        [ "$code" = 200 ] && { echo $(( $(now_ms) - $2 )); return 0; }
        i=$((i + 1)); sleep 0.005
    done
    echo "timeout"; return 1
}
# start_timed PIDFILE URL CMD...: starts CMD in the background and prints the milliseconds from
# exec to the first 200 on URL, polled every 0.2 ms from one process (no per-poll fork).
start_timed() {
    python3 - "$@" <<'PY'
import http.client, subprocess, sys, time
pidfile, url, cmd = sys.argv[1], sys.argv[2], sys.argv[3:]
host, _, path = url[len("http://"):].partition("/")
h, p = host.split(":")
t0 = time.monotonic()
proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
open(pidfile, "w").write(str(proc.pid))
while time.monotonic() - t0 < 30:
    try:
        c = http.client.HTTPConnection(h, int(p), timeout=1)
        c.request("GET", "/" + path)
        if c.getresponse().status == 200:
            print("%.1f" % ((time.monotonic() - t0) * 1000))
            sys.exit(0)
    except OSError:
        pass
    time.sleep(0.0002)
print("timeout")
PY
}

CM_PORT=$(free_port); MOTO_PORT=$(free_port); CEIL_PORT=$(free_port)
CM_START=$(start_timed "$tmp/cm.pid" "http://127.0.0.1:$CM_PORT/_cmkemu/health" \
    "$BIN" --port "$CM_PORT" --db "$tmp/bench.db" --log-level error)
CM_PID=$(cat "$tmp/cm.pid"); pids="$pids $CM_PID"
# moto's server, when its package (with flask) is installed; else its columns read n/a.
if python3 -c 'import moto.server, flask' >/dev/null 2>&1; then
    MOTO_START=$(start_timed "$tmp/moto.pid" "http://127.0.0.1:$MOTO_PORT/moto-api/data.json" \
        python3 -m moto.server -H 127.0.0.1 -p "$MOTO_PORT")
    MOTO_PID=$(cat "$tmp/moto.pid"); pids="$pids $MOTO_PID"
else
    MOTO_START="n/a (moto not installed)"; MOTO_PID=0; MOTO_PORT=""
fi
"$CEIL" "$CEIL_PORT" 4 &
CEIL_PID=$!; pids="$pids $CEIL_PID"
wait_200 "http://127.0.0.1:$CEIL_PORT/" "$(now_ms)" >/dev/null

CM_RSS0=$(rss_kb "$CM_PID"); MOTO_RSS0=$(rss_kb "$MOTO_PID")

# Fixtures: one bucket with a configuration on both S3 servers; an OCI bucket, key and volume.
AUTH='AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20260101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=0'
OCIAUTH='Signature version="1",keyId="ocid1.tenancy.oc1..aaaaaaaabench/ocid1.user.oc1..aaaaaaaabench/11:22",algorithm="rsa-sha256",headers="host",signature="x"'
SSE='<ServerSideEncryptionConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>aws:kms</SSEAlgorithm><KMSMasterKeyID>arn:aws:kms:us-east-1:000000000000:key/1234abcd-12ab-34cd-56ef-1234567890ab</KMSMasterKeyID></ApplyServerSideEncryptionByDefault><BucketKeyEnabled>true</BucketKeyEnabled></Rule></ServerSideEncryptionConfiguration>'
MD5=$(printf '%s' "$SSE" | openssl dgst -md5 -binary | base64)
for p in $CM_PORT $MOTO_PORT; do
    curl -s -o /dev/null -X PUT -H "Authorization: $AUTH" "http://127.0.0.1:$p/bench-bucket"
    curl -s -o /dev/null -X PUT -H "Authorization: $AUTH" -H "Content-MD5: $MD5" --data-binary "$SSE" \
        "http://127.0.0.1:$p/bench-bucket?encryption"
done
OCI="http://127.0.0.1:$CM_PORT/oci/us-ashburn-1"
json_get() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)" 2>/dev/null; }
NS=$(curl -s -H "Authorization: $OCIAUTH" "$OCI/n" | json_get "")
COMP=ocid1.compartment.oc1..aaaaaaaabench
curl -s -o /dev/null -X POST -H "Authorization: $OCIAUTH" -H 'Content-Type: application/json' \
    --data "{\"name\":\"bench-bucket\",\"compartmentId\":\"$COMP\"}" "$OCI/n/$NS/b"
VAULT_EP=$(curl -s -X POST -H "Authorization: $OCIAUTH" -H 'Content-Type: application/json' \
    --data "{\"compartmentId\":\"$COMP\",\"displayName\":\"bench\",\"vaultType\":\"DEFAULT\"}" \
    "$OCI/20180608/vaults" | json_get "['managementEndpoint']")
KEY=$(curl -s -X POST -H "Authorization: $OCIAUTH" -H 'Content-Type: application/json' \
    --data "{\"compartmentId\":\"$COMP\",\"displayName\":\"bench\",\"keyShape\":{\"algorithm\":\"AES\",\"length\":32}}" \
    "$VAULT_EP/20180608/keys" | json_get "['id']")
VOL=$(curl -s -X POST -H "Authorization: $OCIAUTH" -H 'Content-Type: application/json' \
    --data "{\"compartmentId\":\"$COMP\",\"availabilityDomain\":\"Uocm:US-ASHBURN-AD-1\",\"displayName\":\"bench\"}" \
    "$OCI/20160918/volumes" | json_get "['id']")

# wrk scripts
cat >"$tmp/get.lua" <<LUA
wrk.headers["Authorization"] = "$AUTH"
LUA
cat >"$tmp/put.lua" <<LUA
wrk.method = "PUT"
wrk.body = [[$SSE]]
wrk.headers["Authorization"] = "$AUTH"
wrk.headers["Content-MD5"] = "$MD5"
LUA
cat >"$tmp/ociget.lua" <<LUA
wrk.headers["Authorization"] = [[$OCIAUTH]]
LUA
cat >"$tmp/volkey.lua" <<LUA
wrk.method = "PUT"
wrk.body = [[{"kmsKeyId":"$KEY"}]]
wrk.headers["Authorization"] = [[$OCIAUTH]]
wrk.headers["Content-Type"] = "application/json"
LUA

# run NAME URL SCRIPT CONNS -> "rps p50ms p99ms"
run() {
    out=$(wrk -t "$( [ "$4" -gt 1 ] && echo 2 || echo 1 )" -c "$4" -d "${SECS}s" --latency -s "$3" "$2" 2>&1)
    rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    p50=$(echo "$out" | awk '$1=="50%" {print $2}')
    p99=$(echo "$out" | awk '$1=="99%" {print $2}')
    non2xx=$(echo "$out" | awk '/Non-2xx/ {print $5}')
    echo "${rps:-0} ${p50:--} ${p99:--} ${non2xx:-0}"
}
# median FILE: the line of FILE (one run a line, req/s first) with the median req/s
median() { sort -n "$1" | awk '{ l[NR] = $0 } END { print l[int((NR + 1) / 2)] }'; }
# ratio A B [DECIMALS]: A / B as "N.Nx" (cm/ceil with two decimals: 0.69 is not 0.7)
ratio() { awk -v a="$1" -v b="$2" -v d="${3:-1}" 'BEGIN { if (b > 0) printf "%.*fx", d, a / b; else print "n/a" }'; }

printf '\nmachine: %s cores, load average before the runs: %s\n' "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf 'runs: %s s each; cmkemu and the ceiling alternate %s times per row (median run shown), moto once;\n' "$SECS" "$ROUNDS"
printf 'cm/ceil: the median of the rounds'"'"' own ratios, (range) the lowest and highest\n'
printf '\n%-22s %5s  %-34s %-34s %-26s %9s %9s %11s\n' operation conns "cmkemu req/s p50 p99" \
    "moto req/s p50 p99" "ceiling req/s p50 p99" "cm/moto" "cm/ceil" "(range)"
for op in get put ociget volkey; do
    case $op in
    get) name=GetBucketEncryption; cm="http://127.0.0.1:$CM_PORT/bench-bucket?encryption"; mo="${MOTO_PORT:+http://127.0.0.1:$MOTO_PORT/bench-bucket?encryption}" ;;
    put) name=PutBucketEncryption; cm="http://127.0.0.1:$CM_PORT/bench-bucket?encryption"; mo="${MOTO_PORT:+http://127.0.0.1:$MOTO_PORT/bench-bucket?encryption}" ;;
    ociget) name="OCI GetBucket"; cm="$OCI/n/$NS/b/bench-bucket"; mo="" ;;
    volkey) name=UpdateVolumeKmsKey; cm="$OCI/20160918/volumes/$VOL/kmsKey"; mo="" ;;
    esac
    for c in 1 8 64; do
        # cmkemu and the ceiling alternate ROUNDS times; each keeps its median run (by req/s)
        # cm/ceil is the median of each round's own ratio: a round's two runs are seconds apart,
        # so a slower or faster spell of the machine weighs on both alike
        : >"$tmp/cm.runs"; : >"$tmp/ceil.runs"; : >"$tmp/pair.ratios"; r=0
        while [ $r -lt "$ROUNDS" ]; do
            run cm "$cm" "$tmp/$op.lua" $c >>"$tmp/cm.runs"
            run ceil "http://127.0.0.1:$CEIL_PORT/" "$tmp/$op.lua" $c >>"$tmp/ceil.runs"
            paste -d' ' "$tmp/cm.runs" "$tmp/ceil.runs" | tail -n 1 |
                awk '{ if ($5 > 0) printf "%.4f\n", $1 / $5; else print 0 }' >>"$tmp/pair.ratios"
            r=$((r + 1))
        done
        set -- $(median "$tmp/cm.runs"); crps=$1; cres="$1 $2 $3"; [ "$4" != 0 ] && cres="$cres (non-2xx: $4)"
        if [ -n "$mo" ]; then set -- $(run moto "$mo" "$tmp/$op.lua" $c); mrps=$1; mres="$1 $2 $3"; else mrps=0; mres="n/a${MOTO_PORT:+ (no OCI in moto)}"; fi
        set -- $(median "$tmp/ceil.runs"); erps=$1; eres="$1 $2 $3"
        pr=$(sort -n "$tmp/pair.ratios" | awk '{ l[NR] = $1 } END { printf "%.2fx %.2f-%.2f", l[int((NR + 1) / 2)], l[1], l[NR] }')
        printf '%-22s %5s  %-34s %-34s %-26s %9s %9s %11s\n' "$name" "$c" "$cres" "$mres" "$eres" \
            "$(ratio "$crps" "$mrps")" "${pr%% *}" "${pr#* }"
    done
done
CM_RSS1=$(rss_kb "$CM_PID"); MOTO_RSS1=$(rss_kb "$MOTO_PID")

# Soak: the four operations in turn on every connection, 64 connections, then RSS again.
cat >"$tmp/soak.lua" <<LUA
local n = 0
local reqs = {}
function init(args)
    local auth = "$AUTH"
    local ociauth = [[$OCIAUTH]]
    reqs[1] = wrk.format("GET", "/bench-bucket?encryption", { ["Authorization"] = auth })
    reqs[2] = wrk.format("PUT", "/bench-bucket?encryption",
        { ["Authorization"] = auth, ["Content-MD5"] = "$MD5" }, [[$SSE]])
    reqs[3] = wrk.format("GET", "/oci/us-ashburn-1/n/$NS/b/bench-bucket", { ["Authorization"] = ociauth })
    reqs[4] = wrk.format("PUT", "/oci/us-ashburn-1/20160918/volumes/$VOL/kmsKey",
        { ["Authorization"] = ociauth, ["Content-Type"] = "application/json" }, [[{"kmsKeyId":"$KEY"}]])
end
function request()
    n = n % 4 + 1
    return reqs[n]
end
LUA
soak=$(wrk -t 2 -c 64 -d "${SOAK}s" --latency -s "$tmp/soak.lua" "http://127.0.0.1:$CM_PORT" 2>&1)
CM_RSS2=$(rss_kb "$CM_PID")
printf '\nsoak (4 operations mixed, 64 connections, %ss): %s req/s, p50 %s, p99 %s, non-2xx %s\n' "$SOAK" \
    "$(echo "$soak" | awk '/Requests\/sec/ {print $2}')" "$(echo "$soak" | awk '$1=="50%" {print $2}')" \
    "$(echo "$soak" | awk '$1=="99%" {print $2}')" "$(echo "$soak" | awk '/Non-2xx/ {print $5}' | grep . || echo 0)"
# Start-up, STARTS times each (median, min and max): on a new database (the migrations run),
# then, once the measured cmkemu has stopped (it holds its database file while it runs), on the
# database the runs filled.
STARTS=${BENCH_STARTS:-7}
startups() { # startups NEW(1|0): one figure a line
    i=0
    while [ $i -lt "$STARTS" ]; do
        db="$tmp/bench.db"; [ "$1" = 1 ] && db="$tmp/new-$i.db"
        port=$(free_port)
        start_timed "$tmp/st.pid" "http://127.0.0.1:$port/_cmkemu/health" \
            "$BIN" --port "$port" --db "$db" --log-level error
        p=$(cat "$tmp/st.pid"); kill "$p" 2>/dev/null
        while kill -0 "$p" 2>/dev/null; do sleep 0.01; done
        i=$((i + 1))
    done
}
summary() { sort -n | awk '{ v[NR] = $1 } END { printf "%s ms (median of %d; %s to %s)", v[int((NR + 1) / 2)], NR, v[1], v[NR] }'; }
NEW_STARTS=$(startups 1 | summary)
kill "$CM_PID" 2>/dev/null
while kill -0 "$CM_PID" 2>/dev/null; do sleep 0.01; done
OLD_STARTS=$(startups 0 | summary)
printf 'start-up to first 200: cmkemu %s on a new database, %s on the filled one (first start of the run: %s ms); moto %s ms\n' \
    "$NEW_STARTS" "$OLD_STARTS" "$CM_START" "$MOTO_START"
printf 'load average after the runs: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
printf 'RSS before load / after the runs / after the soak: cmkemu %s / %s / %s KiB, moto %s / %s KiB\n' \
    "$CM_RSS0" "$CM_RSS1" "$CM_RSS2" "$MOTO_RSS0" "$MOTO_RSS1"
