/* bv.h - the Block Volume handlers (Core API /20160918) and what their files share: the two
 * kinds (block and boot volumes), body field readers, key and zone checks inside a transaction,
 * paging and OCIDs. */
#ifndef CMKEMU_BV_H
#define CMKEMU_BV_H

#include "../../api.h"
#include "../oci_common.h"
#include "bv_key_rules.h"
#include "storage/store_bv.h"

#include <jansson.h>

#define BV_MAX_REPLICAS 8

/* What differs between block volumes and boot volumes: OCID types, wire names, zone policy. */
struct bv_kind {
    int is_boot;
    const char *volume_ocid;          /* "volume" */
    const char *backup_ocid;          /* "volumebackup" */
    const char *replica_ocid;         /* "blockvolumereplica" */
    const char *volume_field;         /* "volumeId": a backup's volume */
    const char *source_backup_field;  /* "sourceVolumeBackupId" */
    const char *replicas_field;       /* "blockVolumeReplicas" */
    const char *replica_id_field;     /* "blockVolumeReplicaId" */
    const char *replica_volume_field; /* "blockVolumeId" */
    const char *src_volume;           /* sourceDetails types: "volume" */
    const char *src_backup;           /* "volumeBackup" */
    const char *src_replica;          /* "blockVolumeReplica" */
    const char *zone_policy;          /* "deny block_volume_without_vault_key" */
    int zone_err;                     /* its 403 row */
    const char *name_prefix;          /* default display names: "volume20251124160000" */
};
extern const struct bv_kind bv_block;
extern const struct bv_kind bv_boot;

/* Defines an operation's block-volume and boot-volume handlers on fn(rq, cx, rs, kind). */
#define BV_TWINS(block, boot, fn)                                    \
    int block(const struct req *rq, struct ctx *cx, struct resp *rs) \
    {                                                                \
        return fn(rq, cx, rs, &bv_block);                            \
    }                                                                \
    int boot(const struct req *rq, struct ctx *cx, struct resp *rs)  \
    {                                                                \
        return fn(rq, cx, rs, &bv_boot);                             \
    }

/* An error decided inside a transaction callback, answered after the rollback. */
struct bv_txerr {
    int err;       /* oci_err row, 0 = none */
    char arg[512]; /* the row's "%s" */
};
/* Records err/arg in e (arg may be e->arg) and returns STORE_CONFLICT, so the transaction rolls
 * back. */
int bv_txfail(struct bv_txerr *e, int err, const char *arg);
/* Answers the outcome of store_bv_tx: 0 when rc is STORE_OK, else the error it answered. */
int bv_tx_answer(struct resp *rs, struct ctx *cx, int rc, const struct bv_txerr *e);

/* Body readers; each returns OCI_OK or the row to answer with the field name as "%s".
 * bv_get_str: NULL when absent or null; a non-string is OCI_ERR_BV_INVALID_VALUE.
 * bv_need_str: absent, null or "" is OCI_ERR_BV_MISSING. */
int bv_get_str(const json_t *o, const char *name, const char **out);
int bv_need_str(const json_t *o, const char *name, const char **out);
/* An integer member; *present 0 when absent or null. */
int bv_get_int(const json_t *o, const char *name, int64_t *out, int *present);
/* A tags object, serialised into out ("" when absent). */
int bv_get_tags(const json_t *o, const char *name, char *out, size_t n);

/* Looks key_id up and applies bv_key_rules_check against region. Call inside store_bv_tx. */
int bv_key_check(struct store *st, const char *key_id, const char *region, enum bv_key_scope scope);
/* The kind's "deny ..._without_vault_key" zone row when it governs compartment, else OCI_OK;
 * zone (size n) gets the zone's name. */
int bv_zone_check(struct store *st, const struct bv_kind *k, const char *compartment, char *zone,
                  size_t n);

/* The region of an availability domain: "Uocm:PHX-AD-1" (the code after ':'), "phx-ad-1" or
 * "us-phoenix-1-AD-1"; NULL when it names none. */
const struct oci_region *bv_ad_region(const char *ad);
/* A new OCID of type in region (a long name). */
void bv_new_ocid(struct ctx *cx, const char *type, const char *region, char *out, size_t n);
/* OCI's default display name: prefix + YYYYMMDDhhmmss of now. */
void bv_default_name(const char *prefix, int64_t now_ms, char *out, size_t n);
/* Copies s into out (size n), truncating. */
void bv_copy(char *out, size_t n, const char *s);

/* Lifecycle (CHOICE: derived at read time, no timers): rows are stored AVAILABLE (or
 * TERMINATED); one created less than --bv-provisioning-ms ago reads in its transitional state.
 * bv_fresh_after is the creation time after which a row is still transitional (INT64_MAX when
 * the delay is 0); the bv_view_* calls put the state a row reads in into its lifecycle_state. */
int64_t bv_fresh_after(const struct ctx *cx);
void bv_view_volume(const struct ctx *cx, struct bv_volume *v);
/* a backup reads REQUEST_RECEIVED, a cross-region copy CREATING */
void bv_view_backup(const struct ctx *cx, struct bv_backup *b);
void bv_view_replica(const struct ctx *cx, struct bv_replica *r);
/* OCI_OK when state is AVAILABLE, else OCI_ERR_INCORRECT_STATE with its message in msg (size
 * n): what (e.g. "Volume"), id and the state. */
int bv_need_available(const char *what, const char *id, const char *state, char *msg, size_t n);

/* limit (default 100, 1..1000) and page (a position from an earlier opc-next-page). */
extern const struct oci_paging bv_paging;

/* A list request and the rows rendered so far (the store's list callbacks append to items). */
struct bv_list {
    const struct bv_kind *k;
    const struct ctx *cx;
    struct store *st;
    struct bv_filter f;
    json_t *items;
};
/* Reads the page and the compartmentId, displayName and lifecycleState filters into l, for the
 * request's tenancy, region and kind k. Returns 0 or the error answered. */
int bv_list_begin(const struct req *rq, struct ctx *cx, struct resp *rs, const struct bv_kind *k,
                  struct bv_list *l);
/* Answers l's items after the store's list returned rc, with opc-next-page next. */
int bv_list_end(struct resp *rs, struct ctx *cx, struct bv_list *l, int rc, int64_t next);

/* The replicas of a volume, up to max; returns how many. */
size_t bv_load_replicas(struct store *st, const char *volume_id, struct bv_replica *out,
                        size_t max);

/* bv_volume.c: volumes and boot volumes */
/* Loads the volume of the request's path for a change, inside store_bv_tx: 404 when absent or
 * TERMINATED, 412 when if-match differs, with need_available 409 IncorrectState while it is not
 * AVAILABLE (recorded in e). v reads in its current state. STORE_OK or STORE_CONFLICT. */
int bv_volume_for_change(struct store *st, const struct req *rq, struct ctx *cx,
                         const struct bv_kind *k, int need_available, struct bv_volume *v,
                         struct bv_txerr *e);
api_handler bv_create_volume, bv_get_volume, bv_list_volumes, bv_update_volume, bv_delete_volume;
api_handler bv_create_boot_volume, bv_get_boot_volume, bv_list_boot_volumes, bv_update_boot_volume,
    bv_delete_boot_volume;
/* bv_volume_kms.c: GET, PUT and DELETE of a volume's or boot volume's /kmsKey */
api_handler bv_volume_kms_key, bv_boot_volume_kms_key;
/* bv_backup.c */
api_handler bv_create_volume_backup, bv_get_volume_backup, bv_list_volume_backups,
    bv_update_volume_backup, bv_delete_volume_backup, bv_copy_volume_backup,
    bv_create_boot_volume_backup, bv_get_boot_volume_backup, bv_list_boot_volume_backups,
    bv_update_boot_volume_backup, bv_delete_boot_volume_backup, bv_copy_boot_volume_backup;
/* bv_replica.c */
api_handler bv_get_block_volume_replica, bv_list_block_volume_replicas, bv_get_boot_volume_replica,
    bv_list_boot_volume_replicas;
/* Validates a blockVolumeReplicas/bootVolumeReplicas array (before the transaction). */
int bv_replicas_parse(const json_t *arr, const struct bv_kind *k, const char **bad);
/* Checks every replica key and writes the replicas of v (replacing any it had). Inside
 * store_bv_tx; returns STORE_OK or a failure recorded in e. */
int bv_replicas_write(struct store *st, struct ctx *cx, const struct bv_kind *k,
                      const struct bv_volume *v, const json_t *arr, struct bv_txerr *e);
/* bv_policy.c */
api_handler bv_create_volume_backup_policy, bv_get_volume_backup_policy,
    bv_create_volume_backup_policy_assignment, bv_get_volume_backup_policy_assignment,
    bv_get_volume_backup_policy_asset_assignment, bv_delete_volume_backup_policy_assignment;
/* Assigns policy_id to asset (a volume or boot volume already checked), with its xrcKmsKeyId
 * checked against the policy's destination region. Inside store_bv_tx. */
int bv_assign_policy(struct store *st, struct ctx *cx, const char *tenancy, const char *region,
                     const char *asset_id, const char *policy_id, const char *xrc_key,
                     struct bv_assignment *out, struct bv_txerr *e);

#endif
