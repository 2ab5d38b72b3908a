/* store_os.h - storage calls of Object Storage: buckets per namespace and region.
 *
 * Writes take a change callback that runs inside the write's transaction (the store locked), so
 * the if-match check, the key and security-zone rules and the write see one state. */
#ifndef CMKEMU_STORE_OS_H
#define CMKEMU_STORE_OS_H

#include "store.h"

#include <stddef.h>
#include <stdint.h>

#define OS_BUCKET_NAME_MAX 256

/* One bucket. The JSON texts are malloc'd and owned by the struct (os_bucket_release). */
struct os_bucket {
    char id[256];
    char ns[64];
    char region[32];
    char name[OS_BUCKET_NAME_MAX + 1];
    char compartment_id[256];
    char created_by[256];
    int64_t time_created_ms;
    char etag[41];
    char public_access_type[32];
    char storage_tier[16];
    int object_events_enabled;
    char kms_key_id[256]; /* "" when Oracle-managed (SQL NULL) */
    int is_bucket_key_enabled;
    char versioning[16];
    char auto_tiering[32];
    char *metadata;      /* JSON object text */
    char *freeform_tags; /* JSON object text */
    char *defined_tags;  /* JSON object text */
};

/* Zeroes b; allocates nothing. */
void os_bucket_init(struct os_bucket *b);
/* Frees the JSON texts; b stays initialised. */
void os_bucket_release(struct os_bucket *b);
/* Replaces *slot (one of the JSON text fields) with a malloc'd copy of text. 0 or -1 (OOM). */
int os_bucket_set_text(char **slot, const char *text);

/* Runs inside a write's transaction with the store locked. Checks and may change b (on create
 * the new bucket, on update the stored one to be changed in place). Returns 0 to go on with the
 * write, anything else to roll back (the store call then returns STORE_CONFLICT). Lookups it
 * makes (store_kms_key_ref, store_cg_policy_applies) join the write's transaction: the store
 * lock is recursive. */
typedef int store_os_change_fn(struct store *st, void *arg, struct os_bucket *b);

/* Creates b. STORE_OK, STORE_EXISTS (the name is taken in its namespace and region),
 * STORE_CONFLICT (check refused), STORE_ERROR. check may be NULL. */
int store_os_bucket_create(struct store *st, struct os_bucket *b, store_os_change_fn *check,
                           void *arg);
/* Fills out (os_bucket_init()ed by the caller). STORE_OK or STORE_NOT_FOUND. */
int store_os_bucket_get(struct store *st, const char *ns, const char *region, const char *name,
                        struct os_bucket *out);
/* Loads the bucket, checks if_match (NULL: none), runs change on it and writes the result;
 * out receives the written bucket. STORE_OK, STORE_NOT_FOUND, STORE_ETAG_MISMATCH (out holds the
 * current bucket), STORE_CONFLICT (change refused), STORE_EXISTS (renamed onto a taken name). */
int store_os_bucket_update(struct store *st, const char *ns, const char *region, const char *name,
                           const char *if_match, store_os_change_fn *change, void *arg,
                           struct os_bucket *out);
/* STORE_OK, STORE_NOT_FOUND, STORE_ETAG_MISMATCH. */
int store_os_bucket_delete(struct store *st, const char *ns, const char *region, const char *name,
                           const char *if_match);

/* A page of buckets of a compartment, by name, starting at name `from` (NULL: the first).
 * *out is a malloc'd array of *n buckets (os_bucket_list_free). next (size nn) receives the name
 * that starts the next page, or "" when this is the last. */
int store_os_bucket_list(struct store *st, const char *ns, const char *region,
                         const char *compartment_id, const char *from, int limit,
                         struct os_bucket **out, size_t *n, char *next, size_t nn);
void os_bucket_list_free(struct os_bucket *list, size_t n);

#endif
