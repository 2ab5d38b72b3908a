/* test_bv_lifecycle.c - Block Volume lifecycle with --bv-provisioning-ms (bv_common.c
 * bv_view_*): transitional states derived from the creation time, 409 IncorrectState on
 * operations that need AVAILABLE, 404 for TERMINATED resources, lists and lifecycleState. */
#include "harness.h"
#include "lib/bvtest.h"
#include "lib/ocitest.h"

#include <stdio.h>

static struct apitest t;

#define DELAY 1000
#define IMAGE "ocid1.image.oc1.iad.aaaaaaaaimage"

static void path_of(char *out, size_t n, const char *coll, const char *id, const char *suffix)
{
    snprintf(out, n, "/20160918/%s/%s%s", coll, id, suffix);
}

/* The number of items of a list answer. */
static size_t count(const struct bvt *r)
{
    return json_is_array(r->json) ? json_array_size(r->json) : (size_t)-1;
}

static void test_default_is_available_at_once(void)
{
    struct bvt r;

    t.cfg.bv_provisioning_ms = 0;
    bvt_init(&r);
    CHECK_INT(bvt_call(&t, &r, "POST", BVT_IAD, "/20160918/volumes",
                       "{\"compartmentId\":\"" BVT_COMP
                       "\",\"availabilityDomain\":\"Uocm:IAD-AD-1\"}",
                       NULL),
              200);
    CHECK_STR(bvt_str(&r, "lifecycleState"), "AVAILABLE");
    bvt_release(&r);
    t.cfg.bv_provisioning_ms = DELAY;
}

static void test_volume_provisioning_then_available(void)
{
    struct bvt r;
    char id[BVT_ID];
    char p[512];
    char bid[BVT_ID + 32];

    bvt_init(&r);
    CHECK_INT(bvt_call(&t, &r, "POST", BVT_IAD, "/20160918/volumes",
                       "{\"compartmentId\":\"ocid1.compartment.oc1..lifecycle1\","
                       "\"availabilityDomain\":\"Uocm:IAD-AD-1\"}",
                       NULL),
              200);
    CHECK_STR(bvt_str(&r, "lifecycleState"), "PROVISIONING");
    snprintf(id, sizeof(id), "%s", bvt_str(&r, "id"));
    path_of(p, sizeof(p), "volumes", id, "");
    t.now_ms += DELAY - 1;
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_IAD, p, NULL, NULL), 200);
    CHECK_STR(bvt_str(&r, "lifecycleState"), "PROVISIONING");
    /* operations that need an AVAILABLE volume */
    CHECK_INT(bvt_call(&t, &r, "PUT", BVT_IAD, p, "{\"displayName\":\"x\"}", NULL), 409);
    CHECK_STR(bvt_code(&r), "IncorrectState");
    {
        char want[512];

        snprintf(want, sizeof(want),
                 "Volume '%s' is in the PROVISIONING state; the operation needs it AVAILABLE.", id);
        CHECK_STR(bvt_msg(&r), want);
    }
    path_of(p, sizeof(p), "volumes", id, "/kmsKey");
    CHECK_INT(bvt_call(&t, &r, "PUT", BVT_IAD, p, "{\"kmsKeyId\":\"" BVT_KEY_IAD "\"}", NULL), 409);
    CHECK_STR(bvt_code(&r), "IncorrectState");
    CHECK_INT(bvt_call(&t, &r, "DELETE", BVT_IAD, p, NULL, NULL), 409);
    CHECK_STR(bvt_code(&r), "IncorrectState");
    /* reading the key is fine */
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_IAD, p, NULL, NULL), 200);
    snprintf(bid, sizeof(bid), "{\"volumeId\":\"%s\"}", id);
    CHECK_INT(bvt_call(&t, &r, "POST", BVT_IAD, "/20160918/volumeBackups", bid, NULL), 409);
    CHECK_STR(bvt_code(&r), "IncorrectState");
    /* a clone needs an AVAILABLE source */
    {
        char body[1024];

        snprintf(body, sizeof(body),
                 "{\"compartmentId\":\"" BVT_COMP "\",\"sourceDetails\":{\"type\":\"volume\","
                 "\"id\":\"%s\"}}",
                 id);
        CHECK_INT(bvt_call(&t, &r, "POST", BVT_IAD, "/20160918/volumes", body, NULL), 409);
        CHECK_STR(bvt_code(&r), "IncorrectState");
    }
    /* lists filter on the state a volume reads in */
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_IAD,
                       "/20160918/volumes?compartmentId=ocid1.compartment.oc1..lifecycle1&"
                       "lifecycleState=PROVISIONING",
                       NULL, NULL),
              200);
    CHECK_INT(count(&r), 1);
    CHECK_STR(json_string_value(json_object_get(json_array_get(r.json, 0), "lifecycleState")),
              "PROVISIONING");
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_IAD,
                       "/20160918/volumes?compartmentId=ocid1.compartment.oc1..lifecycle1&"
                       "lifecycleState=AVAILABLE",
                       NULL, NULL),
              200);
    CHECK_INT(count(&r), 0);
    /* DELAY ms after its creation it is AVAILABLE */
    t.now_ms += 1;
    path_of(p, sizeof(p), "volumes", id, "");
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_IAD, p, NULL, NULL), 200);
    CHECK_STR(bvt_str(&r, "lifecycleState"), "AVAILABLE");
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_IAD,
                       "/20160918/volumes?compartmentId=ocid1.compartment.oc1..lifecycle1&"
                       "lifecycleState=AVAILABLE",
                       NULL, NULL),
              200);
    CHECK_INT(count(&r), 1);
    CHECK_INT(bvt_call(&t, &r, "PUT", BVT_IAD, p, "{\"displayName\":\"x\"}", NULL), 200);
    CHECK_STR(bvt_str(&r, "lifecycleState"), "AVAILABLE");
    bvt_release(&r);
}

static void test_backup_and_copy_states(void)
{
    struct bvt r;
    char vid[BVT_ID];
    char bid[BVT_ID];
    char cid[BVT_ID];
    char p[512];
    char body[1024];

    bvt_init(&r);
    CHECK_INT(bvt_volume(&t, BVT_IAD, "", vid), 0);
    t.now_ms += DELAY;
    snprintf(body, sizeof(body), "{\"volumeId\":\"%s\"}", vid);
    CHECK_INT(bvt_call(&t, &r, "POST", BVT_IAD, "/20160918/volumeBackups", body, NULL), 200);
    CHECK_STR(bvt_str(&r, "lifecycleState"), "REQUEST_RECEIVED");
    snprintf(bid, sizeof(bid), "%s", bvt_str(&r, "id"));
    path_of(p, sizeof(p), "volumeBackups", bid, "");
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_IAD, p, NULL, NULL), 200);
    CHECK_STR(bvt_str(&r, "lifecycleState"), "REQUEST_RECEIVED");
    CHECK_INT(bvt_call(&t, &r, "PUT", BVT_IAD, p, "{\"kmsKeyId\":\"\"}", NULL), 409);
    CHECK_STR(bvt_code(&r), "IncorrectState");
    /* a copy or a restore needs an AVAILABLE backup */
    path_of(p, sizeof(p), "volumeBackups", bid, "/actions/copy");
    CHECK_INT(
        bvt_call(&t, &r, "POST", BVT_IAD, p, "{\"destinationRegion\":\"us-phoenix-1\"}", NULL),
        409);
    CHECK_STR(bvt_code(&r), "IncorrectState");
    snprintf(body, sizeof(body),
             "{\"compartmentId\":\"" BVT_COMP "\",\"availabilityDomain\":\"Uocm:IAD-AD-1\","
             "\"sourceDetails\":{\"type\":\"volumeBackup\",\"id\":\"%s\"}}",
             bid);
    CHECK_INT(bvt_call(&t, &r, "POST", BVT_IAD, "/20160918/volumes", body, NULL), 409);
    CHECK_STR(bvt_code(&r), "IncorrectState");
    t.now_ms += DELAY;
    CHECK_INT(bvt_call(&t, &r, "POST", BVT_IAD, "/20160918/volumes", body, NULL), 200);
    CHECK_STR(bvt_str(&r, "lifecycleState"), "PROVISIONING");
    CHECK_INT(
        bvt_call(&t, &r, "POST", BVT_IAD, p, "{\"destinationRegion\":\"us-phoenix-1\"}", NULL),
        200);
    CHECK_STR(bvt_str(&r, "lifecycleState"), "CREATING");
    snprintf(cid, sizeof(cid), "%s", bvt_str(&r, "id"));
    path_of(p, sizeof(p), "volumeBackups", cid, "");
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_PHX, p, NULL, NULL), 200);
    CHECK_STR(bvt_str(&r, "lifecycleState"), "CREATING");
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_PHX,
                       "/20160918/volumeBackups?compartmentId=" BVT_COMP "&lifecycleState=CREATING",
                       NULL, NULL),
              200);
    CHECK_INT(count(&r), 1);
    t.now_ms += DELAY;
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_PHX, p, NULL, NULL), 200);
    CHECK_STR(bvt_str(&r, "lifecycleState"), "AVAILABLE");
    /* CHOICE: deleting a backup still in REQUEST_RECEIVED is accepted */
    snprintf(body, sizeof(body), "{\"volumeId\":\"%s\"}", vid);
    CHECK_INT(bvt_call(&t, &r, "POST", BVT_IAD, "/20160918/volumeBackups", body, NULL), 200);
    snprintf(bid, sizeof(bid), "%s", bvt_str(&r, "id"));
    path_of(p, sizeof(p), "volumeBackups", bid, "");
    CHECK_INT(bvt_call(&t, &r, "DELETE", BVT_IAD, p, NULL, NULL), 204);
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_IAD, p, NULL, NULL), 404);
    CHECK_STR(bvt_code(&r), "NotAuthorizedOrNotFound");
    bvt_release(&r);
}

static void test_replica_and_boot_volume_states(void)
{
    struct bvt r;
    char vid[BVT_ID];
    char rid[BVT_ID];
    char p[512];
    char body[1024];

    bvt_init(&r);
    CHECK_INT(bvt_volume(&t, BVT_IAD, "", vid), 0);
    t.now_ms += DELAY;
    path_of(p, sizeof(p), "volumes", vid, "");
    CHECK_INT(bvt_call(&t, &r, "PUT", BVT_IAD, p,
                       "{\"blockVolumeReplicas\":[{\"availabilityDomain\":\"Uocm:PHX-AD-1\"}]}",
                       NULL),
              200);
    snprintf(rid, sizeof(rid), "%s",
             json_string_value(
                 json_object_get(json_array_get(json_object_get(r.json, "blockVolumeReplicas"), 0),
                                 "blockVolumeReplicaId")));
    path_of(p, sizeof(p), "blockVolumeReplicas", rid, "");
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_PHX, p, NULL, NULL), 200);
    CHECK_STR(bvt_str(&r, "lifecycleState"), "PROVISIONING");
    /* activating a replica still PROVISIONING */
    snprintf(body, sizeof(body),
             "{\"compartmentId\":\"" BVT_COMP "\",\"sourceDetails\":{\"type\":"
             "\"blockVolumeReplica\",\"id\":\"%s\"}}",
             rid);
    CHECK_INT(bvt_call(&t, &r, "POST", BVT_PHX, "/20160918/volumes", body, NULL), 409);
    CHECK_STR(bvt_code(&r), "IncorrectState");
    t.now_ms += DELAY;
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_PHX, p, NULL, NULL), 200);
    CHECK_STR(bvt_str(&r, "lifecycleState"), "AVAILABLE");
    CHECK_INT(bvt_call(&t, &r, "POST", BVT_PHX, "/20160918/volumes", body, NULL), 200);
    /* boot volumes from the emulator's image root */
    CHECK_INT(bvt_call(&t, &r, "POST", BVT_IAD, "/20160918/bootVolumes",
                       "{\"compartmentId\":\"" BVT_COMP "\",\"availabilityDomain\":"
                       "\"Uocm:IAD-AD-1\",\"sourceDetails\":{\"type\":\"image\",\"id\":\"" IMAGE
                       "\"}}",
                       NULL),
              200);
    CHECK_STR(bvt_str(&r, "lifecycleState"), "PROVISIONING");
    snprintf(vid, sizeof(vid), "%s", bvt_str(&r, "id"));
    path_of(p, sizeof(p), "bootVolumes", vid, "/kmsKey");
    CHECK_INT(bvt_call(&t, &r, "PUT", BVT_IAD, p, "{\"kmsKeyId\":\"" BVT_KEY_IAD "\"}", NULL), 409);
    CHECK_STR(bvt_code(&r), "IncorrectState");
    CHECK_CONTAINS(bvt_msg(&r), "Boot volume '");
    t.now_ms += DELAY;
    CHECK_INT(bvt_call(&t, &r, "PUT", BVT_IAD, p, "{\"kmsKeyId\":\"" BVT_KEY_IAD "\"}", NULL), 200);
    bvt_release(&r);
}

static void test_terminated_is_404_and_listed_on_request(void)
{
    struct bvt r;
    char vid[BVT_ID];
    char p[512];

    bvt_init(&r);
    CHECK_INT(
        bvt_volume(&t, BVT_IAD, ",\"compartmentId\":\"ocid1.compartment.oc1..lifecycle2\"", vid),
        0);
    /* CHOICE: a volume still PROVISIONING may be deleted */
    path_of(p, sizeof(p), "volumes", vid, "");
    CHECK_INT(bvt_call(&t, &r, "DELETE", BVT_IAD, p, NULL, NULL), 204);
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_IAD, p, NULL, NULL), 404);
    CHECK_STR(bvt_code(&r), "NotAuthorizedOrNotFound");
    path_of(p, sizeof(p), "volumes", vid, "/kmsKey");
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_IAD, p, NULL, NULL), 404);
    /* lists leave TERMINATED out unless asked for */
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_IAD,
                       "/20160918/volumes?compartmentId=ocid1.compartment.oc1..lifecycle2", NULL,
                       NULL),
              200);
    CHECK_INT(count(&r), 0);
    CHECK_INT(bvt_call(&t, &r, "GET", BVT_IAD,
                       "/20160918/volumes?compartmentId=ocid1.compartment.oc1..lifecycle2&"
                       "lifecycleState=TERMINATED",
                       NULL, NULL),
              200);
    CHECK_INT(count(&r), 1);
    CHECK_STR(json_string_value(json_object_get(json_array_get(r.json, 0), "lifecycleState")),
              "TERMINATED");
    bvt_release(&r);
}

int main(void)
{
    if (apitest_open(&t))
        return 1;
    t.cfg.bv_provisioning_ms = DELAY;
    if (ocitest_put_key(&t, BVT_KEY_IAD, BVT_IAD, "AES", "ENABLED", 1))
        return 1;
    TEST(test_default_is_available_at_once);
    TEST(test_volume_provisioning_then_available);
    TEST(test_backup_and_copy_states);
    TEST(test_replica_and_boot_volume_states);
    TEST(test_terminated_is_404_and_listed_on_request);
    apitest_close(&t);
    return TEST_REPORT();
}
