/* store_bv.h - storage calls of OCI Block Volume: volumes and boot volumes, their backups and
 * replicas, backup policies and assignments. Every row belongs to one tenancy and one region;
 * reads filter on both. Strings in the structs are "" where the wire field is null.
 *
 * Writes that must check stored state (keys, zones, sources, etags) run inside store_bv_tx: the
 * callback reads and writes through the calls below, which join the open transaction.
 */
#ifndef CMKEMU_STORE_BV_H
#define CMKEMU_STORE_BV_H

#include "store.h"

#include <stddef.h>
#include <stdint.h>

#define BV_ID_MAX   256
#define BV_NAME_MAX 256
#define BV_TAGS_MAX 4096

struct bv_volume {
    int is_boot;
    char id[BV_ID_MAX];
    char tenancy[BV_ID_MAX];
    char region[32];
    char compartment_id[BV_ID_MAX];
    char availability_domain[128];
    char display_name[BV_NAME_MAX];
    char lifecycle_state[24];
    int64_t size_in_gbs;
    int vpus_per_gb;
    char kms_key_id[BV_ID_MAX];
    char source_type[32]; /* sourceDetails.type */
    char source_id[BV_ID_MAX];
    char image_id[BV_ID_MAX];
    int64_t time_created_ms;
    char etag[48];
    char freeform_tags[BV_TAGS_MAX]; /* JSON object text */
    char defined_tags[BV_TAGS_MAX];
};

struct bv_backup {
    int is_boot;
    char id[BV_ID_MAX];
    char tenancy[BV_ID_MAX];
    char region[32];
    char compartment_id[BV_ID_MAX];
    char display_name[BV_NAME_MAX];
    char lifecycle_state[24];
    char type[16];        /* FULL, INCREMENTAL */
    char source_type[16]; /* MANUAL */
    char volume_id[BV_ID_MAX];
    char source_backup_id[BV_ID_MAX];
    char kms_key_id[BV_ID_MAX];
    char image_id[BV_ID_MAX];
    int64_t size_in_gbs;
    int64_t time_created_ms;
    char etag[48];
    char freeform_tags[BV_TAGS_MAX];
    char defined_tags[BV_TAGS_MAX];
};

struct bv_replica {
    int is_boot;
    char id[BV_ID_MAX];
    char tenancy[BV_ID_MAX];
    char region[32];
    char compartment_id[BV_ID_MAX];
    char availability_domain[128];
    char display_name[BV_NAME_MAX];
    char lifecycle_state[24];
    char volume_id[BV_ID_MAX];
    char kms_key_id[BV_ID_MAX];
    int64_t size_in_gbs;
    char image_id[BV_ID_MAX];
    int64_t time_created_ms;
    char etag[48];
};

struct bv_policy {
    char id[BV_ID_MAX];
    char tenancy[BV_ID_MAX];
    char region[32];
    char compartment_id[BV_ID_MAX];
    char display_name[BV_NAME_MAX];
    char destination_region[32];
    char schedules[BV_TAGS_MAX]; /* JSON array text */
    int64_t time_created_ms;
    char etag[48];
    char freeform_tags[BV_TAGS_MAX];
    char defined_tags[BV_TAGS_MAX];
};

struct bv_assignment {
    char id[BV_ID_MAX];
    char tenancy[BV_ID_MAX];
    char region[32];
    char asset_id[BV_ID_MAX];
    char policy_id[BV_ID_MAX];
    char xrc_kms_key_id[BV_ID_MAX];
    int64_t time_created_ms;
    char etag[48];
};

/* What a list call selects; NULL members do not filter. after_seq and limit page the rows. */
struct bv_filter {
    const char *tenancy; /* required */
    const char *region;  /* required */
    int is_boot;
    const char *compartment_id;
    const char *availability_domain;
    const char *display_name;
    const char *lifecycle_state;
    const char *volume_id;        /* backups: (boot)volumeId; replicas: their volume */
    const char *source_backup_id; /* backups: source(Boot)VolumeBackupId */
    /* rows AVAILABLE in the table but created after this time (ms) read in their transitional
     * state (PROVISIONING; backups REQUEST_RECEIVED, copies CREATING), which lifecycle_state
     * filters on; INT64_MAX: none. Without lifecycle_state, TERMINATED rows are left out. */
    int64_t fresh_after_ms;
    int64_t after_seq; /* only rows after this page position */
    int limit;         /* at most this many rows; 0 = all */
};

/* A list callback gets each row in order; a non-zero return stops the walk with that value. */
typedef int bv_volume_cb(const struct bv_volume *v, void *arg);
typedef int bv_backup_cb(const struct bv_backup *b, void *arg);
typedef int bv_replica_cb(const struct bv_replica *r, void *arg);
typedef int bv_assignment_cb(const struct bv_assignment *a, void *arg);

/* Runs fn inside one BEGIN IMMEDIATE ... COMMIT and returns its result: STORE_OK commits, any
 * other value rolls back. STORE_ERROR when the transaction could not begin or commit. */
typedef int store_bv_tx_fn(struct store *st, void *arg);
int store_bv_tx(struct store *st, store_bv_tx_fn *fn, void *arg);

/* Gets: STORE_OK with *out filled, STORE_NOT_FOUND when no row of that id, tenancy and region
 * (and, for volumes, backups and replicas, that is_boot) exists. */
int store_bv_volume_get(struct store *st, const char *tenancy, const char *region, int is_boot,
                        const char *id, struct bv_volume *out);
int store_bv_backup_get(struct store *st, const char *tenancy, const char *region, int is_boot,
                        const char *id, struct bv_backup *out);
int store_bv_replica_get(struct store *st, const char *tenancy, const char *region, int is_boot,
                         const char *id, struct bv_replica *out);
int store_bv_policy_get(struct store *st, const char *tenancy, const char *region, const char *id,
                        struct bv_policy *out);
int store_bv_assignment_get(struct store *st, const char *tenancy, const char *region,
                            const char *id, struct bv_assignment *out);

/* Puts insert the row or replace every column of the row with that id. */
int store_bv_volume_put(struct store *st, const struct bv_volume *v);
int store_bv_backup_put(struct store *st, const struct bv_backup *b);
int store_bv_replica_put(struct store *st, const struct bv_replica *r);
int store_bv_policy_put(struct store *st, const struct bv_policy *p);
int store_bv_assignment_put(struct store *st, const struct bv_assignment *a);
/* Removes every replica of a volume (in any region). */
int store_bv_replica_delete_of(struct store *st, const char *volume_id);
int store_bv_assignment_delete(struct store *st, const char *id);

/* Lists walk the matching rows in creation order. *next is the page position after the last
 * row given when more rows follow, else 0. Returns STORE_OK, the callback's value or
 * STORE_ERROR. */
int store_bv_volume_list(struct store *st, const struct bv_filter *f, bv_volume_cb *cb, void *arg,
                         int64_t *next);
int store_bv_backup_list(struct store *st, const struct bv_filter *f, bv_backup_cb *cb, void *arg,
                         int64_t *next);
int store_bv_replica_list(struct store *st, const struct bv_filter *f, bv_replica_cb *cb, void *arg,
                          int64_t *next);
/* The replicas of a volume in every region, in creation order (volume ids are unique: no tenancy
 * or region filter). */
int store_bv_replicas_of(struct store *st, const char *volume_id, bv_replica_cb *cb, void *arg);
/* Assignments of one asset (f->volume_id) in the tenancy and region. */
int store_bv_assignment_list(struct store *st, const struct bv_filter *f, bv_assignment_cb *cb,
                             void *arg, int64_t *next);

#endif
