/* bv_volume_kms.c - GetVolumeKmsKey, UpdateVolumeKmsKey, DeleteVolumeKmsKey and the boot-volume
 * twins (/kmsKey, reference §2.1, §2.2). The key of a volume changes only here. */
#include "bv.h"
#include "bv_json.h"

#include <stdlib.h>
#include <string.h>

enum kms_action { KMS_GET, KMS_PUT, KMS_DELETE };

struct kms_op {
    const struct req *rq;
    struct ctx *cx;
    const struct bv_kind *k;
    enum kms_action action;
    const char *key;
    struct bv_volume v;
    struct bv_txerr e;
};

static int kms_tx(struct store *st, void *arg)
{
    struct kms_op *op = arg;
    const struct req *rq = op->rq;
    struct bv_volume *v = &op->v;
    /* every /kmsKey operation takes if-match (§2.1); PUT and DELETE need an AVAILABLE volume */
    int rc = bv_volume_for_change(st, rq, op->cx, op->k, op->action != KMS_GET, v, &op->e);
    int e;

    if (rc || op->action == KMS_GET)
        return rc;
    if (op->action == KMS_PUT) {
        /* the same OCID again regenerates the data key: accepted, the etag changes (§2.2) */
        e = bv_key_check(st, op->key, rq->region, BV_KEY_SAME_REGION);
        if (e)
            return bv_txfail(&op->e, e, op->key);
        bv_copy(v->kms_key_id, sizeof(v->kms_key_id), op->key);
    } else {
        char zone[256];

        /* unassigning means Oracle-managed, which a zone may forbid (§5) */
        e = bv_zone_check(st, op->k, v->compartment_id, zone, sizeof(zone));
        if (e)
            return bv_txfail(&op->e, e, zone);
        v->kms_key_id[0] = '\0';
    }
    oci_new_etag(rq, op->cx, v->etag);
    return store_bv_volume_put(st, v);
}

/* The method selects the operation. */
static int kms_key(const struct req *rq, struct ctx *cx, struct resp *rs, const struct bv_kind *k)
{
    enum kms_action action = !strcmp(rq->method, "PUT")      ? KMS_PUT
                             : !strcmp(rq->method, "DELETE") ? KMS_DELETE
                                                             : KMS_GET;
    struct kms_op *op = calloc(1, sizeof(*op));
    json_t *body = NULL;
    int e = 0;

    if (!op)
        return oci_fail(rs, cx, OCI_ERR_INTERNAL, NULL);
    op->rq = rq;
    op->cx = cx;
    op->k = k;
    op->action = action;
    if (action == KMS_PUT) {
        if ((e = oci_body_object(rq, cx, rs, &body)))
            goto out;
        /* CHOICE: an empty body (the SDK sends {} as no body) is MissingParameter kmsKeyId */
        if ((e = bv_need_str(body, "kmsKeyId", &op->key))) {
            e = oci_fail(rs, cx, e, "kmsKeyId");
            goto out;
        }
    }
    if ((e = bv_tx_answer(rs, cx, store_bv_tx(cx->store, kms_tx, op), &op->e)))
        goto out;
    if (action == KMS_DELETE) {
        /* CHOICE: 204 without a body */
        oci_no_content(rs);
    } else {
        oci_answer(rq, rs, bv_json_kms_key(op->v.kms_key_id), op->v.etag);
    }
out:
    json_decref(body);
    free(op);
    return e;
}

/* GetVolumeKmsKey, UpdateVolumeKmsKey, DeleteVolumeKmsKey: GET, PUT, DELETE
 * /20160918/volumes/{volumeId}/kmsKey; the boot twins under /bootVolumes/{bootVolumeId}/kmsKey */
BV_TWINS(bv_volume_kms_key, bv_boot_volume_kms_key, kms_key)
