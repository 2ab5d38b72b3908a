/* bv_volume.c - CreateVolume, GetVolume, ListVolumes, UpdateVolume, DeleteVolume and their
 * boot-volume twins, one code through struct bv_kind. For boot volumes sourceDetails is required;
 * CHOICE: {"type":"image","id":<image OCID>} creates a boot volume without an instance launch
 * (the emulator's root of boot volumes; seed data reuses it). Keys live in bv_volume_kms.c. */
#include "bv.h"
#include "bv_json.h"

#include "../oci_ocid.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BV_DEFAULT_GBS      1024 /* §2.3 default size of a block volume */
#define BV_DEFAULT_BOOT_GBS 47   /* the size of a boot volume from a platform image */
#define BV_MAX_GBS          32768

struct create_op {
    const struct req *rq;
    struct ctx *cx;
    const struct bv_kind *k;
    const char *kms;
    const char *xrc;
    const char *policy_id;
    const char *src_type;
    const char *src_id;
    int64_t size;
    int size_given;
    const json_t *replicas;
    struct bv_volume v;
    struct bv_txerr e;
};

static const char *kind_name(const struct bv_kind *k)
{
    return k->is_boot ? "Boot volume" : "Volume";
}

/* Answers the volume (with its replicas) and its etag. */
static void reply_volume(const struct req *rq, struct ctx *cx, struct resp *rs,
                         const struct bv_kind *k, const struct bv_volume *v)
{
    struct bv_replica reps[BV_MAX_REPLICAS];
    size_t n = bv_load_replicas(cx->store, v->id, reps, BV_MAX_REPLICAS);

    oci_answer(rq, rs, bv_json_volume(k, v, reps, n), v->etag);
}

/* The source named by sourceDetails, inside the transaction: it must exist in this region.
 * Fills what the new volume inherits (availability domain, size, image). */
static int load_source(struct store *st, struct create_op *op)
{
    const struct req *rq = op->rq;
    const struct bv_kind *k = op->k;
    struct bv_volume *v = &op->v;
    int64_t src_size = 0;
    int err;

    if (!op->src_type)
        return STORE_OK;
    if (!strcmp(op->src_type, k->src_volume)) {
        struct bv_volume src;

        if (store_bv_volume_get(st, rq->account, rq->region, k->is_boot, op->src_id, &src) ||
            !strcmp(src.lifecycle_state, "TERMINATED"))
            return bv_txfail(&op->e, OCI_ERR_BV_RELATED_NOT_FOUND, op->src_id);
        bv_view_volume(op->cx, &src);
        if ((err = bv_need_available(kind_name(k), src.id, src.lifecycle_state, op->e.arg,
                                     sizeof(op->e.arg))))
            return bv_txfail(&op->e, err, op->e.arg);
        /* a clone lands in the source's availability domain unless told otherwise (§2.2) */
        if (!v->availability_domain[0])
            bv_copy(v->availability_domain, sizeof(v->availability_domain),
                    src.availability_domain);
        src_size = src.size_in_gbs;
        bv_copy(v->image_id, sizeof(v->image_id), src.image_id);
    } else if (!strcmp(op->src_type, k->src_backup)) {
        struct bv_backup src;

        if (store_bv_backup_get(st, rq->account, rq->region, k->is_boot, op->src_id, &src) ||
            !strcmp(src.lifecycle_state, "TERMINATED"))
            return bv_txfail(&op->e, OCI_ERR_BV_RELATED_NOT_FOUND, op->src_id);
        bv_view_backup(op->cx, &src);
        if ((err = bv_need_available(k->is_boot ? "Boot volume backup" : "Volume backup", src.id,
                                     src.lifecycle_state, op->e.arg, sizeof(op->e.arg))))
            return bv_txfail(&op->e, err, op->e.arg);
        src_size = src.size_in_gbs;
        bv_copy(v->image_id, sizeof(v->image_id), src.image_id);
    } else if (!strcmp(op->src_type, k->src_replica)) {
        struct bv_replica src;

        if (store_bv_replica_get(st, rq->account, rq->region, k->is_boot, op->src_id, &src) ||
            !strcmp(src.lifecycle_state, "TERMINATED"))
            return bv_txfail(&op->e, OCI_ERR_BV_RELATED_NOT_FOUND, op->src_id);
        bv_view_replica(op->cx, &src);
        if ((err = bv_need_available(k->is_boot ? "Boot volume replica" : "Block volume replica",
                                     src.id, src.lifecycle_state, op->e.arg, sizeof(op->e.arg))))
            return bv_txfail(&op->e, err, op->e.arg);
        if (!v->availability_domain[0])
            bv_copy(v->availability_domain, sizeof(v->availability_domain),
                    src.availability_domain);
        src_size = src.size_in_gbs;
        bv_copy(v->image_id, sizeof(v->image_id), src.image_id);
    } else {
        /* CHOICE: the emulator's root of boot volumes: {"type":"image","id":<image OCID>} */
        bv_copy(v->image_id, sizeof(v->image_id), op->src_id);
        return STORE_OK;
    }
    if (op->size_given && op->size < src_size) {
        char n[32];

        snprintf(n, sizeof(n), "%" PRId64, src_size);
        return bv_txfail(&op->e, OCI_ERR_BV_SIZE_SOURCE, n);
    }
    if (!op->size_given)
        v->size_in_gbs = src_size;
    bv_copy(v->source_type, sizeof(v->source_type), op->src_type);
    bv_copy(v->source_id, sizeof(v->source_id), op->src_id);
    return STORE_OK;
}

/* CreateVolume / CreateBootVolume inside one transaction: source, key, zone, replicas, policy. */
static int create_tx(struct store *st, void *arg)
{
    struct create_op *op = arg;
    const struct req *rq = op->rq;
    struct bv_volume *v = &op->v;
    int rc = load_source(st, op);
    int e;

    if (rc)
        return rc;
    if (op->kms) {
        /* same-region key (§6); a restore or clone names its own key or gets Oracle's */
        e = bv_key_check(st, op->kms, rq->region, BV_KEY_SAME_REGION);
        if (e)
            return bv_txfail(&op->e, e, op->kms);
        bv_copy(v->kms_key_id, sizeof(v->kms_key_id), op->kms);
    } else {
        char zone[256];

        /* §5: no Oracle-managed volumes inside a zone with "deny ..._without_vault_key" */
        e = bv_zone_check(st, op->k, v->compartment_id, zone, sizeof(zone));
        if (e)
            return bv_txfail(&op->e, e, zone);
    }
    if (op->xrc && !op->policy_id)
        return bv_txfail(&op->e, OCI_ERR_BV_XRC_NO_DEST, op->xrc);
    if (store_bv_volume_put(st, v))
        return STORE_ERROR;
    if (op->replicas) {
        rc = bv_replicas_write(st, op->cx, op->k, v, op->replicas, &op->e);
        if (rc)
            return rc;
    }
    if (op->policy_id) {
        struct bv_assignment a;

        rc = bv_assign_policy(st, op->cx, rq->account, rq->region, v->id, op->policy_id, op->xrc,
                              &a, &op->e);
        if (rc)
            return rc;
    }
    return STORE_OK;
}

/* Reads sourceDetails (or the legacy volumeBackupId) into op. Returns OCI_OK or the row to
 * answer with *arg as its "%s". */
static int parse_source(const json_t *body, struct create_op *op, const char **arg)
{
    const json_t *sd = json_object_get(body, "sourceDetails");
    const char *legacy = NULL;
    int e;

    if (!op->k->is_boot) {
        *arg = "volumeBackupId";
        e = bv_get_str(body, "volumeBackupId", &legacy);
        if (e)
            return e;
    }
    if (!sd || json_is_null(sd)) {
        if (op->k->is_boot) {
            *arg = "sourceDetails";
            return OCI_ERR_BV_MISSING;
        }
        if (legacy && *legacy) {
            op->src_type = op->k->src_backup;
            op->src_id = legacy;
        }
        return OCI_OK;
    }
    if (legacy && *legacy)
        return OCI_ERR_BV_SOURCE_CONFLICT;
    *arg = "sourceDetails";
    if (!json_is_object(sd))
        return OCI_ERR_BV_INVALID_VALUE;
    *arg = "sourceDetails.type";
    e = bv_need_str(sd, "type", &op->src_type);
    if (e)
        return e;
    if (strcmp(op->src_type, op->k->src_volume) && strcmp(op->src_type, op->k->src_backup) &&
        strcmp(op->src_type, op->k->src_replica) &&
        !(op->k->is_boot && !strcmp(op->src_type, "image"))) {
        *arg = op->src_type;
        return OCI_ERR_BV_SOURCE_TYPE;
    }
    *arg = "sourceDetails.id";
    e = bv_need_str(sd, "id", &op->src_id);
    if (e)
        return e;
    if (!strcmp(op->src_type, "image")) {
        struct ocid o;

        if (ocid_parse(op->src_id, &o) || strcmp(o.type, "image"))
            return OCI_ERR_BV_INVALID_VALUE;
    }
    return OCI_OK;
}

/* Checks sizeInGBs / sizeInMBs and vpusPerGB of a create or update body. */
static int parse_sizes(const json_t *body, int64_t *gbs, int *gbs_given, int64_t *vpus,
                       int *vpus_given, const char **arg)
{
    int64_t mbs = 0;
    int mbs_given = 0;
    int e;

    *arg = "sizeInGBs";
    e = bv_get_int(body, "sizeInGBs", gbs, gbs_given);
    if (e)
        return e;
    if (*gbs_given && (*gbs < 1 || *gbs > BV_MAX_GBS))
        return OCI_ERR_BV_INVALID_VALUE;
    *arg = "sizeInMBs";
    e = bv_get_int(body, "sizeInMBs", &mbs, &mbs_given);
    if (e)
        return e;
    if (mbs_given) {
        /* deprecated: a multiple of 1024 (§2.2) */
        if (*gbs_given || mbs < 1024 || mbs % 1024 || mbs / 1024 > BV_MAX_GBS)
            return OCI_ERR_BV_INVALID_VALUE;
        *gbs = mbs / 1024;
        *gbs_given = 1;
    }
    *arg = "vpusPerGB";
    e = bv_get_int(body, "vpusPerGB", vpus, vpus_given);
    if (e)
        return e;
    /* 0 Lower Cost, 10 Balanced, 20 Higher Performance, 30-120 Ultra High (§2.2) */
    if (*vpus_given && (*vpus < 0 || *vpus > 120 || *vpus % 10))
        return OCI_ERR_BV_INVALID_VALUE;
    return OCI_OK;
}

/* Every check that needs no stored state: required fields, types, ranges. */
static int parse_create(const json_t *body, struct create_op *op, const char **arg)
{
    const struct req *rq = op->rq;
    struct bv_volume *v = &op->v;
    const char *s = NULL;
    int64_t vpus = 10;
    int vpus_given = 0;
    int e;

    *arg = "compartmentId";
    if ((e = bv_need_str(body, "compartmentId", &s)))
        return e;
    bv_copy(v->compartment_id, sizeof(v->compartment_id), s);
    *arg = "availabilityDomain";
    if ((e = bv_get_str(body, "availabilityDomain", &s)))
        return e;
    if (s && *s) {
        const struct oci_region *r = bv_ad_region(s);

        /* CHOICE: an availability domain that names another region is refused */
        if (r && strcmp(r->name, rq->region)) {
            *arg = s;
            return OCI_ERR_BV_AD_REGION;
        }
        bv_copy(v->availability_domain, sizeof(v->availability_domain), s);
    }
    *arg = "displayName";
    if ((e = bv_get_str(body, "displayName", &s)))
        return e;
    if (s && *s)
        bv_copy(v->display_name, sizeof(v->display_name), s);
    else
        bv_default_name(op->k->name_prefix, op->cx->now_ms, v->display_name,
                        sizeof(v->display_name));
    *arg = "kmsKeyId";
    if ((e = bv_get_str(body, "kmsKeyId", &op->kms)))
        return e;
    if (op->kms && !*op->kms)
        op->kms = NULL; /* CHOICE: "" on create means no key */
    *arg = "xrcKmsKeyId";
    if ((e = bv_get_str(body, "xrcKmsKeyId", &op->xrc)))
        return e;
    if (op->xrc && !*op->xrc)
        op->xrc = NULL;
    *arg = "backupPolicyId";
    if ((e = bv_get_str(body, "backupPolicyId", &op->policy_id)))
        return e;
    if (op->policy_id && !*op->policy_id)
        op->policy_id = NULL;
    if ((e = parse_sizes(body, &op->size, &op->size_given, &vpus, &vpus_given, arg)))
        return e;
    v->vpus_per_gb = (int)vpus;
    if ((e = parse_source(body, op, arg)))
        return e;
    /* a volume from nothing or from a backup names its availability domain */
    if (!v->availability_domain[0] && (!op->src_type || !strcmp(op->src_type, op->k->src_backup) ||
                                       !strcmp(op->src_type, "image"))) {
        *arg = "availabilityDomain";
        return OCI_ERR_BV_MISSING;
    }
    op->replicas = json_object_get(body, op->k->replicas_field);
    if (json_is_null(op->replicas))
        op->replicas = NULL;
    if (op->replicas && (e = bv_replicas_parse(op->replicas, op->k, arg)))
        return e;
    *arg = "freeformTags";
    if ((e = bv_get_tags(body, "freeformTags", v->freeform_tags, sizeof(v->freeform_tags))))
        return e;
    *arg = "definedTags";
    return bv_get_tags(body, "definedTags", v->defined_tags, sizeof(v->defined_tags));
}

/* CreateVolume: POST /20160918/volumes; CreateBootVolume: POST /20160918/bootVolumes */
static int create_volume(const struct req *rq, struct ctx *cx, struct resp *rs,
                         const struct bv_kind *k)
{
    struct create_op *op = NULL;
    json_t *body = NULL;
    const char *arg = NULL;
    int e;
    int rc;

    if (oci_retry_replay(rq, cx, rs))
        return 0;
    if ((e = oci_body_object(rq, cx, rs, &body)))
        return e;
    op = calloc(1, sizeof(*op));
    if (!op) {
        e = oci_fail(rs, cx, OCI_ERR_INTERNAL, NULL);
        goto out;
    }
    op->rq = rq;
    op->cx = cx;
    op->k = k;
    op->v.is_boot = k->is_boot;
    bv_copy(op->v.tenancy, sizeof(op->v.tenancy), rq->account);
    bv_copy(op->v.region, sizeof(op->v.region), rq->region);
    bv_copy(op->v.lifecycle_state, sizeof(op->v.lifecycle_state), "AVAILABLE");
    op->v.time_created_ms = cx->now_ms;
    e = parse_create(body, op, &arg);
    if (e) {
        e = oci_fail(rs, cx, e, arg);
        goto out;
    }
    op->v.size_in_gbs = op->size_given ? op->size
                        : k->is_boot   ? BV_DEFAULT_BOOT_GBS
                                       : BV_DEFAULT_GBS;
    bv_new_ocid(cx, k->volume_ocid, rq->region, op->v.id, sizeof(op->v.id));
    oci_new_etag(rq, cx, op->v.etag);
    rc = store_bv_tx(cx->store, create_tx, op);
    if ((e = bv_tx_answer(rs, cx, rc, &op->e)))
        goto out;
    bv_view_volume(cx, &op->v);
    reply_volume(rq, cx, rs, k, &op->v);
    oci_retry_record(rq, cx, rs);
out:
    free(op);
    json_decref(body);
    return e;
}

/* GetVolume: GET /20160918/volumes/{volumeId} */
static int get_volume(const struct req *rq, struct ctx *cx, struct resp *rs,
                      const struct bv_kind *k)
{
    struct bv_volume v;

    /* a TERMINATED volume answers 404 like every other operation on it */
    if (store_bv_volume_get(cx->store, rq->account, rq->region, k->is_boot, rq->param[0], &v) ||
        !strcmp(v.lifecycle_state, "TERMINATED"))
        return oci_fail(rs, cx, OCI_ERR_NOT_FOUND, NULL);
    bv_view_volume(cx, &v);
    reply_volume(rq, cx, rs, k, &v);
    return 0;
}

static int list_one(const struct bv_volume *row, void *arg)
{
    struct bv_list *l = arg;
    struct bv_replica reps[BV_MAX_REPLICAS];
    struct bv_volume *v = malloc(sizeof(*v));
    size_t n;

    if (!v)
        return STORE_ERROR;
    *v = *row;
    bv_view_volume(l->cx, v);
    n = bv_load_replicas(l->st, v->id, reps, BV_MAX_REPLICAS);
    json_array_append_new(l->items, bv_json_volume(l->k, v, reps, n));
    free(v);
    return 0;
}

/* ListVolumes: GET /20160918/volumes?compartmentId&availabilityDomain&displayName&
 * lifecycleState&limit&page */
static int list_volumes(const struct req *rq, struct ctx *cx, struct resp *rs,
                        const struct bv_kind *k)
{
    struct bv_list l;
    int64_t next = 0;
    int rc = bv_list_begin(rq, cx, rs, k, &l);

    if (rc)
        return rc;
    l.f.availability_domain = req_query(rq, "availabilityDomain");
    rc = store_bv_volume_list(cx->store, &l.f, list_one, &l, &next);
    return bv_list_end(rs, cx, &l, rc, next);
}

struct update_op {
    const struct req *rq;
    struct ctx *cx;
    const struct bv_kind *k;
    const json_t *body;
    const char *name;
    int64_t gbs;
    int gbs_given;
    int64_t vpus;
    int vpus_given;
    const json_t *replicas;
    char ff[BV_TAGS_MAX];
    char dt[BV_TAGS_MAX];
    struct bv_volume v;
    struct bv_txerr e;
};

int bv_volume_for_change(struct store *st, const struct req *rq, struct ctx *cx,
                         const struct bv_kind *k, int need_available, struct bv_volume *v,
                         struct bv_txerr *e)
{
    if (store_bv_volume_get(st, rq->account, rq->region, k->is_boot, rq->param[0], v) ||
        !strcmp(v->lifecycle_state, "TERMINATED"))
        return bv_txfail(e, OCI_ERR_NOT_FOUND, NULL);
    if (!oci_if_match_ok(rq, v->etag))
        return bv_txfail(e, OCI_ERR_NO_ETAG_MATCH, NULL);
    bv_view_volume(cx, v);
    if (need_available) {
        int err =
            bv_need_available(kind_name(k), v->id, v->lifecycle_state, e->arg, sizeof(e->arg));

        if (err)
            return bv_txfail(e, err, e->arg);
    }
    return STORE_OK;
}

static int update_tx(struct store *st, void *arg)
{
    struct update_op *op = arg;
    const struct req *rq = op->rq;
    struct bv_volume *v = &op->v;
    int rc = bv_volume_for_change(st, rq, op->cx, op->k, 1, v, &op->e);

    if (rc)
        return rc;
    if (op->gbs_given) {
        /* "has to be larger than the current size" (§2.2) */
        if (op->gbs <= v->size_in_gbs) {
            char n[32];

            snprintf(n, sizeof(n), "%" PRId64, v->size_in_gbs);
            return bv_txfail(&op->e, OCI_ERR_BV_SIZE_SMALLER, n);
        }
        v->size_in_gbs = op->gbs;
    }
    if (op->name)
        bv_copy(v->display_name, sizeof(v->display_name), op->name);
    if (op->vpus_given)
        v->vpus_per_gb = (int)op->vpus;
    if (json_object_get(op->body, "freeformTags"))
        bv_copy(v->freeform_tags, sizeof(v->freeform_tags), op->ff);
    if (json_object_get(op->body, "definedTags"))
        bv_copy(v->defined_tags, sizeof(v->defined_tags), op->dt);
    oci_new_etag(rq, op->cx, v->etag);
    if (store_bv_volume_put(st, v))
        return STORE_ERROR;
    /* the list replaces the volume's replicas; an empty list disables replication */
    if (op->replicas)
        return bv_replicas_write(st, op->cx, op->k, v, op->replicas, &op->e);
    return STORE_OK;
}

/* UpdateVolume: PUT /20160918/volumes/{volumeId} */
static int update_volume(const struct req *rq, struct ctx *cx, struct resp *rs,
                         const struct bv_kind *k)
{
    struct update_op *op = NULL;
    json_t *body = NULL;
    const char *arg = "displayName";
    int e;
    int rc;

    if ((e = oci_body_object(rq, cx, rs, &body)))
        return e;
    op = calloc(1, sizeof(*op));
    if (!op) {
        e = oci_fail(rs, cx, OCI_ERR_INTERNAL, NULL);
        goto out;
    }
    op->rq = rq;
    op->cx = cx;
    op->k = k;
    op->body = body;
    e = bv_get_str(body, "displayName", &op->name);
    if (!e)
        e = parse_sizes(body, &op->gbs, &op->gbs_given, &op->vpus, &op->vpus_given, &arg);
    if (!e) {
        op->replicas = json_object_get(body, k->replicas_field);
        if (json_is_null(op->replicas))
            op->replicas = NULL;
        if (op->replicas)
            e = bv_replicas_parse(op->replicas, k, &arg);
    }
    if (!e && (e = bv_get_tags(body, "freeformTags", op->ff, sizeof(op->ff))))
        arg = "freeformTags";
    if (!e && (e = bv_get_tags(body, "definedTags", op->dt, sizeof(op->dt))))
        arg = "definedTags";
    if (e) {
        e = oci_fail(rs, cx, e, arg);
        goto out;
    }
    rc = store_bv_tx(cx->store, update_tx, op);
    if ((e = bv_tx_answer(rs, cx, rc, &op->e)))
        goto out;
    reply_volume(rq, cx, rs, k, &op->v);
out:
    free(op);
    json_decref(body);
    return e;
}

struct delete_op {
    const struct req *rq;
    struct ctx *cx;
    const struct bv_kind *k;
    struct bv_volume v;
    struct bv_txerr e;
};

static int delete_tx(struct store *st, void *arg)
{
    struct delete_op *op = arg;
    const struct req *rq = op->rq;
    struct bv_volume *v = &op->v;
    /* CHOICE: a volume still PROVISIONING may be deleted */
    int rc = bv_volume_for_change(st, rq, op->cx, op->k, 0, v, &op->e);

    if (rc)
        return rc;
    bv_copy(v->lifecycle_state, sizeof(v->lifecycle_state), "TERMINATED");
    oci_new_etag(rq, op->cx, v->etag);
    if (store_bv_volume_put(st, v) || store_bv_replica_delete_of(st, v->id))
        return STORE_ERROR;
    return STORE_OK;
}

/* DeleteVolume: DELETE /20160918/volumes/{volumeId} -> 204; the volume stays readable as
 * TERMINATED (CHOICE: immediately) */
static int delete_volume(const struct req *rq, struct ctx *cx, struct resp *rs,
                         const struct bv_kind *k)
{
    struct delete_op *op = calloc(1, sizeof(*op));
    int e;

    if (!op)
        return oci_fail(rs, cx, OCI_ERR_INTERNAL, NULL);
    op->rq = rq;
    op->cx = cx;
    op->k = k;
    e = bv_tx_answer(rs, cx, store_bv_tx(cx->store, delete_tx, op), &op->e);
    if (!e)
        oci_no_content(rs);
    free(op);
    return e;
}

/* CreateVolume: POST /20160918/volumes; CreateBootVolume: POST /20160918/bootVolumes */
BV_TWINS(bv_create_volume, bv_create_boot_volume, create_volume)
/* GetVolume / GetBootVolume: GET .../{volumeId} */
BV_TWINS(bv_get_volume, bv_get_boot_volume, get_volume)
/* ListVolumes / ListBootVolumes */
BV_TWINS(bv_list_volumes, bv_list_boot_volumes, list_volumes)
/* UpdateVolume / UpdateBootVolume: PUT .../{volumeId} */
BV_TWINS(bv_update_volume, bv_update_boot_volume, update_volume)
/* DeleteVolume / DeleteBootVolume: DELETE .../{volumeId} */
BV_TWINS(bv_delete_volume, bv_delete_boot_volume, delete_volume)
