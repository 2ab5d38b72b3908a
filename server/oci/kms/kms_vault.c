/* kms_vault.c - the KmsVault plane: CreateVault, GetVault, ListVaults, ScheduleVaultDeletion and
 * CancelVaultDeletion under /20180608/vaults. Vaults are regional and belong to one tenancy. */
#include "kms.h"

#include "../oci_common.h"
#include "../oci_ocid.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Endpoint prefix attempts before giving up on a collision (36^13 makes one unlikely). */
#define KMS_PREFIX_TRIES 4

/* CreateVault: POST /20180608/vaults */
int kms_create_vault(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    static const char *const types[] = { "DEFAULT", "VIRTUAL_PRIVATE" };
    const struct oci_region *r = oci_region_find(rq->region);
    struct kms_vault v;
    json_t *body = NULL;
    const char *compartment, *name, *type;
    char *freeform = NULL, *defined = NULL;
    char base[512];
    int e, rc = STORE_EXISTS;

    memset(&v, 0, sizeof(v));
    if (oci_retry_replay(rq, cx, rs))
        return 0;
    e = oci_body_object(rq, cx, rs, &body);
    if (e)
        return e;
    e = kms_body_string(rs, cx, body, "compartmentId", 1, &compartment);
    if (!e)
        e = kms_body_string(rs, cx, body, "displayName", 1, &name);
    if (!e)
        e = kms_body_string(rs, cx, body, "vaultType", 1, &type);
    if (!e)
        e = kms_check_compartment(rs, cx, compartment);
    if (!e)
        e = kms_check_display_name(rs, cx, name);
    /* CHOICE: EXTERNAL vaults need an external key manager cmkemu does not emulate. */
    if (!e)
        e = kms_check_one_of(rs, cx, "vaultType", type, types, 2);
    if (!e)
        e = kms_body_tags(rs, cx, body, &freeform, &defined);
    if (e)
        goto out;

    snprintf(v.tenancy, sizeof(v.tenancy), "%s", rq->account);
    snprintf(v.compartment_id, sizeof(v.compartment_id), "%s", compartment);
    snprintf(v.region, sizeof(v.region), "%s", r->name);
    snprintf(v.display_name, sizeof(v.display_name), "%s", name);
    snprintf(v.vault_type, sizeof(v.vault_type), "%s", type);
    /* CHOICE: the vault is ACTIVE at once; OCI answers CREATING and turns ACTIVE minutes later. */
    snprintf(v.lifecycle_state, sizeof(v.lifecycle_state), "ACTIVE");
    v.time_created_ms = cx->now_ms;
    v.freeform_tags = freeform;
    v.defined_tags = defined;
    for (int i = 0; i < KMS_PREFIX_TRIES && rc == STORE_EXISTS; i++) {
        ids_lower_alnum(cx->ids, v.endpoint_prefix, KMS_PREFIX_LEN);
        ocid_new(cx->ids, "vault", r->realm, r->code, v.endpoint_prefix, v.id, sizeof(v.id));
        /* CHOICE: the wrapping key is a key OCID of the vault that GetKey does not list */
        ocid_new(cx->ids, "key", r->realm, r->code, v.endpoint_prefix, v.wrapping_key_id,
                 sizeof(v.wrapping_key_id));
        oci_new_etag(rq, cx, v.etag);
        rc = store_kms_vault_create(cx->store, &v);
    }
    if (rc) {
        e = oci_fail(rs, cx, OCI_ERR_INTERNAL, NULL);
        goto out;
    }
    kms_base_url(rq, base, sizeof(base));
    oci_answer(rq, rs, kms_vault_json(&v, base, 0), v.etag);
    oci_retry_record(rq, cx, rs);
out:
    free(freeform);
    free(defined);
    json_decref(body);
    return e;
}

/* GetVault: GET /20180608/vaults/{vaultId} */
int kms_get_vault(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    struct kms_vault v;
    char base[512];
    int rc = store_kms_vault_get(cx->store, rq->account, rq->region, rq->param[0], &v);

    if (rc)
        return oci_store_fail(rs, cx, rc, OCI_ERR_KMS_NOT_FOUND);
    kms_base_url(rq, base, sizeof(base));
    oci_answer(rq, rs, kms_vault_json(&v, base, 0), v.etag);
    kms_vault_release(&v);
    return 0;
}

/* ListVaults: GET /20180608/vaults?compartmentId&limit&page&sortBy&sortOrder */
int kms_list_vaults(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    const char *compartment = req_query(rq, "compartmentId");
    struct kms_vault_list l;
    enum kms_sort sort;
    int64_t offset;
    char base[512];
    json_t *arr;
    int limit, e;

    if (!compartment || !*compartment)
        return oci_fail(rs, cx, OCI_ERR_KMS_MISSING_PARAMETER, "compartmentId");
    e = kms_list_params(rq, cx, rs, &limit, &offset, &sort);
    if (e)
        return e;
    if (store_kms_vault_list(cx->store, rq->account, rq->region, compartment, sort, offset, limit,
                             &l))
        return oci_fail(rs, cx, OCI_ERR_INTERNAL, NULL);
    kms_base_url(rq, base, sizeof(base));
    arr = json_array();
    for (size_t i = 0; i < l.n; i++)
        json_array_append_new(arr, kms_vault_json(&l.v[i], base, 1));
    oci_answer_list(rs, arr, l.more ? offset + limit : 0);
    kms_vault_list_release(&l);
    return 0;
}

/* Maps a vault write's store result to the answer; releases v. */
static int vault_write_answer(const struct req *rq, struct ctx *cx, struct resp *rs, int rc,
                              struct kms_vault *v, int conflict, int64_t when)
{
    char base[512];
    char t[64];
    int e;

    /* an ACTIVE vault refused scheduling because one of its keys is scheduled later */
    if (rc == STORE_CONFLICT && conflict == OCI_ERR_KMS_VAULT_SCHEDULE_STATE &&
        !strcmp(v->lifecycle_state, "ACTIVE")) {
        oci_time(when, t, sizeof(t));
        e = oci_fail(rs, cx, OCI_ERR_KMS_VAULT_KEY_LATER, t);
    } else {
        kms_base_url(rq, base, sizeof(base));
        e = kms_write_answer(rq, cx, rs, rc, rc ? NULL : kms_vault_json(v, base, 0), v->etag,
                             conflict, v->lifecycle_state);
    }
    kms_vault_release(v);
    return e;
}

/* ScheduleVaultDeletion: POST /20180608/vaults/{vaultId}/actions/scheduleDeletion */
int kms_schedule_vault_deletion(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    struct kms_vault v;
    char etag[41];
    int64_t when;
    int e, rc;

    if (oci_retry_replay(rq, cx, rs))
        return 0;
    e = kms_time_of_deletion(rq, cx, rs, &when);
    if (e)
        return e;
    oci_new_etag(rq, cx, etag);
    rc = store_kms_vault_schedule_deletion(cx->store, rq->account, rq->region, rq->param[0],
                                           req_header(rq, "if-match"), when, etag, &v);
    return vault_write_answer(rq, cx, rs, rc, &v, OCI_ERR_KMS_VAULT_SCHEDULE_STATE, when);
}

/* CancelVaultDeletion: POST /20180608/vaults/{vaultId}/actions/cancelDeletion */
int kms_cancel_vault_deletion(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    struct kms_vault v;
    char etag[41];
    int rc;

    if (oci_retry_replay(rq, cx, rs))
        return 0;
    oci_new_etag(rq, cx, etag);
    rc = store_kms_vault_cancel_deletion(cx->store, rq->account, rq->region, rq->param[0],
                                         req_header(rq, "if-match"), etag, &v);
    return vault_write_answer(rq, cx, rs, rc, &v, OCI_ERR_KMS_VAULT_CANCEL_STATE, 0);
}
