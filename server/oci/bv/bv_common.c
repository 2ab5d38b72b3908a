/* bv_common.c - what the Block Volume handlers share: the two kinds, body readers, key and zone
 * checks, transaction error answers, availability domains, OCIDs and paging. */
#include "bv.h"

#include "../oci_ocid.h"
#include "storage/store_oci.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

const struct bv_kind bv_block = {
    0,
    "volume",
    "volumebackup",
    "blockvolumereplica",
    "volumeId",
    "sourceVolumeBackupId",
    "blockVolumeReplicas",
    "blockVolumeReplicaId",
    "blockVolumeId",
    "volume",
    "volumeBackup",
    "blockVolumeReplica",
    "deny block_volume_without_vault_key",
    OCI_ERR_BV_ZONE_VOLUME,
    "volume",
};

const struct bv_kind bv_boot = {
    1,
    "bootvolume",
    "bootvolumebackup",
    "bootvolumereplica",
    "bootVolumeId",
    "sourceBootVolumeBackupId",
    "bootVolumeReplicas",
    "bootVolumeReplicaId",
    "bootVolumeId",
    "bootVolume",
    "bootVolumeBackup",
    "bootVolumeReplica",
    "deny boot_volume_without_vault_key",
    OCI_ERR_BV_ZONE_BOOT,
    "bootvolume",
};

int bv_txfail(struct bv_txerr *e, int err, const char *arg)
{
    e->err = err;
    if (arg != e->arg)
        bv_copy(e->arg, sizeof(e->arg), arg ? arg : "");
    return STORE_CONFLICT;
}

int bv_tx_answer(struct resp *rs, struct ctx *cx, int rc, const struct bv_txerr *e)
{
    if (rc == STORE_OK)
        return 0;
    if (rc == STORE_CONFLICT && e->err)
        return oci_fail(rs, cx, e->err, e->arg);
    return oci_fail(rs, cx, OCI_ERR_INTERNAL, NULL);
}

int bv_get_str(const json_t *o, const char *name, const char **out)
{
    const json_t *v = json_object_get(o, name);

    *out = NULL;
    if (!v || json_is_null(v))
        return OCI_OK;
    if (!json_is_string(v) || json_string_length(v) >= BV_ID_MAX)
        return OCI_ERR_BV_INVALID_VALUE;
    *out = json_string_value(v);
    return OCI_OK;
}

int bv_need_str(const json_t *o, const char *name, const char **out)
{
    int e = bv_get_str(o, name, out);

    if (e)
        return e;
    return *out && **out ? OCI_OK : OCI_ERR_BV_MISSING;
}

int bv_get_int(const json_t *o, const char *name, int64_t *out, int *present)
{
    const json_t *v = json_object_get(o, name);

    *present = 0;
    if (!v || json_is_null(v))
        return OCI_OK;
    if (!json_is_integer(v))
        return OCI_ERR_BV_INVALID_VALUE;
    *out = (int64_t)json_integer_value(v);
    *present = 1;
    return OCI_OK;
}

int bv_get_tags(const json_t *o, const char *name, char *out, size_t n)
{
    const json_t *v = json_object_get(o, name);
    char *s;
    int e = OCI_OK;

    out[0] = '\0';
    if (!v || json_is_null(v))
        return OCI_OK;
    if (!json_is_object(v))
        return OCI_ERR_BV_INVALID_VALUE;
    s = json_dumps(v, JSON_COMPACT | JSON_PRESERVE_ORDER);
    if (!s || strlen(s) >= n)
        e = OCI_ERR_BV_INVALID_VALUE;
    else
        bv_copy(out, n, s);
    free(s);
    return e;
}

int bv_key_check(struct store *st, const char *key_id, const char *region, enum bv_key_scope scope)
{
    struct kms_key_ref ref;
    int found = store_kms_key_ref(st, key_id, &ref) == STORE_OK;

    return bv_key_rules_check(key_id, found ? &ref : NULL, region, scope);
}

int bv_zone_check(struct store *st, const struct bv_kind *k, const char *compartment, char *zone,
                  size_t n)
{
    if (store_cg_policy_applies(st, compartment, k->zone_policy, zone, n) == STORE_OK)
        return k->zone_err;
    return OCI_OK;
}

const struct oci_region *bv_ad_region(const char *ad)
{
    const char *colon;
    const char *p;

    if (!ad)
        return NULL;
    colon = strrchr(ad, ':');
    p = colon ? colon + 1 : ad;
    /* CHOICE: the availability domain must carry "-AD-" so that a bare region name is not an AD */
    if (!strcasestr(p, "-ad-"))
        return NULL;
    return oci_region_find(p);
}

void bv_new_ocid(struct ctx *cx, const char *type, const char *region, char *out, size_t n)
{
    const struct oci_region *r = oci_region_find(region);

    ocid_new(cx->ids, type, r ? r->realm : "oc1", r ? r->code : region, NULL, out, n);
}

void bv_default_name(const char *prefix, int64_t now_ms, char *out, size_t n)
{
    time_t t = (time_t)(now_ms / 1000);
    struct tm tm;

    gmtime_r(&t, &tm);
    snprintf(out, n, "%s%04d%02d%02d%02d%02d%02d", prefix, tm.tm_year + 1900, tm.tm_mon + 1,
             tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

void bv_copy(char *out, size_t n, const char *s)
{
    snprintf(out, n, "%s", s ? s : "");
}

int64_t bv_fresh_after(const struct ctx *cx)
{
    unsigned d = cx->cfg ? cx->cfg->bv_provisioning_ms : 0;

    return d ? cx->now_ms - (int64_t)d : INT64_MAX;
}

/* The same rule as the store's list filter (oci_bv_store.c, FRESH). */
static void settle(char *state, size_t n, int64_t created_ms, const struct ctx *cx,
                   const char *transitional)
{
    if (!strcmp(state, "AVAILABLE") && created_ms > bv_fresh_after(cx))
        bv_copy(state, n, transitional);
}

void bv_view_volume(const struct ctx *cx, struct bv_volume *v)
{
    settle(v->lifecycle_state, sizeof(v->lifecycle_state), v->time_created_ms, cx, "PROVISIONING");
}

void bv_view_backup(const struct ctx *cx, struct bv_backup *b)
{
    settle(b->lifecycle_state, sizeof(b->lifecycle_state), b->time_created_ms, cx,
           b->source_backup_id[0] ? "CREATING" : "REQUEST_RECEIVED");
}

void bv_view_replica(const struct ctx *cx, struct bv_replica *r)
{
    settle(r->lifecycle_state, sizeof(r->lifecycle_state), r->time_created_ms, cx, "PROVISIONING");
}

int bv_need_available(const char *what, const char *id, const char *state, char *msg, size_t n)
{
    if (!strcmp(state, "AVAILABLE"))
        return OCI_OK;
    snprintf(msg, n, "%s '%s' is in the %s state; the operation needs it AVAILABLE.", what, id,
             state);
    return OCI_ERR_INCORRECT_STATE;
}

/* CHOICE: the page token is the position of the last row of the previous page */
const struct oci_paging bv_paging = { 100, 1000, 1, INT64_MAX, OCI_ERR_BV_INVALID_PAGE };

int bv_list_begin(const struct req *rq, struct ctx *cx, struct resp *rs, const struct bv_kind *k,
                  struct bv_list *l)
{
    int e;

    memset(l, 0, sizeof(*l));
    e = oci_page_number(rq, cx, rs, &bv_paging, &l->f.limit, &l->f.after_seq);
    if (e)
        return e;
    l->k = k;
    l->cx = cx;
    l->st = cx->store;
    l->f.tenancy = rq->account;
    l->f.region = rq->region;
    l->f.is_boot = k->is_boot;
    l->f.compartment_id = req_query(rq, "compartmentId");
    l->f.display_name = req_query(rq, "displayName");
    l->f.lifecycle_state = req_query(rq, "lifecycleState");
    l->f.fresh_after_ms = bv_fresh_after(cx);
    l->items = json_array();
    return 0;
}

int bv_list_end(struct resp *rs, struct ctx *cx, struct bv_list *l, int rc, int64_t next)
{
    if (rc) {
        json_decref(l->items);
        return oci_fail(rs, cx, OCI_ERR_INTERNAL, NULL);
    }
    oci_answer_list(rs, l->items, next);
    return 0;
}

struct replica_sink {
    struct bv_replica *out;
    size_t max;
    size_t n;
};

static int collect_replica(const struct bv_replica *r, void *arg)
{
    struct replica_sink *s = arg;

    if (s->n < s->max)
        s->out[s->n++] = *r;
    return 0;
}

size_t bv_load_replicas(struct store *st, const char *volume_id, struct bv_replica *out, size_t max)
{
    struct replica_sink s = { out, max, 0 };

    (void)store_bv_replicas_of(st, volume_id, collect_replica, &s);
    return s.n;
}
