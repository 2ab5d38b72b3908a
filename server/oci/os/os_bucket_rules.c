/* os_bucket_rules.c - what a bucket may be: its name, the Vault key it names (syntax, region,
 * existence, state) and the security-zone policies of its compartment. The lookups run inside
 * the write's transaction (store_os_change_fn), so a rule and the write see one state. */
#include "os.h"

#include "../oci_common.h"
#include "../oci_ocid.h"
#include "storage/store_cg.h"
#include "storage/store_oci.h"

#include <stdio.h>
#include <string.h>

static int fail(struct os_rule_fail *f, int err, const char *a, const char *b)
{
    f->err = err;
    snprintf(f->a, sizeof(f->a), "%s", a ? a : "");
    snprintf(f->b, sizeof(f->b), "%s", b ? b : "");
    return err;
}

int os_rules_bucket_name_ok(const char *name)
{
    size_t n = strlen(name);

    if (n < 1 || n > OS_BUCKET_NAME_MAX)
        return 0;
    return strspn(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.") == n;
}

int os_rules_key_syntax(const char *key_id, const char *bucket_region, struct os_rule_fail *f)
{
    const struct oci_region *kr = NULL;
    const struct oci_region *br = oci_region_find(bucket_region);

    /* malformed key OCID -> 400 InvalidKmsKeyId (§9) */
    if (ocid_parse_key(key_id, &kr))
        return fail(f, OCI_ERR_OS_INVALID_KMS_KEY_ID, key_id, NULL);
    /* CHOICE: a key of another region is refused before any lookup, 400 InvalidKmsKeyId naming
     * the key's region (the OCID's region slot says where the key lives, §4) */
    if (!br || strcmp(kr->name, br->name))
        return fail(f, OCI_ERR_OS_KMS_KEY_REGION, key_id, kr->name);
    return 0;
}

int os_rules_key_usable(struct store *st, const char *key_id, struct os_rule_fail *f)
{
    struct kms_key_ref ref;
    int rc = store_kms_key_ref(st, key_id, &ref);

    if (rc == STORE_ERROR)
        return fail(f, OCI_ERR_INTERNAL, NULL, NULL);
    /* unknown or DELETED key -> 404 NotAuthorizedOrFoundKmsKey (§1.5, §9) */
    if (rc == STORE_NOT_FOUND || !strcmp(ref.lifecycle_state, "DELETED"))
        return fail(f, OCI_ERR_OS_KMS_KEY_NOT_FOUND, key_id, NULL);
    /* DISABLED, PENDING_DELETION or any state but ENABLED -> 409 KmsKeyDisabled (§9) */
    if (strcmp(ref.lifecycle_state, "ENABLED"))
        return fail(f, OCI_ERR_OS_KMS_KEY_DISABLED, key_id, ref.lifecycle_state);
    return 0;
}

int os_rules_zone(struct store *st, const struct os_bucket *b, unsigned touched,
                  struct os_rule_fail *f)
{
    static const char no_key[] = "deny buckets_without_vault_key";
    static const char no_public[] = "deny public_buckets";
    char zone[256];
    int rc;

    /* §5: buckets in a security zone must use a Vault key and must be private; a violation is
     * 403 NotAuthorized (§9). CHOICE: only what the write touches is checked, so a bucket that
     * predates its zone can still get unrelated updates. */
    if ((touched & OS_TOUCH_KEY) && !b->kms_key_id[0]) {
        rc = store_cg_policy_applies(st, b->compartment_id, no_key, zone, sizeof(zone));
        if (rc == STORE_OK)
            return fail(f, OCI_ERR_OS_ZONE_DENIED, no_key, zone);
        if (rc == STORE_ERROR)
            return fail(f, OCI_ERR_INTERNAL, NULL, NULL);
    }
    if ((touched & OS_TOUCH_PUBLIC) && strcmp(b->public_access_type, "NoPublicAccess")) {
        rc = store_cg_policy_applies(st, b->compartment_id, no_public, zone, sizeof(zone));
        if (rc == STORE_OK)
            return fail(f, OCI_ERR_OS_ZONE_DENIED, no_public, zone);
        if (rc == STORE_ERROR)
            return fail(f, OCI_ERR_INTERNAL, NULL, NULL);
    }
    return 0;
}

int os_rules_answer(struct resp *rs, struct ctx *cx, const struct os_rule_fail *f)
{
    return os_fail2(rs, cx, f->err, f->a, f->b);
}
