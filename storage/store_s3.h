/* store_s3.h - storage calls for S3 buckets, their default encryption, and the objects they
 * hold. */
#ifndef CMKEMU_STORE_S3_H
#define CMKEMU_STORE_S3_H

#include "store.h"

#include <stddef.h>
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

#define S3_KEY_MAX 1024 /* bytes of an object key */

/* One object as stored. Strings are copies; headers and body are malloc'd (release with
 * s3_object_row_release). */
struct s3_object_row {
    char key[S3_KEY_MAX + 1];
    int64_t size;
    char etag[40]; /* "\"<32 hex>\"" */
    int64_t last_modified_ms;
    char *headers; /* JSON object of the stored headers (Content-Type, x-amz-meta-*, ...) */
    char storage_class[32];
    char sse_algorithm[32]; /* AES256, aws:kms, aws:kms:dsse; "" for SSE-C */
    char kms_key_arn[400];  /* aws:kms and aws:kms:dsse only */
    int bucket_key;         /* 1: written with an S3 Bucket Key */
    char ssec_algorithm[16];
    char ssec_key_md5[32];
    char checksum_alg[16]; /* "" when none was sent */
    char checksum_value[96];
    char *body; /* NULL unless asked for */
    size_t body_len;
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
/* The bucket and its configuration in one read: STORE_OK with both, or STORE_NOT_FOUND. */
int store_s3_bucket_get_sse(struct store *st, const char *name, struct s3_bucket_row *b,
                            struct s3_sse_row *out);
/* Sets the configuration; STORE_NOT_FOUND when the bucket is gone. One transaction. */
int store_s3_encryption_put(struct store *st, const char *bucket, const struct s3_sse_row *r);
/* Removes any configuration; STORE_NOT_FOUND when the bucket is gone. */
int store_s3_encryption_delete(struct store *st, const char *bucket);

/* A directory bucket's own settings (s3_directory_store.c). */
struct s3_directory_row {
    char location_type[32];
    char location_name[64];
    char data_redundancy[32];
    char kms_key_arn[400]; /* "" until a customer managed key is set */
};

/* A CreateSession session. */
struct s3_session_row {
    char token[256];
    char bucket[64];
    char account[16];
    char access_key_id[32];
    char mode[16];
    int64_t expires_ms;
};

/* s3_directory_store.c */
/* Creates b (kind "directory") with its settings d in one transaction: STORE_OK, or
 * STORE_EXISTS with the existing bucket in *existing (may be NULL). */
int store_s3_directory_bucket_create(struct store *st, const struct s3_bucket_row *b,
                                     const struct s3_directory_row *d,
                                     struct s3_bucket_row *existing);
/* STORE_OK or STORE_NOT_FOUND (no such directory bucket). */
int store_s3_directory_get(struct store *st, const char *bucket, struct s3_directory_row *out);
/* Sets the default encryption r of a directory bucket and, when key_arn is not NULL, records it
 * as the bucket's customer managed key, in one transaction. STORE_CONFLICT when the bucket
 * already has another key (one per lifetime), STORE_NOT_FOUND when it is gone. */
int store_s3_directory_encryption_put(struct store *st, const char *bucket,
                                      const struct s3_sse_row *r, const char *key_arn);
/* Stores a session, dropping sessions expired before now_ms in the same transaction. */
int store_s3_session_create(struct store *st, const struct s3_session_row *s, int64_t now_ms);
/* STORE_OK or STORE_NOT_FOUND. */
int store_s3_session_get(struct store *st, const char *token, struct s3_session_row *out);

/* s3_object_store.c */
void s3_object_row_init(struct s3_object_row *o);
void s3_object_row_release(struct s3_object_row *o);
/* Writes (creates or replaces) the object o in bucket, with body[0..body_len). One
 * transaction; STORE_NOT_FOUND when the bucket is gone. */
int store_s3_object_put(struct store *st, const char *bucket, const struct s3_object_row *o,
                        const void *body, size_t body_len);
/* Reads an object; with_body also loads its content into out->body. out must be
 * s3_object_row_init()ed; its previous contents are released. STORE_OK or STORE_NOT_FOUND. */
int store_s3_object_get(struct store *st, const char *bucket, const char *key, int with_body,
                        struct s3_object_row *out);
/* Removes an object; STORE_OK whether or not it existed. */
int store_s3_object_delete(struct store *st, const char *bucket, const char *key);
/* Calls cb, in key order, for the objects of bucket whose key starts with prefix and sorts after
 * `after` ("" for all); rows carry no headers or body. A non-zero cb return stops the walk. */
int store_s3_object_list(struct store *st, const char *bucket, const char *prefix,
                         const char *after, int (*cb)(void *arg, const struct s3_object_row *o),
                         void *arg);

#endif
