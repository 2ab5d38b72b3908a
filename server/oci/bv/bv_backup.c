/* bv_backup.c - volume and boot volume backups: Create, Get, List, Update, Delete and the
 * cross-region Copy (reference §2.1, §2.2, §6). A backup takes its volume's current key unless
 * told otherwise and keeps it when the volume's key changes later. */
#include "bv.h"
#include "bv_json.h"

#include "../oci_ocid.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct backup_op {
    const struct req *rq;
    struct ctx *cx;
    const struct bv_kind *k;
    const json_t *body;
    const char *volume_id;
    const char *key; /* create/copy: NULL = inherit/Oracle; update: "" = Oracle */
    const char *name;
    const struct oci_region *dest; /* copy */
    struct bv_backup b;            /* the backup written */
    struct bv_backup src;          /* copy: the source */
    struct bv_txerr e;
};

static struct backup_op *op_new(const struct req *rq, struct ctx *cx, const struct bv_kind *k)
{
    struct backup_op *op = calloc(1, sizeof(*op));

    if (op) {
        op->rq = rq;
        op->cx = cx;
        op->k = k;
    }
    return op;
}

static int create_tx(struct store *st, void *arg)
{
    struct backup_op *op = arg;
    const struct req *rq = op->rq;
    struct bv_backup *b = &op->b;
    struct bv_volume v;
    int e;

    if (store_bv_volume_get(st, rq->account, rq->region, op->k->is_boot, op->volume_id, &v) ||
        !strcmp(v.lifecycle_state, "TERMINATED"))
        return bv_txfail(&op->e, OCI_ERR_BV_RELATED_NOT_FOUND, op->volume_id);
    bv_view_volume(op->cx, &v);
    e = bv_need_available(op->k->is_boot ? "Boot volume" : "Volume", v.id, v.lifecycle_state,
                          op->e.arg, sizeof(op->e.arg));
    if (e)
        return bv_txfail(&op->e, e, op->e.arg);
    if (op->key) {
        e = bv_key_check(st, op->key, rq->region, BV_KEY_SAME_REGION);
        if (e)
            return bv_txfail(&op->e, e, op->key);
        bv_copy(b->kms_key_id, sizeof(b->kms_key_id), op->key);
    } else {
        /* "the encryption key used for the volume is also used for the volume backup" (§2.2) */
        bv_copy(b->kms_key_id, sizeof(b->kms_key_id), v.kms_key_id);
    }
    bv_copy(b->compartment_id, sizeof(b->compartment_id), v.compartment_id);
    bv_copy(b->volume_id, sizeof(b->volume_id), v.id);
    bv_copy(b->image_id, sizeof(b->image_id), v.image_id);
    b->size_in_gbs = v.size_in_gbs;
    return store_bv_backup_put(st, b);
}

/* CreateVolumeBackup: POST /20160918/volumeBackups;
 * CreateBootVolumeBackup: POST /20160918/bootVolumeBackups */
static int create_backup(const struct req *rq, struct ctx *cx, struct resp *rs,
                         const struct bv_kind *k)
{
    struct backup_op *op = NULL;
    json_t *body = NULL;
    const char *arg = k->volume_field;
    const char *type = NULL;
    int e;

    if (oci_retry_replay(rq, cx, rs))
        return 0;
    if ((e = oci_body_object(rq, cx, rs, &body)))
        return e;
    op = op_new(rq, cx, k);
    if (!op) {
        e = oci_fail(rs, cx, OCI_ERR_INTERNAL, NULL);
        goto out;
    }
    e = bv_need_str(body, k->volume_field, &op->volume_id);
    if (!e && (e = bv_get_str(body, "type", &type)))
        arg = "type";
    /* FULL | INCREMENTAL, default INCREMENTAL (§2.2) */
    if (!e && type && strcmp(type, "FULL") && strcmp(type, "INCREMENTAL")) {
        e = OCI_ERR_BV_INVALID_VALUE;
        arg = "type";
    }
    if (!e && (e = bv_get_str(body, "kmsKeyId", &op->key)))
        arg = "kmsKeyId";
    if (!e && (e = bv_get_str(body, "displayName", &op->name)))
        arg = "displayName";
    if (!e &&
        (e = bv_get_tags(body, "freeformTags", op->b.freeform_tags, sizeof(op->b.freeform_tags))))
        arg = "freeformTags";
    if (!e &&
        (e = bv_get_tags(body, "definedTags", op->b.defined_tags, sizeof(op->b.defined_tags))))
        arg = "definedTags";
    if (e) {
        e = oci_fail(rs, cx, e, arg);
        goto out;
    }
    if (op->key && !*op->key)
        op->key = NULL; /* CHOICE: "" on create inherits like an absent key */
    op->b.is_boot = k->is_boot;
    bv_new_ocid(cx, k->backup_ocid, rq->region, op->b.id, sizeof(op->b.id));
    bv_copy(op->b.tenancy, sizeof(op->b.tenancy), rq->account);
    bv_copy(op->b.region, sizeof(op->b.region), rq->region);
    if (op->name && *op->name)
        bv_copy(op->b.display_name, sizeof(op->b.display_name), op->name);
    else
        bv_default_name(k->is_boot ? "bootvolumebackup" : "volumebackup", cx->now_ms,
                        op->b.display_name, sizeof(op->b.display_name));
    bv_copy(op->b.lifecycle_state, sizeof(op->b.lifecycle_state), "AVAILABLE");
    bv_copy(op->b.type, sizeof(op->b.type), type ? type : "INCREMENTAL");
    bv_copy(op->b.source_type, sizeof(op->b.source_type), "MANUAL");
    op->b.time_created_ms = cx->now_ms;
    oci_new_etag(rq, cx, op->b.etag);
    if ((e = bv_tx_answer(rs, cx, store_bv_tx(cx->store, create_tx, op), &op->e)))
        goto out;
    bv_view_backup(cx, &op->b);
    oci_answer(rq, rs, bv_json_backup(k, &op->b), op->b.etag);
    oci_retry_record(rq, cx, rs);
out:
    free(op);
    json_decref(body);
    return e;
}

static int get_backup(const struct req *rq, struct ctx *cx, struct resp *rs,
                      const struct bv_kind *k)
{
    struct bv_backup *b = calloc(1, sizeof(*b));
    int e = 0;

    if (!b)
        return oci_fail(rs, cx, OCI_ERR_INTERNAL, NULL);
    /* a TERMINATED backup answers 404 like every other operation on it */
    if (store_bv_backup_get(cx->store, rq->account, rq->region, k->is_boot, rq->param[0], b) ||
        !strcmp(b->lifecycle_state, "TERMINATED")) {
        e = oci_fail(rs, cx, OCI_ERR_NOT_FOUND, NULL);
    } else {
        bv_view_backup(cx, b);
        oci_answer(rq, rs, bv_json_backup(k, b), b->etag);
    }
    free(b);
    return e;
}

static int list_one(const struct bv_backup *row, void *arg)
{
    struct bv_list *l = arg;
    struct bv_backup *b = malloc(sizeof(*b));

    if (!b)
        return STORE_ERROR;
    *b = *row;
    bv_view_backup(l->cx, b);
    json_array_append_new(l->items, bv_json_backup(l->k, b));
    free(b);
    return 0;
}

/* ListVolumeBackups: GET /20160918/volumeBackups?compartmentId*&volumeId&displayName&
 * sourceVolumeBackupId&lifecycleState&limit&page (boot: bootVolumeId, sourceBootVolumeBackupId) */
static int list_backups(const struct req *rq, struct ctx *cx, struct resp *rs,
                        const struct bv_kind *k)
{
    const char *comp = req_query(rq, "compartmentId");
    struct bv_list l;
    int64_t next = 0;
    int rc;

    if (!comp || !*comp)
        return oci_fail(rs, cx, OCI_ERR_BV_MISSING, "compartmentId");
    if ((rc = bv_list_begin(rq, cx, rs, k, &l)))
        return rc;
    l.f.volume_id = req_query(rq, k->volume_field);
    l.f.source_backup_id = req_query(rq, k->source_backup_field);
    rc = store_bv_backup_list(cx->store, &l.f, list_one, &l, &next);
    return bv_list_end(rs, cx, &l, rc, next);
}

static const char *backup_name(const struct bv_kind *k)
{
    return k->is_boot ? "Boot volume backup" : "Volume backup";
}

/* Loads the backup of the path for a change: 404 when absent or TERMINATED, 412 on if-match,
 * with need_available 409 IncorrectState while it is not AVAILABLE. */
static int load_for_change(struct store *st, struct backup_op *op, int need_available,
                           struct bv_backup *b)
{
    const struct req *rq = op->rq;
    int e;

    if (store_bv_backup_get(st, rq->account, rq->region, op->k->is_boot, rq->param[0], b) ||
        !strcmp(b->lifecycle_state, "TERMINATED"))
        return bv_txfail(&op->e, OCI_ERR_NOT_FOUND, NULL);
    if (!oci_if_match_ok(rq, b->etag))
        return bv_txfail(&op->e, OCI_ERR_NO_ETAG_MATCH, NULL);
    bv_view_backup(op->cx, b);
    if (need_available && (e = bv_need_available(backup_name(op->k), b->id, b->lifecycle_state,
                                                 op->e.arg, sizeof(op->e.arg))))
        return bv_txfail(&op->e, e, op->e.arg);
    return STORE_OK;
}

static int update_tx(struct store *st, void *arg)
{
    struct backup_op *op = arg;
    struct bv_backup *b = &op->b;
    int rc = load_for_change(st, op, 1, b);
    int e;

    if (rc)
        return rc;
    if (op->key && !*op->key) {
        char zone[256];

        /* "" switches to the Oracle-managed key (§2.2, inferred); a zone may forbid it (§5) */
        e = bv_zone_check(st, op->k, b->compartment_id, zone, sizeof(zone));
        if (e)
            return bv_txfail(&op->e, e, zone);
        b->kms_key_id[0] = '\0';
    } else if (op->key) {
        e = bv_key_check(st, op->key, op->rq->region, BV_KEY_SAME_REGION);
        if (e)
            return bv_txfail(&op->e, e, op->key);
        bv_copy(b->kms_key_id, sizeof(b->kms_key_id), op->key);
    }
    if (op->name && *op->name)
        bv_copy(b->display_name, sizeof(b->display_name), op->name);
    if (json_object_get(op->body, "freeformTags"))
        bv_copy(b->freeform_tags, sizeof(b->freeform_tags), op->src.freeform_tags);
    if (json_object_get(op->body, "definedTags"))
        bv_copy(b->defined_tags, sizeof(b->defined_tags), op->src.defined_tags);
    oci_new_etag(op->rq, op->cx, b->etag);
    return store_bv_backup_put(st, b);
}

/* UpdateVolumeBackup: PUT /20160918/volumeBackups/{volumeBackupId};
 * UpdateBootVolumeBackup: PUT /20160918/bootVolumeBackups/{bootVolumeBackupId} */
static int update_backup(const struct req *rq, struct ctx *cx, struct resp *rs,
                         const struct bv_kind *k)
{
    struct backup_op *op = NULL;
    json_t *body = NULL;
    const char *arg = "kmsKeyId";
    int e;

    if ((e = oci_body_object(rq, cx, rs, &body)))
        return e;
    op = op_new(rq, cx, k);
    if (!op) {
        e = oci_fail(rs, cx, OCI_ERR_INTERNAL, NULL);
        goto out;
    }
    op->body = body;
    /* the new tags are parsed into src, which an update does not otherwise use */
    e = bv_get_str(body, "kmsKeyId", &op->key);
    if (!e && (e = bv_get_str(body, "displayName", &op->name)))
        arg = "displayName";
    if (!e && (e = bv_get_tags(body, "freeformTags", op->src.freeform_tags,
                               sizeof(op->src.freeform_tags))))
        arg = "freeformTags";
    if (!e &&
        (e = bv_get_tags(body, "definedTags", op->src.defined_tags, sizeof(op->src.defined_tags))))
        arg = "definedTags";
    if (e) {
        e = oci_fail(rs, cx, e, arg);
        goto out;
    }
    if ((e = bv_tx_answer(rs, cx, store_bv_tx(cx->store, update_tx, op), &op->e)))
        goto out;
    oci_answer(rq, rs, bv_json_backup(k, &op->b), op->b.etag);
out:
    free(op);
    json_decref(body);
    return e;
}

static int delete_tx(struct store *st, void *arg)
{
    struct backup_op *op = arg;
    /* CHOICE: a backup still REQUEST_RECEIVED or CREATING may be deleted */
    int rc = load_for_change(st, op, 0, &op->b);

    if (rc)
        return rc;
    bv_copy(op->b.lifecycle_state, sizeof(op->b.lifecycle_state), "TERMINATED");
    oci_new_etag(op->rq, op->cx, op->b.etag);
    return store_bv_backup_put(st, &op->b);
}

/* DeleteVolumeBackup: DELETE /20160918/volumeBackups/{volumeBackupId} -> 204 */
static int delete_backup(const struct req *rq, struct ctx *cx, struct resp *rs,
                         const struct bv_kind *k)
{
    struct backup_op *op = op_new(rq, cx, k);
    int e;

    if (!op)
        return oci_fail(rs, cx, OCI_ERR_INTERNAL, NULL);
    e = bv_tx_answer(rs, cx, store_bv_tx(cx->store, delete_tx, op), &op->e);
    if (!e)
        oci_no_content(rs);
    free(op);
    return e;
}

static int copy_tx(struct store *st, void *arg)
{
    struct backup_op *op = arg;
    const struct req *rq = op->rq;
    struct bv_backup *src = &op->src;
    struct bv_backup *b = &op->b;
    int e;

    if (store_bv_backup_get(st, rq->account, rq->region, op->k->is_boot, rq->param[0], src) ||
        !strcmp(src->lifecycle_state, "TERMINATED"))
        return bv_txfail(&op->e, OCI_ERR_NOT_FOUND, NULL);
    bv_view_backup(op->cx, src);
    e = bv_need_available(backup_name(op->k), src->id, src->lifecycle_state, op->e.arg,
                          sizeof(op->e.arg));
    if (e)
        return bv_txfail(&op->e, e, op->e.arg);
    /* the key must exist in the destination region; without one the copy is Oracle-managed,
     * never the source's key (§2.2, §6) */
    if (op->key) {
        e = bv_key_check(st, op->key, op->dest->name, BV_KEY_DESTINATION);
        if (e)
            return bv_txfail(&op->e, e, op->key);
        bv_copy(b->kms_key_id, sizeof(b->kms_key_id), op->key);
    }
    b->is_boot = src->is_boot;
    bv_copy(b->tenancy, sizeof(b->tenancy), src->tenancy);
    bv_copy(b->region, sizeof(b->region), op->dest->name);
    bv_copy(b->compartment_id, sizeof(b->compartment_id), src->compartment_id);
    bv_copy(b->display_name, sizeof(b->display_name),
            op->name && *op->name ? op->name : src->display_name);
    /* stored AVAILABLE; it reads CREATING for --bv-provisioning-ms (bv_view_backup) */
    bv_copy(b->lifecycle_state, sizeof(b->lifecycle_state), "AVAILABLE");
    bv_copy(b->type, sizeof(b->type), src->type);
    bv_copy(b->source_type, sizeof(b->source_type), src->source_type);
    bv_copy(b->volume_id, sizeof(b->volume_id), src->volume_id);
    bv_copy(b->source_backup_id, sizeof(b->source_backup_id), src->id);
    bv_copy(b->image_id, sizeof(b->image_id), src->image_id);
    b->size_in_gbs = src->size_in_gbs;
    bv_copy(b->freeform_tags, sizeof(b->freeform_tags), src->freeform_tags);
    bv_copy(b->defined_tags, sizeof(b->defined_tags), src->defined_tags);
    return store_bv_backup_put(st, b);
}

/* CopyVolumeBackup: POST /20160918/volumeBackups/{volumeBackupId}/actions/copy;
 * CopyBootVolumeBackup: POST /20160918/bootVolumeBackups/{bootVolumeBackupId}/actions/copy.
 * The copy lives in destinationRegion with source(Boot)VolumeBackupId set. */
static int copy_backup(const struct req *rq, struct ctx *cx, struct resp *rs,
                       const struct bv_kind *k)
{
    struct backup_op *op = NULL;
    json_t *body = NULL;
    const char *arg = "destinationRegion";
    const char *dest = NULL;
    const char *host = req_header(rq, "Host");
    const char *coll = k->is_boot ? "bootVolumeBackups" : "volumeBackups";
    char wr[OCID_MAX];
    char loc[1024];
    int e;

    if (oci_retry_replay(rq, cx, rs))
        return 0;
    if ((e = oci_body_object(rq, cx, rs, &body)))
        return e;
    op = op_new(rq, cx, k);
    if (!op) {
        e = oci_fail(rs, cx, OCI_ERR_INTERNAL, NULL);
        goto out;
    }
    e = bv_need_str(body, "destinationRegion", &dest);
    if (!e && (e = bv_get_str(body, "kmsKeyId", &op->key)))
        arg = "kmsKeyId";
    if (!e && (e = bv_get_str(body, "displayName", &op->name)))
        arg = "displayName";
    if (e) {
        e = oci_fail(rs, cx, e, arg);
        goto out;
    }
    /* destinationRegion is a long name (§2.2); an unknown one is 400 (§9) */
    op->dest = oci_region_find(dest);
    if (!op->dest || strcmp(op->dest->name, dest)) {
        e = oci_fail(rs, cx, OCI_ERR_BV_DEST_REGION, dest);
        goto out;
    }
    if (op->key && !*op->key)
        op->key = NULL;
    bv_new_ocid(cx, k->backup_ocid, op->dest->name, op->b.id, sizeof(op->b.id));
    op->b.time_created_ms = cx->now_ms;
    oci_new_etag(rq, cx, op->b.etag);
    if ((e = bv_tx_answer(rs, cx, store_bv_tx(cx->store, copy_tx, op), &op->e)))
        goto out;
    bv_view_backup(cx, &op->b);
    oci_answer(rq, rs, bv_json_backup(k, &op->b), op->b.etag);
    bv_new_ocid(cx, "coreservicesworkrequest", op->dest->name, wr, sizeof(wr));
    resp_header(rs, "opc-work-request-id", wr);
    /* CHOICE: the copy's URL at this endpoint, addressed to the destination region */
    if (rq->seg_from)
        snprintf(loc, sizeof(loc), "http://%s/oci/%s/20160918/%s/%s", host ? host : "127.0.0.1",
                 op->dest->name, coll, op->b.id);
    else
        snprintf(loc, sizeof(loc), "%s/20160918/%s/%s", rq->endpoint, coll, op->b.id);
    resp_header(rs, "location", loc);
    resp_header(rs, "content-location", loc);
    oci_retry_record(rq, cx, rs);
out:
    free(op);
    json_decref(body);
    return e;
}

/* CreateVolumeBackup / CreateBootVolumeBackup */
BV_TWINS(bv_create_volume_backup, bv_create_boot_volume_backup, create_backup)
/* GetVolumeBackup: GET /20160918/volumeBackups/{volumeBackupId};
 * GetBootVolumeBackup: GET /20160918/bootVolumeBackups/{bootVolumeBackupId} */
BV_TWINS(bv_get_volume_backup, bv_get_boot_volume_backup, get_backup)
/* ListVolumeBackups / ListBootVolumeBackups: GET ...?compartmentId*&(boot)VolumeId&... */
BV_TWINS(bv_list_volume_backups, bv_list_boot_volume_backups, list_backups)
/* UpdateVolumeBackup / UpdateBootVolumeBackup */
BV_TWINS(bv_update_volume_backup, bv_update_boot_volume_backup, update_backup)
/* DeleteVolumeBackup / DeleteBootVolumeBackup -> 204 */
BV_TWINS(bv_delete_volume_backup, bv_delete_boot_volume_backup, delete_backup)
/* CopyVolumeBackup / CopyBootVolumeBackup */
BV_TWINS(bv_copy_volume_backup, bv_copy_boot_volume_backup, copy_backup)
