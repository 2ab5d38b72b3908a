/* test_bv_backup.c - volume backups, their keys and cross-region copies
 * (server/oci/bv/bv_backup.c): inheritance, UpdateVolumeBackup "", copies in the destination
 * region only, restores, paging. */
#include "harness.h"
#include "lib/bvtest.h"
#include "lib/ocitest.h"

#include <stdio.h>

static struct apitest t;

#define KEY_IAD_2 "ocid1.key.oc1.iad.testvault.aaaaaaaakeyiad2"

static void test_backup_inherits_current_key(void)
{
    struct bvt r;
    char vid[BVT_ID];
    char bid[BVT_ID];
    char p[512];

    bvt_init(&r);
    CHECK_INT(bvt_volume(&t, BVT_IAD, ",\"kmsKeyId\":\"" BVT_KEY_IAD "\"", vid), 0);
    CHECK_INT(
        bvt_call(&t, &r, "POST", BVT_IAD, "/20160918/volumeBackups", "{\"volumeId\":\"x\"}", NULL),
        400);
    CHECK_STR(bvt_code(&r), "RelatedResourceNotAuthorizedOrNotFound");
    CHECK_INT(bvt_call(&t, &r, "POST", BVT_IAD, "/20160918/volumeBackups", "{}", NULL), 400);
    CHECK_STR(bvt_msg(&r), "Missing required parameter 'volumeId'.");
    snprintf(p, sizeof(p), "{\"volumeId\":\"%s\",\"type\":\"WEEKLY\"}", vid);
    CHECK_INT(bvt_call(&t, &r, "POST", BVT_IAD, "/20160918/volumeBackups", p, NULL), 400);
    CHECK_STR(bvt_msg(&r), "Invalid value for parameter 'type'.");
    snprintf(p, sizeof(p), "{\"volumeId\":\"%s\",\"displayName\":\"b1\"}", vid);
    CHECK_INT(bvt_call(&t, &r, "POST", BVT_IAD, "/20160918/volumeBackups", p, NULL), 200);
    CHECK(!strncmp(bvt_str(&r, "id"), "ocid1.volumebackup.oc1.iad.", 27));
    CHECK_STR(bvt_str(&r, "kmsKeyId"), BVT_KEY_IAD);
    CHECK_STR(bvt_str(&r, "type"), "INCREMENTAL");
    CHECK_STR(bvt_str(&r, "volumeId"), vid);
    CHECK_STR(bvt_str(&r, "sourceType"), "MANUAL");
    CHECK_STR(bvt_str(&r, "lifecycleState"), "AVAILABLE");
    CHECK_STR(bvt_str(&r, "compartmentId"), BVT_COMP);
    CHECK(json_is_null(json_object_get(r.json, "sourceVolumeBackupId")));
    CHECK_INT(strlen(bvt_etag(&r)), 40);
    /* a backup may name its own key */
    CHECK_INT(
        bvt_backup(&t, BVT_IAD, vid, ",\"kmsKeyId\":\"" KEY_IAD_2 "\",\"type\":\"FULL\"", bid), 0);
    snprintf(p, sizeof(p), "/20160918/volumeBackups/%s", bid);
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_IAD, p, NULL, NULL), 200);
    CHECK_STR(bvt_str(&r, "kmsKeyId"), KEY_IAD_2);
    CHECK_STR(bvt_str(&r, "type"), "FULL");
    /* after the volume's key changes, a new backup takes the new key */
    snprintf(p, sizeof(p), "/20160918/volumes/%s/kmsKey", vid);
    CHECK_INT(bvt_call(&t, &r, "PUT", BVT_IAD, p, "{\"kmsKeyId\":\"" KEY_IAD_2 "\"}", NULL), 200);
    snprintf(p, sizeof(p), "{\"volumeId\":\"%s\"}", vid);
    CHECK_INT(bvt_call(&t, &r, "POST", BVT_IAD, "/20160918/volumeBackups", p, NULL), 200);
    CHECK_STR(bvt_str(&r, "kmsKeyId"), KEY_IAD_2);
    /* a key from another region is refused */
    snprintf(p, sizeof(p), "{\"volumeId\":\"%s\",\"kmsKeyId\":\"" BVT_KEY_PHX "\"}", vid);
    CHECK_INT(bvt_call(&t, &r, "POST", BVT_IAD, "/20160918/volumeBackups", p, NULL), 400);
    CHECK_STR(bvt_msg(&r), "The key '" BVT_KEY_PHX "' is not in the region of the request; Block "
                           "Volume needs a key in the same region.");
    bvt_release(&r);
}

static void test_update_backup_key(void)
{
    struct bvt r;
    char vid[BVT_ID];
    char bid[BVT_ID];
    char p[512];
    char etag[64];

    bvt_init(&r);
    CHECK_INT(bvt_volume(&t, BVT_IAD, ",\"kmsKeyId\":\"" BVT_KEY_IAD "\"", vid), 0);
    CHECK_INT(bvt_backup(&t, BVT_IAD, vid, "", bid), 0);
    snprintf(p, sizeof(p), "/20160918/volumeBackups/%s", bid);
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_IAD, p, NULL, NULL), 200);
    snprintf(etag, sizeof(etag), "%s", bvt_etag(&r));
    CHECK_INT(bvt_call(&t, &r, "PUT", BVT_IAD, p, "{\"kmsKeyId\":\"not-a-key\"}", NULL), 400);
    CHECK_STR(bvt_msg(&r), "'not-a-key' is not a valid Vault key OCID.");
    CHECK_INT(bvt_call(&t, &r, "PUT", BVT_IAD, p, "{\"kmsKeyId\":\"" KEY_IAD_2 "\"}", "stale"),
              412);
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_IAD, p, NULL, NULL), 200);
    CHECK_STR(bvt_etag(&r), etag);
    CHECK_STR(bvt_str(&r, "kmsKeyId"), BVT_KEY_IAD);
    CHECK_INT(bvt_call(&t, &r, "PUT", BVT_IAD, p, "{\"kmsKeyId\":\"" KEY_IAD_2 "\"}", etag), 200);
    CHECK_STR(bvt_str(&r, "kmsKeyId"), KEY_IAD_2);
    CHECK(strcmp(bvt_etag(&r), etag) != 0);
    /* "" switches to the Oracle-managed key */
    CHECK_INT(
        bvt_call(&t, &r, "PUT", BVT_IAD, p, "{\"kmsKeyId\":\"\",\"displayName\":\"nb\"}", NULL),
        200);
    CHECK(json_is_null(json_object_get(r.json, "kmsKeyId")));
    CHECK_STR(bvt_str(&r, "displayName"), "nb");
    CHECK_INT(bvt_call(&t, &r, "DELETE", BVT_IAD, p, NULL, NULL), 204);
    /* a TERMINATED backup answers 404 */
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_IAD, p, NULL, NULL), 404);
    CHECK_INT(bvt_call(&t, &r, "PUT", BVT_IAD, p, "{\"kmsKeyId\":\"\"}", NULL), 404);
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_IAD, "/20160918/volumeBackups/ocid1.volumebackup.x", NULL,
                       NULL),
              404);
    CHECK_STR(bvt_msg(&r), "Authorization failed or requested resource not found.");
    bvt_release(&r);
}

static void test_copy_to_destination_region(void)
{
    struct bvt r;
    char vid[BVT_ID];
    char bid[BVT_ID];
    char cid[BVT_ID];
    char p[512];
    char q[512];

    bvt_init(&r);
    CHECK_INT(bvt_volume(&t, BVT_IAD,
                         ",\"kmsKeyId\":\"" BVT_KEY_IAD
                         "\",\"compartmentId\":\"ocid1.compartment.oc1..copies\"",
                         vid),
              0);
    CHECK_INT(bvt_backup(&t, BVT_IAD, vid, "", bid), 0);
    snprintf(p, sizeof(p), "/20160918/volumeBackups/%s/actions/copy", bid);
    /* the destination key must live in the destination region, not the source's */
    CHECK_INT(bvt_call(&t, &r, "POST", BVT_IAD, p,
                       "{\"destinationRegion\":\"us-phoenix-1\",\"kmsKeyId\":\"" BVT_KEY_IAD "\"}",
                       NULL),
              400);
    CHECK_STR(bvt_code(&r), "InvalidParameter");
    CHECK_STR(bvt_msg(&r), "The key '" BVT_KEY_IAD
                           "' must exist in the destination region of the cross-region operation.");
    CHECK_INT(bvt_call(&t, &r, "POST", BVT_IAD, p, "{\"destinationRegion\":\"mars-1\"}", NULL),
              400);
    CHECK_STR(bvt_msg(&r), "Unknown destinationRegion 'mars-1'.");
    CHECK_INT(bvt_call(&t, &r, "POST", BVT_IAD, p, "{\"displayName\":\"c\"}", NULL), 400);
    CHECK_STR(bvt_code(&r), "MissingParameter");
    CHECK_STR(bvt_msg(&r), "Missing required parameter 'destinationRegion'.");
    CHECK_INT(bvt_call(&t, &r, "POST", BVT_IAD,
                       "/20160918/volumeBackups/ocid1.volumebackup.oc1.iad.x/actions/copy",
                       "{\"destinationRegion\":\"us-phoenix-1\"}", NULL),
              404);
    /* nothing was copied */
    snprintf(q, sizeof(q),
             "/20160918/volumeBackups?compartmentId=ocid1.compartment.oc1..copies&"
             "sourceVolumeBackupId=%s",
             bid);
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_PHX, q, NULL, NULL), 200);
    CHECK_STR(buf_str(&r.rs.body), "[]");
    /* with a key of the destination region */
    CHECK_INT(bvt_call(&t, &r, "POST", BVT_IAD, p,
                       "{\"destinationRegion\":\"us-phoenix-1\",\"displayName\":\"cp\","
                       "\"kmsKeyId\":\"" BVT_KEY_PHX "\"}",
                       NULL),
              200);
    snprintf(cid, sizeof(cid), "%s", bvt_str(&r, "id"));
    CHECK(!strncmp(cid, "ocid1.volumebackup.oc1.phx.", 27));
    CHECK_STR(bvt_str(&r, "kmsKeyId"), BVT_KEY_PHX);
    CHECK_STR(bvt_str(&r, "sourceVolumeBackupId"), bid);
    CHECK_STR(bvt_str(&r, "displayName"), "cp");
    CHECK_INT(strlen(bvt_etag(&r)), 40);
    CHECK(!strncmp(resp_get_header(&r.rs, "opc-work-request-id"),
                   "ocid1.coreservicesworkrequest.oc1.phx.", 38));
    CHECK_CONTAINS(resp_get_header(&r.rs, "location"), "/oci/us-phoenix-1/20160918/volumeBackups/");
    CHECK_CONTAINS(resp_get_header(&r.rs, "content-location"), cid);
    /* visible in the destination region only */
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_PHX, q, NULL, NULL), 200);
    CHECK_INT(json_array_size(r.json), 1);
    CHECK_STR(json_string_value(json_object_get(json_array_get(r.json, 0), "id")), cid);
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_IAD, q, NULL, NULL), 200);
    CHECK_STR(buf_str(&r.rs.body), "[]");
    snprintf(q, sizeof(q), "/20160918/volumeBackups/%s", cid);
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_PHX, q, NULL, NULL), 200);
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_IAD, q, NULL, NULL), 404);
    /* without a key the copy is Oracle-managed, not the source's key */
    CHECK_INT(
        bvt_call(&t, &r, "POST", BVT_IAD, p, "{\"destinationRegion\":\"us-phoenix-1\"}", NULL),
        200);
    CHECK(json_is_null(json_object_get(r.json, "kmsKeyId")));
    /* the source keeps its key */
    snprintf(q, sizeof(q), "/20160918/volumeBackups/%s", bid);
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_IAD, q, NULL, NULL), 200);
    CHECK_STR(bvt_str(&r, "kmsKeyId"), BVT_KEY_IAD);
    bvt_release(&r);
}

static void test_restore(void)
{
    struct bvt r;
    char vid[BVT_ID];
    char bid[BVT_ID];
    char body[1024];

    bvt_init(&r);
    CHECK_INT(bvt_volume(&t, BVT_IAD, ",\"kmsKeyId\":\"" BVT_KEY_IAD "\",\"sizeInGBs\":70", vid),
              0);
    CHECK_INT(bvt_backup(&t, BVT_IAD, vid, "", bid), 0);
    /* without kmsKeyId a restore is Oracle-managed (§6) */
    snprintf(body, sizeof(body),
             "{\"compartmentId\":\"" BVT_COMP "\",\"availabilityDomain\":\"Uocm:IAD-AD-2\","
             "\"sourceDetails\":{\"type\":\"volumeBackup\",\"id\":\"%s\"}}",
             bid);
    CHECK_INT(bvt_call(&t, &r, "POST", BVT_IAD, "/20160918/volumes", body, NULL), 200);
    CHECK(json_is_null(json_object_get(r.json, "kmsKeyId")));
    CHECK_INT(json_integer_value(json_object_get(r.json, "sizeInGBs")), 70);
    /* the legacy volumeBackupId, with a key */
    snprintf(body, sizeof(body),
             "{\"compartmentId\":\"" BVT_COMP "\",\"availabilityDomain\":\"Uocm:IAD-AD-2\","
             "\"kmsKeyId\":\"" KEY_IAD_2 "\",\"volumeBackupId\":\"%s\"}",
             bid);
    CHECK_INT(bvt_call(&t, &r, "POST", BVT_IAD, "/20160918/volumes", body, NULL), 200);
    CHECK_STR(bvt_str(&r, "kmsKeyId"), KEY_IAD_2);
    CHECK_STR(json_string_value(json_object_get(json_object_get(r.json, "sourceDetails"), "type")),
              "volumeBackup");
    /* both forms at once */
    snprintf(
        body, sizeof(body),
        "{\"compartmentId\":\"" BVT_COMP "\",\"availabilityDomain\":\"Uocm:IAD-AD-2\","
        "\"volumeBackupId\":\"%s\",\"sourceDetails\":{\"type\":\"volumeBackup\",\"id\":\"%s\"}}",
        bid, bid);
    CHECK_INT(bvt_call(&t, &r, "POST", BVT_IAD, "/20160918/volumes", body, NULL), 400);
    CHECK_STR(bvt_msg(&r), "Specify either sourceDetails or volumeBackupId, not both.");
    /* a restore from a backup of another region */
    snprintf(body, sizeof(body),
             "{\"compartmentId\":\"" BVT_COMP "\",\"availabilityDomain\":\"Uocm:PHX-AD-1\","
             "\"volumeBackupId\":\"%s\"}",
             bid);
    CHECK_INT(bvt_call(&t, &r, "POST", BVT_PHX, "/20160918/volumes", body, NULL), 400);
    CHECK_STR(bvt_code(&r), "RelatedResourceNotAuthorizedOrNotFound");
    /* an unsupported source type */
    CHECK_INT(bvt_call(&t, &r, "POST", BVT_IAD, "/20160918/volumes",
                       "{\"compartmentId\":\"" BVT_COMP
                       "\",\"availabilityDomain\":\"Uocm:IAD-AD-2\","
                       "\"sourceDetails\":{\"type\":\"volumeBackupDelta\",\"id\":\"x\"}}",
                       NULL),
              400);
    CHECK_STR(bvt_msg(&r), "Unsupported sourceDetails type 'volumeBackupDelta'.");
    bvt_release(&r);
}

static void test_list_backups(void)
{
    struct bvt r;
    char vid[BVT_ID];
    char bid[BVT_ID];
    char p[512];
    const char *next;

    bvt_init(&r);
    CHECK_INT(bvt_volume(&t, BVT_IAD, ",\"compartmentId\":\"ocid1.compartment.oc1..blist\"", vid),
              0);
    for (int i = 0; i < 3; i++)
        CHECK_INT(bvt_backup(&t, BVT_IAD, vid, "", bid), 0);
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_IAD, "/20160918/volumeBackups", NULL, NULL), 400);
    CHECK_STR(bvt_msg(&r), "Missing required parameter 'compartmentId'.");
    snprintf(p, sizeof(p),
             "/20160918/volumeBackups?compartmentId=ocid1.compartment.oc1..blist&volumeId=%s&"
             "limit=2",
             vid);
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_IAD, p, NULL, NULL), 200);
    CHECK_INT(json_array_size(r.json), 2);
    next = resp_get_header(&r.rs, "opc-next-page");
    CHECK(next != NULL);
    snprintf(p, sizeof(p),
             "/20160918/volumeBackups?compartmentId=ocid1.compartment.oc1..blist&volumeId=%s&"
             "limit=2&page=%s",
             vid, next ? next : "");
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_IAD, p, NULL, NULL), 200);
    CHECK_INT(json_array_size(r.json), 1);
    CHECK_STR(json_string_value(json_object_get(json_array_get(r.json, 0), "id")), bid);
    CHECK(resp_get_header(&r.rs, "opc-next-page") == NULL);
    bvt_release(&r);
}

int main(void)
{
    if (apitest_open(&t))
        return 1;
    if (ocitest_put_key(&t, BVT_KEY_IAD, BVT_IAD, "AES", "ENABLED", 1) ||
        ocitest_put_key(&t, KEY_IAD_2, BVT_IAD, "AES", "ENABLED", 1) ||
        ocitest_put_key(&t, BVT_KEY_PHX, BVT_PHX, "AES", "ENABLED", 1))
        return 1;
    TEST(test_backup_inherits_current_key);
    TEST(test_update_backup_key);
    TEST(test_copy_to_destination_region);
    TEST(test_restore);
    TEST(test_list_backups);
    apitest_close(&t);
    return TEST_REPORT();
}
