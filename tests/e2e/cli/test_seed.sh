#!/bin/sh
# test_seed.sh - a second cmkemu started with --seed examples/seed.json: the aws CLI sees the
# seeded world, changes are undone by POST /_cmkemu/reset (whole or one family) and by
# POST /moto-api/reset, a bad seed stops start-up with one line, and the example seed is valid
# against schemas/seed.schema.json. (The OCI side is tests/e2e/node/seed.test.mjs.)
. "$(dirname "$0")/lib.sh"

SEED=examples/seed.json
APP_KEY=11111111-2222-4333-8444-555555555555

# The example against its JSON Schema, and the schema rejects what the loader rejects.
python3 - "$SEED" schemas/seed.schema.json <<'PY' >"$CMKEMU_TMP/schema.out" 2>&1
import json, sys, copy
import jsonschema
seed, schema = (json.load(open(p)) for p in sys.argv[1:3])
jsonschema.Draft202012Validator.check_schema(schema)
v = jsonschema.Draft202012Validator(schema)
v.validate(seed)
bad = copy.deepcopy(seed)
bad["oci"]["tenancies"][0]["vaults"][0]["kesy"] = []
assert not v.is_valid(bad), "an unknown member passes"
bad = copy.deepcopy(seed)
bad["aws"]["accounts"][0]["id"] = "12"
assert not v.is_valid(bad), "a short account id passes"
print("schema ok")
PY
if [ $? -eq 0 ]; then ok "examples/seed.json is valid against schemas/seed.schema.json"
else bad "examples/seed.json is valid against schemas/seed.schema.json" "$(cat "$CMKEMU_TMP/schema.out")"; fi

if ! start_server seed --db "$CMKEMU_TMP/seed.db" --seed "$SEED" --log-level warn; then
    bad "cmkemu starts with --seed $SEED"
    finish; exit
fi
ok "cmkemu starts with --seed $SEED"
dev() { AWS_ACCESS_KEY_ID=111111111111 aws --endpoint-url "$SERVER_URL" "$@" 2>"$CMKEMU_TMP/awscli.err"; }
check_seeded() { # $1: when
    OUT=$(dev s3api get-bucket-encryption --bucket dev-app-data \
        --query 'ServerSideEncryptionConfiguration.Rules[0].ApplyServerSideEncryptionByDefault.KMSMasterKeyID' --output text)
    expect_out "$1: dev-app-data is encrypted with app-key" "arn:aws:kms:us-east-1:111111111111:key/$APP_KEY"
    OUT=$(dev kms describe-key --key-id alias/app-key --query 'KeyMetadata.[KeyId,KeyState]' --output text)
    expect_out "$1: alias/app-key names the seeded key, Enabled" "$APP_KEY	Enabled"
    OUT=$(dev s3api list-buckets --query 'Buckets[].Name' --output text)
    expect_out "$1: the dev account's buckets, no other" "dev-app-data	dev-logs-eu"
}

check_seeded "at start"
OUT=$(AWS_ACCESS_KEY_ID=222222222222 aws --endpoint-url "$SERVER_URL" --region eu-west-1 kms list-aliases \
    --query 'Aliases[?AliasName==`alias/reports`].AliasName' --output text 2>&1)
expect_out "the prod account's alias in eu-west-1" "alias/reports"

# change the world, then reset
dev s3api delete-bucket-encryption --bucket dev-app-data
dev s3api create-bucket --bucket scratch-after-seed >/dev/null
dev kms disable-key --key-id "$APP_KEY"
http POST "$SERVER_URL/_cmkemu/reset"
expect_rc "POST /_cmkemu/reset answers 200" 200
expect_out "POST /_cmkemu/reset says what it restored" "{\"status\":\"ok\",\"family\":\"all\",\"seed\":\"$SEED\"}"
check_seeded "after a reset"

# one family: S3 back, a KMS change kept
dev s3api delete-bucket-encryption --bucket dev-app-data
dev kms disable-key --key-id "$APP_KEY"
http POST "$SERVER_URL/_cmkemu/reset?family=s3"
expect_rc "POST /_cmkemu/reset?family=s3 answers 200" 200
OUT=$(dev s3api get-bucket-encryption --bucket dev-app-data \
    --query 'ServerSideEncryptionConfiguration.Rules[0].ApplyServerSideEncryptionByDefault.SSEAlgorithm' --output text)
expect_out "family=s3 restores the bucket encryption" "aws:kms"
OUT=$(dev kms describe-key --key-id "$APP_KEY" --query 'KeyMetadata.KeyState' --output text)
expect_out "family=s3 leaves AWS KMS alone" "Disabled"
http POST "$SERVER_URL/_cmkemu/reset?family=ec2"
expect_rc "an unknown family is 400" 400

# the moto-compatible alias
http POST "$SERVER_URL/moto-api/reset"
expect_rc "POST /moto-api/reset answers 200" 200
expect_out "POST /moto-api/reset answers as moto does" '{"status":"ok"}'
OUT=$(dev kms describe-key --key-id "$APP_KEY" --query 'KeyMetadata.KeyState' --output text)
expect_out "POST /moto-api/reset restores the seed" "Enabled"
stop_server seed

# a restart with the same database and seed starts from the seed again
if start_server seed2 --db "$CMKEMU_TMP/seed.db" --seed "$SEED" --log-level warn; then
    check_seeded "after a restart"
    stop_server seed2
else
    bad "a restart on the same database starts"
fi

# --auth strict with a seed: the seed loads (its requests are the emulator's own), the seeded
# access key signs, a wrong secret is refused, and a reset keeps the --auth-config credentials.
printf '{"aws": [{"accessKeyId": "AKIACONFIG0000000001", "secretAccessKey": "config-secret", "account": "333333333333"}]}\n' >"$CMKEMU_TMP/auth.json"
if start_server strict --db :memory: --seed "$SEED" --auth strict --auth-config "$CMKEMU_TMP/auth.json" --log-level warn; then
    ok "cmkemu starts with --seed and --auth strict"
    strict() { AWS_ACCESS_KEY_ID=$1 AWS_SECRET_ACCESS_KEY=$2 aws --endpoint-url "$SERVER_URL" s3api list-buckets --query 'Buckets[].Name' --output text 2>"$CMKEMU_TMP/awscli.err"; }
    OUT=$(strict AKIADEV0000000000001 dev-secret-key); RC=$?
    expect_rc "the seeded access key signs under --auth strict" 0
    OUT=$(strict AKIADEV0000000000001 wrong-secret); RC=$?; ERR=$(cat "$CMKEMU_TMP/awscli.err")
    expect_err_contains "a wrong secret is refused" "SignatureDoesNotMatch"
    curl -s -o /dev/null -X POST "$SERVER_URL/_cmkemu/reset"
    OUT=$(strict AKIACONFIG0000000001 config-secret); RC=$?
    expect_rc "after a reset the --auth-config key still signs" 0
    stop_server strict
else
    bad "cmkemu starts with --seed and --auth strict"
fi

# bad seeds: one line, non-zero exit, no server
printf '{\n  "oci": {"tenancies": [{"name": "acme",\n    "buckets": [{"name": "b",\n      "kmsKey": "nope"}]}]}}\n' >"$CMKEMU_TMP/bad.json"
run_bin --port 0 --db :memory: --seed "$CMKEMU_TMP/bad.json"
expect_rc "a seed naming an unknown key exits 1" 1
expect_err "a seed naming an unknown key says where, in one line" \
    "cmkemu: seed $CMKEMU_TMP/bad.json:4: /oci/tenancies/0/buckets/0/kmsKey: unknown key \"nope\": no key of that name in tenancy \"acme\""
printf '{"aws": {"accounts": [}' >"$CMKEMU_TMP/syntax.json"
CMKEMU_SEED="$CMKEMU_TMP/syntax.json" run_bin --port 0 --db :memory:
expect_rc "a seed that is not JSON exits 1 (CMKEMU_SEED)" 1
expect_err "a seed that is not JSON says line and column" \
    "cmkemu: seed $CMKEMU_TMP/syntax.json:1:23: invalid JSON: unexpected token near '}'"
run_bin --port 0 --db :memory: --seed "$CMKEMU_TMP/none.json"
expect_err "a missing seed says so" "cmkemu: seed $CMKEMU_TMP/none.json: cannot read: no such file or directory"

finish
