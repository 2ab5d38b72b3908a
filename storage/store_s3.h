/* store_s3.h - storage calls for S3 buckets and their default encryption. */
#ifndef CMKEMU_STORE_S3_H
#define CMKEMU_STORE_S3_H

#include "store.h"

#include <stdint.h>

struct s3_bucket_row {
    char name[64];
    char account[16]; /* owner account id */
    char region[32];
    int64_t created_ms;
    char kind[16]; /* "general" or "directory" */
};

/* An explicit default-encryption configuration as stored. */
struct s3_sse_row {
    char algorithm[32];     /* "" when the bucket has no explicit configuration */
    char *kms_key_id;       /* malloc'd, exactly as sent; NULL when absent */
    int bucket_key_enabled; /* -1 when the element was absent, else 0 or 1 */
    char *blocked_types;    /* malloc'd comma-separated BlockedEncryptionTypes; NULL when absent */
};

/* s3_bucket_store.c */
int store_s3_bucket_get(struct store *st, const char *name, struct s3_bucket_row *out);
/* STORE_OK, or STORE_EXISTS with the existing row in *existing (may be NULL). */
int store_s3_bucket_create(struct store *st, const struct s3_bucket_row *b,
                           struct s3_bucket_row *existing);
/* STORE_OK, STORE_NOT_FOUND, or STORE_CONFLICT when the bucket still holds objects. */
int store_s3_bucket_delete(struct store *st, const char *name);
/* Calls cb for every bucket of account in name order; a non-zero cb return stops the walk. */
int store_s3_bucket_list(struct store *st, const char *account,
                         int (*cb)(void *arg, const struct s3_bucket_row *b), void *arg);

/* s3_encryption_store.c */
void s3_sse_row_init(struct s3_sse_row *r);
void s3_sse_row_release(struct s3_sse_row *r);
/* STORE_OK (out->algorithm "" when none is set) or STORE_NOT_FOUND (no bucket). out must be
 * s3_sse_row_init()ed; its previous contents are released. */
int store_s3_encryption_get(struct store *st, const char *bucket, struct s3_sse_row *out);
/* Sets the configuration; STORE_NOT_FOUND when the bucket is gone. One transaction. */
int store_s3_encryption_put(struct store *st, const char *bucket, const struct s3_sse_row *r);
/* Removes any configuration; STORE_NOT_FOUND when the bucket is gone. */
int store_s3_encryption_delete(struct store *st, const char *bucket);

#endif
