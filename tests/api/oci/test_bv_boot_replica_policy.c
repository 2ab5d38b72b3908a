/* test_bv_boot_replica_policy.c - boot volumes and their backups (bv_boot_volume.c), replicas in
 * the region of their availability domain (bv_replica.c), backup policies and assignments with
 * xrcKmsKeyId (bv_policy.c). */
#include "harness.h"
#include "lib/bvtest.h"
#include "lib/ocitest.h"

#include <stdio.h>

static struct apitest t;

#define IMAGE     "ocid1.image.oc1.iad.aaaaaaaaimage"
#define BOOT_COMP "ocid1.compartment.oc1..aaaaaaaabootzone"

static int boot_from_image(const char *comp, const char *extra, char *id)
{
    struct bvt r;
    char body[1024];
    int rc;

    bvt_init(&r);
    snprintf(body, sizeof(body),
             "{\"compartmentId\":\"%s\",\"availabilityDomain\":\"Uocm:IAD-AD-1\","
             "\"sourceDetails\":{\"type\":\"image\",\"id\":\"" IMAGE "\"}%s}",
             comp, extra);
    rc = bvt_call(&t, &r, "POST", BVT_IAD, "/20160918/bootVolumes", body, NULL);
    if (rc == 200)
        snprintf(id, BVT_ID, "%s", bvt_str(&r, "id"));
    bvt_release(&r);
    return rc;
}

static void test_boot_volume_from_image(void)
{
    struct bvt r;
    char id[BVT_ID];
    char p[512];

    bvt_init(&r);
    CHECK_INT(bvt_call(&t, &r, "POST", BVT_IAD, "/20160918/bootVolumes",
                       "{\"compartmentId\":\"" BVT_COMP
                       "\",\"availabilityDomain\":\"Uocm:IAD-AD-1\"}",
                       NULL),
              400);
    CHECK_STR(bvt_msg(&r), "Missing required parameter 'sourceDetails'.");
    CHECK_INT(bvt_call(&t, &r, "POST", BVT_IAD, "/20160918/bootVolumes",
                       "{\"compartmentId\":\"" BVT_COMP
                       "\",\"availabilityDomain\":\"Uocm:IAD-AD-1\","
                       "\"sourceDetails\":{\"type\":\"image\",\"id\":\"ocid1.volume.oc1.iad.x\"}}",
                       NULL),
              400);
    CHECK_STR(bvt_msg(&r), "Invalid value for parameter 'sourceDetails.id'.");
    CHECK_INT(boot_from_image(BVT_COMP, "", id), 200);
    snprintf(p, sizeof(p), "/20160918/bootVolumes/%s", id);
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_IAD, p, NULL, NULL), 200);
    CHECK(!strncmp(bvt_str(&r, "id"), "ocid1.bootvolume.oc1.iad.", 25));
    CHECK_STR(bvt_str(&r, "imageId"), IMAGE);
    CHECK(json_is_null(json_object_get(r.json, "sourceDetails")));
    CHECK(json_is_null(json_object_get(r.json, "kmsKeyId")));
    CHECK_INT(json_integer_value(json_object_get(r.json, "sizeInGBs")), 47);
    /* a boot volume is not a block volume */
    snprintf(p, sizeof(p), "/20160918/volumes/%s", id);
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_IAD, p, NULL, NULL), 404);
    bvt_release(&r);
}

static void test_boot_kms_key_backup_clone(void)
{
    struct bvt r;
    char id[BVT_ID];
    char bid[BVT_ID];
    char p[512];
    char body[1024];

    bvt_init(&r);
    CHECK_INT(boot_from_image(BVT_COMP, "", id), 200);
    snprintf(p, sizeof(p), "/20160918/bootVolumes/%s/kmsKey", id);
    CHECK_INT(bvt_call(&t, &r, "PUT", BVT_IAD, p, "{\"kmsKeyId\":\"" BVT_KEY_PHX "\"}", NULL), 400);
    CHECK_INT(bvt_call(&t, &r, "PUT", BVT_IAD, p, "{\"kmsKeyId\":\"" BVT_KEY_IAD "\"}", NULL), 200);
    CHECK_STR(bvt_str(&r, "kmsKeyId"), BVT_KEY_IAD);
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_IAD, p, NULL, NULL), 200);
    CHECK_STR(buf_str(&r.rs.body), "{\"kmsKeyId\":\"" BVT_KEY_IAD "\"}");
    /* a boot volume backup inherits the key */
    snprintf(body, sizeof(body), "{\"bootVolumeId\":\"%s\"}", id);
    CHECK_INT(bvt_call(&t, &r, "POST", BVT_IAD, "/20160918/bootVolumeBackups", body, NULL), 200);
    CHECK(!strncmp(bvt_str(&r, "id"), "ocid1.bootvolumebackup.oc1.iad.", 31));
    CHECK_STR(bvt_str(&r, "kmsKeyId"), BVT_KEY_IAD);
    CHECK_STR(bvt_str(&r, "bootVolumeId"), id);
    CHECK_STR(bvt_str(&r, "imageId"), IMAGE);
    snprintf(bid, sizeof(bid), "%s", bvt_str(&r, "id"));
    /* copy with a destination key */
    snprintf(p, sizeof(p), "/20160918/bootVolumeBackups/%s/actions/copy", bid);
    CHECK_INT(bvt_call(&t, &r, "POST", BVT_IAD, p,
                       "{\"destinationRegion\":\"us-phoenix-1\",\"kmsKeyId\":\"" BVT_KEY_PHX "\"}",
                       NULL),
              200);
    CHECK_STR(bvt_str(&r, "sourceBootVolumeBackupId"), bid);
    CHECK_STR(bvt_str(&r, "kmsKeyId"), BVT_KEY_PHX);
    snprintf(p, sizeof(p), "/20160918/bootVolumeBackups/%s", bvt_str(&r, "id"));
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_PHX, p, NULL, NULL), 200);
    /* UpdateBootVolumeBackup with "" */
    snprintf(p, sizeof(p), "/20160918/bootVolumeBackups/%s", bid);
    CHECK_INT(bvt_call(&t, &r, "PUT", BVT_IAD, p, "{\"kmsKeyId\":\"\"}", NULL), 200);
    CHECK(json_is_null(json_object_get(r.json, "kmsKeyId")));
    /* restore and clone of boot volumes */
    snprintf(body, sizeof(body),
             "{\"compartmentId\":\"" BVT_COMP "\",\"availabilityDomain\":\"Uocm:IAD-AD-1\","
             "\"sourceDetails\":{\"type\":\"bootVolumeBackup\",\"id\":\"%s\"}}",
             bid);
    CHECK_INT(bvt_call(&t, &r, "POST", BVT_IAD, "/20160918/bootVolumes", body, NULL), 200);
    CHECK_STR(bvt_str(&r, "imageId"), IMAGE);
    CHECK(json_is_null(json_object_get(r.json, "kmsKeyId")));
    snprintf(body, sizeof(body),
             "{\"compartmentId\":\"" BVT_COMP "\",\"kmsKeyId\":\"" BVT_KEY_IAD
             "\",\"sourceDetails\":{\"type\":\"bootVolume\",\"id\":\"%s\"}}",
             id);
    CHECK_INT(bvt_call(&t, &r, "POST", BVT_IAD, "/20160918/bootVolumes", body, NULL), 200);
    CHECK_STR(bvt_str(&r, "kmsKeyId"), BVT_KEY_IAD);
    CHECK_STR(json_string_value(json_object_get(json_object_get(r.json, "sourceDetails"), "type")),
              "bootVolume");
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_IAD, "/20160918/bootVolumes?compartmentId=" BVT_COMP,
                       NULL, NULL),
              200);
    CHECK_INT(json_array_size(r.json), 4);
    bvt_release(&r);
}

static void test_boot_zone(void)
{
    static const char *const boot[] = { "deny boot_volume_without_vault_key", NULL };
    static const char *const msg = "The request violates the security zone policy 'deny "
                                   "boot_volume_without_vault_key' of security zone 'bootzone'.";
    struct bvt r;
    char id[BVT_ID];
    char p[512];

    bvt_init(&r);
    CHECK_INT(ocitest_put_zone(&t, BOOT_COMP, NULL, "bootzone", boot), 0);
    CHECK_INT(boot_from_image(BOOT_COMP, "", id), 403);
    CHECK_INT(bvt_call(&t, &r, "POST", BVT_IAD, "/20160918/bootVolumes",
                       "{\"compartmentId\":\"" BOOT_COMP
                       "\",\"availabilityDomain\":\"Uocm:IAD-AD-1\","
                       "\"sourceDetails\":{\"type\":\"image\",\"id\":\"" IMAGE "\"}}",
                       NULL),
              403);
    CHECK_STR(bvt_code(&r), "NotAuthorized");
    CHECK_STR(bvt_msg(&r), msg);
    /* the boot policy does not govern block volumes */
    CHECK_INT(bvt_volume(&t, BVT_IAD, ",\"compartmentId\":\"" BOOT_COMP "\"", id), 0);
    CHECK_INT(boot_from_image(BOOT_COMP, ",\"kmsKeyId\":\"" BVT_KEY_IAD "\"", id), 200);
    snprintf(p, sizeof(p), "/20160918/bootVolumes/%s/kmsKey", id);
    CHECK_INT(bvt_call(&t, &r, "DELETE", BVT_IAD, p, NULL, NULL), 403);
    CHECK_STR(bvt_msg(&r), msg);
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_IAD, p, NULL, NULL), 200);
    CHECK_STR(bvt_str(&r, "kmsKeyId"), BVT_KEY_IAD);
    bvt_release(&r);
}

static void test_replicas_live_in_their_region(void)
{
    struct bvt r;
    char id[BVT_ID];
    char rid[BVT_ID];
    char p[512];
    char body[1024];
    const json_t *reps;

    bvt_init(&r);
    /* the replica's key must be in the replica's region */
    CHECK_INT(bvt_call(&t, &r, "POST", BVT_IAD, "/20160918/volumes",
                       "{\"compartmentId\":\"ocid1.compartment.oc1..reps\",\"availabilityDomain\":"
                       "\"Uocm:IAD-AD-1\",\"blockVolumeReplicas\":[{\"availabilityDomain\":"
                       "\"Uocm:PHX-AD-1\",\"xrrKmsKeyId\":\"" BVT_KEY_IAD "\"}]}",
                       NULL),
              400);
    CHECK_STR(bvt_msg(&r), "The key '" BVT_KEY_IAD
                           "' must exist in the destination region of the cross-region operation.");
    CHECK_INT(bvt_call(&t, &r, "POST", BVT_IAD, "/20160918/volumes",
                       "{\"compartmentId\":\"ocid1.compartment.oc1..reps\",\"availabilityDomain\":"
                       "\"Uocm:IAD-AD-1\",\"blockVolumeReplicas\":[{\"availabilityDomain\":"
                       "\"AD-9\"}]}",
                       NULL),
              400);
    CHECK_STR(bvt_msg(&r), "The availability domain 'AD-9' does not name a known region.");
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_IAD,
                       "/20160918/volumes?compartmentId=ocid1.compartment.oc1..reps", NULL, NULL),
              200);
    CHECK_STR(buf_str(&r.rs.body), "[]");
    CHECK_INT(bvt_call(&t, &r, "POST", BVT_IAD, "/20160918/volumes",
                       "{\"compartmentId\":\"ocid1.compartment.oc1..reps\",\"availabilityDomain\":"
                       "\"Uocm:IAD-AD-1\",\"blockVolumeReplicas\":[{\"availabilityDomain\":"
                       "\"Uocm:PHX-AD-1\",\"displayName\":\"rep\",\"xrrKmsKeyId\":\"" BVT_KEY_PHX
                       "\"}]}",
                       NULL),
              200);
    snprintf(id, sizeof(id), "%s", bvt_str(&r, "id"));
    reps = json_object_get(r.json, "blockVolumeReplicas");
    CHECK_INT(json_array_size(reps), 1);
    CHECK_STR(json_string_value(json_object_get(json_array_get(reps, 0), "kmsKeyId")), BVT_KEY_PHX);
    CHECK_STR(json_string_value(json_object_get(json_array_get(reps, 0), "availabilityDomain")),
              "Uocm:PHX-AD-1");
    snprintf(rid, sizeof(rid), "%s",
             json_string_value(json_object_get(json_array_get(reps, 0), "blockVolumeReplicaId")));
    CHECK(!strncmp(rid, "ocid1.blockvolumereplica.oc1.phx.", 33));
    snprintf(p, sizeof(p), "/20160918/blockVolumeReplicas/%s", rid);
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_PHX, p, NULL, NULL), 200);
    CHECK_STR(bvt_str(&r, "kmsKeyId"), BVT_KEY_PHX);
    CHECK_STR(bvt_str(&r, "blockVolumeId"), id);
    CHECK_STR(bvt_str(&r, "displayName"), "rep");
    CHECK_INT(strlen(bvt_etag(&r)), 40);
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_IAD, p, NULL, NULL), 404);
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_PHX,
                       "/20160918/blockVolumeReplicas?compartmentId=ocid1.compartment.oc1..reps",
                       NULL, NULL),
              200);
    CHECK_INT(json_array_size(r.json), 1);
    /* activating the replica in its region */
    snprintf(body, sizeof(body),
             "{\"compartmentId\":\"ocid1.compartment.oc1..reps\",\"kmsKeyId\":\"" BVT_KEY_PHX
             "\",\"sourceDetails\":{\"type\":\"blockVolumeReplica\",\"id\":\"%s\"}}",
             rid);
    CHECK_INT(bvt_call(&t, &r, "POST", BVT_PHX, "/20160918/volumes", body, NULL), 200);
    CHECK_STR(bvt_str(&r, "availabilityDomain"), "Uocm:PHX-AD-1");
    CHECK_STR(bvt_str(&r, "kmsKeyId"), BVT_KEY_PHX);
    /* an empty list disables replication */
    snprintf(p, sizeof(p), "/20160918/volumes/%s", id);
    CHECK_INT(bvt_call(&t, &r, "PUT", BVT_IAD, p, "{\"blockVolumeReplicas\":[]}", NULL), 200);
    CHECK(json_is_null(json_object_get(r.json, "blockVolumeReplicas")));
    snprintf(p, sizeof(p), "/20160918/blockVolumeReplicas/%s", rid);
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_PHX, p, NULL, NULL), 404);
    bvt_release(&r);
}

static void test_policy_assignment(void)
{
    struct bvt r;
    char vid[BVT_ID];
    char pol[BVT_ID];
    char plain[BVT_ID];
    char aid[BVT_ID];
    char p[512];
    char body[1024];

    bvt_init(&r);
    CHECK_INT(bvt_volume(&t, BVT_IAD, "", vid), 0);
    CHECK_INT(bvt_call(&t, &r, "POST", BVT_IAD, "/20160918/volumeBackupPolicies",
                       "{\"compartmentId\":\"" BVT_COMP "\",\"destinationRegion\":\"mars-1\"}",
                       NULL),
              400);
    CHECK_STR(bvt_msg(&r), "Unknown destinationRegion 'mars-1'.");
    CHECK_INT(bvt_call(&t, &r, "POST", BVT_IAD, "/20160918/volumeBackupPolicies",
                       "{\"compartmentId\":\"" BVT_COMP "\",\"displayName\":\"p\","
                       "\"destinationRegion\":\"us-phoenix-1\",\"schedules\":[{\"backupType\":"
                       "\"FULL\",\"period\":\"ONE_DAY\",\"retentionSeconds\":86400}]}",
                       NULL),
              200);
    snprintf(pol, sizeof(pol), "%s", bvt_str(&r, "id"));
    CHECK_STR(bvt_str(&r, "destinationRegion"), "us-phoenix-1");
    CHECK_INT(json_array_size(json_object_get(r.json, "schedules")), 1);
    snprintf(p, sizeof(p), "/20160918/volumeBackupPolicies/%s", pol);
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_IAD, p, NULL, NULL), 200);
    CHECK_STR(bvt_str(&r, "displayName"), "p");
    CHECK_INT(bvt_call(&t, &r, "POST", BVT_IAD, "/20160918/volumeBackupPolicies",
                       "{\"compartmentId\":\"" BVT_COMP "\"}", NULL),
              200);
    snprintf(plain, sizeof(plain), "%s", bvt_str(&r, "id"));
    /* xrcKmsKeyId lives in the policy's destination region */
    snprintf(body, sizeof(body),
             "{\"assetId\":\"%s\",\"policyId\":\"%s\",\"xrcKmsKeyId\":\"" BVT_KEY_IAD "\"}", vid,
             pol);
    CHECK_INT(
        bvt_call(&t, &r, "POST", BVT_IAD, "/20160918/volumeBackupPolicyAssignments", body, NULL),
        400);
    CHECK_STR(bvt_msg(&r), "The key '" BVT_KEY_IAD
                           "' must exist in the destination region of the cross-region operation.");
    snprintf(body, sizeof(body),
             "{\"assetId\":\"%s\",\"policyId\":\"%s\",\"xrcKmsKeyId\":\"" BVT_KEY_PHX "\"}", vid,
             plain);
    CHECK_INT(
        bvt_call(&t, &r, "POST", BVT_IAD, "/20160918/volumeBackupPolicyAssignments", body, NULL),
        400);
    CHECK_STR(bvt_msg(&r),
              "xrcKmsKeyId '" BVT_KEY_PHX "' needs a backup policy with a destinationRegion.");
    CHECK_INT(bvt_call(&t, &r, "POST", BVT_IAD, "/20160918/volumeBackupPolicyAssignments",
                       "{\"policyId\":\"x\"}", NULL),
              400);
    CHECK_STR(bvt_msg(&r), "Missing required parameter 'assetId'.");
    snprintf(body, sizeof(body),
             "{\"assetId\":\"%s\",\"policyId\":\"%s\",\"xrcKmsKeyId\":\"" BVT_KEY_PHX "\"}", vid,
             pol);
    CHECK_INT(
        bvt_call(&t, &r, "POST", BVT_IAD, "/20160918/volumeBackupPolicyAssignments", body, NULL),
        200);
    CHECK_STR(bvt_str(&r, "xrcKmsKeyId"), BVT_KEY_PHX);
    CHECK_STR(bvt_str(&r, "assetId"), vid);
    snprintf(aid, sizeof(aid), "%s", bvt_str(&r, "id"));
    CHECK_INT(
        bvt_call(&t, &r, "POST", BVT_IAD, "/20160918/volumeBackupPolicyAssignments", body, NULL),
        409);
    CHECK_STR(bvt_code(&r), "Conflict");
    snprintf(p, sizeof(p), "/20160918/volumeBackupPolicyAssignments?assetId=%s", vid);
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_IAD, p, NULL, NULL), 200);
    CHECK_INT(json_array_size(r.json), 1);
    CHECK_STR(json_string_value(json_object_get(json_array_get(r.json, 0), "xrcKmsKeyId")),
              BVT_KEY_PHX);
    snprintf(p, sizeof(p), "/20160918/volumeBackupPolicyAssignments/%s", aid);
    CHECK_INT(bvt_call(&t, &r, "DELETE", BVT_IAD, p, NULL, NULL), 204);
    CHECK_INT(bvt_call(&t, &r, "DELETE", BVT_IAD, p, NULL, NULL), 404);
    snprintf(p, sizeof(p), "/20160918/volumeBackupPolicyAssignments?assetId=%s", vid);
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_IAD, p, NULL, NULL), 200);
    CHECK_STR(buf_str(&r.rs.body), "[]");
    /* CreateVolume with backupPolicyId and xrcKmsKeyId assigns the policy */
    snprintf(body, sizeof(body), ",\"backupPolicyId\":\"%s\",\"xrcKmsKeyId\":\"" BVT_KEY_PHX "\"",
             pol);
    CHECK_INT(bvt_volume(&t, BVT_IAD, body, vid), 0);
    snprintf(p, sizeof(p), "/20160918/volumeBackupPolicyAssignments?assetId=%s", vid);
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_IAD, p, NULL, NULL), 200);
    CHECK_INT(json_array_size(r.json), 1);
    bvt_release(&r);
}

int main(void)
{
    if (apitest_open(&t))
        return 1;
    if (ocitest_put_key(&t, BVT_KEY_IAD, BVT_IAD, "AES", "ENABLED", 1) ||
        ocitest_put_key(&t, BVT_KEY_PHX, BVT_PHX, "AES", "ENABLED", 1))
        return 1;
    TEST(test_boot_volume_from_image);
    TEST(test_boot_kms_key_backup_clone);
    TEST(test_boot_zone);
    TEST(test_replicas_live_in_their_region);
    TEST(test_policy_assignment);
    apitest_close(&t);
    return TEST_REPORT();
}
