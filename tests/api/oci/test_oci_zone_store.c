/* test_oci_zone_store.c - which security zone governs a compartment (storage/oci_cg_store.c). */
#include "harness.h"
#include "lib/ocitest.h"

#include "storage/store_oci.h"

static struct apitest t;

static void test_zone_covers_children(void)
{
    static const char *const pol[] = { "deny buckets_without_vault_key", NULL };
    char zone[64];

    CHECK_INT(ocitest_put_zone(&t, "comp-a", NULL, "zoneA", pol), 0);
    CHECK_INT(store_oci_compartment_put(t.st, "comp-a-child", "comp-a", OCITEST_TENANCY), 0);
    CHECK_INT(store_oci_compartment_put(t.st, "comp-a-grandchild", "comp-a-child", OCITEST_TENANCY),
              0);
    CHECK_INT(store_cg_policy_applies(t.st, "comp-a", "deny buckets_without_vault_key", zone,
                                      sizeof(zone)),
              STORE_OK);
    CHECK_STR(zone, "zoneA");
    CHECK_INT(store_cg_policy_applies(t.st, "comp-a-grandchild", "deny buckets_without_vault_key",
                                      zone, sizeof(zone)),
              STORE_OK);
    CHECK_INT(store_cg_policy_applies(t.st, "comp-a", "deny public_buckets", zone, sizeof(zone)),
              STORE_NOT_FOUND);
    CHECK_INT(store_cg_policy_applies(t.st, "comp-elsewhere", "deny buckets_without_vault_key",
                                      zone, sizeof(zone)),
              STORE_NOT_FOUND);
}

static void test_nearest_zone_wins(void)
{
    static const char *const none[] = { "deny public_buckets", NULL };
    char zone[64];

    /* a child with its own zone whose recipe lacks the policy is not covered by the parent's */
    CHECK_INT(ocitest_put_zone(&t, "comp-b", "comp-a", "zoneB", none), 0);
    CHECK_INT(store_cg_policy_applies(t.st, "comp-b", "deny buckets_without_vault_key", zone,
                                      sizeof(zone)),
              STORE_NOT_FOUND);
    CHECK_INT(store_cg_policy_applies(t.st, "comp-b", "deny public_buckets", zone, sizeof(zone)),
              STORE_OK);
    CHECK_STR(zone, "zoneB");
}

int main(void)
{
    if (apitest_open(&t))
        return 1;
    TEST(test_zone_covers_children);
    TEST(test_nearest_zone_wins);
    apitest_close(&t);
    return TEST_REPORT();
}
