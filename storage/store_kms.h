/* store_kms.h - storage calls of the OCI Vault family: vaults, keys and key versions.
 * Every write is one transaction whose state and if-match checks happen inside it. */
#ifndef CMKEMU_STORE_KMS_H
#define CMKEMU_STORE_KMS_H

#include "store.h"

#include <stddef.h>
#include <stdint.h>

#define KMS_ID_MAX   256
#define KMS_NAME_MAX 256

struct kms_vault {
    char id[KMS_ID_MAX];
    char tenancy[KMS_ID_MAX];
    char compartment_id[KMS_ID_MAX];
    char region[32]; /* long region name */
    char endpoint_prefix[32];
    char display_name[KMS_NAME_MAX];
    char vault_type[32];
    char lifecycle_state[32];
    int64_t time_created_ms;
    int64_t time_of_deletion_ms; /* 0 when not scheduled */
    char wrapping_key_id[KMS_ID_MAX];
    char etag[41];
    char *freeform_tags; /* malloc'd JSON object text, or NULL */
    char *defined_tags;  /* malloc'd JSON object text, or NULL */
};

struct kms_key {
    char id[KMS_ID_MAX];
    char vault_id[KMS_ID_MAX];
    char tenancy[KMS_ID_MAX];
    char compartment_id[KMS_ID_MAX];
    char region[32];
    char display_name[KMS_NAME_MAX];
    char algorithm[16]; /* AES, RSA, ECDSA */
    int length;         /* bytes */
    char curve_id[16];  /* "" unless ECDSA */
    char protection_mode[16];
    char lifecycle_state[32];
    char current_key_version[KMS_ID_MAX];
    int64_t time_created_ms;
    int64_t time_of_deletion_ms;    /* 0 when not scheduled */
    char state_before_deletion[32]; /* "" unless PENDING_DELETION */
    int is_auto_rotation_enabled;
    char etag[41];
    char *freeform_tags;
    char *defined_tags;
};

struct kms_key_version {
    char id[KMS_ID_MAX];
    char key_id[KMS_ID_MAX];
    char vault_id[KMS_ID_MAX];
    char compartment_id[KMS_ID_MAX];
    char lifecycle_state[32];
    char origin[16];
    int64_t time_created_ms;
    int64_t time_of_deletion_ms;
    char etag[41];
};

/* A page of rows; `more` is 1 when rows follow the page. The release calls free the rows. */
struct kms_vault_list {
    struct kms_vault *v;
    size_t n;
    int more;
};
struct kms_key_list {
    struct kms_key *k;
    size_t n;
    int more;
};
struct kms_key_version_list {
    struct kms_key_version *kv;
    size_t n;
    int more;
};

/* List order: sortBy TIMECREATED (default descending) or DISPLAYNAME (default ascending). */
enum kms_sort { KMS_SORT_TIME_DESC, KMS_SORT_TIME_ASC, KMS_SORT_NAME_ASC, KMS_SORT_NAME_DESC };

/* ListKeys filters; NULL / 0 means no filter. */
struct kms_key_filter {
    const char *protection_mode;
    const char *algorithm;
    int length;
    const char *curve_id;
};

/* What UpdateKey changes; NULL leaves a field as it is. */
struct kms_key_update {
    const char *display_name;
    const char *freeform_tags; /* JSON object text */
    const char *defined_tags;
};

enum kms_key_action {
    KMS_KEY_DISABLE,           /* ENABLED -> DISABLED */
    KMS_KEY_ENABLE,            /* DISABLED -> ENABLED */
    KMS_KEY_SCHEDULE_DELETION, /* ENABLED | DISABLED -> PENDING_DELETION */
    KMS_KEY_CANCEL_DELETION    /* PENDING_DELETION -> the state before */
};

void kms_vault_release(struct kms_vault *v);
void kms_key_release(struct kms_key *k);
void kms_vault_list_release(struct kms_vault_list *l);
void kms_key_list_release(struct kms_key_list *l);
void kms_key_version_list_release(struct kms_key_version_list *l);

/* Vaults. A vault belongs to one tenancy and one region; lookups outside them find nothing.
 * STORE_OK, STORE_EXISTS (id or endpoint prefix taken), STORE_NOT_FOUND or STORE_ERROR. The
 * *out of a successful get is the caller's to kms_vault_release(). */
int store_kms_vault_create(struct store *st, const struct kms_vault *v);
int store_kms_vault_get(struct store *st, const char *tenancy, const char *region, const char *id,
                        struct kms_vault *out);
int store_kms_vault_by_prefix(struct store *st, const char *tenancy, const char *region,
                              const char *prefix, struct kms_vault *out);
int store_kms_vault_list(struct store *st, const char *tenancy, const char *region,
                         const char *compartment_id, enum kms_sort sort, int64_t offset, int limit,
                         struct kms_vault_list *out);
/* ScheduleVaultDeletion: ACTIVE -> PENDING_DELETION at time_ms, and every key of the vault not
 * already scheduled with it. STORE_CONFLICT when the vault is not ACTIVE or a key is scheduled
 * after time_ms (*out then holds the vault). STORE_ETAG_MISMATCH when if_match (may be NULL)
 * differs. */
int store_kms_vault_schedule_deletion(struct store *st, const char *tenancy, const char *region,
                                      const char *id, const char *if_match, int64_t time_ms,
                                      const char *new_etag, struct kms_vault *out);
/* CancelVaultDeletion: PENDING_DELETION -> ACTIVE; keys scheduled with the vault get back their
 * state from before. */
int store_kms_vault_cancel_deletion(struct store *st, const char *tenancy, const char *region,
                                    const char *id, const char *if_match, const char *new_etag,
                                    struct kms_vault *out);

/* Keys: always looked up inside one vault. CreateKey inserts the key and its first version
 * (k->current_key_version); STORE_CONFLICT when the vault is not ACTIVE. */
int store_kms_key_create(struct store *st, const struct kms_key *k,
                         const struct kms_key_version *first);
int store_kms_key_get(struct store *st, const char *vault_id, const char *key_id,
                      struct kms_key *out);
int store_kms_key_list(struct store *st, const char *vault_id, const char *compartment_id,
                       const struct kms_key_filter *f, enum kms_sort sort, int64_t offset,
                       int limit, struct kms_key_list *out);
/* UpdateKey. STORE_CONFLICT (key not ENABLED or CREATING; *out holds the key),
 * STORE_ETAG_MISMATCH, STORE_NOT_FOUND. */
int store_kms_key_update(struct store *st, const char *vault_id, const char *key_id,
                         const char *if_match, const struct kms_key_update *u, const char *new_etag,
                         struct kms_key *out);
/* Disable / Enable / ScheduleKeyDeletion (time_ms) / CancelKeyDeletion. STORE_CONFLICT when the
 * key's state forbids the action (*out holds the key as it is). */
int store_kms_key_action(struct store *st, const char *vault_id, const char *key_id,
                         const char *if_match, enum kms_key_action action, int64_t time_ms,
                         const char *new_etag, struct kms_key *out);

/* CreateKeyVersion: the key must be ENABLED (else STORE_CONFLICT, *key_out holds the key); the
 * new version, in the key's compartment (v->compartment_id is ignored), becomes the key's current
 * one and the key gets key_etag. */
int store_kms_key_version_create(struct store *st, const struct kms_key_version *v,
                                 const char *key_etag, struct kms_key *key_out);
int store_kms_key_version_get(struct store *st, const char *vault_id, const char *key_id,
                              const char *version_id, struct kms_key_version *out);
/* STORE_NOT_FOUND when the key is not in the vault. */
int store_kms_key_version_list(struct store *st, const char *vault_id, const char *key_id,
                               enum kms_sort sort, int64_t offset, int limit,
                               struct kms_key_version_list *out);

#endif
