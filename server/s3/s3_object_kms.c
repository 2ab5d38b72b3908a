/* s3_object_kms.c - KMS keys as S3 sees them: resolution, the lazily created aws/s3 key, and
 * the KMS.* errors S3 passes on (s3-spec §4.3). */
#include "s3_object_kms.h"

#include "s3.h"

#include "../kms/aws_kms_ids.h"

#include <stdio.h>
#include <string.h>

#define MANAGED_ALIAS "alias/aws/s3"

/* 1 when ref names the AWS managed S3 key by its alias (name, or ARN in account and region). */
static int names_managed(const char *ref, const char *account, const char *region)
{
    char arn[AWS_KMS_ARN_MAX];

    if (!strcmp(ref, MANAGED_ALIAS))
        return 1;
    aws_kms_alias_arn(arn, sizeof(arn), region, account, MANAGED_ALIAS);
    return !strcmp(ref, arn);
}

static int set(struct s3_kms_result *r, int err, const char *a1, const char *a2)
{
    r->err = err;
    snprintf(r->a1, sizeof(r->a1), "%s", a1 ? a1 : "");
    snprintf(r->a2, sizeof(r->a2), "%s", a2 ? a2 : "");
    return err;
}

int s3_kms_lookup(struct ctx *cx, const char *account, const char *region, const char *key_ref,
                  struct s3_kms_result *r)
{
    struct aws_kms_key_row *k = &r->key;
    int rc;

    memset(r, 0, sizeof(*r));
    if (!key_ref[0] || names_managed(key_ref, account, region)) {
        rc = store_aws_kms_managed_s3_key(cx->store, account, region, cx->now_ms, cx->ids, k);
        if (rc != STORE_OK)
            return set(r, S3_ERR_INTERNAL, NULL, NULL);
    } else {
        switch (store_aws_kms_resolve(cx->store, account, region, key_ref, k)) {
        case AWS_KMS_RESOLVE_OK:
            break;
        case AWS_KMS_RESOLVE_INVALID_ID:
            return set(r, S3_ERR_KMS_INVALID_KEY_ID, k->key_id, NULL);
        case AWS_KMS_RESOLVE_KEY_NOT_FOUND:
            return set(r, S3_ERR_KMS_KEY_NOT_FOUND, k->arn, NULL);
        case AWS_KMS_RESOLVE_OTHER_REGION:
            return set(r, S3_ERR_KMS_INVALID_ARN_REGION, k->region, NULL);
        case AWS_KMS_RESOLVE_ALIAS_NOT_FOUND:
            return set(r, S3_ERR_KMS_ALIAS_NOT_FOUND, k->arn, NULL);
        default:
            return set(r, S3_ERR_INTERNAL, NULL, NULL);
        }
    }
    if (!strcmp(k->key_state, "Disabled"))
        return set(r, S3_ERR_KMS_DISABLED, k->arn, NULL);
    if (!strcmp(k->key_state, "PendingDeletion"))
        return set(r, S3_ERR_KMS_PENDING_DELETION, k->arn, NULL);
    /* CHOICE: a key awaiting its imported material answers like KMS: "<arn> is pending
     * import." */
    if (!strcmp(k->key_state, "PendingImport"))
        return set(r, S3_ERR_KMS_PENDING_IMPORT, k->arn, NULL);
    /* CHOICE: S3 encrypts with GenerateDataKey, so a key that is not a symmetric encryption key
     * answers KMS's InvalidKeyUsageException: a signing/MAC/agreement key by its usage, an
     * asymmetric encryption key by its spec. */
    if (strcmp(k->key_usage, "ENCRYPT_DECRYPT"))
        return set(r, S3_ERR_KMS_KEY_USAGE, k->arn, k->key_usage);
    if (strcmp(k->key_spec, "SYMMETRIC_DEFAULT"))
        return set(r, S3_ERR_KMS_KEY_SPEC, k->key_spec, NULL);
    return S3_OK;
}

int s3_kms_fail(struct resp *rs, struct ctx *cx, const struct s3_kms_result *r)
{
    if (r->err == S3_ERR_INTERNAL)
        return s3_fail(rs, cx, S3_ERR_INTERNAL);
    return s3_fail_ex2(rs, cx, r->err, r->a1, r->a2, NULL, 0);
}
