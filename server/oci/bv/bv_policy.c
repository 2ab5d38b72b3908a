/* bv_policy.c - volume backup policies and their assignments: CreateVolumeBackupPolicy,
 * GetVolumeBackupPolicy, CreateVolumeBackupPolicyAssignment (xrcKmsKeyId: a key of the policy's
 * destination region, §2.2), GetVolumeBackupPolicyAssignment,
 * GetVolumeBackupPolicyAssetAssignment and DeleteVolumeBackupPolicyAssignment. */
#include "bv.h"
#include "bv_json.h"

#include "../oci_ocid.h"

#include <stdlib.h>
#include <string.h>

/* CreateVolumeBackupPolicy: POST /20160918/volumeBackupPolicies */
int bv_create_volume_backup_policy(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    struct bv_policy *p = NULL;
    json_t *body = NULL;
    const json_t *sched;
    const char *arg = "compartmentId";
    const char *s = NULL;
    int e;

    if (oci_retry_replay(rq, cx, rs))
        return 0;
    if ((e = oci_body_object(rq, cx, rs, &body)))
        return e;
    p = calloc(1, sizeof(*p));
    if (!p) {
        e = oci_fail(rs, cx, OCI_ERR_INTERNAL, NULL);
        goto out;
    }
    if ((e = bv_need_str(body, "compartmentId", &s)))
        goto fail;
    bv_copy(p->compartment_id, sizeof(p->compartment_id), s);
    arg = "displayName";
    if ((e = bv_get_str(body, "displayName", &s)))
        goto fail;
    if (s && *s)
        bv_copy(p->display_name, sizeof(p->display_name), s);
    else
        bv_default_name("volumebackuppolicy", cx->now_ms, p->display_name, sizeof(p->display_name));
    arg = "destinationRegion";
    if ((e = bv_get_str(body, "destinationRegion", &s)))
        goto fail;
    if (s && *s) {
        const struct oci_region *r = oci_region_find(s);

        if (!r || strcmp(r->name, s)) {
            e = OCI_ERR_BV_DEST_REGION;
            arg = s;
            goto fail;
        }
        bv_copy(p->destination_region, sizeof(p->destination_region), r->name);
    }
    arg = "schedules";
    sched = json_object_get(body, "schedules");
    if (sched && !json_is_null(sched)) {
        char *text;

        if (!json_is_array(sched)) {
            e = OCI_ERR_BV_INVALID_VALUE;
            goto fail;
        }
        text = json_dumps(sched, JSON_COMPACT | JSON_PRESERVE_ORDER);
        if (!text || strlen(text) >= sizeof(p->schedules)) {
            free(text);
            e = OCI_ERR_BV_INVALID_VALUE;
            goto fail;
        }
        bv_copy(p->schedules, sizeof(p->schedules), text);
        free(text);
    } else {
        bv_copy(p->schedules, sizeof(p->schedules), "[]");
    }
    arg = "freeformTags";
    if ((e = bv_get_tags(body, "freeformTags", p->freeform_tags, sizeof(p->freeform_tags))))
        goto fail;
    arg = "definedTags";
    if ((e = bv_get_tags(body, "definedTags", p->defined_tags, sizeof(p->defined_tags))))
        goto fail;
    bv_new_ocid(cx, "volumebackuppolicy", rq->region, p->id, sizeof(p->id));
    bv_copy(p->tenancy, sizeof(p->tenancy), rq->account);
    bv_copy(p->region, sizeof(p->region), rq->region);
    p->time_created_ms = cx->now_ms;
    oci_new_etag(rq, cx, p->etag);
    if (store_bv_policy_put(cx->store, p)) {
        e = oci_fail(rs, cx, OCI_ERR_INTERNAL, NULL);
        goto out;
    }
    oci_answer(rq, rs, bv_json_policy(p), p->etag);
    oci_retry_record(rq, cx, rs);
    goto out;
fail:
    e = oci_fail(rs, cx, e, arg);
out:
    free(p);
    json_decref(body);
    return e;
}

/* GetVolumeBackupPolicy: GET /20160918/volumeBackupPolicies/{policyId} */
int bv_get_volume_backup_policy(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    struct bv_policy *p = calloc(1, sizeof(*p));
    int e = 0;

    if (!p)
        return oci_fail(rs, cx, OCI_ERR_INTERNAL, NULL);
    if (store_bv_policy_get(cx->store, rq->account, rq->region, rq->param[0], p))
        e = oci_fail(rs, cx, OCI_ERR_NOT_FOUND, NULL);
    else
        oci_answer(rq, rs, bv_json_policy(p), p->etag);
    free(p);
    return e;
}

static int count_one(const struct bv_assignment *a, void *arg)
{
    (void)a;
    (*(int *)arg)++;
    return 0;
}

int bv_assign_policy(struct store *st, struct ctx *cx, const char *tenancy, const char *region,
                     const char *asset_id, const char *policy_id, const char *xrc_key,
                     struct bv_assignment *out, struct bv_txerr *e)
{
    struct bv_policy *p = calloc(1, sizeof(*p));
    struct bv_filter f;
    int n = 0;
    int rc = STORE_OK;

    if (!p)
        return STORE_ERROR;
    if (store_bv_policy_get(st, tenancy, region, policy_id, p)) {
        rc = bv_txfail(e, OCI_ERR_BV_RELATED_NOT_FOUND, policy_id);
        goto out;
    }
    if (xrc_key) {
        int err;

        /* the key of cross-region copies lives in the policy's destination region (§2.2) */
        if (!p->destination_region[0]) {
            rc = bv_txfail(e, OCI_ERR_BV_XRC_NO_DEST, xrc_key);
            goto out;
        }
        err = bv_key_check(st, xrc_key, p->destination_region, BV_KEY_DESTINATION);
        if (err) {
            rc = bv_txfail(e, err, xrc_key);
            goto out;
        }
    }
    memset(&f, 0, sizeof(f));
    f.tenancy = tenancy;
    f.region = region;
    f.volume_id = asset_id;
    if (store_bv_assignment_list(st, &f, count_one, &n, NULL)) {
        rc = STORE_ERROR;
        goto out;
    }
    /* CHOICE: one policy per asset; a second assignment is 409 Conflict */
    if (n) {
        rc = bv_txfail(e, OCI_ERR_BV_ASSIGNED, asset_id);
        goto out;
    }
    memset(out, 0, sizeof(*out));
    bv_new_ocid(cx, "volumebackuppolicyassignment", region, out->id, sizeof(out->id));
    bv_copy(out->tenancy, sizeof(out->tenancy), tenancy);
    bv_copy(out->region, sizeof(out->region), region);
    bv_copy(out->asset_id, sizeof(out->asset_id), asset_id);
    bv_copy(out->policy_id, sizeof(out->policy_id), policy_id);
    bv_copy(out->xrc_kms_key_id, sizeof(out->xrc_kms_key_id), xrc_key);
    out->time_created_ms = cx->now_ms;
    ids_hex(cx->ids, out->etag, 20);
    rc = store_bv_assignment_put(st, out);
out:
    free(p);
    return rc;
}

struct assign_op {
    const struct req *rq;
    struct ctx *cx;
    const char *asset_id;
    const char *policy_id;
    const char *xrc;
    struct bv_assignment a;
    struct bv_txerr e;
};

static int assign_tx(struct store *st, void *arg)
{
    struct assign_op *op = arg;
    const struct req *rq = op->rq;
    struct bv_volume *v = calloc(1, sizeof(*v));
    int rc;

    if (!v)
        return STORE_ERROR;
    /* the asset is a volume or a boot volume of this region */
    if ((store_bv_volume_get(st, rq->account, rq->region, 0, op->asset_id, v) &&
         store_bv_volume_get(st, rq->account, rq->region, 1, op->asset_id, v)) ||
        !strcmp(v->lifecycle_state, "TERMINATED")) {
        free(v);
        return bv_txfail(&op->e, OCI_ERR_BV_RELATED_NOT_FOUND, op->asset_id);
    }
    free(v);
    rc = bv_assign_policy(st, op->cx, rq->account, rq->region, op->asset_id, op->policy_id, op->xrc,
                          &op->a, &op->e);
    return rc;
}

/* CreateVolumeBackupPolicyAssignment: POST /20160918/volumeBackupPolicyAssignments -> 200 */
int bv_create_volume_backup_policy_assignment(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    struct assign_op *op = NULL;
    json_t *body = NULL;
    const char *arg = "assetId";
    int e;

    if ((e = oci_body_object(rq, cx, rs, &body)))
        return e;
    op = calloc(1, sizeof(*op));
    if (!op) {
        e = oci_fail(rs, cx, OCI_ERR_INTERNAL, NULL);
        goto out;
    }
    op->rq = rq;
    op->cx = cx;
    e = bv_need_str(body, "assetId", &op->asset_id);
    if (!e && (e = bv_need_str(body, "policyId", &op->policy_id)))
        arg = "policyId";
    if (!e && (e = bv_get_str(body, "xrcKmsKeyId", &op->xrc)))
        arg = "xrcKmsKeyId";
    if (e) {
        e = oci_fail(rs, cx, e, arg);
        goto out;
    }
    if (op->xrc && !*op->xrc)
        op->xrc = NULL;
    if ((e = bv_tx_answer(rs, cx, store_bv_tx(cx->store, assign_tx, op), &op->e)))
        goto out;
    oci_answer(rq, rs, bv_json_assignment(&op->a), op->a.etag);
out:
    free(op);
    json_decref(body);
    return e;
}

/* GetVolumeBackupPolicyAssignment: GET /20160918/volumeBackupPolicyAssignments/{id} */
int bv_get_volume_backup_policy_assignment(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    struct bv_assignment a;

    if (store_bv_assignment_get(cx->store, rq->account, rq->region, rq->param[0], &a))
        return oci_fail(rs, cx, OCI_ERR_NOT_FOUND, NULL);
    oci_answer(rq, rs, bv_json_assignment(&a), a.etag);
    return 0;
}

static int list_one(const struct bv_assignment *a, void *arg)
{
    struct bv_list *l = arg;

    json_array_append_new(l->items, bv_json_assignment(a));
    return 0;
}

/* GetVolumeBackupPolicyAssetAssignment: GET /20160918/volumeBackupPolicyAssignments?assetId*&
 * limit&page */
int bv_get_volume_backup_policy_asset_assignment(const struct req *rq, struct ctx *cx,
                                                 struct resp *rs)
{
    const char *asset = req_query(rq, "assetId");
    struct bv_list l;
    int64_t next = 0;
    int rc;

    if (!asset || !*asset)
        return oci_fail(rs, cx, OCI_ERR_BV_MISSING, "assetId");
    /* the assignment query reads only the tenancy, region, asset and page of the filter */
    if ((rc = bv_list_begin(rq, cx, rs, &bv_block, &l)))
        return rc;
    l.f.volume_id = asset;
    rc = store_bv_assignment_list(cx->store, &l.f, list_one, &l, &next);
    return bv_list_end(rs, cx, &l, rc, next);
}

struct delete_op {
    const struct req *rq;
    struct bv_txerr e;
};

static int delete_tx(struct store *st, void *arg)
{
    struct delete_op *op = arg;
    const struct req *rq = op->rq;
    struct bv_assignment a;

    if (store_bv_assignment_get(st, rq->account, rq->region, rq->param[0], &a))
        return bv_txfail(&op->e, OCI_ERR_NOT_FOUND, NULL);
    if (!oci_if_match_ok(rq, a.etag))
        return bv_txfail(&op->e, OCI_ERR_NO_ETAG_MATCH, NULL);
    return store_bv_assignment_delete(st, a.id);
}

/* DeleteVolumeBackupPolicyAssignment: DELETE /20160918/volumeBackupPolicyAssignments/{id}
 * -> 204 */
int bv_delete_volume_backup_policy_assignment(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    struct delete_op op;
    int e;

    memset(&op, 0, sizeof(op));
    op.rq = rq;
    e = bv_tx_answer(rs, cx, store_bv_tx(cx->store, delete_tx, &op), &op.e);
    if (!e)
        oci_no_content(rs);
    return e;
}
