/* store_aws_kms.h - storage calls for AWS KMS keys and aliases, and the AWS managed aws/s3 key
 * the S3 family asks for. Keys and aliases belong to one account and one region. Every write
 * is one transaction; strings passed in are borrowed. */
#ifndef CMKEMU_STORE_AWS_KMS_H
#define CMKEMU_STORE_AWS_KMS_H

#include "store.h"

#include <stdint.h>

struct ids;

#define AWS_KMS_DESCRIPTION_MAX 8192

struct aws_kms_key_row {
    char account[16];
    char region[64];
    char key_id[400]; /* a stored key's id is 36 characters; longer only for a malformed one */
    char arn[400];
    char description[AWS_KMS_DESCRIPTION_MAX + 1];
    char key_usage[32];   /* ENCRYPT_DECRYPT, SIGN_VERIFY, GENERATE_VERIFY_MAC, KEY_AGREEMENT */
    char key_spec[32];    /* SYMMETRIC_DEFAULT, RSA_2048, ECC_NIST_P256, HMAC_256, ... */
    char origin[32];      /* AWS_KMS or EXTERNAL */
    char key_manager[16]; /* CUSTOMER or AWS */
    char key_state[32];   /* Enabled, Disabled, PendingDeletion, PendingImport */
    int multi_region;
    int64_t created_ms;
    int64_t deletion_ms; /* 0 unless PendingDeletion */
    int pending_days;    /* 0 unless PendingDeletion */
};

struct aws_kms_alias_row {
    char alias_name[264]; /* alias/<name> */
    char key_id[64];
    int64_t created_ms;
    int64_t updated_ms;
};

/* What store_aws_kms_resolve() found. On every not-found answer `out` says what AWS's message
 * names: AWS_KMS_RESOLVE_INVALID_ID -> out->key_id is the malformed id ("Invalid keyId '<id>'");
 * AWS_KMS_RESOLVE_KEY_NOT_FOUND -> out->arn is the key ARN ("Key '<arn>' does not exist");
 * AWS_KMS_RESOLVE_OTHER_REGION -> out->region is the ARN's region ("Invalid arn <region>");
 * AWS_KMS_RESOLVE_ALIAS_NOT_FOUND -> out->arn is the alias ARN ("Alias <arn> is not found."). */
enum aws_kms_resolve_rc {
    AWS_KMS_RESOLVE_OK = 0,
    AWS_KMS_RESOLVE_INVALID_ID,
    AWS_KMS_RESOLVE_KEY_NOT_FOUND,
    AWS_KMS_RESOLVE_OTHER_REGION,
    AWS_KMS_RESOLVE_ALIAS_NOT_FOUND,
    AWS_KMS_RESOLVE_ERROR /* SQLite failed; logged */
};

/* Resolves a key id, key ARN, alias name or alias ARN, as seen by account in region, to the key
 * row. A bare id or alias is expanded with account and region; an ARN naming another region
 * answers OTHER_REGION, one naming another account KEY_NOT_FOUND / ALIAS_NOT_FOUND. Does not
 * create AWS managed keys: alias/aws/s3 before first use is ALIAS_NOT_FOUND. */
int store_aws_kms_resolve(struct store *st, const char *account, const char *region,
                          const char *key_ref, struct aws_kms_key_row *out);

/* The AWS managed key behind alias/aws/s3 of account in region, created with its alias on the
 * first call (one transaction; Description "Default key that protects my S3 objects when no
 * other key is defined", KeyManager AWS). STORE_OK or STORE_ERROR. */
int store_aws_kms_managed_s3_key(struct store *st, const char *account, const char *region,
                                 int64_t now_ms, struct ids *ids, struct aws_kms_key_row *out);

/* Inserts a new key; tags_json is a JSON array or NULL. STORE_OK, STORE_EXISTS or STORE_ERROR. */
int store_aws_kms_key_create(struct store *st, const struct aws_kms_key_row *k,
                             const char *tags_json);

enum aws_kms_key_change {
    AWS_KMS_CHANGE_ENABLE,
    AWS_KMS_CHANGE_DISABLE,
    AWS_KMS_CHANGE_SCHEDULE_DELETION,
    AWS_KMS_CHANGE_CANCEL_DELETION
};

/* Applies a state change to the key, checking its state in the same transaction. Fills *out
 * with the row after the change (or as found when refused). Returns STORE_OK, STORE_NOT_FOUND,
 * STORE_CONFLICT (a key PendingDeletion for ENABLE/DISABLE/SCHEDULE, a key not PendingDeletion
 * for CANCEL) or STORE_ERROR. pending_days is used by SCHEDULE_DELETION only. */
int store_aws_kms_key_change(struct store *st, const char *account, const char *region,
                             const char *key_id, enum aws_kms_key_change change, int64_t now_ms,
                             int pending_days, struct aws_kms_key_row *out);

/* Calls cb for the keys of account in region with key_id > after (NULL: from the start), in
 * key id order; a non-zero cb return stops the walk. */
int store_aws_kms_key_list(struct store *st, const char *account, const char *region,
                           const char *after, int (*cb)(void *arg, const struct aws_kms_key_row *k),
                           void *arg);

/* Results of alias writes beyond enum store_rc. */
enum aws_kms_alias_rc {
    AWS_KMS_ALIAS_OK = 0,
    AWS_KMS_ALIAS_EXISTS,        /* create: the alias name is taken */
    AWS_KMS_ALIAS_NOT_FOUND,     /* update/delete: no such alias */
    AWS_KMS_ALIAS_KEY_NOT_FOUND, /* the target key does not exist */
    AWS_KMS_ALIAS_KEY_PENDING,   /* the target key is PendingDeletion; *key is filled */
    AWS_KMS_ALIAS_ERROR
};

/* CreateAlias: checks the name is free, then the target key, in one transaction. */
int store_aws_kms_alias_create(struct store *st, const char *account, const char *region,
                               const char *alias_name, const char *key_id, int64_t now_ms,
                               struct aws_kms_key_row *key);
/* UpdateAlias: checks the alias exists, then the new target key, in one transaction. */
int store_aws_kms_alias_update(struct store *st, const char *account, const char *region,
                               const char *alias_name, const char *key_id, int64_t now_ms,
                               struct aws_kms_key_row *key);
/* DeleteAlias: AWS_KMS_ALIAS_OK, AWS_KMS_ALIAS_NOT_FOUND or AWS_KMS_ALIAS_ERROR. */
int store_aws_kms_alias_delete(struct store *st, const char *account, const char *region,
                               const char *alias_name);
/* Calls cb for every alias of account in region (only those naming key_id when it is not NULL),
 * in alias name order; a non-zero cb return stops the walk. STORE_OK or STORE_ERROR. */
int store_aws_kms_alias_list(struct store *st, const char *account, const char *region,
                             const char *key_id,
                             int (*cb)(void *arg, const struct aws_kms_alias_row *a), void *arg);

#endif
