/* test_state.c - GET /_cmkemu/state (server/emu/emu_state.c, storage/emu_state_store.c): every
 * family's resources after they are made through the APIs, the keys S3 configurations name, the
 * state of the Vault key and the governing zone of each OCI resource, the family and region
 * filters, and bad filters. */
#include "api/kms/kms_call.h"
#include "harness.h"
#include "lib/bvtest.h"
#include "lib/kmstest.h"

#include "server/oci/oci_common.h"
#include "server/s3/s3_checksum.h"
#include "storage/store_oci.h"

#include <stdio.h>
#include <string.h>

#define ZCOMP   "ocid1.compartment.oc1..aaaaaaaastatezone"
#define ZCHILD  "ocid1.compartment.oc1..aaaaaaaastatezonechild"
#define OUTSIDE "ocid1.compartment.oc1..aaaaaaaastateoutside"
#define POL_BUCKETS \
    "ocid1.securityzonessecuritypolicy.oc1..aaaaaaaaqmq4jqcxqbjj5cjzb7t5ira66dctyypq2m2o4psxmx6atp45lyda"
#define POL_BLOCK \
    "ocid1.securityzonessecuritypolicy.oc1..aaaaaaaa7pgtjyod3pze6wuylgmts6ensywmeplabsxqq2bk4ighps4fqq4a"
#define IAD     "us-ashburn-1"
#define PHX     "us-phoenix-1"
#define ACCOUNT "000000000000"
#define S3_CONF \
    "<ServerSideEncryptionConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
#define S3_RULE(inner)                                                    \
    S3_CONF "<Rule><ApplyServerSideEncryptionByDefault>" inner            \
            "</ApplyServerSideEncryptionByDefault><BucketKeyEnabled>true" \
            "</BucketKeyEnabled></Rule></ServerSideEncryptionConfiguration>"

static struct apitest t;
static char ns[13];
static char aws_key[64], aws_key_west[64];
static char vault_iad[256], mgmt_iad[256], vault_phx[256], mgmt_phx[256];
static char key1[256], key2[256], key_phx[256];
static char vol_keyed[BVT_ID], vol_plain[BVT_ID], vol_replicated[BVT_ID], boot[BVT_ID];
static char backup[BVT_ID], zone_id[256];

/* ---- calls ------------------------------------------------------------------------------------
 */

/* An S3 request signed for region; a body gets the CRC32 header pair the SDKs send. */
static int s3(const char *method, const char *region, const char *target, const char *body)
{
    char auth[256], crc[64], b64[16];
    const char *h[4] = { auth, NULL, NULL, NULL };
    unsigned char be[4];
    struct resp rs;
    uint32_t c;
    int status;

    snprintf(auth, sizeof(auth),
             "Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20251124/%s/s3/"
             "aws4_request, SignedHeaders=host, Signature=00",
             region);
    if (body) {
        c = s3_crc32(body, strlen(body));
        be[0] = (unsigned char)(c >> 24);
        be[1] = (unsigned char)(c >> 16);
        be[2] = (unsigned char)(c >> 8);
        be[3] = (unsigned char)c;
        s3_base64_encode(be, 4, b64);
        snprintf(crc, sizeof(crc), "x-amz-checksum-crc32: %s", b64);
        h[1] = crc;
        h[2] = "x-amz-sdk-checksum-algorithm: CRC32";
    }
    resp_init(&rs);
    apitest_call(&t, method, target, h, body, &rs);
    status = rs.status;
    if (status != 200)
        printf("  %s %s: %d %s\n", method, target, status, buf_str(&rs.body));
    resp_release(&rs);
    return status;
}

/* An OCI call with the test signature; the id member of the answer into id (may be NULL). */
static int oci(const char *method, const char *target, const char *body, char *id)
{
    struct resp rs;
    json_t *j;
    int status;

    resp_init(&rs);
    j = kmstest_call(&t, method, target, NULL, body, &rs);
    status = rs.status;
    if (status != 200)
        printf("  %s %s: %d %s\n", method, target, status, buf_str(&rs.body));
    if (id && kmstest_str(j, "id"))
        snprintf(id, 256, "%s", kmstest_str(j, "id"));
    json_decref(j);
    resp_release(&rs);
    return status;
}

/* GET /_cmkemu/state<query> on a's store: the parsed body (caller decrefs) and *status. */
static json_t *state_of(struct apitest *a, const char *query, int *status)
{
    char target[512];
    struct resp rs;
    json_t *j;

    snprintf(target, sizeof(target), "/_cmkemu/state%s", query);
    resp_init(&rs);
    apitest_call(a, "GET", target, NULL, NULL, &rs);
    *status = rs.status;
    CHECK_STR(resp_get_header(&rs, "Content-Type"), "application/json");
    CHECK_STR(resp_get_header(&rs, "Cache-Control"), "no-store");
    j = json_loads(buf_str(&rs.body), 0, NULL);
    resp_release(&rs);
    return j;
}

static json_t *state(const char *query, int *status)
{
    return state_of(&t, query, status);
}

static json_t *at(json_t *doc, const char *a, const char *b)
{
    return json_object_get(json_object_get(doc, a), b);
}

/* The element of array whose member name equals value, or NULL. */
static json_t *find(json_t *array, const char *name, const char *value)
{
    size_t i;
    json_t *e;

    json_array_foreach(array, i, e)
    {
        const char *v = json_string_value(json_object_get(e, name));

        if (v && !strcmp(v, value))
            return e;
    }
    return NULL;
}

static const char *s(const json_t *o, const char *name)
{
    return json_string_value(json_object_get(o, name));
}

static int is_null(const json_t *o, const char *name)
{
    return json_is_null(json_object_get(o, name));
}

/* ---- setup: every family, through its API ------------------------------------------------------
 */

static void make_aws(void)
{
    struct kms_answer a;
    char body[256];

    kms_call(&t, "CreateKey", "{\"Description\":\"state key\"}", &a);
    CHECK_INT(a.status, 200);
    snprintf(aws_key, sizeof(aws_key), "%s",
             json_string_value(json_object_get(json_object_get(a.body, "KeyMetadata"), "KeyId")));
    json_decref(a.body);
    snprintf(body, sizeof(body), "{\"AliasName\":\"alias/state-app\",\"TargetKeyId\":\"%s\"}",
             aws_key);
    kms_call(&t, "CreateAlias", body, &a);
    CHECK_INT(a.status, 200);
    json_decref(a.body);
    kms_call_as(&t,
                "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20251124/eu-west-1/kms/"
                "aws4_request, SignedHeaders=host, Signature=0",
                "CreateKey", "{}", &a);
    CHECK_INT(a.status, 200);
    snprintf(aws_key_west, sizeof(aws_key_west), "%s",
             json_string_value(json_object_get(json_object_get(a.body, "KeyMetadata"), "KeyId")));
    json_decref(a.body);

    CHECK_INT(s3("PUT", "us-east-1", "/state-kms", NULL), 200);
    CHECK_INT(
        s3("PUT", "us-east-1", "/state-kms?encryption",
           S3_RULE(
               "<SSEAlgorithm>aws:kms</SSEAlgorithm><KMSMasterKeyID>alias/state-app</KMSMasterKeyID>")),
        200);
    CHECK_INT(s3("PUT", "us-east-1", "/state-missing", NULL), 200);
    CHECK_INT(s3("PUT", "us-east-1", "/state-missing?encryption",
                 S3_RULE("<SSEAlgorithm>aws:kms</SSEAlgorithm><KMSMasterKeyID>"
                         "1234abcd-12ab-34cd-56ef-1234567890ab</KMSMasterKeyID>")),
              200);
    CHECK_INT(s3("PUT", "us-east-1", "/state-managed", NULL), 200);
    CHECK_INT(s3("PUT", "us-east-1", "/state-managed?encryption",
                 S3_RULE("<SSEAlgorithm>aws:kms</SSEAlgorithm>")),
              200);
    CHECK_INT(s3("PUT", "us-east-1", "/state-plain", NULL), 200);
    CHECK_INT(s3("PUT", "eu-west-1", "/state-west",
                 "<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                 "<LocationConstraint>eu-west-1</LocationConstraint></CreateBucketConfiguration>"),
              200);
    CHECK_INT(s3("PUT", "eu-west-1", "/state-west?encryption",
                 S3_RULE("<SSEAlgorithm>AES256</SSEAlgorithm>")),
              200);
}

static void make_oci(void)
{
    char path[1024], body[2048];
    struct bvt r;

    CHECK_INT(kmstest_vault(&t, IAD, "state-vault", vault_iad, mgmt_iad), 0);
    CHECK_INT(kmstest_key(&t, mgmt_iad, "state-key", key1), 0);
    CHECK_INT(kmstest_key(&t, mgmt_iad, "state-rotated", key2), 0);
    snprintf(path, sizeof(path), "%s/20180608/keys/%s/keyVersions", mgmt_iad, key2);
    CHECK_INT(oci("POST", path, "{}", NULL), 200);
    CHECK_INT(kmstest_vault(&t, PHX, "state-vault-phx", vault_phx, mgmt_phx), 0);
    CHECK_INT(kmstest_key(&t, mgmt_phx, "state-key-phx", key_phx), 0);

    /* the zone's child compartment, declared to the emulator */
    CHECK_INT(oci("PUT", "/_cmkemu/oci/compartments/" ZCHILD,
                  "{\"parentId\":\"" ZCOMP "\",\"tenancyId\":\"" OCITEST_TENANCY "\"}", NULL),
              200);

    /* buckets: on a rotated key in the zone, keyless in its child, on a key in Phoenix */
    snprintf(path, sizeof(path), "/oci/" IAD "/n/%s/b", ns);
    snprintf(body, sizeof(body),
             "{\"name\":\"state-keyed\",\"compartmentId\":\"" ZCOMP "\",\"kmsKeyId\":\"%s\"}",
             key2);
    CHECK_INT(oci("POST", path, body, NULL), 200);
    CHECK_INT(
        oci("POST", path, "{\"name\":\"state-plain-os\",\"compartmentId\":\"" ZCHILD "\"}", NULL),
        200);
    snprintf(path, sizeof(path), "/oci/" PHX "/n/%s/b", ns);
    snprintf(body, sizeof(body),
             "{\"name\":\"state-phx\",\"compartmentId\":\"" OUTSIDE "\",\"kmsKeyId\":\"%s\"}",
             key_phx);
    CHECK_INT(oci("POST", path, body, NULL), 200);

    /* volumes: keyed and keyless in the zone, one outside with a replica in Phoenix, a boot
     * volume in the zone (whose recipe has no boot volume policy), a backup of the keyed one */
    snprintf(body, sizeof(body),
             ",\"compartmentId\":\"" ZCOMP "\",\"displayName\":\"keyed\",\"kmsKeyId\":\"%s\"",
             key1);
    CHECK_INT(bvt_volume(&t, IAD, body, vol_keyed), 0);
    CHECK_INT(bvt_volume(&t, IAD, ",\"compartmentId\":\"" ZCOMP "\",\"displayName\":\"plain\"",
                         vol_plain),
              0);
    CHECK_INT(bvt_volume(&t, IAD,
                         ",\"compartmentId\":\"" OUTSIDE "\",\"blockVolumeReplicas\":"
                         "[{\"availabilityDomain\":\"Uocm:PHX-AD-1\",\"displayName\":\"rep\"}]",
                         vol_replicated),
              0);
    bvt_init(&r);
    CHECK_INT(bvt_call(&t, &r, "POST", IAD, "/20160918/bootVolumes",
                       "{\"compartmentId\":\"" ZCOMP "\",\"availabilityDomain\":\"Uocm:IAD-AD-1\","
                       "\"sourceDetails\":{\"type\":\"image\",\"id\":"
                       "\"ocid1.image.oc1.iad.aaaaaaaastateimage\"}}",
                       NULL),
              200);
    snprintf(boot, sizeof(boot), "%s", bvt_str(&r, "id") ? bvt_str(&r, "id") : "");
    bvt_release(&r);
    CHECK_INT(bvt_backup(&t, IAD, vol_keyed, ",\"displayName\":\"bk\"", backup), 0);

    /* a zone over ZCOMP whose recipe denies keyless buckets and block volumes */
    {
        char recipe[256];

        CHECK_INT(oci("POST", "/oci/" IAD "/20200131/securityRecipes",
                      "{\"compartmentId\":\"" ZCOMP "\",\"displayName\":\"state-recipe\","
                      "\"securityPolicies\":[\"" POL_BUCKETS "\",\"" POL_BLOCK "\"]}",
                      recipe),
                  200);
        snprintf(body, sizeof(body),
                 "{\"compartmentId\":\"" ZCOMP "\",\"displayName\":\"state-zone\","
                 "\"securityZoneRecipeId\":\"%s\"}",
                 recipe);
        CHECK_INT(oci("POST", "/oci/" IAD "/20200131/securityZones", body, zone_id), 200);
    }

    /* the keyed volume's key is disabled afterwards */
    snprintf(path, sizeof(path), "%s/20180608/keys/%s/actions/disable", mgmt_iad, key1);
    CHECK_INT(oci("POST", path, NULL, NULL), 200);
}

static void test_setup(void)
{
    oci_namespace_of(OCITEST_TENANCY, ns);
    make_aws();
    make_oci();
}

/* ---- the whole state ---------------------------------------------------------------------- */

static void test_empty_families_shape(void)
{
    struct apitest empty;
    int status;
    json_t *doc;
    char when[64];

    CHECK_INT(apitest_open(&empty), 0);
    doc = state_of(&empty, "", &status);
    CHECK_INT(status, 200);
    oci_time(empty.now_ms, when, sizeof(when));
    CHECK_STR(s(doc, "generatedAt"), when);
    CHECK(is_null(doc, "region"));
    CHECK_INT(json_array_size(json_object_get(doc, "families")), 6);
    CHECK_STR(json_string_value(json_array_get(json_object_get(doc, "families"), 0)), "s3");
    CHECK_STR(json_string_value(json_array_get(json_object_get(doc, "families"), 5)), "oci-cg");
    CHECK_INT(json_array_size(at(doc, "s3", "buckets")), 0);
    CHECK_INT(json_array_size(at(doc, "awsKms", "keys")), 0);
    CHECK_INT(json_array_size(at(doc, "awsKms", "aliases")), 0);
    CHECK_INT(json_object_size(json_object_get(doc, "oci")), 11);
    for (const char *const *m =
             (const char *const[]){ "vaults", "keys", "buckets", "volumes", "bootVolumes",
                                    "backups", "replicas", "backupPolicies", "policyAssignments",
                                    "securityZones", "compartments", NULL };
         *m; m++) {
        CHECK(json_is_array(at(doc, "oci", *m)));
        CHECK_INT(json_array_size(at(doc, "oci", *m)), 0);
    }
    json_decref(doc);
    apitest_close(&empty);
}

static void test_s3_and_aws_kms(void)
{
    int status;
    json_t *doc = state("", &status);
    json_t *buckets = at(doc, "s3", "buckets");
    json_t *b, *k;
    char arn[256];

    CHECK_INT(status, 200);
    snprintf(arn, sizeof(arn), "arn:aws:kms:us-east-1:" ACCOUNT ":key/%s", aws_key);
    /* ordered by account, region, name */
    CHECK_INT(json_array_size(buckets), 5);
    CHECK_STR(s(json_array_get(buckets, 0), "name"), "state-west");
    CHECK_STR(s(json_array_get(buckets, 1), "name"), "state-kms");
    CHECK_STR(s(json_array_get(buckets, 4), "name"), "state-plain");

    b = find(buckets, "name", "state-kms");
    CHECK_STR(s(b, "account"), ACCOUNT);
    CHECK_STR(s(b, "region"), "us-east-1");
    CHECK_STR(s(b, "kind"), "general");
    CHECK_STR(s(b, "createdAt"), "2025-11-24T16:00:00.000Z");
    CHECK_STR(s(json_object_get(b, "encryption"), "sseAlgorithm"), "aws:kms");
    CHECK_STR(s(json_object_get(b, "encryption"), "kmsMasterKeyId"), "alias/state-app");
    CHECK(json_is_true(json_object_get(json_object_get(b, "encryption"), "bucketKeyEnabled")));
    CHECK(is_null(json_object_get(b, "encryption"), "blockedEncryptionTypes"));
    k = json_object_get(b, "kmsKey");
    CHECK_STR(s(k, "ref"), "alias/state-app");
    CHECK_STR(s(k, "keyId"), aws_key);
    CHECK_STR(s(k, "arn"), arn);
    CHECK_STR(s(k, "keyManager"), "CUSTOMER");
    CHECK_STR(s(k, "keyState"), "Enabled");

    k = json_object_get(find(buckets, "name", "state-missing"), "kmsKey");
    CHECK_STR(s(k, "ref"), "1234abcd-12ab-34cd-56ef-1234567890ab");
    CHECK(is_null(k, "keyId") && is_null(k, "arn") && is_null(k, "keyState"));
    /* aws:kms without a key id: the account's aws/s3 key, not made yet */
    k = json_object_get(find(buckets, "name", "state-managed"), "kmsKey");
    CHECK_STR(s(k, "ref"), "alias/aws/s3");
    CHECK(is_null(k, "keyId"));
    b = find(buckets, "name", "state-plain");
    CHECK(is_null(b, "encryption") && is_null(b, "kmsKey"));
    b = find(buckets, "name", "state-west");
    CHECK_STR(s(b, "region"), "eu-west-1");
    CHECK_STR(s(json_object_get(b, "encryption"), "sseAlgorithm"), "AES256");
    CHECK(is_null(b, "kmsKey"));

    CHECK_INT(json_array_size(at(doc, "awsKms", "keys")), 2);
    k = find(at(doc, "awsKms", "keys"), "keyId", aws_key);
    CHECK_STR(s(k, "arn"), arn);
    CHECK_STR(s(k, "region"), "us-east-1");
    CHECK_STR(s(k, "description"), "state key");
    CHECK_STR(s(k, "keySpec"), "SYMMETRIC_DEFAULT");
    CHECK_STR(s(k, "keyState"), "Enabled");
    CHECK(json_is_false(json_object_get(k, "multiRegion")));
    CHECK(is_null(k, "deletionDate"));
    CHECK_STR(json_string_value(json_array_get(json_object_get(k, "aliases"), 0)),
              "alias/state-app");
    CHECK_STR(s(find(at(doc, "awsKms", "keys"), "keyId", aws_key_west), "region"), "eu-west-1");
    k = find(at(doc, "awsKms", "aliases"), "aliasName", "alias/state-app");
    CHECK_STR(s(k, "aliasArn"), "arn:aws:kms:us-east-1:" ACCOUNT ":alias/state-app");
    CHECK_STR(s(k, "targetKeyId"), aws_key);
    json_decref(doc);
}

static void test_oci_kms(void)
{
    int status;
    json_t *doc = state("", &status);
    json_t *k, *versions;

    CHECK_INT(json_array_size(at(doc, "oci", "vaults")), 2);
    CHECK_STR(s(find(at(doc, "oci", "vaults"), "id", vault_iad), "displayName"), "state-vault");
    CHECK_STR(s(find(at(doc, "oci", "vaults"), "id", vault_phx), "region"), PHX);
    CHECK_INT(json_array_size(at(doc, "oci", "keys")), 3);
    k = find(at(doc, "oci", "keys"), "id", key1);
    CHECK_STR(s(k, "vaultId"), vault_iad);
    CHECK_STR(s(k, "tenancy"), OCITEST_TENANCY);
    CHECK_STR(s(k, "region"), IAD);
    CHECK_STR(s(k, "algorithm"), "AES");
    CHECK_INT(json_integer_value(json_object_get(k, "length")), 32);
    CHECK_STR(s(k, "lifecycleState"), "DISABLED");
    CHECK_INT(json_array_size(json_object_get(k, "versions")), 1);
    k = find(at(doc, "oci", "keys"), "id", key2);
    versions = json_object_get(k, "versions");
    CHECK_INT(json_array_size(versions), 2);
    CHECK_STR(s(json_array_get(versions, 1), "id"), s(k, "currentKeyVersion"));
    CHECK_STR(s(json_array_get(versions, 0), "lifecycleState"), "ENABLED");
    CHECK(json_object_get(json_array_get(versions, 0), "keyId") == NULL);
    json_decref(doc);
}

static void test_oci_resources_and_zones(void)
{
    int status;
    json_t *doc = state("", &status);
    json_t *b, *v, *z;

    /* Object Storage: tenancy from the namespace, key states, the zone that governs each */
    CHECK_INT(json_array_size(at(doc, "oci", "buckets")), 3);
    b = find(at(doc, "oci", "buckets"), "name", "state-keyed");
    CHECK_STR(s(b, "namespace"), ns);
    CHECK_STR(s(b, "tenancy"), OCITEST_TENANCY);
    CHECK_STR(s(b, "kmsKeyId"), key2);
    CHECK_STR(s(b, "keyState"), "ENABLED");
    CHECK_STR(s(json_object_get(b, "securityZone"), "id"), zone_id);
    CHECK_STR(s(json_object_get(b, "securityZone"), "displayName"), "state-zone");
    CHECK(json_is_false(json_object_get(b, "violatesZonePolicy")));
    b = find(at(doc, "oci", "buckets"), "name", "state-plain-os");
    CHECK(is_null(b, "kmsKeyId") && is_null(b, "keyState"));
    CHECK_STR(s(json_object_get(b, "securityZone"), "id"), zone_id); /* through ZCHILD's parent */
    CHECK(json_is_true(json_object_get(b, "violatesZonePolicy")));
    b = find(at(doc, "oci", "buckets"), "name", "state-phx");
    CHECK_STR(s(b, "region"), PHX);
    CHECK(is_null(b, "securityZone"));
    CHECK(json_is_false(json_object_get(b, "violatesZonePolicy")));

    /* Block Volume */
    CHECK_INT(json_array_size(at(doc, "oci", "volumes")), 3);
    v = find(at(doc, "oci", "volumes"), "id", vol_keyed);
    CHECK_STR(s(v, "kmsKeyId"), key1);
    CHECK_STR(s(v, "keyState"), "DISABLED");
    CHECK_STR(s(v, "displayName"), "keyed");
    CHECK_STR(s(v, "lifecycleState"), "AVAILABLE");
    CHECK(json_object_get(v, "isBoot") == NULL);
    CHECK(json_is_false(json_object_get(v, "violatesZonePolicy")));
    v = find(at(doc, "oci", "volumes"), "id", vol_plain);
    CHECK(json_is_true(json_object_get(v, "violatesZonePolicy")));
    v = find(at(doc, "oci", "volumes"), "id", vol_replicated);
    CHECK(is_null(v, "securityZone"));
    CHECK_INT(json_array_size(at(doc, "oci", "bootVolumes")), 1);
    v = json_array_get(at(doc, "oci", "bootVolumes"), 0);
    CHECK_STR(s(v, "id"), boot);
    CHECK_STR(s(json_object_get(v, "securityZone"), "id"), zone_id);
    /* the recipe holds no boot volume policy */
    CHECK(json_is_false(json_object_get(v, "violatesZonePolicy")));
    CHECK_INT(json_array_size(at(doc, "oci", "backups")), 1);
    v = json_array_get(at(doc, "oci", "backups"), 0);
    CHECK_STR(s(v, "id"), backup);
    CHECK_STR(s(v, "volumeId"), vol_keyed);
    CHECK_STR(s(v, "kmsKeyId"), key1);
    CHECK(json_is_false(json_object_get(v, "isBoot")));
    CHECK_INT(json_array_size(at(doc, "oci", "replicas")), 1);
    v = json_array_get(at(doc, "oci", "replicas"), 0);
    CHECK_STR(s(v, "region"), PHX);
    CHECK_STR(s(v, "volumeId"), vol_replicated);
    CHECK_STR(s(v, "displayName"), "rep");

    /* Cloud Guard and the compartment tree */
    CHECK_INT(json_array_size(at(doc, "oci", "securityZones")), 1);
    z = json_array_get(at(doc, "oci", "securityZones"), 0);
    CHECK_STR(s(z, "id"), zone_id);
    CHECK_STR(s(z, "compartmentId"), ZCOMP);
    CHECK_STR(s(z, "recipeName"), "state-recipe");
    CHECK_STR(s(z, "lifecycleState"), "ACTIVE");
    CHECK_INT(json_array_size(json_object_get(z, "policies")), 2);
    CHECK_STR(json_string_value(json_array_get(json_object_get(z, "policies"), 0)),
              "deny block_volume_without_vault_key");
    CHECK_STR(json_string_value(json_array_get(json_object_get(z, "policies"), 1)),
              "deny buckets_without_vault_key");
    CHECK_STR(json_string_value(json_array_get(json_object_get(z, "compartments"), 0)), ZCOMP);
    CHECK_INT(json_array_size(at(doc, "oci", "compartments")), 1);
    v = json_array_get(at(doc, "oci", "compartments"), 0);
    CHECK_STR(s(v, "id"), ZCHILD);
    CHECK_STR(s(v, "parentId"), ZCOMP);
    CHECK_STR(s(v, "tenancy"), OCITEST_TENANCY);
    CHECK_STR(s(v, "securityZoneId"), zone_id);
    json_decref(doc);
}

/* The computed flag agrees with the rule the APIs enforce (store_cg_policy_applies). */
static void test_flags_match_store_rule(void)
{
    static const struct {
        const char *member;
        const char *policy;
    } kinds[] = {
        { "buckets", "deny buckets_without_vault_key" },
        { "volumes", "deny block_volume_without_vault_key" },
        { "bootVolumes", "deny boot_volume_without_vault_key" },
    };
    int status, checked = 0;
    json_t *doc = state("", &status);

    for (size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
        size_t i;
        json_t *r;

        json_array_foreach(at(doc, "oci", kinds[k].member), i, r)
        {
            char zone[256];
            int applies = store_cg_policy_applies(t.st, s(r, "compartmentId"), kinds[k].policy,
                                                  zone, sizeof(zone)) == STORE_OK;

            CHECK_INT(json_is_true(json_object_get(r, "violatesZonePolicy")),
                      applies && is_null(r, "kmsKeyId"));
            checked++;
        }
    }
    CHECK_INT(checked, 7);
    json_decref(doc);
}

/* ---- filters ----------------------------------------------------------------------------------
 */

static void test_family_filter(void)
{
    int status;
    json_t *doc = state("?family=s3", &status);

    CHECK_INT(status, 200);
    CHECK_INT(json_object_size(doc), 4); /* generatedAt, region, families, s3 */
    CHECK_INT(json_array_size(json_object_get(doc, "families")), 1);
    CHECK_INT(json_array_size(at(doc, "s3", "buckets")), 5);
    /* the keys are still looked up */
    CHECK_STR(s(json_object_get(find(at(doc, "s3", "buckets"), "name", "state-kms"), "kmsKey"),
                "keyState"),
              "Enabled");
    json_decref(doc);

    doc = state("?family=oci-cg&family=aws-kms", &status);
    CHECK_INT(status, 200);
    CHECK_STR(json_string_value(json_array_get(json_object_get(doc, "families"), 0)), "aws-kms");
    CHECK_STR(json_string_value(json_array_get(json_object_get(doc, "families"), 1)), "oci-cg");
    CHECK(json_object_get(doc, "s3") == NULL);
    CHECK_INT(json_array_size(at(doc, "awsKms", "keys")), 2);
    CHECK_INT(json_object_size(json_object_get(doc, "oci")), 2);
    CHECK_INT(json_array_size(at(doc, "oci", "securityZones")), 1);
    CHECK_INT(json_array_size(at(doc, "oci", "compartments")), 1);
    json_decref(doc);

    doc = state("?family=oci-os,oci-bv", &status);
    CHECK_INT(status, 200);
    CHECK(json_object_get(doc, "awsKms") == NULL);
    CHECK_INT(json_object_size(json_object_get(doc, "oci")), 7);
    CHECK(at(doc, "oci", "keys") == NULL);
    CHECK_INT(json_array_size(at(doc, "oci", "buckets")), 3);
    CHECK_INT(json_array_size(at(doc, "oci", "volumes")), 3);
    /* zones and keys are looked up though not shown */
    CHECK(json_is_true(json_object_get(find(at(doc, "oci", "buckets"), "name", "state-plain-os"),
                                       "violatesZonePolicy")));
    CHECK_STR(s(find(at(doc, "oci", "volumes"), "id", vol_keyed), "keyState"), "DISABLED");
    json_decref(doc);
}

static void test_region_filter(void)
{
    int status;
    json_t *doc = state("?region=phx&family=oci-os,oci-bv,oci-kms", &status);

    CHECK_INT(status, 200);
    CHECK_STR(s(doc, "region"), PHX);
    CHECK_INT(json_array_size(at(doc, "oci", "buckets")), 1);
    CHECK_STR(s(json_array_get(at(doc, "oci", "buckets"), 0), "name"), "state-phx");
    CHECK_STR(s(json_array_get(at(doc, "oci", "buckets"), 0), "keyState"), "ENABLED");
    CHECK_INT(json_array_size(at(doc, "oci", "volumes")), 0);
    CHECK_INT(json_array_size(at(doc, "oci", "replicas")), 1);
    CHECK_INT(json_array_size(at(doc, "oci", "keys")), 1);
    CHECK_STR(s(json_array_get(at(doc, "oci", "keys"), 0), "id"), key_phx);
    CHECK_INT(json_array_size(at(doc, "oci", "vaults")), 1);
    json_decref(doc);

    doc = state("?region=eu-west-1", &status);
    CHECK_INT(status, 200);
    CHECK_STR(s(doc, "region"), "eu-west-1");
    CHECK_INT(json_array_size(at(doc, "s3", "buckets")), 1);
    CHECK_STR(s(json_array_get(at(doc, "s3", "buckets"), 0), "name"), "state-west");
    CHECK_INT(json_array_size(at(doc, "awsKms", "keys")), 1);
    CHECK_STR(s(json_array_get(at(doc, "awsKms", "keys"), 0), "keyId"), aws_key_west);
    CHECK_INT(json_array_size(at(doc, "awsKms", "aliases")), 0);
    CHECK_INT(json_array_size(at(doc, "oci", "keys")), 0);
    /* zones and compartments have no region */
    CHECK_INT(json_array_size(at(doc, "oci", "securityZones")), 1);
    json_decref(doc);

    /* an OCI region by name, any case */
    doc = state("?region=US-ASHBURN-1&family=oci-kms", &status);
    CHECK_INT(status, 200);
    CHECK_STR(s(doc, "region"), IAD);
    CHECK_INT(json_array_size(at(doc, "oci", "keys")), 2);
    json_decref(doc);
}

static void check_bad(const char *query, const char *message)
{
    int status;
    json_t *doc = state(query, &status);

    CHECK_INT(status, 400);
    CHECK_STR(s(doc, "code"), "InvalidParameter");
    CHECK_STR(s(doc, "message"), message);
    CHECK_INT(json_object_size(doc), 2);
    json_decref(doc);
}

#define FAMILIES_HINT \
    "expected s3, aws-kms, oci-kms, oci-os, oci-bv or oci-cg, repeated or comma-separated."
#define REGION_HINT \
    "expected an AWS region (us-east-1) or an OCI region name or code (us-ashburn-1, iad)."

static void test_bad_filters(void)
{
    struct resp rs;

    check_bad("?family=nope", "Unknown family 'nope': " FAMILIES_HINT);
    check_bad("?family=S3", "Unknown family 'S3': " FAMILIES_HINT);
    check_bad("?family=", "Unknown family '': " FAMILIES_HINT);
    check_bad("?family", "Unknown family '': " FAMILIES_HINT);
    check_bad("?family=s3,,oci-kms", "Unknown family '': " FAMILIES_HINT);
    check_bad("?family=s3,oci-kms,", "Unknown family '': " FAMILIES_HINT);
    check_bad("?family=s3&family=oci", "Unknown family 'oci': " FAMILIES_HINT);
    check_bad("?region=mars", "Unknown region 'mars': " REGION_HINT);
    check_bad("?region=", "Unknown region '': " REGION_HINT);
    check_bad("?region=us-east-", "Unknown region 'us-east-': " REGION_HINT);
    check_bad("?region=US-EAST-1", "Unknown region 'US-EAST-1': " REGION_HINT);
    check_bad("?region=us--east-1", "Unknown region 'us--east-1': " REGION_HINT);
    check_bad("?region=us-east-1&region=us-east-1", "The region parameter may be given once.");
    check_bad("?families=s3", "Unknown parameter 'families': GET /_cmkemu/state takes family and "
                              "region.");

    resp_init(&rs);
    apitest_call(&t, "POST", "/_cmkemu/state", NULL, NULL, &rs);
    CHECK_INT(rs.status, 405);
    resp_release(&rs);
    resp_init(&rs);
    apitest_call(&t, "HEAD", "/_cmkemu/state", NULL, NULL, &rs);
    CHECK_INT(rs.status, 200);
    resp_release(&rs);
}

int main(void)
{
    if (apitest_open(&t))
        return 1;
    TEST(test_setup);
    TEST(test_empty_families_shape);
    TEST(test_s3_and_aws_kms);
    TEST(test_oci_kms);
    TEST(test_oci_resources_and_zones);
    TEST(test_flags_match_store_rule);
    TEST(test_family_filter);
    TEST(test_region_filter);
    TEST(test_bad_filters);
    apitest_close(&t);
    return TEST_REPORT();
}
