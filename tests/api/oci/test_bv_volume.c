/* test_bv_volume.c - volumes and their keys (server/oci/bv/bv_volume.c, bv_volume_kms.c,
 * bv_key_rules.c): the model, etags, if-match, the key rules (§6, §9), zones (§5), paging. */
#include "harness.h"
#include "lib/bvtest.h"
#include "lib/ocitest.h"

#include "storage/store_oci.h"

#include <stdio.h>

static struct apitest t;

#define KEY_DISABLED "ocid1.key.oc1.iad.testvault.aaaaaaaakeydisabled"
#define KEY_RSA      "ocid1.key.oc1.iad.testvault.aaaaaaaakeyrsa"
#define KEY_ROTATED  "ocid1.key.oc1.iad.testvault.aaaaaaaakeyrotated"
#define KEY_UNKNOWN  "ocid1.key.oc1.iad.testvault.aaaaaaaakeyunknown"
#define KEY_IAD_2    "ocid1.key.oc1.iad.testvault.aaaaaaaakeyiad2"
#define ZONE_COMP    "ocid1.compartment.oc1..aaaaaaaazonecompartment"
#define ZONE_CHILD   "ocid1.compartment.oc1..aaaaaaaazonechild"

static void path_of(char *out, size_t n, const char *id, const char *suffix)
{
    snprintf(out, n, "/20160918/volumes/%s%s", id, suffix);
}

static void test_create_defaults(void)
{
    struct bvt r;
    char id[BVT_ID];
    char p[512];

    bvt_init(&r);
    CHECK_INT(bvt_call(&t, &r, "POST", BVT_IAD, "/20160918/volumes",
                       "{\"compartmentId\":\"" BVT_COMP
                       "\",\"availabilityDomain\":\"Uocm:IAD-AD-1\"}",
                       NULL),
              200);
    CHECK(!strncmp(bvt_str(&r, "id"), "ocid1.volume.oc1.iad.aaaaaaaa", 29));
    CHECK_INT(strlen(bvt_etag(&r)), 40);
    CHECK_STR(bvt_str(&r, "lifecycleState"), "AVAILABLE");
    CHECK_STR(bvt_str(&r, "availabilityDomain"), "Uocm:IAD-AD-1");
    CHECK_STR(bvt_str(&r, "compartmentId"), BVT_COMP);
    CHECK_STR(bvt_str(&r, "displayName"), "volume20251124160000");
    CHECK_STR(bvt_str(&r, "timeCreated"), "2025-11-24T16:00:00.000Z");
    CHECK_INT(json_integer_value(json_object_get(r.json, "sizeInGBs")), 1024);
    CHECK_INT(json_integer_value(json_object_get(r.json, "sizeInMBs")), 1024 * 1024);
    CHECK_INT(json_integer_value(json_object_get(r.json, "vpusPerGB")), 10);
    CHECK(json_is_null(json_object_get(r.json, "kmsKeyId")));
    CHECK(json_is_true(json_object_get(r.json, "isHydrated")));
    CHECK(json_is_object(json_object_get(r.json, "systemTags")));
    snprintf(id, sizeof(id), "%s", bvt_str(&r, "id"));
    path_of(p, sizeof(p), id, "/kmsKey");
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_IAD, p, NULL, NULL), 200);
    CHECK_STR(buf_str(&r.rs.body), "{\"kmsKeyId\":null}");
    /* a volume is visible in its own region only */
    path_of(p, sizeof(p), id, "");
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_PHX, p, NULL, NULL), 404);
    bvt_release(&r);
}

static void test_missing_and_bad_body(void)
{
    struct bvt r;

    bvt_init(&r);
    CHECK_INT(bvt_call(&t, &r, "POST", BVT_IAD, "/20160918/volumes",
                       "{\"availabilityDomain\":\"Uocm:IAD-AD-1\"}", NULL),
              400);
    CHECK_STR(bvt_code(&r), "MissingParameter");
    CHECK_STR(bvt_msg(&r), "Missing required parameter 'compartmentId'.");
    CHECK_INT(bvt_call(&t, &r, "POST", BVT_IAD, "/20160918/volumes",
                       "{\"compartmentId\":\"" BVT_COMP "\"}", NULL),
              400);
    CHECK_STR(bvt_msg(&r), "Missing required parameter 'availabilityDomain'.");
    CHECK_INT(bvt_call(&t, &r, "POST", BVT_IAD, "/20160918/volumes", "{\"compartmentId\":", NULL),
              400);
    CHECK_STR(bvt_code(&r), "CannotParseRequest");
    CHECK_INT(bvt_call(&t, &r, "POST", BVT_IAD, "/20160918/volumes",
                       "{\"compartmentId\":\"" BVT_COMP
                       "\",\"availabilityDomain\":\"Uocm:PHX-AD-1\"}",
                       NULL),
              400);
    CHECK_STR(bvt_msg(&r), "The availability domain 'Uocm:PHX-AD-1' is not in the region of the "
                           "request.");
    CHECK_INT(bvt_call(&t, &r, "POST", BVT_IAD, "/20160918/volumes",
                       "{\"compartmentId\":\"" BVT_COMP
                       "\",\"availabilityDomain\":\"Uocm:IAD-AD-1\",\"vpusPerGB\":15}",
                       NULL),
              400);
    CHECK_STR(bvt_code(&r), "InvalidParameter");
    CHECK_STR(bvt_msg(&r), "Invalid value for parameter 'vpusPerGB'.");
    bvt_release(&r);
}

static void test_missing_volume_is_404(void)
{
    static const char *const methods[][2] = {
        { "GET", "" },        { "PUT", "" },        { "DELETE", "" },
        { "GET", "/kmsKey" }, { "PUT", "/kmsKey" }, { "DELETE", "/kmsKey" },
    };
    struct bvt r;
    char p[512];

    bvt_init(&r);
    for (size_t i = 0; i < sizeof(methods) / sizeof(methods[0]); i++) {
        path_of(p, sizeof(p), "ocid1.volume.oc1.iad.nosuchvolume", methods[i][1]);
        CHECK_INT(
            bvt_call(&t, &r, methods[i][0], BVT_IAD, p, "{\"kmsKeyId\":\"" BVT_KEY_IAD "\"}", NULL),
            404);
        CHECK_STR(bvt_code(&r), "NotAuthorizedOrNotFound");
        CHECK_STR(bvt_msg(&r), "Authorization failed or requested resource not found.");
    }
    bvt_release(&r);
}

/* One row per key rule: the key, then status, code and message of the rejection. */
struct key_case {
    const char *key;
    int status;
    const char *code;
    const char *message;
};

static const struct key_case key_cases[] = {
    { "not-a-key", 400, "InvalidParameter", "'not-a-key' is not a valid Vault key OCID." },
    { "ocid1.bucket.oc1.iad.aaaa.bbbb", 400, "InvalidParameter",
      "'ocid1.bucket.oc1.iad.aaaa.bbbb' is not a valid Vault key OCID." },
    { BVT_KEY_PHX, 400, "InvalidParameter",
      "The key '" BVT_KEY_PHX "' is not in the region of the request; Block Volume needs a key in "
      "the same region." },
    { KEY_UNKNOWN, 400, "RelatedResourceNotAuthorizedOrNotFound",
      "The key '" KEY_UNKNOWN "' does not exist or you are not authorized to access it." },
    { KEY_DISABLED, 409, "Conflict", "The key '" KEY_DISABLED "' is not in the ENABLED state." },
    { KEY_RSA, 400, "InvalidParameter",
      "Block Volume supports only AES keys; the key '" KEY_RSA "' is not an AES key." },
    { KEY_ROTATED, 400, "InvalidParameter",
      "Block Volume supports keys with a single key version only; the key '" KEY_ROTATED
      "' has more than one." },
};

static void test_key_rules_on_create(void)
{
    struct bvt r;
    char body[1024];

    bvt_init(&r);
    for (size_t i = 0; i < sizeof(key_cases) / sizeof(key_cases[0]); i++) {
        const struct key_case *c = &key_cases[i];

        snprintf(body, sizeof(body),
                 "{\"compartmentId\":\"ocid1.compartment.oc1..keyrules\",\"availabilityDomain\":"
                 "\"Uocm:IAD-AD-1\",\"kmsKeyId\":\"%s\"}",
                 c->key);
        CHECK_INT(bvt_call(&t, &r, "POST", BVT_IAD, "/20160918/volumes", body, NULL), c->status);
        CHECK_STR(bvt_code(&r), c->code);
        CHECK_STR(bvt_msg(&r), c->message);
        CHECK(resp_get_header(&r.rs, "etag") == NULL);
    }
    /* nothing was written */
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_IAD,
                       "/20160918/volumes?compartmentId=ocid1.compartment.oc1..keyrules", NULL,
                       NULL),
              200);
    CHECK_STR(buf_str(&r.rs.body), "[]");
    bvt_release(&r);
}

static void test_key_rules_on_update_leave_state(void)
{
    struct bvt r;
    char id[BVT_ID];
    char p[512];
    char body[1024];
    char etag[64];

    bvt_init(&r);
    CHECK_INT(bvt_volume(&t, BVT_IAD, ",\"kmsKeyId\":\"" BVT_KEY_IAD "\"", id), 0);
    path_of(p, sizeof(p), id, "/kmsKey");
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_IAD, p, NULL, NULL), 200);
    CHECK_STR(bvt_str(&r, "kmsKeyId"), BVT_KEY_IAD);
    snprintf(etag, sizeof(etag), "%s", bvt_etag(&r));
    for (size_t i = 0; i < sizeof(key_cases) / sizeof(key_cases[0]); i++) {
        const struct key_case *c = &key_cases[i];

        snprintf(body, sizeof(body), "{\"kmsKeyId\":\"%s\"}", c->key);
        CHECK_INT(bvt_call(&t, &r, "PUT", BVT_IAD, p, body, NULL), c->status);
        CHECK_STR(bvt_code(&r), c->code);
        CHECK_STR(bvt_msg(&r), c->message);
    }
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_IAD, p, NULL, NULL), 200);
    CHECK_STR(bvt_str(&r, "kmsKeyId"), BVT_KEY_IAD);
    CHECK_STR(bvt_etag(&r), etag);
    /* an empty body names no key */
    CHECK_INT(bvt_call(&t, &r, "PUT", BVT_IAD, p, NULL, NULL), 400);
    CHECK_STR(bvt_msg(&r), "Missing required parameter 'kmsKeyId'.");
    bvt_release(&r);
}

static void test_kms_key_put_same_and_delete(void)
{
    struct bvt r;
    char id[BVT_ID];
    char p[512];
    char vp[512];
    char e1[64];
    char e2[64];

    bvt_init(&r);
    CHECK_INT(bvt_volume(&t, BVT_IAD, "", id), 0);
    path_of(p, sizeof(p), id, "/kmsKey");
    path_of(vp, sizeof(vp), id, "");
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_IAD, vp, NULL, NULL), 200);
    snprintf(e1, sizeof(e1), "%s", bvt_etag(&r));
    CHECK_INT(bvt_call(&t, &r, "PUT", BVT_IAD, p, "{\"kmsKeyId\":\"" BVT_KEY_IAD "\"}", e1), 200);
    CHECK_STR(buf_str(&r.rs.body), "{\"kmsKeyId\":\"" BVT_KEY_IAD "\"}");
    snprintf(e2, sizeof(e2), "%s", bvt_etag(&r));
    CHECK(strcmp(e1, e2) != 0);
    /* the same key again regenerates the data key: accepted, new etag (§2.2) */
    CHECK_INT(bvt_call(&t, &r, "PUT", BVT_IAD, p, "{\"kmsKeyId\":\"" BVT_KEY_IAD "\"}", NULL), 200);
    CHECK(strcmp(bvt_etag(&r), e2) != 0);
    snprintf(e2, sizeof(e2), "%s", bvt_etag(&r));
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_IAD, vp, NULL, NULL), 200);
    CHECK_STR(bvt_etag(&r), e2);
    CHECK_STR(bvt_str(&r, "kmsKeyId"), BVT_KEY_IAD);
    /* a stale if-match is 412 and changes nothing */
    CHECK_INT(bvt_call(&t, &r, "PUT", BVT_IAD, p, "{\"kmsKeyId\":\"" KEY_IAD_2 "\"}", e1), 412);
    CHECK_STR(bvt_code(&r), "NoEtagMatch");
    CHECK_INT(bvt_call(&t, &r, "DELETE", BVT_IAD, p, NULL, e1), 412);
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_IAD, p, NULL, e1), 412);
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_IAD, p, NULL, e2), 200);
    CHECK_STR(bvt_str(&r, "kmsKeyId"), BVT_KEY_IAD);
    /* another key, then back to Oracle-managed */
    CHECK_INT(bvt_call(&t, &r, "PUT", BVT_IAD, p, "{\"kmsKeyId\":\"" KEY_IAD_2 "\"}", e2), 200);
    CHECK_INT(bvt_call(&t, &r, "DELETE", BVT_IAD, p, NULL, NULL), 204);
    CHECK_STR(buf_str(&r.rs.body), "");
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_IAD, p, NULL, NULL), 200);
    CHECK_STR(buf_str(&r.rs.body), "{\"kmsKeyId\":null}");
    bvt_release(&r);
}

static void test_zone_denies_oracle_managed(void)
{
    static const char *const pol[] = { "deny block_volume_without_vault_key", NULL };
    static const char *const msg = "The request violates the security zone policy 'deny "
                                   "block_volume_without_vault_key' of security zone 'bvzone'.";
    struct bvt r;
    char id[BVT_ID];
    char bid[BVT_ID];
    char p[512];
    char body[1024];
    char etag[64];

    bvt_init(&r);
    CHECK_INT(ocitest_put_zone(&t, ZONE_COMP, NULL, "bvzone", pol), 0);
    CHECK_INT(store_oci_compartment_put(t.st, ZONE_CHILD, ZONE_COMP, OCITEST_TENANCY), 0);
    /* a volume without a key in the zone (or a child compartment) is refused */
    CHECK_INT(bvt_call(&t, &r, "POST", BVT_IAD, "/20160918/volumes",
                       "{\"compartmentId\":\"" ZONE_CHILD
                       "\",\"availabilityDomain\":\"Uocm:IAD-AD-1\"}",
                       NULL),
              403);
    CHECK_STR(bvt_code(&r), "NotAuthorized");
    CHECK_STR(bvt_msg(&r), msg);
    CHECK_INT(
        bvt_call(&t, &r, "GET", BVT_IAD, "/20160918/volumes?compartmentId=" ZONE_CHILD, NULL, NULL),
        200);
    CHECK_STR(buf_str(&r.rs.body), "[]");
    /* with a key it is allowed */
    CHECK_INT(bvt_call(&t, &r, "POST", BVT_IAD, "/20160918/volumes",
                       "{\"compartmentId\":\"" ZONE_COMP
                       "\",\"availabilityDomain\":\"Uocm:IAD-AD-1\",\"kmsKeyId\":\"" BVT_KEY_IAD
                       "\"}",
                       NULL),
              200);
    snprintf(id, sizeof(id), "%s", bvt_str(&r, "id"));
    snprintf(etag, sizeof(etag), "%s", bvt_etag(&r));
    /* unassigning the key is refused, and changes nothing */
    path_of(p, sizeof(p), id, "/kmsKey");
    CHECK_INT(bvt_call(&t, &r, "DELETE", BVT_IAD, p, NULL, NULL), 403);
    CHECK_STR(bvt_msg(&r), msg);
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_IAD, p, NULL, NULL), 200);
    CHECK_STR(bvt_str(&r, "kmsKeyId"), BVT_KEY_IAD);
    CHECK_STR(bvt_etag(&r), etag);
    /* a clone or a restore without a key is refused; with one it is allowed */
    snprintf(body, sizeof(body),
             "{\"compartmentId\":\"" ZONE_COMP "\",\"sourceDetails\":{\"type\":\"volume\","
             "\"id\":\"%s\"}}",
             id);
    CHECK_INT(bvt_call(&t, &r, "POST", BVT_IAD, "/20160918/volumes", body, NULL), 403);
    CHECK_STR(bvt_msg(&r), msg);
    CHECK_INT(bvt_backup(&t, BVT_IAD, id, "", bid), 0);
    snprintf(body, sizeof(body),
             "{\"compartmentId\":\"" ZONE_COMP "\",\"availabilityDomain\":\"Uocm:IAD-AD-1\","
             "\"sourceDetails\":{\"type\":\"volumeBackup\",\"id\":\"%s\"}}",
             bid);
    CHECK_INT(bvt_call(&t, &r, "POST", BVT_IAD, "/20160918/volumes", body, NULL), 403);
    CHECK_STR(bvt_msg(&r), msg);
    snprintf(body, sizeof(body),
             "{\"compartmentId\":\"" ZONE_COMP "\",\"availabilityDomain\":\"Uocm:IAD-AD-1\","
             "\"kmsKeyId\":\"" KEY_IAD_2 "\",\"volumeBackupId\":\"%s\"}",
             bid);
    CHECK_INT(bvt_call(&t, &r, "POST", BVT_IAD, "/20160918/volumes", body, NULL), 200);
    CHECK_STR(bvt_str(&r, "kmsKeyId"), KEY_IAD_2);
    /* UpdateVolumeBackup to Oracle-managed is refused too */
    snprintf(p, sizeof(p), "/20160918/volumeBackups/%s", bid);
    CHECK_INT(bvt_call(&t, &r, "PUT", BVT_IAD, p, "{\"kmsKeyId\":\"\"}", NULL), 403);
    CHECK_STR(bvt_msg(&r), msg);
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_IAD, p, NULL, NULL), 200);
    CHECK_STR(bvt_str(&r, "kmsKeyId"), BVT_KEY_IAD);
    bvt_release(&r);
}

static void test_clone_and_children_keep_keys(void)
{
    struct bvt r;
    char id[BVT_ID];
    char bid[BVT_ID];
    char cid[BVT_ID];
    char p[512];
    char body[1024];

    bvt_init(&r);
    CHECK_INT(bvt_volume(&t, BVT_IAD, ",\"kmsKeyId\":\"" BVT_KEY_IAD "\",\"sizeInGBs\":60", id), 0);
    CHECK_INT(bvt_backup(&t, BVT_IAD, id, "", bid), 0);
    /* a clone without kmsKeyId is Oracle-managed and lands in the source's AD */
    snprintf(body, sizeof(body),
             "{\"compartmentId\":\"" BVT_COMP "\",\"sourceDetails\":{\"type\":\"volume\","
             "\"id\":\"%s\"}}",
             id);
    CHECK_INT(bvt_call(&t, &r, "POST", BVT_IAD, "/20160918/volumes", body, NULL), 200);
    CHECK(json_is_null(json_object_get(r.json, "kmsKeyId")));
    CHECK_STR(bvt_str(&r, "availabilityDomain"), "Uocm:IAD-AD-1");
    CHECK_INT(json_integer_value(json_object_get(r.json, "sizeInGBs")), 60);
    CHECK_STR(json_string_value(json_object_get(json_object_get(r.json, "sourceDetails"), "type")),
              "volume");
    CHECK_STR(json_string_value(json_object_get(json_object_get(r.json, "sourceDetails"), "id")),
              id);
    /* a clone with a key uses it */
    snprintf(body, sizeof(body),
             "{\"compartmentId\":\"" BVT_COMP "\",\"kmsKeyId\":\"" KEY_IAD_2
             "\",\"sourceDetails\":{\"type\":\"volume\",\"id\":\"%s\"}}",
             id);
    CHECK_INT(bvt_call(&t, &r, "POST", BVT_IAD, "/20160918/volumes", body, NULL), 200);
    CHECK_STR(bvt_str(&r, "kmsKeyId"), KEY_IAD_2);
    snprintf(cid, sizeof(cid), "%s", bvt_str(&r, "id"));
    /* a clone smaller than its source is refused */
    snprintf(body, sizeof(body),
             "{\"compartmentId\":\"" BVT_COMP "\",\"sizeInGBs\":50,\"sourceDetails\":{\"type\":"
             "\"volume\",\"id\":\"%s\"}}",
             id);
    CHECK_INT(bvt_call(&t, &r, "POST", BVT_IAD, "/20160918/volumes", body, NULL), 400);
    CHECK_STR(bvt_msg(&r), "sizeInGBs must not be smaller than the size of the source, 60 GB.");
    /* an unknown source */
    CHECK_INT(bvt_call(&t, &r, "POST", BVT_IAD, "/20160918/volumes",
                       "{\"compartmentId\":\"" BVT_COMP "\",\"sourceDetails\":{\"type\":\"volume\","
                       "\"id\":\"ocid1.volume.oc1.iad.gone\"}}",
                       NULL),
              400);
    CHECK_STR(bvt_code(&r), "RelatedResourceNotAuthorizedOrNotFound");
    CHECK_STR(bvt_msg(&r), "The resource 'ocid1.volume.oc1.iad.gone' does not exist or you are "
                           "not authorized to access it.");
    /* changing the volume's key leaves its backup and clone alone (§6) */
    path_of(p, sizeof(p), id, "/kmsKey");
    CHECK_INT(bvt_call(&t, &r, "DELETE", BVT_IAD, p, NULL, NULL), 204);
    snprintf(p, sizeof(p), "/20160918/volumeBackups/%s", bid);
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_IAD, p, NULL, NULL), 200);
    CHECK_STR(bvt_str(&r, "kmsKeyId"), BVT_KEY_IAD);
    path_of(p, sizeof(p), cid, "");
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_IAD, p, NULL, NULL), 200);
    CHECK_STR(bvt_str(&r, "kmsKeyId"), KEY_IAD_2);
    bvt_release(&r);
}

static void test_update_and_delete(void)
{
    struct bvt r;
    char id[BVT_ID];
    char p[512];
    char etag[64];

    bvt_init(&r);
    CHECK_INT(bvt_volume(&t, BVT_IAD, ",\"sizeInGBs\":100,\"displayName\":\"u1\"", id), 0);
    path_of(p, sizeof(p), id, "");
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_IAD, p, NULL, NULL), 200);
    snprintf(etag, sizeof(etag), "%s", bvt_etag(&r));
    CHECK_INT(bvt_call(&t, &r, "PUT", BVT_IAD, p, "{\"sizeInGBs\":100}", NULL), 400);
    CHECK_STR(bvt_msg(&r), "sizeInGBs must be larger than the current size of 100 GB.");
    CHECK_INT(bvt_call(&t, &r, "PUT", BVT_IAD, p, "{\"displayName\":\"u2\"}", "stale"), 412);
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_IAD, p, NULL, NULL), 200);
    CHECK_STR(bvt_etag(&r), etag);
    CHECK_INT(bvt_call(&t, &r, "PUT", BVT_IAD, p,
                       "{\"displayName\":\"u2\",\"sizeInGBs\":200,\"vpusPerGB\":20,"
                       "\"freeformTags\":{\"a\":\"b\"}}",
                       etag),
              200);
    CHECK_STR(bvt_str(&r, "displayName"), "u2");
    CHECK_INT(json_integer_value(json_object_get(r.json, "sizeInGBs")), 200);
    CHECK_INT(json_integer_value(json_object_get(r.json, "vpusPerGB")), 20);
    CHECK_STR(json_string_value(json_object_get(json_object_get(r.json, "freeformTags"), "a")),
              "b");
    CHECK(strcmp(bvt_etag(&r), etag) != 0);
    CHECK_INT(bvt_call(&t, &r, "DELETE", BVT_IAD, p, NULL, "stale"), 412);
    CHECK_INT(bvt_call(&t, &r, "DELETE", BVT_IAD, p, NULL, NULL), 204);
    /* a TERMINATED volume answers 404 */
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_IAD, p, NULL, NULL), 404);
    CHECK_INT(bvt_call(&t, &r, "DELETE", BVT_IAD, p, NULL, NULL), 404);
    path_of(p, sizeof(p), id, "/kmsKey");
    CHECK_INT(bvt_call(&t, &r, "PUT", BVT_IAD, p, "{\"kmsKeyId\":\"" BVT_KEY_IAD "\"}", NULL), 404);
    bvt_release(&r);
}

static void test_list_paging_and_filters(void)
{
    struct bvt r;
    char id[BVT_ID];
    char p[512];
    const char *next;

    bvt_init(&r);
    for (int i = 0; i < 3; i++) {
        char body[512];

        snprintf(body, sizeof(body),
                 "{\"compartmentId\":\"ocid1.compartment.oc1..paging\",\"availabilityDomain\":"
                 "\"Uocm:IAD-AD-1\",\"displayName\":\"pg%d\"}",
                 i);
        CHECK_INT(bvt_call(&t, &r, "POST", BVT_IAD, "/20160918/volumes", body, NULL), 200);
        snprintf(id, sizeof(id), "%s", bvt_str(&r, "id"));
    }
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_IAD,
                       "/20160918/volumes?compartmentId=ocid1.compartment.oc1..paging&limit=2",
                       NULL, NULL),
              200);
    CHECK_INT(json_array_size(r.json), 2);
    CHECK_STR(json_string_value(json_object_get(json_array_get(r.json, 0), "displayName")), "pg0");
    next = resp_get_header(&r.rs, "opc-next-page");
    CHECK(next != NULL);
    snprintf(p, sizeof(p),
             "/20160918/volumes?compartmentId=ocid1.compartment.oc1..paging&limit=2&page=%s",
             next ? next : "");
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_IAD, p, NULL, NULL), 200);
    CHECK_INT(json_array_size(r.json), 1);
    CHECK_STR(json_string_value(json_object_get(json_array_get(r.json, 0), "id")), id);
    CHECK(resp_get_header(&r.rs, "opc-next-page") == NULL);
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_IAD,
                       "/20160918/volumes?compartmentId=ocid1.compartment.oc1..paging&"
                       "displayName=pg1&lifecycleState=AVAILABLE",
                       NULL, NULL),
              200);
    CHECK_INT(json_array_size(r.json), 1);
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_PHX,
                       "/20160918/volumes?compartmentId=ocid1.compartment.oc1..paging", NULL, NULL),
              200);
    CHECK_STR(buf_str(&r.rs.body), "[]");
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_IAD, "/20160918/volumes?limit=0", NULL, NULL), 400);
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_IAD, "/20160918/volumes?page=zz", NULL, NULL), 400);
    CHECK_STR(bvt_msg(&r), "Invalid page token 'zz'.");
    /* a position beyond 64 bits was never handed out */
    CHECK_INT(
        bvt_call(&t, &r, "GET", BVT_IAD, "/20160918/volumes?page=99999999999999999999", NULL, NULL),
        400);
    CHECK_STR(bvt_msg(&r), "Invalid page token '99999999999999999999'.");
    bvt_release(&r);
}

static void test_retry_token(void)
{
    const char *h[] = { OCITEST_AUTH, "opc-retry-token: tok-vol-1", NULL };
    const char *body = "{\"compartmentId\":\"" BVT_COMP
                       "\",\"availabilityDomain\":\"Uocm:IAD-AD-1\",\"displayName\":\"rt\"}";
    struct resp a;
    struct resp b;

    resp_init(&a);
    resp_init(&b);
    apitest_call(&t, "POST", "/oci/us-ashburn-1/20160918/volumes", h, body, &a);
    apitest_call(&t, "POST", "/oci/us-ashburn-1/20160918/volumes", h, body, &b);
    CHECK_INT(a.status, 200);
    CHECK_INT(b.status, 200);
    CHECK_STR(buf_str(&b.body), buf_str(&a.body));
    resp_release(&b);
    resp_init(&b);
    apitest_call(&t, "POST", "/oci/us-ashburn-1/20160918/volumes", h, "{\"compartmentId\":\"x\"}",
                 &b);
    CHECK_INT(b.status, 409);
    CHECK_CONTAINS(buf_str(&b.body), "InvalidatedRetryToken");
    resp_release(&a);
    resp_release(&b);
}

int main(void)
{
    if (apitest_open(&t))
        return 1;
    if (ocitest_put_key(&t, BVT_KEY_IAD, BVT_IAD, "AES", "ENABLED", 1) ||
        ocitest_put_key(&t, KEY_IAD_2, BVT_IAD, "AES", "ENABLED", 1) ||
        ocitest_put_key(&t, BVT_KEY_PHX, BVT_PHX, "AES", "ENABLED", 1) ||
        ocitest_put_key(&t, KEY_DISABLED, BVT_IAD, "AES", "DISABLED", 1) ||
        ocitest_put_key(&t, KEY_RSA, BVT_IAD, "RSA", "ENABLED", 1) ||
        ocitest_put_key(&t, KEY_ROTATED, BVT_IAD, "AES", "ENABLED", 2))
        return 1;
    TEST(test_create_defaults);
    TEST(test_missing_and_bad_body);
    TEST(test_missing_volume_is_404);
    TEST(test_key_rules_on_create);
    TEST(test_key_rules_on_update_leave_state);
    TEST(test_kms_key_put_same_and_delete);
    TEST(test_zone_denies_oracle_managed);
    TEST(test_clone_and_children_keep_keys);
    TEST(test_update_and_delete);
    TEST(test_list_paging_and_filters);
    TEST(test_retry_token);
    apitest_close(&t);
    return TEST_REPORT();
}
