/* aws_kms_store.c - AWS KMS keys and aliases in SQLite: lookups by any identifier, state
 * changes with their preconditions, aliases, and the lazily created AWS managed aws/s3 key. */
#include "store_aws_kms.h"

#include "db.h"

#include "../server/ids.h"
#include "../server/kms/aws_kms_ids.h"

#include <stdio.h>
#include <string.h>

#define KEY_COLS                                                                            \
    "account, region, key_id, arn, description, key_usage, key_spec, origin, key_manager, " \
    "key_state, multi_region, created_ms, deletion_ms, pending_days"

static const char SQL_KEY_GET[] =
    "SELECT " KEY_COLS " FROM aws_kms_key WHERE account = ?1 AND region = ?2 AND key_id = ?3";
static const char SQL_KEY_LIST[] = "SELECT " KEY_COLS " FROM aws_kms_key WHERE account = ?1 AND "
                                   "region = ?2 AND key_id > ?3 ORDER BY key_id";
static const char SQL_KEY_INSERT[] =
    "INSERT INTO aws_kms_key (" KEY_COLS ", tags) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, NULL, NULL, ?13)";
static const char SQL_KEY_SET_STATE[] =
    "UPDATE aws_kms_key SET key_state = ?4, deletion_ms = ?5, pending_days = ?6 "
    "WHERE account = ?1 AND region = ?2 AND key_id = ?3";
static const char SQL_ALIAS_GET[] = "SELECT alias_name, key_id, created_ms, updated_ms FROM "
                                    "aws_kms_alias WHERE account = ?1 AND region = ?2 AND "
                                    "alias_name = ?3";
static const char SQL_ALIAS_INSERT[] =
    "INSERT INTO aws_kms_alias (account, region, alias_name, key_id, created_ms, updated_ms) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?5)";
static const char SQL_ALIAS_UPDATE[] = "UPDATE aws_kms_alias SET key_id = ?4, updated_ms = ?5 "
                                       "WHERE account = ?1 AND region = ?2 AND alias_name = ?3";
static const char SQL_ALIAS_DELETE[] =
    "DELETE FROM aws_kms_alias WHERE account = ?1 AND region = ?2 AND alias_name = ?3";
static const char SQL_ALIAS_LIST[] = "SELECT alias_name, key_id, created_ms, updated_ms FROM "
                                     "aws_kms_alias WHERE account = ?1 AND region = ?2 AND "
                                     "(?3 IS NULL OR key_id = ?3) ORDER BY alias_name";

static const char S3_ALIAS[] = "alias/aws/s3";
static const char S3_DESCRIPTION[] =
    "Default key that protects my S3 objects when no other key is defined";

static void key_from_row(sqlite3_stmt *s, struct aws_kms_key_row *k)
{
    memset(k, 0, sizeof(*k));
    db_col_text(s, 0, k->account, sizeof(k->account));
    db_col_text(s, 1, k->region, sizeof(k->region));
    db_col_text(s, 2, k->key_id, sizeof(k->key_id));
    db_col_text(s, 3, k->arn, sizeof(k->arn));
    db_col_text(s, 4, k->description, sizeof(k->description));
    db_col_text(s, 5, k->key_usage, sizeof(k->key_usage));
    db_col_text(s, 6, k->key_spec, sizeof(k->key_spec));
    db_col_text(s, 7, k->origin, sizeof(k->origin));
    db_col_text(s, 8, k->key_manager, sizeof(k->key_manager));
    db_col_text(s, 9, k->key_state, sizeof(k->key_state));
    k->multi_region = sqlite3_column_int(s, 10);
    k->created_ms = sqlite3_column_int64(s, 11);
    k->deletion_ms = sqlite3_column_int64(s, 12);
    k->pending_days = sqlite3_column_int(s, 13);
}

static void alias_from_row(sqlite3_stmt *s, struct aws_kms_alias_row *a)
{
    memset(a, 0, sizeof(*a));
    db_col_text(s, 0, a->alias_name, sizeof(a->alias_name));
    db_col_text(s, 1, a->key_id, sizeof(a->key_id));
    a->created_ms = sqlite3_column_int64(s, 2);
    a->updated_ms = sqlite3_column_int64(s, 3);
}

static void bind3(sqlite3_stmt *s, const char *account, const char *region, const char *name)
{
    db_bind_text(s, 1, account);
    db_bind_text(s, 2, region);
    db_bind_text(s, 3, name);
}

/* The store is locked. STORE_OK with *out, STORE_NOT_FOUND or STORE_ERROR. */
static int key_get(struct store *st, const char *account, const char *region, const char *key_id,
                   struct aws_kms_key_row *out)
{
    sqlite3_stmt *s = db_stmt(st, SQL_KEY_GET);
    int rc;

    if (!s)
        return STORE_ERROR;
    bind3(s, account, region, key_id);
    rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        key_from_row(s, out);
        return STORE_OK;
    }
    if (rc != SQLITE_DONE) {
        db_log_error(st, "aws kms key get");
        return STORE_ERROR;
    }
    return STORE_NOT_FOUND;
}

/* The store is locked. STORE_OK with *out, STORE_NOT_FOUND or STORE_ERROR. */
static int alias_get(struct store *st, const char *account, const char *region, const char *alias,
                     struct aws_kms_alias_row *out)
{
    sqlite3_stmt *s = db_stmt(st, SQL_ALIAS_GET);
    int rc;

    if (!s)
        return STORE_ERROR;
    bind3(s, account, region, alias);
    rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        alias_from_row(s, out);
        return STORE_OK;
    }
    if (rc != SQLITE_DONE) {
        db_log_error(st, "aws kms alias get");
        return STORE_ERROR;
    }
    return STORE_NOT_FOUND;
}

/* Resolution of a parsed reference (s3-bucket-encryption.md §4.3); the store is locked. */
static int resolve_locked(struct store *st, const char *account, const char *region,
                          const struct aws_kms_ref *ref, struct aws_kms_key_row *out)
{
    struct aws_kms_alias_row a;
    const char *key_id = ref->key_id;
    int rc;

    switch (ref->kind) {
    case AWS_KMS_REF_BAD_ARN:
        snprintf(out->key_id, sizeof(out->key_id), "%s", ref->key_id);
        return AWS_KMS_RESOLVE_INVALID_ID;
    case AWS_KMS_REF_KEY_ARN:
    case AWS_KMS_REF_ALIAS_ARN:
        if (strcmp(ref->region, region)) {
            snprintf(out->region, sizeof(out->region), "%s", ref->region);
            return AWS_KMS_RESOLVE_OTHER_REGION;
        }
        break;
    case AWS_KMS_REF_KEY_ID:
    case AWS_KMS_REF_ALIAS_NAME:
        break;
    }
    if (ref->kind == AWS_KMS_REF_ALIAS_NAME || ref->kind == AWS_KMS_REF_ALIAS_ARN) {
        /* CHOICE: an alias ARN naming another account is that account's alias, not visible. */
        if (ref->kind == AWS_KMS_REF_ALIAS_ARN && strcmp(ref->account, account)) {
            aws_kms_alias_arn(out->arn, sizeof(out->arn), region, ref->account, ref->alias);
            return AWS_KMS_RESOLVE_ALIAS_NOT_FOUND;
        }
        rc = alias_get(st, account, region, ref->alias, &a);
        if (rc == STORE_ERROR)
            return AWS_KMS_RESOLVE_ERROR;
        if (rc == STORE_NOT_FOUND) {
            aws_kms_alias_arn(out->arn, sizeof(out->arn), region, account, ref->alias);
            return AWS_KMS_RESOLVE_ALIAS_NOT_FOUND;
        }
        rc = key_get(st, account, region, a.key_id, out);
        if (rc == STORE_OK)
            return AWS_KMS_RESOLVE_OK;
        if (rc == STORE_ERROR)
            return AWS_KMS_RESOLVE_ERROR;
        aws_kms_key_arn(out->arn, sizeof(out->arn), region, account, a.key_id);
        return AWS_KMS_RESOLVE_KEY_NOT_FOUND;
    }
    if (!aws_kms_key_id_valid(key_id)) {
        snprintf(out->key_id, sizeof(out->key_id), "%s", key_id);
        return AWS_KMS_RESOLVE_INVALID_ID;
    }
    /* CHOICE: a key ARN naming another account answers "does not exist" with that ARN. */
    if (ref->kind == AWS_KMS_REF_KEY_ARN && strcmp(ref->account, account)) {
        aws_kms_key_arn(out->arn, sizeof(out->arn), region, ref->account, key_id);
        return AWS_KMS_RESOLVE_KEY_NOT_FOUND;
    }
    rc = key_get(st, account, region, key_id, out);
    if (rc == STORE_OK)
        return AWS_KMS_RESOLVE_OK;
    if (rc == STORE_ERROR)
        return AWS_KMS_RESOLVE_ERROR;
    aws_kms_key_arn(out->arn, sizeof(out->arn), region, account, key_id);
    return AWS_KMS_RESOLVE_KEY_NOT_FOUND;
}

int store_aws_kms_resolve(struct store *st, const char *account, const char *region,
                          const char *key_ref, struct aws_kms_key_row *out)
{
    struct aws_kms_ref ref;
    int rc;

    memset(out, 0, sizeof(*out));
    aws_kms_ref_parse(key_ref, &ref);
    db_read_begin(st);
    rc = resolve_locked(st, account, region, &ref, out);
    db_read_end(st);
    return rc;
}

/* The store is locked. */
static int key_insert(struct store *st, const struct aws_kms_key_row *k, const char *tags_json)
{
    sqlite3_stmt *s = db_stmt(st, SQL_KEY_INSERT);
    int rc;

    if (!s)
        return STORE_ERROR;
    db_bind_text(s, 1, k->account);
    db_bind_text(s, 2, k->region);
    db_bind_text(s, 3, k->key_id);
    db_bind_text(s, 4, k->arn);
    db_bind_text(s, 5, k->description);
    db_bind_text(s, 6, k->key_usage);
    db_bind_text(s, 7, k->key_spec);
    db_bind_text(s, 8, k->origin);
    db_bind_text(s, 9, k->key_manager);
    db_bind_text(s, 10, k->key_state);
    sqlite3_bind_int(s, 11, k->multi_region ? 1 : 0);
    sqlite3_bind_int64(s, 12, k->created_ms);
    db_bind_text(s, 13, tags_json);
    rc = sqlite3_step(s);
    if (rc == SQLITE_DONE)
        return STORE_OK;
    if (rc == SQLITE_CONSTRAINT)
        return STORE_EXISTS;
    db_log_error(st, "aws kms key insert");
    return STORE_ERROR;
}

int store_aws_kms_key_create(struct store *st, const struct aws_kms_key_row *k,
                             const char *tags_json)
{
    if (db_tx_begin(st))
        return STORE_ERROR;
    return db_tx_end(st, key_insert(st, k, tags_json));
}

/* The store is locked. */
static int alias_write(struct store *st, const char *sql, const char *account, const char *region,
                       const char *alias, const char *key_id, int64_t now_ms)
{
    sqlite3_stmt *s = db_stmt(st, sql);

    if (!s)
        return STORE_ERROR;
    bind3(s, account, region, alias);
    db_bind_text(s, 4, key_id);
    sqlite3_bind_int64(s, 5, now_ms);
    return db_exec_stmt(st, s) ? STORE_ERROR : STORE_OK;
}

int store_aws_kms_managed_s3_key(struct store *st, const char *account, const char *region,
                                 int64_t now_ms, struct ids *ids, struct aws_kms_key_row *out)
{
    struct aws_kms_alias_row a;
    int rc;

    memset(out, 0, sizeof(*out));
    if (db_tx_begin(st))
        return STORE_ERROR;
    rc = alias_get(st, account, region, S3_ALIAS, &a);
    if (rc == STORE_OK) {
        rc = key_get(st, account, region, a.key_id, out);
        return db_tx_end(st, rc == STORE_OK ? STORE_OK : STORE_ERROR);
    }
    if (rc != STORE_NOT_FOUND)
        return db_tx_end(st, STORE_ERROR);
    snprintf(out->account, sizeof(out->account), "%s", account);
    snprintf(out->region, sizeof(out->region), "%s", region);
    ids_uuid(ids, out->key_id);
    aws_kms_key_arn(out->arn, sizeof(out->arn), region, account, out->key_id);
    snprintf(out->description, sizeof(out->description), "%s", S3_DESCRIPTION);
    snprintf(out->key_usage, sizeof(out->key_usage), "%s", "ENCRYPT_DECRYPT");
    snprintf(out->key_spec, sizeof(out->key_spec), "%s", "SYMMETRIC_DEFAULT");
    snprintf(out->origin, sizeof(out->origin), "%s", "AWS_KMS");
    snprintf(out->key_manager, sizeof(out->key_manager), "%s", "AWS");
    snprintf(out->key_state, sizeof(out->key_state), "%s", "Enabled");
    out->created_ms = now_ms;
    rc = key_insert(st, out, NULL);
    if (rc == STORE_OK)
        rc = alias_write(st, SQL_ALIAS_INSERT, account, region, S3_ALIAS, out->key_id, now_ms);
    return db_tx_end(st, rc == STORE_OK ? STORE_OK : STORE_ERROR);
}

int store_aws_kms_key_change(struct store *st, const char *account, const char *region,
                             const char *key_id, enum aws_kms_key_change change, int64_t now_ms,
                             int pending_days, struct aws_kms_key_row *out)
{
    const char *state = NULL;
    int64_t deletion_ms = 0;
    int days = 0;
    sqlite3_stmt *s;
    int pending;
    int rc;

    memset(out, 0, sizeof(*out));
    if (db_tx_begin(st))
        return STORE_ERROR;
    rc = key_get(st, account, region, key_id, out);
    if (rc != STORE_OK)
        return db_tx_end(st, rc);
    pending = !strcmp(out->key_state, "PendingDeletion");
    switch (change) {
    case AWS_KMS_CHANGE_ENABLE:
        state = "Enabled";
        break;
    case AWS_KMS_CHANGE_DISABLE:
        state = "Disabled";
        break;
    case AWS_KMS_CHANGE_SCHEDULE_DELETION:
        state = "PendingDeletion";
        days = pending_days;
        deletion_ms = now_ms + (int64_t)pending_days * 86400000LL;
        break;
    case AWS_KMS_CHANGE_CANCEL_DELETION:
        state = "Disabled"; /* AWS leaves a key whose deletion is cancelled Disabled */
        break;
    }
    if (change == AWS_KMS_CHANGE_CANCEL_DELETION ? !pending : pending)
        return db_tx_end(st, STORE_CONFLICT);
    s = db_stmt(st, SQL_KEY_SET_STATE);
    if (!s)
        return db_tx_end(st, STORE_ERROR);
    bind3(s, account, region, key_id);
    db_bind_text(s, 4, state);
    if (deletion_ms) {
        sqlite3_bind_int64(s, 5, deletion_ms);
        sqlite3_bind_int(s, 6, days);
    }
    if (db_exec_stmt(st, s))
        return db_tx_end(st, STORE_ERROR);
    snprintf(out->key_state, sizeof(out->key_state), "%s", state);
    out->deletion_ms = deletion_ms;
    out->pending_days = days;
    return db_tx_end(st, STORE_OK);
}

int store_aws_kms_key_list(struct store *st, const char *account, const char *region,
                           const char *after, int (*cb)(void *arg, const struct aws_kms_key_row *k),
                           void *arg)
{
    struct aws_kms_key_row k;
    sqlite3_stmt *s;
    int rc = STORE_OK;
    int step;

    db_read_begin(st);
    s = db_stmt(st, SQL_KEY_LIST);
    if (!s) {
        db_read_end(st);
        return STORE_ERROR;
    }
    bind3(s, account, region, after ? after : "");
    while ((step = sqlite3_step(s)) == SQLITE_ROW) {
        key_from_row(s, &k);
        if (cb(arg, &k))
            break;
    }
    if (step != SQLITE_ROW && step != SQLITE_DONE) {
        db_log_error(st, "aws kms key list");
        rc = STORE_ERROR;
    }
    db_read_end(st);
    return rc;
}

/* Checks the target of an alias write; the store is locked. */
static int alias_target(struct store *st, const char *account, const char *region,
                        const char *key_id, struct aws_kms_key_row *key)
{
    int rc = key_get(st, account, region, key_id, key);

    if (rc == STORE_NOT_FOUND)
        return AWS_KMS_ALIAS_KEY_NOT_FOUND;
    if (rc != STORE_OK)
        return AWS_KMS_ALIAS_ERROR;
    if (!strcmp(key->key_state, "PendingDeletion"))
        return AWS_KMS_ALIAS_KEY_PENDING;
    return AWS_KMS_ALIAS_OK;
}

/* Ends the transaction: commits on AWS_KMS_ALIAS_OK, rolls back otherwise. */
static int alias_tx_end(struct store *st, int rc)
{
    int end = db_tx_end(st, rc == AWS_KMS_ALIAS_OK ? STORE_OK : STORE_CONFLICT);

    if (rc == AWS_KMS_ALIAS_OK && end != STORE_OK)
        return AWS_KMS_ALIAS_ERROR;
    return rc;
}

/* CreateAlias (create: the alias must not exist) and UpdateAlias (it must exist): check the
 * alias and its target key, then write, in one transaction. */
static int alias_set(struct store *st, const char *account, const char *region,
                     const char *alias_name, const char *key_id, int64_t now_ms,
                     struct aws_kms_key_row *key, int create)
{
    struct aws_kms_alias_row a;
    int rc;

    memset(key, 0, sizeof(*key));
    if (db_tx_begin(st))
        return AWS_KMS_ALIAS_ERROR;
    rc = alias_get(st, account, region, alias_name, &a);
    if (rc == (create ? STORE_OK : STORE_NOT_FOUND))
        return alias_tx_end(st, create ? AWS_KMS_ALIAS_EXISTS : AWS_KMS_ALIAS_NOT_FOUND);
    if (rc != (create ? STORE_NOT_FOUND : STORE_OK))
        return alias_tx_end(st, AWS_KMS_ALIAS_ERROR);
    rc = alias_target(st, account, region, key_id, key);
    if (rc == AWS_KMS_ALIAS_OK && alias_write(st, create ? SQL_ALIAS_INSERT : SQL_ALIAS_UPDATE,
                                              account, region, alias_name, key_id, now_ms))
        rc = AWS_KMS_ALIAS_ERROR;
    return alias_tx_end(st, rc);
}

int store_aws_kms_alias_create(struct store *st, const char *account, const char *region,
                               const char *alias_name, const char *key_id, int64_t now_ms,
                               struct aws_kms_key_row *key)
{
    return alias_set(st, account, region, alias_name, key_id, now_ms, key, 1);
}

int store_aws_kms_alias_update(struct store *st, const char *account, const char *region,
                               const char *alias_name, const char *key_id, int64_t now_ms,
                               struct aws_kms_key_row *key)
{
    return alias_set(st, account, region, alias_name, key_id, now_ms, key, 0);
}

int store_aws_kms_alias_delete(struct store *st, const char *account, const char *region,
                               const char *alias_name)
{
    sqlite3_stmt *s;
    int rc = AWS_KMS_ALIAS_OK;

    if (db_tx_begin(st))
        return AWS_KMS_ALIAS_ERROR;
    s = db_stmt(st, SQL_ALIAS_DELETE);
    if (!s || (bind3(s, account, region, alias_name), db_exec_stmt(st, s)))
        rc = AWS_KMS_ALIAS_ERROR;
    else if (sqlite3_changes(st->db) == 0)
        rc = AWS_KMS_ALIAS_NOT_FOUND;
    return alias_tx_end(st, rc);
}

int store_aws_kms_alias_list(struct store *st, const char *account, const char *region,
                             const char *key_id,
                             int (*cb)(void *arg, const struct aws_kms_alias_row *a), void *arg)
{
    struct aws_kms_alias_row a;
    sqlite3_stmt *s;
    int rc = STORE_OK;
    int step;

    db_read_begin(st);
    s = db_stmt(st, SQL_ALIAS_LIST);
    if (!s) {
        db_read_end(st);
        return STORE_ERROR;
    }
    bind3(s, account, region, key_id);
    while ((step = sqlite3_step(s)) == SQLITE_ROW) {
        alias_from_row(s, &a);
        if (cb(arg, &a))
            break;
    }
    if (step != SQLITE_ROW && step != SQLITE_DONE) {
        db_log_error(st, "aws kms alias list");
        rc = STORE_ERROR;
    }
    db_read_end(st);
    return rc;
}
