/* s3_store_locked.h - storage internals the S3 store files share: steps that run inside a
 * caller's transaction (the store is locked). Not for server/. */
#ifndef CMKEMU_S3_STORE_LOCKED_H
#define CMKEMU_S3_STORE_LOCKED_H

#include "db.h"
#include "store_s3.h"

/* Copies columns 0-4 of the current row, name, account, region, created_ms, kind, into out. */
void s3_bucket_from_row(sqlite3_stmt *s, struct s3_bucket_row *out);
/* STORE_OK when the bucket exists, STORE_NOT_FOUND, or STORE_ERROR. */
int s3_bucket_exists_locked(struct store *st, const char *bucket);
/* Inserts or replaces the default-encryption row of bucket. STORE_OK or STORE_ERROR. */
int s3_encryption_put_locked(struct store *st, const char *bucket, const struct s3_sse_row *r);

#endif
