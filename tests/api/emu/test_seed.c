/* test_seed.c - seed files (server/emu/seed_*.c) and POST /_cmkemu/reset: the example seed loads
 * and the APIs show its world; a bad seed fails with one line naming the file, line and JSON path
 * and leaves the store empty; reset restores the seed, a family reset only that family. */
#include "harness.h"
#include "lib/apitest.h"

#include "server/emu/seed.h"
#include "server/emu/seed_int.h"
#include "storage/store_auth.h"
#include "storage/store_emu.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EXAMPLE "examples/seed.json"
#define TENANCY "ocid1.tenancy.oc1..aaaaaaaaacmetenancy0000000000000000000000000000000000000000"
#define SECURE  "ocid1.compartment.oc1..aaaaaaaaasecure0000000000000000000000000000000000000000000"
#define AES_KEY \
    "ocid1.key.oc1.iad.acmevault0001.aaaaaaaaaaeskey00000000000000000000000000000000000000000000"
#define SECURE_DB \
    "ocid1.volume.oc1.iad.aaaaaaaaasecuredb00000000000000000000000000000000000000000000"
#define APP_KEY "11111111-2222-4333-8444-555555555555"
#define MGMT    "/oci/us-ashburn-1/kms/acmevault0001-management/20180608"
#define OCI_AUTH                                                                            \
    "Authorization: Signature version=\"1\",keyId=\"" TENANCY "/ocid1.user.oc1..aaaaaaaau/" \
    "11:22\",algorithm=\"rsa-sha256\",headers=\"date\",signature=\"c2ln\""
#define S3_AUTH(acct)                                                                          \
    "Authorization: AWS4-HMAC-SHA256 Credential=" acct "/20251124/us-east-1/s3/aws4_request, " \
    "SignedHeaders=host, Signature=0"

static struct apitest t;

/* One request; returns the status, *body the response text (caller frees) when body not NULL. */
static int call(const char *method, const char *target, const char *const *headers,
                const char *req_body, char **body)
{
    struct resp rs;
    int status;

    resp_init(&rs);
    apitest_call(&t, method, target, headers, req_body, &rs);
    status = rs.status;
    if (body)
        *body = strdup(buf_str(&rs.body));
    resp_release(&rs);
    return status;
}

/* An OCI GET answering JSON; NULL unless 200. */
static json_t *oci_get(const char *target)
{
    static const char *const h[] = { OCI_AUTH, NULL };
    char *body = NULL;
    json_t *j = NULL;

    if (call("GET", target, h, NULL, &body) == 200)
        j = json_loads(body, JSON_DECODE_ANY, NULL);
    free(body);
    return j;
}

static const char *str(const json_t *j, const char *member)
{
    const char *s = json_string_value(json_object_get(j, member));

    return s ? s : "";
}

/* The id of the key named name in the main vault's secure compartment, "" when none. */
static void key_id_of(const char *name, char *out, size_t n)
{
    json_t *keys = oci_get(MGMT "/keys?compartmentId=" SECURE);
    json_t *k;
    size_t i;

    out[0] = '\0';
    json_array_foreach(keys, i, k)
    {
        if (!strcmp(str(k, "displayName"), name))
            snprintf(out, n, "%s", str(k, "id"));
    }
    json_decref(keys);
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *text = NULL;
    long n;

    if (!f)
        return NULL;
    if (!fseek(f, 0, SEEK_END) && (n = ftell(f)) >= 0 && !fseek(f, 0, SEEK_SET)) {
        text = calloc(1, (size_t)n + 1);
        if (text && fread(text, 1, (size_t)n, f) != (size_t)n) {
            free(text);
            text = NULL;
        }
        *len = (size_t)n;
    }
    fclose(f);
    return text;
}

static struct seed *example;

/* Loads the example into t (a fresh store) and makes it the reset target. */
static void fresh_with_example(void)
{
    apitest_close(&t);
    CHECK_INT(apitest_open(&t), 0);
    t.seed = example;
    CHECK_INT(seed_apply(t.st, example, EMU_FAM_ALL), 0);
}

static void test_example_loads(void)
{
    char err[1024];

    CHECK_INT(seed_load_file(EXAMPLE, &t.cfg, t.now_ms, &example, err, sizeof(err)), 0);
    if (!example)
        printf("  %s\n", err);
    CHECK(example != NULL);
    CHECK_STR(seed_source(example), EXAMPLE);
}

static void test_example_aws(void)
{
    static const char *const dev[] = { S3_AUTH("111111111111"), NULL };
    static const char *const prod[] = { S3_AUTH("222222222222"), NULL };
    struct store_aws_credential cred;
    char *body = NULL;

    fresh_with_example();
    /* GetBucketEncryption shows the seeded configuration, the key resolved to its ARN */
    CHECK_INT(call("GET", "/dev-app-data?encryption", dev, NULL, &body), 200);
    CHECK_CONTAINS(body, "<SSEAlgorithm>aws:kms</SSEAlgorithm>");
    CHECK_CONTAINS(body, "<KMSMasterKeyID>arn:aws:kms:us-east-1:111111111111:key/" APP_KEY
                         "</KMSMasterKeyID>");
    CHECK_CONTAINS(body, "<BucketKeyEnabled>true</BucketKeyEnabled>");
    free(body);
    /* the other account's bucket is in eu-west-1 */
    CHECK_INT(call("GET", "/prod-reports?location", prod, NULL, &body), 200);
    CHECK_CONTAINS(body, "eu-west-1");
    free(body);
    /* credentials are stored for the strict mode */
    CHECK_INT(store_auth_aws_get(t.st, "AKIAPROD000000000001", &cred), STORE_OK);
    CHECK_STR(cred.account, "222222222222");
    CHECK_STR(cred.secret, "prod-secret-key");
}

static void test_example_aws_kms(void)
{
    const char *h[] = { "Content-Type: application/x-amz-json-1.1",
                        "X-Amz-Target: TrentService.DescribeKey",
                        "Authorization: AWS4-HMAC-SHA256 Credential=111111111111/20251124/"
                        "us-east-1/kms/aws4_request, SignedHeaders=host, Signature=0",
                        NULL };
    char *body = NULL;

    fresh_with_example();
    CHECK_INT(call("POST", "/", h, "{\"KeyId\":\"alias/app-key\"}", &body), 200);
    CHECK_CONTAINS(body, "\"KeyId\":\"" APP_KEY "\"");
    CHECK_CONTAINS(body, "\"KeyState\":\"Enabled\"");
    free(body);
}

static void test_example_oci(void)
{
    char rotated[256], disabled[256];
    char target[512];
    json_t *j;

    fresh_with_example();
    key_id_of("rotated-key", rotated, sizeof(rotated));
    key_id_of("disabled-key", disabled, sizeof(disabled));
    CHECK(rotated[0] != '\0');
    /* the rotated key has 2 versions, the disabled key is DISABLED, aes-key has its given id */
    snprintf(target, sizeof(target), MGMT "/keys/%s/keyVersions", rotated);
    j = oci_get(target);
    CHECK_INT(json_array_size(j), 2);
    json_decref(j);
    snprintf(target, sizeof(target), MGMT "/keys/%s", disabled);
    j = oci_get(target);
    CHECK_STR(str(j, "lifecycleState"), "DISABLED");
    json_decref(j);
    j = oci_get(MGMT "/keys/" AES_KEY);
    CHECK_STR(str(j, "displayName"), "aes-key");
    json_decref(j);

    /* the bucket in the zone (child compartment) has its key */
    {
        char ns[13];
        json_t *b;

        snprintf(target, sizeof(target), "/oci/us-ashburn-1/n");
        j = oci_get(target);
        snprintf(ns, sizeof(ns), "%s", json_string_value(j) ? json_string_value(j) : "");
        json_decref(j);
        snprintf(target, sizeof(target), "/oci/us-ashburn-1/n/%s/b/secure-data", ns);
        b = oci_get(target);
        CHECK_STR(str(b, "kmsKeyId"), rotated);
        json_decref(b);
        snprintf(target, sizeof(target), "/oci/us-ashburn-1/n/%s/b/sandbox-scratch", ns);
        b = oci_get(target);
        CHECK(b && json_is_null(json_object_get(b, "kmsKeyId")));
        json_decref(b);
        snprintf(target, sizeof(target), "/oci/us-phoenix-1/n/%s/b/phx-archive", ns);
        b = oci_get(target);
        CHECK_CONTAINS(str(b, "kmsKeyId"), "ocid1.key.oc1.phx.");
        json_decref(b);
    }
    /* the volume with the given id, on aes-key; its backup inherited the key */
    j = oci_get("/oci/us-ashburn-1/20160918/volumes/" SECURE_DB);
    CHECK_STR(str(j, "kmsKeyId"), AES_KEY);
    CHECK_INT(json_integer_value(json_object_get(j, "sizeInGBs")), 100);
    snprintf(target, sizeof(target), "/oci/us-ashburn-1/20160918/volumeBackups?compartmentId=%s",
             str(j, "compartmentId"));
    json_decref(j);
    j = oci_get(target);
    CHECK_INT(json_array_size(j), 1);
    CHECK_STR(str(json_array_get(j, 0), "displayName"), "secure-db-backup");
    CHECK_STR(str(json_array_get(j, 0), "kmsKeyId"), AES_KEY);
    CHECK_STR(str(json_array_get(j, 0), "volumeId"), SECURE_DB);
    json_decref(j);
    /* the zone covers the secure compartment with the Maximum Security Recipe */
    j = oci_get("/oci/us-ashburn-1/20200131/securityZones?compartmentId=" SECURE);
    CHECK_INT(json_array_size(json_object_get(j, "items")), 1);
    CHECK_STR(str(json_array_get(json_object_get(j, "items"), 0), "displayName"), "secure-zone");
    json_decref(j);
}

static void test_example_api_key(void)
{
    char *pem = NULL;

    fresh_with_example();
    CHECK_INT(store_auth_oci_get(
                  t.st, TENANCY,
                  "ocid1.user.oc1..aaaaaaaaaciuser000000000000000000000000000000000000000000000",
                  "2a:5b:64:90:b6:73:14:cc:a6:00:1a:e6:63:55:b4:ab", &pem),
              STORE_OK);
    CHECK_CONTAINS(pem, "-----BEGIN PUBLIC KEY-----");
    free(pem);
}

static void test_ids_are_stable(void)
{
    struct seed *again = NULL;
    char err[512];
    char first[256], second[256];

    fresh_with_example();
    key_id_of("rotated-key", first, sizeof(first));
    CHECK_INT(seed_load_file(EXAMPLE, &t.cfg, t.now_ms + 1000, &again, err, sizeof(err)), 0);
    CHECK_INT(seed_apply(t.st, again, EMU_FAM_ALL), 0);
    key_id_of("rotated-key", second, sizeof(second));
    CHECK(first[0] != '\0');
    CHECK_STR(second, first);
    seed_free(again);
}

/* Loads text as a seed into nothing: returns the message, or "" when it loaded. */
static const char *bad(const char *text)
{
    static char err[1024];
    struct seed *s = NULL;

    apitest_close(&t);
    CHECK_INT(apitest_open(&t), 0);
    if (!seed_load(text, strlen(text), "bad.json", &t.cfg, t.now_ms, &s, err, sizeof(err))) {
        seed_free(s);
        return "";
    }
    CHECK(s == NULL);
    CHECK_INT(store_emu_count(t.st, EMU_FAM_ALL), 0);
    return err;
}

#define TENANCY_JSON(rest) "{\"oci\":{\"tenancies\":[{\"name\":\"acme\"," rest "}]}}"

static void test_bad_syntax(void)
{
    CHECK_STR(bad("{\n  \"aws\": {\n    \"accounts\": [}\n}"),
              "seed bad.json:3:18: invalid JSON: unexpected token near '}'");
}

static void test_unknown_key_reference(void)
{
    const char *e =
        bad(TENANCY_JSON("\n\"buckets\":[\n {\"name\":\"b\",\n  \"kmsKey\":\"nope\"}]"));

    CHECK_STR(e, "seed bad.json:4: /oci/tenancies/0/buckets/0/kmsKey: unknown key \"nope\": no "
                 "key of that name in tenancy \"acme\"");
}

static void test_zone_violation(void)
{
    const char *e = bad(TENANCY_JSON(
        "\"compartments\":[{\"name\":\"sec\"}],"
        "\"securityZones\":[{\"name\":\"z\",\"compartment\":\"sec\","
        "\"recipe\":\"Maximum Security Recipe\"}],\n"
        "\"buckets\":[{\"name\":\"ok\",\"compartment\":\"acme\"},\n{\"name\":\"oracle-managed\","
        "\"compartment\":\"sec\"}]"));

    CHECK_STR(e, "seed bad.json:3: /oci/tenancies/0/buckets/1: CreateBucket refused: 403 "
                 "NotAuthorized: The request violates the security zone policy 'deny "
                 "buckets_without_vault_key' of security zone 'z'");
}

static void test_other_mistakes(void)
{
    CHECK_CONTAINS(bad(TENANCY_JSON("\"vaults\":[{\"name\":\"v\",\"kesy\":[]}]")),
                   "/oci/tenancies/0/vaults/0/kesy: unknown member \"kesy\" (known: name, id, "
                   "region, compartment, type, keys)");
    CHECK_CONTAINS(bad(TENANCY_JSON("\"compartments\":[{\"name\":\"a\",\"parent\":\"b\"},"
                                    "{\"name\":\"b\",\"parent\":\"a\"}]")),
                   "/oci/tenancies/0/compartments/0/parent: the parents of compartment \"a\" "
                   "form a cycle");
    CHECK_CONTAINS(bad(TENANCY_JSON("\"homeRegion\":\"mars-1\"")),
                   "/oci/tenancies/0/homeRegion: unknown OCI region \"mars-1\"");
    CHECK_CONTAINS(bad(TENANCY_JSON("\"securityRecipes\":[{\"name\":\"r\",\"policies\":["
                                    "\"deny everything\"]}]")),
                   "/oci/tenancies/0/securityRecipes/0/policies/0: unknown security zone policy "
                   "\"deny everything\"");
    CHECK_CONTAINS(bad(TENANCY_JSON("\"vaults\":[{\"name\":\"v\",\"keys\":[{\"name\":\"k\"}]}],"
                                    "\"volumes\":[{\"name\":\"a\",\"kmsKey\":\"k\",\"id\":"
                                    "\"ocid1.volume.oc1.iad.same\"},{\"name\":\"b\",\"id\":"
                                    "\"ocid1.volume.oc1.iad.same\"}]")),
                   "/oci/tenancies/0/volumes/1/id: the id \"ocid1.volume.oc1.iad.same\" is used "
                   "twice");
    CHECK_CONTAINS(bad("{\"aws\":{\"accounts\":[{\"id\":\"12\"}]}}"),
                   "/aws/accounts/0/id: \"12\" is not an AWS account id (12 digits)");
    CHECK_CONTAINS(bad("{\"aws\":{\"accounts\":[{\"id\":\"111111111111\",\"buckets\":[{\"name\":"
                       "\"bk1\",\"encryption\":{\"algorithm\":\"aws:kms\",\"kmsKey\":\"k\"}}]}]}}"),
                   "/aws/accounts/0/buckets/0/encryption/kmsKey: unknown KMS key \"k\"");
    CHECK_CONTAINS(bad("{\"aws\":{\"accounts\":[{\"id\":\"111111111111\",\"buckets\":[{\"name\":"
                       "\"Bad_Name\"}]}]}}"),
                   "/aws/accounts/0/buckets/0: CreateBucket refused: 400 InvalidBucketName");
    /* a state applied last: a bucket on a key that the seed then disables is fine */
    CHECK_STR(bad(TENANCY_JSON("\"vaults\":[{\"name\":\"v\",\"keys\":[{\"name\":\"k\",\"state\":"
                               "\"DISABLED\"}]}],\"buckets\":[{\"name\":\"b\",\"kmsKey\":\"k\"}]")),
              "");
}

static void test_line_of(void)
{
    static const char text[] = "{\n \"a\": [\n  1,\n  {\"b/c\": {\n   \"d\": true}}],\n"
                               " \"e\\u0041\": 2\n}";

    CHECK_INT(seed_line_of(text, strlen(text), ""), 1);
    CHECK_INT(seed_line_of(text, strlen(text), "/a/0"), 3);
    CHECK_INT(seed_line_of(text, strlen(text), "/a/1/b~1c/d"), 5);
    CHECK_INT(seed_line_of(text, strlen(text), "/eA"), 6);
    CHECK_INT(seed_line_of(text, strlen(text), "/a/7"), 0);
    CHECK_INT(seed_line_of(text, strlen(text), "/x"), 0);
}

static void test_reset_restores_the_seed(void)
{
    static const char *const dev[] = { S3_AUTH("111111111111"), NULL };
    static const char *const oci[] = { OCI_AUTH, NULL };
    char *body = NULL;
    char target[512];

    fresh_with_example();
    /* change the world: drop an encryption configuration, add a bucket, disable a key */
    CHECK_INT(call("DELETE", "/dev-app-data?encryption", dev, NULL, NULL), 204);
    CHECK_INT(call("PUT", "/extra-bucket", dev, NULL, NULL), 200);
    snprintf(target, sizeof(target), MGMT "/keys/%s/actions/disable", AES_KEY);
    CHECK_INT(call("POST", target, oci, NULL, NULL), 200);

    CHECK_INT(call("POST", "/_cmkemu/reset", NULL, NULL, &body), 200);
    CHECK_STR(body, "{\"status\":\"ok\",\"family\":\"all\",\"seed\":\"" EXAMPLE "\"}");
    free(body);
    CHECK_INT(call("HEAD", "/extra-bucket", dev, NULL, NULL), 404);
    CHECK_INT(call("GET", "/dev-app-data?encryption", dev, NULL, &body), 200);
    CHECK_CONTAINS(body, "aws:kms");
    free(body);
    {
        json_t *k = oci_get(MGMT "/keys/" AES_KEY);

        CHECK_STR(str(k, "lifecycleState"), "ENABLED");
        json_decref(k);
    }
}

static void test_family_reset(void)
{
    static const char *const dev[] = { S3_AUTH("111111111111"), NULL };
    static const char *const oci[] = { OCI_AUTH, "Content-Type: application/json", NULL };
    char *body = NULL;
    json_t *v;

    fresh_with_example();
    CHECK_INT(call("DELETE", "/dev-app-data?encryption", dev, NULL, NULL), 204);
    CHECK_INT(call("POST", "/oci/us-ashburn-1/20180608/vaults", oci,
                   "{\"compartmentId\":\"" SECURE "\",\"displayName\":\"extra\","
                   "\"vaultType\":\"DEFAULT\"}",
                   NULL),
              200);
    /* s3 only: the encryption is back, the extra vault stays */
    CHECK_INT(call("POST", "/_cmkemu/reset?family=s3", NULL, NULL, &body), 200);
    CHECK_STR(body, "{\"status\":\"ok\",\"family\":\"s3\",\"seed\":\"" EXAMPLE "\"}");
    free(body);
    CHECK_INT(call("GET", "/dev-app-data?encryption", dev, NULL, &body), 200);
    CHECK_CONTAINS(body, "aws:kms");
    free(body);
    v = oci_get("/oci/us-ashburn-1/20180608/vaults?compartmentId=" SECURE);
    CHECK_INT(json_array_size(v), 2);
    json_decref(v);
    /* oci-kms: the extra vault is gone, the seeded ones are there */
    CHECK_INT(call("POST", "/_cmkemu/reset?family=oci-kms", NULL, NULL, NULL), 200);
    v = oci_get("/oci/us-ashburn-1/20180608/vaults?compartmentId=" SECURE);
    CHECK_INT(json_array_size(v), 1);
    json_decref(v);
    /* an unknown family changes nothing */
    CHECK_INT(call("POST", "/_cmkemu/reset?family=ec2", NULL, NULL, &body), 400);
    CHECK_CONTAINS(body, "Unknown family 'ec2': one of s3, aws-kms, oci-kms, oci-os, oci-bv, "
                         "oci-cg.");
    free(body);
}

static void test_reset_without_seed_and_moto(void)
{
    char *body = NULL;
    json_t *v;

    fresh_with_example();
    t.seed = NULL;
    CHECK(store_emu_count(t.st, EMU_FAM_ALL) > 0);
    CHECK_INT(call("POST", "/moto-api/reset", NULL, NULL, &body), 200);
    CHECK_STR(body, "{\"status\":\"ok\"}");
    free(body);
    CHECK_INT(store_emu_count(t.st, EMU_FAM_ALL), 0);
    /* built-in rows stay: the Oracle-managed recipe is still listed */
    v = oci_get("/oci/us-ashburn-1/20200131/securityRecipes?compartmentId=" TENANCY);
    CHECK_INT(json_array_size(json_object_get(v, "items")), 1);
    json_decref(v);
    CHECK_INT(call("GET", "/moto-api/reset", NULL, NULL, &body), 400);
    CHECK_STR(body, "{\"Error\":\"Need to POST to reset Moto\"}");
    free(body);
    CHECK_INT(call("POST", "/_cmkemu/reset", NULL, NULL, &body), 200);
    CHECK_STR(body, "{\"status\":\"ok\",\"family\":\"all\",\"seed\":null}");
    free(body);
}

static void test_example_text_roundtrip(void)
{
    size_t len = 0;
    char *text = read_file(EXAMPLE, &len);
    struct seed *s = NULL;
    char err[512];

    /* the same text through seed_load gives the same world */
    CHECK(text != NULL);
    CHECK_INT(seed_load(text, len, "inline", &t.cfg, t.now_ms, &s, err, sizeof(err)), 0);
    CHECK_STR(seed_source(s), "inline");
    seed_free(s);
    free(text);
}

int main(void)
{
    CHECK_INT(apitest_open(&t), 0);
    TEST(test_example_loads);
    if (example) {
        TEST(test_example_aws);
        TEST(test_example_aws_kms);
        TEST(test_example_oci);
        TEST(test_example_api_key);
        TEST(test_ids_are_stable);
        TEST(test_reset_restores_the_seed);
        TEST(test_family_reset);
        TEST(test_reset_without_seed_and_moto);
    }
    TEST(test_bad_syntax);
    TEST(test_unknown_key_reference);
    TEST(test_zone_violation);
    TEST(test_other_mistakes);
    TEST(test_line_of);
    TEST(test_example_text_roundtrip);
    apitest_close(&t);
    seed_free(example);
    return TEST_REPORT();
}
