/* kms_key_version.c - key rotation and key versions: CreateKeyVersion, GetKeyVersion and
 * ListKeyVersions under /20180608/keys/{keyId}/keyVersions, through a vault's management
 * endpoint. */
#include "kms.h"

#include "../oci_common.h"
#include "../oci_ocid.h"

#include <stdio.h>
#include <string.h>

/* CreateKeyVersion: POST /20180608/keys/{keyId}/keyVersions (normally no body, §3) */
int kms_create_key_version(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    const struct oci_region *r = oci_region_find(rq->region);
    struct kms_vault vault;
    struct kms_key_version kv;
    struct kms_key k;
    json_t *body = NULL;
    char key_etag[41];
    int e, rc;

    memset(&kv, 0, sizeof(kv));
    memset(&k, 0, sizeof(k));
    if (oci_retry_replay(rq, cx, rs))
        return 0;
    e = kms_request_vault(rq, cx, rs, &vault);
    if (e)
        return e;
    /* CHOICE: a body, if any, must be a JSON object; externalKeyVersionId (EXTERNAL keys) is
     * ignored since cmkemu has no EXTERNAL keys. */
    e = oci_body_object(rq, cx, rs, &body);
    json_decref(body);
    if (e)
        goto out;
    ocid_new(cx->ids, "keyversion", r->realm, r->code, vault.endpoint_prefix, kv.id, sizeof(kv.id));
    snprintf(kv.key_id, sizeof(kv.key_id), "%s", rq->param[0]);
    snprintf(kv.vault_id, sizeof(kv.vault_id), "%s", vault.id);
    snprintf(kv.lifecycle_state, sizeof(kv.lifecycle_state), "ENABLED");
    snprintf(kv.origin, sizeof(kv.origin), "INTERNAL");
    kv.time_created_ms = cx->now_ms;
    oci_new_etag(rq, cx, kv.etag);
    oci_new_etag(rq, cx, key_etag);
    rc = store_kms_key_version_create(cx->store, &kv, key_etag, &k);
    /* the version's compartment is the key's */
    snprintf(kv.compartment_id, sizeof(kv.compartment_id), "%s", k.compartment_id);
    /* "The key must be in an ENABLED state to be rotated" (SDK client doc) */
    e = kms_write_answer(rq, cx, rs, rc, rc ? NULL : kms_key_version_json(&kv, 0), kv.etag,
                         OCI_ERR_KMS_ROTATE_STATE, k.lifecycle_state);
    kms_key_release(&k);
out:
    kms_vault_release(&vault);
    return e;
}

/* GetKeyVersion: GET /20180608/keys/{keyId}/keyVersions/{keyVersionId} */
int kms_get_key_version(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    struct kms_vault vault;
    struct kms_key_version kv;
    int e = kms_request_vault(rq, cx, rs, &vault);
    int rc;

    if (e)
        return e;
    rc = store_kms_key_version_get(cx->store, vault.id, rq->param[0], rq->param[1], &kv);
    kms_vault_release(&vault);
    if (rc)
        return oci_store_fail(rs, cx, rc, OCI_ERR_KMS_NOT_FOUND);
    oci_answer(rq, rs, kms_key_version_json(&kv, 0), kv.etag);
    return 0;
}

/* ListKeyVersions: GET /20180608/keys/{keyId}/keyVersions?limit&page&sortBy&sortOrder */
int kms_list_key_versions(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    struct kms_vault vault;
    struct kms_key_version_list l;
    enum kms_sort sort;
    int64_t offset;
    json_t *arr;
    int limit, e, rc;

    e = kms_request_vault(rq, cx, rs, &vault);
    if (e)
        return e;
    e = kms_list_params(rq, cx, rs, &limit, &offset, &sort);
    if (e)
        goto out;
    rc = store_kms_key_version_list(cx->store, vault.id, rq->param[0], sort, offset, limit, &l);
    if (rc) {
        e = oci_store_fail(rs, cx, rc, OCI_ERR_KMS_NOT_FOUND);
        goto out;
    }
    arr = json_array();
    for (size_t i = 0; i < l.n; i++)
        json_array_append_new(arr, kms_key_version_json(&l.kv[i], 1));
    oci_answer_list(rs, arr, l.more ? offset + limit : 0);
    kms_key_version_list_release(&l);
out:
    kms_vault_release(&vault);
    return e;
}
