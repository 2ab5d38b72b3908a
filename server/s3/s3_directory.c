/* s3_directory.c - directory buckets: CreateBucket with the directory configuration, their
 * PutBucketEncryption rules (validated against KMS, unlike general-purpose buckets) and their
 * HeadBucket headers (s3-spec §3). */
#include "s3_directory.h"

#include "s3.h"
#include "s3_object_kms.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int s3_is_directory(const struct s3_bucket_row *b)
{
    return !strcmp(b->kind, "directory");
}

void s3_bucket_arn(const struct s3_bucket_row *b, char *out, size_t n)
{
    if (s3_is_directory(b))
        snprintf(out, n, "arn:aws:s3express:%s:%s:bucket/%s", b->region, b->account, b->name);
    else
        snprintf(out, n, "arn:aws:s3:::%s", b->name);
}

int s3_directory_create(const struct req *rq, struct ctx *cx, struct resp *rs,
                        const struct s3_dir_config *c, const char *zone)
{
    const char *bucket = rq->param[0];
    struct s3_bucket_row b, existing;
    struct s3_directory_row d;
    char arn[256];
    int err, rc;

    /* CHOICE: the name decides the kind. A --x-s3 name without the directory configuration,
     * or a directory configuration for any other name, is InvalidBucketName. */
    if (!zone || (!c->has_location && !c->has_bucket))
        return s3_fail_bucket(rs, cx, S3_ERR_INVALID_BUCKET_NAME, bucket);
    err = s3_dir_config_check(c, zone);
    if (err == S3_ERR_INVALID_BUCKET_NAME)
        return s3_fail_bucket(rs, cx, err, bucket);
    if (err)
        return s3_fail(rs, cx, err);
    memset(&b, 0, sizeof(b));
    memset(&d, 0, sizeof(d));
    snprintf(b.name, sizeof(b.name), "%s", bucket);
    snprintf(b.account, sizeof(b.account), "%s", rq->account);
    /* CHOICE: a directory bucket lives in the region the request is signed for (the Regional
     * endpoint's); a LocationConstraint sent along is ignored. */
    snprintf(b.region, sizeof(b.region), "%s", rq->region);
    snprintf(b.kind, sizeof(b.kind), "directory");
    b.created_ms = cx->now_ms;
    snprintf(d.location_type, sizeof(d.location_type), "%s", c->location_type);
    snprintf(d.location_name, sizeof(d.location_name), "%s", c->location_name);
    snprintf(d.data_redundancy, sizeof(d.data_redundancy), "%s", c->data_redundancy);
    rc = store_s3_directory_bucket_create(cx->store, &b, &d, &existing);
    if (rc == STORE_EXISTS)
        /* CHOICE: no us-east-1 re-create legacy for directory buckets */
        return s3_fail_bucket(rs, cx,
                              strcmp(existing.account, rq->account) ? S3_ERR_BUCKET_EXISTS
                                                                    : S3_ERR_BUCKET_OWNED_BY_YOU,
                              bucket);
    if (rc != STORE_OK)
        return s3_fail(rs, cx, S3_ERR_INTERNAL);
    s3_bucket_arn(&b, arn, sizeof(arn));
    resp_status(rs, 200);
    resp_headerf(rs, "Location", "/%s", b.name);
    resp_header(rs, "x-amz-bucket-arn", arn);
    return S3_OK;
}

static int alias_form(const char *ref)
{
    return !strncmp(ref, "alias/", 6) || strstr(ref, ":alias/") != NULL;
}

static int argument_fail(struct resp *rs, struct ctx *cx, int err, const char *arg,
                         const char *value)
{
    struct kv extra[2] = { { "ArgumentName", "ApplyServerSideEncryptionByDefault" },
                           { "ArgumentValue", value } };

    return s3_fail_ex(rs, cx, err, arg, extra, value ? 2 : 1);
}

int s3_directory_put_encryption(const struct req *rq, struct ctx *cx, struct resp *rs,
                                const struct s3_bucket_row *b, struct s3_sse_row *sse)
{
    struct s3_kms_result *kr = NULL;
    const char *key_arn = NULL;
    int err = S3_OK, rc;

    (void)rq;
    /* §3: only AES256 and aws:kms. CHOICE: 400 InvalidArgument for the others. */
    if (strcmp(sse->algorithm, "AES256") && strcmp(sse->algorithm, "aws:kms"))
        return argument_fail(rs, cx, S3_ERR_DIR_SSE_ALGORITHM, sse->algorithm, NULL);
    if (!strcmp(sse->algorithm, "aws:kms")) {
        /* §3: a key id or key ARN is required, not an alias, not aws/s3; S3 validates it here.
         * CHOICE: 400 InvalidArgument for the missing key, an alias and the AWS managed key;
         * KMS's own answers (KMS.NotFoundException, ...) for keys KMS refuses. */
        if (!sse->kms_key_id || !sse->kms_key_id[0])
            return argument_fail(rs, cx, S3_ERR_DIR_KMS_KEY_REQUIRED, NULL, NULL);
        if (alias_form(sse->kms_key_id))
            return argument_fail(rs, cx, S3_ERR_DIR_KMS_ALIAS, NULL, sse->kms_key_id);
        kr = malloc(sizeof(*kr));
        if (!kr)
            return s3_fail(rs, cx, S3_ERR_INTERNAL);
        err = s3_kms_lookup(cx, b->account, b->region, sse->kms_key_id, kr);
        if (err) {
            s3_kms_fail(rs, cx, kr);
            free(kr);
            return err;
        }
        if (!strcmp(kr->key.key_manager, "AWS")) {
            free(kr);
            return argument_fail(rs, cx, S3_ERR_DIR_KMS_MANAGED, NULL, sse->kms_key_id);
        }
        key_arn = kr->key.arn;
        /* §3: bucket keys are always on. CHOICE: false is accepted and stored as true. */
        sse->bucket_key_enabled = 1;
    }
    rc = store_s3_directory_encryption_put(cx->store, b->name, sse, key_arn);
    if (rc == STORE_CONFLICT)
        /* §3: one customer managed key per bucket lifetime. CHOICE: 400 InvalidArgument. */
        err = argument_fail(rs, cx, S3_ERR_DIR_KMS_LIFETIME, NULL, sse->kms_key_id);
    else if (rc == STORE_NOT_FOUND)
        err = s3_fail_bucket(rs, cx, S3_ERR_NO_SUCH_BUCKET, b->name);
    else if (rc != STORE_OK)
        err = s3_fail(rs, cx, S3_ERR_INTERNAL);
    else
        resp_status(rs, 200);
    free(kr);
    return err;
}

void s3_directory_head(struct ctx *cx, const struct s3_bucket_row *b, struct resp *rs)
{
    struct s3_directory_row d;

    if (store_s3_directory_get(cx->store, b->name, &d) != STORE_OK)
        return;
    resp_header(rs, "x-amz-bucket-location-type", d.location_type);
    resp_header(rs, "x-amz-bucket-location-name", d.location_name);
}
