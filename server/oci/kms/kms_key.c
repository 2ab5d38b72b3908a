/* kms_key.c - the KmsManagement plane's keys: CreateKey, GetKey, ListKeys, UpdateKey and the
 * disable / enable / scheduleDeletion / cancelDeletion actions under /20180608/keys. Every call
 * goes through a vault's management endpoint (rq->vault) and sees only that vault's keys. */
#include "kms.h"

#include "../oci_common.h"
#include "../oci_ocid.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct key_shape_rule {
    const char *algorithm;
    int length;        /* bytes (§3: AES-256 is length 32) */
    const char *curve; /* ECDSA only */
};

static const struct key_shape_rule shapes[] = {
    { "AES", 16, NULL },          { "AES", 24, NULL },          { "AES", 32, NULL },
    { "RSA", 256, NULL },         { "RSA", 384, NULL },         { "RSA", 512, NULL },
    { "ECDSA", 32, "NIST_P256" }, { "ECDSA", 48, "NIST_P384" }, { "ECDSA", 66, "NIST_P521" },
};

/* What the invalid-length message lists for each algorithm. */
static const struct {
    const char *algorithm;
    const char *lengths;
} lengths_of[] = {
    { "AES", "16, 24 and 32" },
    { "RSA", "256, 384 and 512" },
    { "ECDSA", "32, 48 and 66" },
};

/* keyShape {algorithm*, length*, curveId}: fills k's shape fields. Returns 0 or the error. */
static int parse_key_shape(struct resp *rs, struct ctx *cx, json_t *body, struct kms_key *k)
{
    static const char *const algorithms[] = { "AES", "RSA", "ECDSA" };
    json_t *shape, *len;
    const char *alg, *curve;
    char msg[200];
    int e = kms_body_member(rs, cx, body, "keyShape", "keyShape", JSON_OBJECT, 1, &shape);

    if (!e)
        e = kms_body_string_as(rs, cx, shape, "algorithm", "keyShape.algorithm", 1, &alg);
    if (!e)
        e = kms_body_member(rs, cx, shape, "length", "keyShape.length", JSON_INTEGER, 1, &len);
    if (!e)
        e = kms_body_string_as(rs, cx, shape, "curveId", "keyShape.curveId", 0, &curve);
    if (!e)
        e = kms_check_one_of(rs, cx, "keyShape.algorithm", alg, algorithms, 3);
    if (e)
        return e;
    for (size_t i = 0; i < sizeof(shapes) / sizeof(shapes[0]); i++) {
        if (strcmp(shapes[i].algorithm, alg) || shapes[i].length != json_integer_value(len))
            continue;
        if (curve && (!shapes[i].curve || strcmp(curve, shapes[i].curve))) {
            if (shapes[i].curve)
                snprintf(msg, sizeof(msg),
                         "Invalid keyShape: curveId %.40s does not match an ECDSA key of length "
                         "%d (expected %s).",
                         curve, shapes[i].length, shapes[i].curve);
            else
                snprintf(msg, sizeof(msg), "Invalid keyShape: curveId applies to ECDSA keys only.");
            return oci_fail(rs, cx, OCI_ERR_KMS_INVALID_VALUE, msg);
        }
        snprintf(k->algorithm, sizeof(k->algorithm), "%s", alg);
        k->length = shapes[i].length;
        /* CHOICE: an ECDSA key without curveId gets the curve its length names */
        snprintf(k->curve_id, sizeof(k->curve_id), "%s", shapes[i].curve ? shapes[i].curve : "");
        return 0;
    }
    for (size_t i = 0; i < sizeof(lengths_of) / sizeof(lengths_of[0]); i++)
        if (!strcmp(lengths_of[i].algorithm, alg))
            snprintf(msg, sizeof(msg),
                     "Invalid key length %lld for algorithm %s: supported lengths are %s bytes.",
                     (long long)json_integer_value(len), alg, lengths_of[i].lengths);
    return oci_fail(rs, cx, OCI_ERR_KMS_INVALID_VALUE, msg);
}

/* Answers a key after a write, or the error the store's result stands for; releases k. */
static int key_write_answer(const struct req *rq, struct ctx *cx, struct resp *rs, int rc,
                            struct kms_key *k, int conflict)
{
    int e = kms_write_answer(rq, cx, rs, rc, rc ? NULL : kms_key_json(k), k->etag, conflict,
                             k->lifecycle_state);

    kms_key_release(k);
    return e;
}

/* CreateKey: POST /20180608/keys */
int kms_create_key(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    static const char *const modes[] = { "HSM", "SOFTWARE" };
    const struct oci_region *r = oci_region_find(rq->region);
    struct kms_vault vault;
    struct kms_key k;
    struct kms_key_version kv;
    json_t *body = NULL;
    json_t *rot = NULL;
    const char *compartment, *name, *mode;
    char *freeform = NULL, *defined = NULL;
    int e, rc;

    memset(&k, 0, sizeof(k));
    memset(&kv, 0, sizeof(kv));
    memset(&vault, 0, sizeof(vault));
    if (oci_retry_replay(rq, cx, rs))
        return 0;
    e = kms_request_vault(rq, cx, rs, &vault);
    if (!e)
        e = oci_body_object(rq, cx, rs, &body);
    if (!e)
        e = kms_body_string(rs, cx, body, "compartmentId", 1, &compartment);
    if (!e)
        e = kms_body_string(rs, cx, body, "displayName", 1, &name);
    if (!e)
        e = parse_key_shape(rs, cx, body, &k);
    if (!e)
        e = kms_body_string(rs, cx, body, "protectionMode", 0, &mode);
    if (!e)
        e = kms_check_compartment(rs, cx, compartment);
    if (!e)
        e = kms_check_display_name(rs, cx, name);
    /* CHOICE: EXTERNAL keys need an external key manager cmkemu does not emulate. */
    if (!e)
        e = kms_check_one_of(rs, cx, "protectionMode", mode, modes, 2);
    if (!e)
        e = kms_body_member(rs, cx, body, "isAutoRotationEnabled", "isAutoRotationEnabled",
                            JSON_TRUE, 0, &rot);
    if (!e)
        e = kms_body_tags(rs, cx, body, &freeform, &defined);
    if (e)
        goto out;

    ocid_new(cx->ids, "key", r->realm, r->code, vault.endpoint_prefix, k.id, sizeof(k.id));
    ocid_new(cx->ids, "keyversion", r->realm, r->code, vault.endpoint_prefix, kv.id, sizeof(kv.id));
    snprintf(k.vault_id, sizeof(k.vault_id), "%s", vault.id);
    snprintf(k.tenancy, sizeof(k.tenancy), "%s", rq->account);
    snprintf(k.compartment_id, sizeof(k.compartment_id), "%s", compartment);
    snprintf(k.region, sizeof(k.region), "%s", vault.region);
    snprintf(k.display_name, sizeof(k.display_name), "%s", name);
    snprintf(k.protection_mode, sizeof(k.protection_mode), "%s", mode ? mode : "HSM");
    /* CHOICE: the key is ENABLED at once; OCI answers CREATING first. */
    snprintf(k.lifecycle_state, sizeof(k.lifecycle_state), "ENABLED");
    snprintf(k.current_key_version, sizeof(k.current_key_version), "%s", kv.id);
    k.time_created_ms = cx->now_ms;
    k.is_auto_rotation_enabled = json_is_true(rot);
    k.freeform_tags = freeform;
    k.defined_tags = defined;
    oci_new_etag(rq, cx, k.etag);

    snprintf(kv.key_id, sizeof(kv.key_id), "%s", k.id);
    snprintf(kv.vault_id, sizeof(kv.vault_id), "%s", vault.id);
    snprintf(kv.compartment_id, sizeof(kv.compartment_id), "%s", compartment);
    snprintf(kv.lifecycle_state, sizeof(kv.lifecycle_state), "ENABLED");
    snprintf(kv.origin, sizeof(kv.origin), "INTERNAL");
    kv.time_created_ms = cx->now_ms;
    oci_new_etag(rq, cx, kv.etag);

    rc = store_kms_key_create(cx->store, &k, &kv);
    e = kms_write_answer(rq, cx, rs, rc, rc ? NULL : kms_key_json(&k), k.etag,
                         OCI_ERR_KMS_VAULT_NOT_ACTIVE, vault.lifecycle_state);
out:
    free(freeform);
    free(defined);
    json_decref(body);
    kms_vault_release(&vault);
    return e;
}

/* GetKey: GET /20180608/keys/{keyId} */
int kms_get_key(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    struct kms_vault vault;
    struct kms_key k;
    int e = kms_request_vault(rq, cx, rs, &vault);
    int rc;

    if (e)
        return e;
    rc = store_kms_key_get(cx->store, vault.id, rq->param[0], &k);
    kms_vault_release(&vault);
    if (rc)
        return oci_store_fail(rs, cx, rc, OCI_ERR_KMS_NOT_FOUND);
    oci_answer(rq, rs, kms_key_json(&k), k.etag);
    kms_key_release(&k);
    return 0;
}

/* A list filter that must be one of set; NULL when absent. Returns 0 or the error. */
static int enum_filter(const struct req *rq, struct ctx *cx, struct resp *rs, const char *name,
                       const char *const *set, size_t n, const char **out)
{
    const char *v = req_query(rq, name);
    char msg[160];

    *out = v;
    if (!v || kms_is_one_of(v, set, n))
        return 0;
    snprintf(msg, sizeof(msg), "Invalid value for parameter %s: '%.40s'.", name, v);
    return oci_fail(rs, cx, OCI_ERR_KMS_INVALID_VALUE, msg);
}

/* ListKeys: GET /20180608/keys?compartmentId&limit&page&sortBy&sortOrder&protectionMode&
 * algorithm&length&curveId */
int kms_list_keys(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    static const char *const modes[] = { "HSM", "SOFTWARE", "EXTERNAL" };
    static const char *const algorithms[] = { "AES", "RSA", "ECDSA" };
    static const char *const curves[] = { "NIST_P256", "NIST_P384", "NIST_P521" };
    const char *compartment = req_query(rq, "compartmentId");
    const char *length = req_query(rq, "length");
    struct kms_key_filter f;
    struct kms_key_list l;
    struct kms_vault vault;
    enum kms_sort sort;
    int64_t offset;
    json_t *arr;
    int limit, e, rc;

    memset(&f, 0, sizeof(f));
    e = kms_request_vault(rq, cx, rs, &vault);
    if (e)
        return e;
    if (!compartment || !*compartment)
        e = oci_fail(rs, cx, OCI_ERR_KMS_MISSING_PARAMETER, "compartmentId");
    if (!e)
        e = kms_list_params(rq, cx, rs, &limit, &offset, &sort);
    if (!e)
        e = enum_filter(rq, cx, rs, "protectionMode", modes, 3, &f.protection_mode);
    if (!e)
        e = enum_filter(rq, cx, rs, "algorithm", algorithms, 3, &f.algorithm);
    if (!e)
        e = enum_filter(rq, cx, rs, "curveId", curves, 3, &f.curve_id);
    if (!e && length) {
        char *end = NULL;
        long v = strtol(length, &end, 10);

        if (!*length || *end || v < 1 || v > 4096)
            e = oci_fail(rs, cx, OCI_ERR_KMS_INVALID_VALUE,
                         "Invalid value for parameter length: must be a positive integer.");
        f.length = (int)v;
    }
    if (e)
        goto out;
    rc = store_kms_key_list(cx->store, vault.id, compartment, &f, sort, offset, limit, &l);
    if (rc) {
        e = oci_fail(rs, cx, OCI_ERR_INTERNAL, NULL);
        goto out;
    }
    arr = json_array();
    for (size_t i = 0; i < l.n; i++)
        json_array_append_new(arr, kms_key_summary_json(&l.k[i]));
    oci_answer_list(rs, arr, l.more ? offset + limit : 0);
    kms_key_list_release(&l);
out:
    kms_vault_release(&vault);
    return e;
}

/* UpdateKey: PUT /20180608/keys/{keyId} {displayName, freeformTags, definedTags} */
int kms_update_key(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    struct kms_vault vault;
    struct kms_key k;
    struct kms_key_update u;
    json_t *body = NULL;
    char *freeform = NULL, *defined = NULL;
    char etag[41];
    int e, rc;

    memset(&u, 0, sizeof(u));
    memset(&k, 0, sizeof(k));
    e = kms_request_vault(rq, cx, rs, &vault);
    if (!e)
        e = oci_body_object(rq, cx, rs, &body);
    if (!e)
        e = kms_body_string(rs, cx, body, "displayName", 0, &u.display_name);
    if (!e)
        e = kms_check_display_name(rs, cx, u.display_name);
    if (!e)
        e = kms_body_tags(rs, cx, body, &freeform, &defined);
    if (e)
        goto out;
    u.freeform_tags = freeform;
    u.defined_tags = defined;
    oci_new_etag(rq, cx, etag);
    /* CHOICE: an update that changes nothing keeps the etag */
    rc = store_kms_key_update(cx->store, vault.id, rq->param[0], req_header(rq, "if-match"), &u,
                              u.display_name || freeform || defined ? etag : NULL, &k);
    e = key_write_answer(rq, cx, rs, rc, &k, OCI_ERR_KMS_UPDATE_STATE);
out:
    free(freeform);
    free(defined);
    json_decref(body);
    kms_vault_release(&vault);
    return e;
}

/* The four state actions: if-match, retry token, state check and write in one transaction. */
static int key_action(const struct req *rq, struct ctx *cx, struct resp *rs,
                      enum kms_key_action action, int conflict)
{
    struct kms_vault vault;
    struct kms_key k;
    int64_t when = 0;
    char etag[41];
    int e, rc;

    if (oci_retry_replay(rq, cx, rs))
        return 0;
    e = kms_request_vault(rq, cx, rs, &vault);
    if (e)
        return e;
    if (action == KMS_KEY_SCHEDULE_DELETION)
        e = kms_time_of_deletion(rq, cx, rs, &when);
    if (!e) {
        oci_new_etag(rq, cx, etag);
        rc = store_kms_key_action(cx->store, vault.id, rq->param[0], req_header(rq, "if-match"),
                                  action, when, etag, &k);
        e = key_write_answer(rq, cx, rs, rc, &k, conflict);
    }
    kms_vault_release(&vault);
    return e;
}

/* DisableKey: POST /20180608/keys/{keyId}/actions/disable */
int kms_disable_key(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    return key_action(rq, cx, rs, KMS_KEY_DISABLE, OCI_ERR_KMS_DISABLE_STATE);
}

/* EnableKey: POST /20180608/keys/{keyId}/actions/enable */
int kms_enable_key(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    return key_action(rq, cx, rs, KMS_KEY_ENABLE, OCI_ERR_KMS_ENABLE_STATE);
}

/* ScheduleKeyDeletion: POST /20180608/keys/{keyId}/actions/scheduleDeletion {timeOfDeletion} */
int kms_schedule_key_deletion(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    return key_action(rq, cx, rs, KMS_KEY_SCHEDULE_DELETION, OCI_ERR_KMS_SCHEDULE_STATE);
}

/* CancelKeyDeletion: POST /20180608/keys/{keyId}/actions/cancelDeletion. The key returns to the
 * state it had before the deletion was scheduled (SDK client doc). */
int kms_cancel_key_deletion(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    return key_action(rq, cx, rs, KMS_KEY_CANCEL_DELETION, OCI_ERR_KMS_CANCEL_STATE);
}
