/* bv_replica.c - block and boot volume replicas: the replica list of CreateVolume/UpdateVolume
 * (availabilityDomain, displayName, xrrKmsKeyId), GetBlockVolumeReplica,
 * ListBlockVolumeReplicas and the boot twins. A replica lives in the region of its availability
 * domain and is visible only there. */
#include "bv.h"
#include "bv_json.h"

#include "../oci_ocid.h"

#include <string.h>

int bv_replicas_parse(const json_t *arr, const struct bv_kind *k, const char **bad)
{
    size_t i;
    const json_t *r;

    *bad = k->replicas_field;
    if (!json_is_array(arr) || json_array_size(arr) > BV_MAX_REPLICAS)
        return OCI_ERR_BV_INVALID_VALUE;
    json_array_foreach(arr, i, r)
    {
        const char *s = NULL;
        int e;

        if (!json_is_object(r))
            return OCI_ERR_BV_INVALID_VALUE;
        *bad = "availabilityDomain";
        if ((e = bv_need_str(r, "availabilityDomain", &s)))
            return e;
        /* CHOICE: "Uocm:PHX-AD-1" names its region by the code in it; "us-phoenix-1-AD-1" too */
        if (!bv_ad_region(s)) {
            *bad = s;
            return OCI_ERR_BV_REPLICA_AD;
        }
        *bad = "displayName";
        if ((e = bv_get_str(r, "displayName", &s)))
            return e;
        *bad = "xrrKmsKeyId";
        if ((e = bv_get_str(r, "xrrKmsKeyId", &s)))
            return e;
    }
    return OCI_OK;
}

int bv_replicas_write(struct store *st, struct ctx *cx, const struct bv_kind *k,
                      const struct bv_volume *v, const json_t *arr, struct bv_txerr *e)
{
    size_t i;
    const json_t *r;

    if (store_bv_replica_delete_of(st, v->id))
        return STORE_ERROR;
    json_array_foreach(arr, i, r)
    {
        const char *ad = json_string_value(json_object_get(r, "availabilityDomain"));
        const char *name = json_string_value(json_object_get(r, "displayName"));
        const char *key = json_string_value(json_object_get(r, "xrrKmsKeyId"));
        const struct oci_region *reg = bv_ad_region(ad);
        struct bv_replica rep;
        char etag[41];

        if (!reg)
            return bv_txfail(e, OCI_ERR_BV_REPLICA_AD, ad);
        /* the replica's key lives in the replica's (destination) region (§6) */
        if (key && *key) {
            int err = bv_key_check(st, key, reg->name, BV_KEY_DESTINATION);

            if (err)
                return bv_txfail(e, err, key);
        }
        memset(&rep, 0, sizeof(rep));
        rep.is_boot = k->is_boot;
        bv_new_ocid(cx, k->replica_ocid, reg->name, rep.id, sizeof(rep.id));
        bv_copy(rep.tenancy, sizeof(rep.tenancy), v->tenancy);
        bv_copy(rep.region, sizeof(rep.region), reg->name);
        bv_copy(rep.compartment_id, sizeof(rep.compartment_id), v->compartment_id);
        bv_copy(rep.availability_domain, sizeof(rep.availability_domain), ad);
        if (name && *name)
            bv_copy(rep.display_name, sizeof(rep.display_name), name);
        else
            bv_default_name(k->is_boot ? "bootvolumereplica" : "blockvolumereplica", cx->now_ms,
                            rep.display_name, sizeof(rep.display_name));
        bv_copy(rep.lifecycle_state, sizeof(rep.lifecycle_state), "AVAILABLE");
        bv_copy(rep.volume_id, sizeof(rep.volume_id), v->id);
        bv_copy(rep.kms_key_id, sizeof(rep.kms_key_id), key);
        rep.size_in_gbs = v->size_in_gbs;
        bv_copy(rep.image_id, sizeof(rep.image_id), v->image_id);
        rep.time_created_ms = cx->now_ms;
        ids_hex(cx->ids, etag, 20);
        bv_copy(rep.etag, sizeof(rep.etag), etag);
        if (store_bv_replica_put(st, &rep))
            return STORE_ERROR;
    }
    return STORE_OK;
}

static int get_replica(const struct req *rq, struct ctx *cx, struct resp *rs,
                       const struct bv_kind *k)
{
    struct bv_replica r;

    if (store_bv_replica_get(cx->store, rq->account, rq->region, k->is_boot, rq->param[0], &r))
        return oci_fail(rs, cx, OCI_ERR_NOT_FOUND, NULL);
    bv_view_replica(cx, &r);
    oci_answer(rq, rs, bv_json_replica(k, &r), r.etag);
    return 0;
}

static int list_one(const struct bv_replica *row, void *arg)
{
    struct bv_list *l = arg;
    struct bv_replica r = *row;

    bv_view_replica(l->cx, &r);
    json_array_append_new(l->items, bv_json_replica(l->k, &r));
    return 0;
}

static int list_replicas(const struct req *rq, struct ctx *cx, struct resp *rs,
                         const struct bv_kind *k)
{
    struct bv_list l;
    int64_t next = 0;
    int rc = bv_list_begin(rq, cx, rs, k, &l);

    if (rc)
        return rc;
    l.f.availability_domain = req_query(rq, "availabilityDomain");
    rc = store_bv_replica_list(cx->store, &l.f, list_one, &l, &next);
    return bv_list_end(rs, cx, &l, rc, next);
}

/* GetBlockVolumeReplica: GET /20160918/blockVolumeReplicas/{blockVolumeReplicaId};
 * GetBootVolumeReplica: GET /20160918/bootVolumeReplicas/{bootVolumeReplicaId} */
BV_TWINS(bv_get_block_volume_replica, bv_get_boot_volume_replica, get_replica)
/* ListBlockVolumeReplicas / ListBootVolumeReplicas: GET ...?availabilityDomain&compartmentId&
 * displayName&lifecycleState&limit&page */
BV_TWINS(bv_list_block_volume_replicas, bv_list_boot_volume_replicas, list_replicas)
