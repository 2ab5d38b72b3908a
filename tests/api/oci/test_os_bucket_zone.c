/* test_os_bucket_zone.c - security zones on buckets (os_bucket_rules.c, §5): inside a zone whose
 * recipe holds the policy, a bucket without a Vault key or a public bucket is refused with 403
 * NotAuthorized and nothing is written; outside a zone the same requests succeed. */
#include "os_test.h"

#define ZONE_COMP  "ocid1.compartment.oc1..aaaaaaaazoneaaaa"
#define CHILD_COMP "ocid1.compartment.oc1..aaaaaaaazonechild"
#define OUT_COMP   "ocid1.compartment.oc1..aaaaaaaaoutside"
#define NO_KEY_MSG                                                                       \
    "The request violates the security zone policy 'deny buckets_without_vault_key' of " \
    "security zone 'zoneA'"
#define PUBLIC_MSG \
    "The request violates the security zone policy 'deny public_buckets' of security zone 'zoneA'"

static void test_setup(void)
{
    static const char *const pol[] = { "deny buckets_without_vault_key", "deny public_buckets",
                                       NULL };

    CHECK_INT(ocitest_put_zone(&t, ZONE_COMP, NULL, "zoneA", pol), 0);
    CHECK_INT(store_oci_compartment_put(t.st, CHILD_COMP, ZONE_COMP, OCITEST_TENANCY), 0);
    CHECK_INT(ocitest_put_key(&t, KEY_IAD("zk"), "us-ashburn-1", "AES", "ENABLED", 1), 0);
}

static void test_create_in_zone(void)
{
    /* without a key: refused, in the zone's compartment and in its child */
    CHECK_CALL_ERR(403, "NotAuthorized", NO_KEY_MSG, "POST", NULL,
                   "{\"name\":\"z-nokey\",\"compartmentId\":\"" ZONE_COMP "\"}", IAD "/n/%s/b", ns);
    CHECK_CALL_ERR(403, "NotAuthorized", NO_KEY_MSG, "POST", NULL,
                   "{\"name\":\"z-nokey\",\"compartmentId\":\"" CHILD_COMP "\"}", IAD "/n/%s/b",
                   ns);
    CHECK_CALL_STATUS(404, "GET", NULL, NULL, IAD "/n/%s/b/z-nokey", ns);

    /* with a key but public: refused naming deny public_buckets */
    CHECK_CALL_ERR(403, "NotAuthorized", PUBLIC_MSG, "POST", NULL,
                   "{\"name\":\"z-pub\",\"compartmentId\":\"" CHILD_COMP
                   "\",\"kmsKeyId\":\"" KEY_IAD("zk") "\",\"publicAccessType\":\"ObjectRead\"}",
                   IAD "/n/%s/b", ns);

    /* with a key and private: allowed */
    CHECK_INT(make_bucket(IAD, "z-ok", CHILD_COMP, "\"kmsKeyId\":\"" KEY_IAD("zk") "\""), 0);

    /* outside the zone the same requests succeed */
    CHECK_INT(make_bucket(IAD, "out-nokey", OUT_COMP, NULL), 0);
    CHECK_INT(make_bucket(IAD, "out-pub", OUT_COMP, "\"publicAccessType\":\"ObjectRead\""), 0);
}

static void test_update_in_zone(void)
{
    struct call c;
    char before[41], after[41];

    bucket_etag(IAD, "z-ok", before);
    CHECK_CALL_ERR(403, "NotAuthorized", NO_KEY_MSG, "POST", NULL, "{\"kmsKeyId\":\"\"}",
                   IAD "/n/%s/b/z-ok", ns);
    CHECK_CALL_ERR(403, "NotAuthorized", PUBLIC_MSG, "POST", NULL,
                   "{\"publicAccessType\":\"ObjectReadWithoutList\"}", IAD "/n/%s/b/z-ok", ns);
    bucket_etag(IAD, "z-ok", after);
    CHECK_STR(after, before);
    callf(&c, "GET", NULL, NULL, IAD "/n/%s/b/z-ok", ns);
    CHECK_STR(jstr(&c, "kmsKeyId"), KEY_IAD("zk"));
    CHECK_STR(jstr(&c, "publicAccessType"), "NoPublicAccess");
    call_release(&c);

    /* changes the policies do not look at are allowed */
    CHECK_CALL_STATUS(200, "POST", NULL,
                      "{\"metadata\":{\"a\":\"b\"},\"publicAccessType\":\"NoPublicAccess\"}",
                      IAD "/n/%s/b/z-ok", ns);

    /* a bucket without a key cannot move into the zone */
    CHECK_CALL_ERR(403, "NotAuthorized", NO_KEY_MSG, "POST", NULL,
                   "{\"compartmentId\":\"" CHILD_COMP "\"}", IAD "/n/%s/b/out-nokey", ns);

    /* outside: removing the key and going public succeed */
    callf(&c, "POST", NULL, "{\"kmsKeyId\":\"\",\"publicAccessType\":\"ObjectRead\"}",
          IAD "/n/%s/b/out-nokey", ns);
    CHECK_INT(c.rs.status, 200);
    CHECK(jnull(&c, "kmsKeyId"));
    call_release(&c);
}

static void test_zone_without_policy(void)
{
    static const char *const pol[] = { "deny block_volume_without_vault_key", NULL };

    /* a zone whose recipe lacks the bucket policies does not refuse buckets */
    CHECK_INT(ocitest_put_zone(&t, "ocid1.compartment.oc1..aaaaaaaabvonly", NULL, "zoneBV", pol),
              0);
    CHECK_CALL_STATUS(
        200, "POST", NULL,
        "{\"name\":\"bv-zone-b\",\"compartmentId\":\"ocid1.compartment.oc1..aaaaaaaabvonly\","
        "\"publicAccessType\":\"ObjectRead\"}",
        IAD "/n/%s/b", ns);
}

int main(void)
{
    if (os_test_open())
        return 1;
    TEST(test_setup);
    TEST(test_create_in_zone);
    TEST(test_update_in_zone);
    TEST(test_zone_without_policy);
    apitest_close(&t);
    return TEST_REPORT();
}
