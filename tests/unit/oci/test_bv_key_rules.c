/* test_bv_key_rules.c - the Block Volume key rules as table rows (server/oci/bv/bv_key_rules.c):
 * syntax, region (same or destination), existence, state, algorithm, versions (§6, §9). */
#include "harness.h"

#include "server/oci/bv/bv_key_rules.h"
#include "server/oci/oci_errors.h"

#include <string.h>

#define K_IAD "ocid1.key.oc1.iad.vault1.aaaa"
#define K_PHX "ocid1.key.oc1.us-phoenix-1.vault1.aaaa"

struct row {
    const char *key;
    const char *stored_state; /* NULL = no such key */
    const char *algorithm;
    int versions;
    const char *region;
    enum bv_key_scope scope;
    int want;
};

static const struct row rows[] = {
    { K_IAD, "ENABLED", "AES", 1, "us-ashburn-1", BV_KEY_SAME_REGION, OCI_OK },
    { "ocid1.key.oc1.iad.aaaa", "ENABLED", "AES", 1, "us-ashburn-1", BV_KEY_SAME_REGION,
      OCI_ERR_BV_KEY_INVALID },
    { "ocid1.key.oc1.mars.v.aaaa", "ENABLED", "AES", 1, "us-ashburn-1", BV_KEY_SAME_REGION,
      OCI_ERR_BV_KEY_INVALID },
    { "", NULL, NULL, 0, "us-ashburn-1", BV_KEY_SAME_REGION, OCI_ERR_BV_KEY_INVALID },
    { K_PHX, "ENABLED", "AES", 1, "us-ashburn-1", BV_KEY_SAME_REGION, OCI_ERR_BV_KEY_REGION },
    { K_PHX, "ENABLED", "AES", 1, "us-phoenix-1", BV_KEY_DESTINATION, OCI_OK },
    { K_IAD, "ENABLED", "AES", 1, "us-phoenix-1", BV_KEY_DESTINATION, OCI_ERR_BV_KEY_DEST_REGION },
    { "ocid1.key.oc1.iad-ad-1.vault1.aaaa", "ENABLED", "AES", 1, "us-ashburn-1", BV_KEY_SAME_REGION,
      OCI_OK },
    { K_IAD, NULL, NULL, 0, "us-ashburn-1", BV_KEY_SAME_REGION, OCI_ERR_BV_KEY_NOT_FOUND },
    { K_IAD, "DELETED", "AES", 0, "us-ashburn-1", BV_KEY_SAME_REGION, OCI_ERR_BV_KEY_NOT_FOUND },
    { K_IAD, "DISABLED", "AES", 1, "us-ashburn-1", BV_KEY_SAME_REGION, OCI_ERR_BV_KEY_NOT_ENABLED },
    { K_IAD, "PENDING_DELETION", "AES", 1, "us-ashburn-1", BV_KEY_SAME_REGION,
      OCI_ERR_BV_KEY_NOT_ENABLED },
    { K_IAD, "ENABLED", "RSA", 1, "us-ashburn-1", BV_KEY_SAME_REGION, OCI_ERR_BV_KEY_NOT_AES },
    { K_IAD, "ENABLED", "ECDSA", 1, "us-ashburn-1", BV_KEY_SAME_REGION, OCI_ERR_BV_KEY_NOT_AES },
    { K_IAD, "ENABLED", "AES", 2, "us-ashburn-1", BV_KEY_SAME_REGION, OCI_ERR_BV_KEY_VERSIONS },
};

static void test_rows(void)
{
    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
        const struct row *r = &rows[i];
        struct kms_key_ref ref;

        memset(&ref, 0, sizeof(ref));
        if (r->stored_state) {
            snprintf(ref.id, sizeof(ref.id), "%s", r->key);
            snprintf(ref.lifecycle_state, sizeof(ref.lifecycle_state), "%s", r->stored_state);
            snprintf(ref.algorithm, sizeof(ref.algorithm), "%s", r->algorithm);
            ref.versions = r->versions;
        }
        CHECK_INT(bv_key_rules_check(r->key, r->stored_state ? &ref : NULL, r->region, r->scope),
                  r->want);
    }
}

int main(void)
{
    TEST(test_rows);
    return TEST_REPORT();
}
