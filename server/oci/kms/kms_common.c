/* kms_common.c - what the Vault handlers share: the answer to a write, body field checks, list
 * parameters and paging, the vault a management-plane request addresses, and timeOfDeletion. */
#include "kms.h"

#include "../oci_common.h"
#include "../oci_ocid.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Slack around the 7..30 day window, for the time a request spends in flight. */
#define KMS_DELETION_SLACK_MS (60LL * 1000)

void kms_base_url(const struct req *rq, char *out, size_t n)
{
    const char *ep = rq->endpoint ? rq->endpoint : "http://127.0.0.1";
    const char *host = strstr(ep, "://");
    const char *slash = strchr(host ? host + 3 : ep, '/');
    size_t len = slash ? (size_t)(slash - ep) : strlen(ep);

    snprintf(out, n, "%.*s", (int)len, ep);
}

int kms_write_answer(const struct req *rq, struct ctx *cx, struct resp *rs, int rc, json_t *body,
                     const char *etag, int conflict, const char *state)
{
    if (rc == STORE_OK) {
        oci_answer(rq, rs, body, etag);
        oci_retry_record(rq, cx, rs);
        return 0;
    }
    json_decref(body);
    if (rc == STORE_CONFLICT)
        return oci_fail(rs, cx, conflict, state);
    return oci_store_fail(rs, cx, rc, OCI_ERR_KMS_NOT_FOUND);
}

int kms_body_member(struct resp *rs, struct ctx *cx, json_t *body, const char *name,
                    const char *label, json_type type, int required, json_t **out)
{
    json_t *v = json_object_get(body, name);

    *out = NULL;
    if (!v || json_is_null(v))
        return required ? oci_fail(rs, cx, OCI_ERR_KMS_MISSING_PARAMETER, label) : 0;
    if (type == JSON_TRUE ? !json_is_boolean(v) : json_typeof(v) != type)
        return oci_fail(rs, cx, OCI_ERR_KMS_INVALID_TYPE, label);
    *out = v;
    return 0;
}

int kms_body_string_as(struct resp *rs, struct ctx *cx, json_t *body, const char *name,
                       const char *label, int required, const char **out)
{
    json_t *v;
    int e = kms_body_member(rs, cx, body, name, label, JSON_STRING, required, &v);

    *out = json_string_value(v);
    return e;
}

int kms_body_string(struct resp *rs, struct ctx *cx, json_t *body, const char *name, int required,
                    const char **out)
{
    return kms_body_string_as(rs, cx, body, name, name, required, out);
}

static int body_tags(struct resp *rs, struct ctx *cx, json_t *body, const char *name, char **out)
{
    const char *k;
    json_t *v, *e;
    int err = kms_body_member(rs, cx, body, name, name, JSON_OBJECT, 0, &v);

    *out = NULL;
    if (err || !v)
        return err;
    json_object_foreach(v, k, e)
    {
        /* freeformTags: {"k": "v"}; definedTags: {"namespace": {"k": any}} */
        if (!strcmp(name, "definedTags") ? !json_is_object(e) : !json_is_string(e))
            return oci_fail(rs, cx, OCI_ERR_KMS_INVALID_TYPE, name);
    }
    *out = json_dumps(v, JSON_COMPACT | JSON_PRESERVE_ORDER);
    return *out ? 0 : oci_fail(rs, cx, OCI_ERR_INTERNAL, NULL);
}

int kms_body_tags(struct resp *rs, struct ctx *cx, json_t *body, char **freeform, char **defined)
{
    int e = body_tags(rs, cx, body, "freeformTags", freeform);

    *defined = NULL;
    return e ? e : body_tags(rs, cx, body, "definedTags", defined);
}

int kms_is_one_of(const char *v, const char *const *set, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(v, set[i]))
            return 1;
    return 0;
}

int kms_check_one_of(struct resp *rs, struct ctx *cx, const char *name, const char *v,
                     const char *const *set, size_t n)
{
    char msg[256];
    size_t len;

    if (!v || kms_is_one_of(v, set, n))
        return 0;
    len = (size_t)snprintf(msg, sizeof(msg),
                           "Invalid value for parameter %s: '%.40s' (supported: ", name, v);
    for (size_t i = 0; i < n && len < sizeof(msg); i++)
        len += (size_t)snprintf(msg + len, sizeof(msg) - len, "%s%s", i ? ", " : "", set[i]);
    if (len < sizeof(msg))
        snprintf(msg + len, sizeof(msg) - len, ").");
    return oci_fail(rs, cx, OCI_ERR_KMS_INVALID_VALUE, msg);
}

int kms_check_compartment(struct resp *rs, struct ctx *cx, const char *id)
{
    struct ocid o;
    char msg[320];

    if (strlen(id) < KMS_ID_MAX && !ocid_parse(id, &o))
        return 0;
    /* CHOICE: a compartmentId that is not an OCID is an invalid parameter, not a 404. */
    snprintf(msg, sizeof(msg), "Invalid compartmentId '%.200s': not an OCID.", id);
    return oci_fail(rs, cx, OCI_ERR_KMS_INVALID_VALUE, msg);
}

int kms_check_display_name(struct resp *rs, struct ctx *cx, const char *name)
{
    if (!name || (*name && strlen(name) < KMS_NAME_MAX))
        return 0;
    return oci_fail(rs, cx, OCI_ERR_KMS_INVALID_VALUE,
                    "Invalid value for parameter displayName: must be 1 to 255 characters.");
}

int kms_list_params(const struct req *rq, struct ctx *cx, struct resp *rs, int *limit,
                    int64_t *offset, enum kms_sort *sort)
{
    /* CHOICE: the opc-next-page token is the offset of the next row, in decimal */
    static const struct oci_paging paging = { KMS_LIST_DEFAULT, KMS_LIST_MAX, 0, INT64_MAX,
                                              OCI_ERR_KMS_INVALID_PAGE };
    const char *by = req_query(rq, "sortBy");
    const char *order = req_query(rq, "sortOrder");
    int e = oci_page_number(rq, cx, rs, &paging, limit, offset);
    int by_name = 0;
    int asc;
    char msg[160];

    if (e)
        return e;
    if (by && !strcmp(by, "DISPLAYNAME")) {
        by_name = 1;
    } else if (by && strcmp(by, "TIMECREATED")) {
        snprintf(msg, sizeof(msg), "Invalid sortBy '%.40s': must be TIMECREATED or DISPLAYNAME.",
                 by);
        return oci_fail(rs, cx, OCI_ERR_KMS_INVALID_VALUE, msg);
    }
    if (order && strcmp(order, "ASC") && strcmp(order, "DESC")) {
        snprintf(msg, sizeof(msg), "Invalid sortOrder '%.40s': must be ASC or DESC.", order);
        return oci_fail(rs, cx, OCI_ERR_KMS_INVALID_VALUE, msg);
    }
    /* TIMECREATED defaults to descending, DISPLAYNAME to ascending (SDK ListKeysRequest) */
    asc = order ? !strcmp(order, "ASC") : by_name;
    if (by_name)
        *sort = asc ? KMS_SORT_NAME_ASC : KMS_SORT_NAME_DESC;
    else
        *sort = asc ? KMS_SORT_TIME_ASC : KMS_SORT_TIME_DESC;
    return 0;
}

int kms_request_vault(const struct req *rq, struct ctx *cx, struct resp *rs, struct kms_vault *out)
{
    int rc;

    memset(out, 0, sizeof(*out));
    /* CHOICE: a key request outside a vault's management endpoint, or for a vault prefix that
     * this tenancy has not got in this region, finds nothing (as CreateKey on the generic
     * kms.<region> host does, §3). */
    if (!rq->vault)
        return oci_fail(rs, cx, OCI_ERR_KMS_NOT_FOUND, NULL);
    rc = store_kms_vault_by_prefix(cx->store, rq->account, rq->region, rq->vault, out);
    return rc ? oci_store_fail(rs, cx, rc, OCI_ERR_KMS_NOT_FOUND) : 0;
}

int kms_time_of_deletion(const struct req *rq, struct ctx *cx, struct resp *rs, int64_t *out)
{
    json_t *body = NULL;
    const char *when;
    int e;

    e = oci_body_object(rq, cx, rs, &body);
    if (e)
        return e;
    e = kms_body_string(rs, cx, body, "timeOfDeletion", 0, &when);
    if (e)
        goto out;
    if (!when) {
        *out = cx->now_ms + 30 * KMS_DAY_MS; /* default 30 days (SDK details doc) */
        goto out;
    }
    if (oci_time_parse(when, out)) {
        e = oci_fail(rs, cx, OCI_ERR_KMS_INVALID_VALUE,
                     "Invalid value for parameter timeOfDeletion: not an RFC 3339 date-time.");
        goto out;
    }
    /* "must be between 7 and 30 days from when the request is received" (§3).
     * CHOICE: a minute of slack either side, for the time the request spends in flight. */
    if (*out < cx->now_ms + 7 * KMS_DAY_MS - KMS_DELETION_SLACK_MS ||
        *out > cx->now_ms + 30 * KMS_DAY_MS + KMS_DELETION_SLACK_MS)
        e = oci_fail(rs, cx, OCI_ERR_KMS_TIME_OF_DELETION, NULL);
out:
    json_decref(body);
    return e;
}
