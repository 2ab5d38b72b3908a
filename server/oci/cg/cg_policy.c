/* cg_policy.c - ListSecurityPolicies and GetSecurityPolicy (the built-in, Oracle-managed
 * policies of schemas/005_oci_cg.sql), and the helpers the Cloud Guard handlers share. */
#include "cg.h"

#include "../oci_common.h"
#include "../oci_ocid.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* CHOICE: built-in policies show this creation time (they predate every tenancy). */
#define CG_BUILTIN_TIME_MS 1577836800000LL /* 2020-01-01T00:00:00Z */

int cg_string_field(struct resp *rs, struct ctx *cx, json_t *body, const char *name, int required,
                    const char **out)
{
    json_t *v = json_object_get(body, name);

    *out = NULL;
    if (!v || json_is_null(v))
        return required ? oci_fail(rs, cx, OCI_ERR_CG_MISSING_FIELD, name) : 0;
    if (!json_is_string(v) || (required && !json_string_length(v)))
        return oci_fail(rs, cx, OCI_ERR_CG_INVALID_FIELD, name);
    *out = json_string_value(v);
    return 0;
}

int cg_compartment_field(struct resp *rs, struct ctx *cx, json_t *body, const char **out)
{
    struct ocid o;
    int err = cg_string_field(rs, cx, body, "compartmentId", 1, out);

    if (!err && ocid_parse(*out, &o))
        err = oci_fail(rs, cx, OCI_ERR_CG_INVALID_FIELD, "compartmentId");
    return err;
}

static int tags_field(struct resp *rs, struct ctx *cx, json_t *body, const char *name, char **slot)
{
    json_t *v = json_object_get(body, name);
    char *text;

    if (!v || json_is_null(v))
        return 0;
    if (!json_is_object(v))
        return oci_fail(rs, cx, OCI_ERR_CG_INVALID_FIELD, name);
    text = json_dumps(v, JSON_COMPACT | JSON_SORT_KEYS);
    if (!text)
        return oci_fail(rs, cx, OCI_ERR_INTERNAL, NULL);
    free(*slot);
    *slot = text;
    return 0;
}

int cg_tags_fields(struct resp *rs, struct ctx *cx, json_t *body, char **freeform, char **defined)
{
    int err = tags_field(rs, cx, body, "freeformTags", freeform);

    return err ? err : tags_field(rs, cx, body, "definedTags", defined);
}

int cg_list_params(const struct req *rq, struct ctx *cx, struct resp *rs, struct cg_list *q)
{
    /* the page token is the offset of the page's first item */
    static const struct oci_paging paging = { CG_LIST_DEFAULT, CG_LIST_MAX, 0, CG_LIST_ALL,
                                              OCI_ERR_CG_INVALID_PAGE };
    int64_t v = 0;
    int err;

    memset(q, 0, sizeof(*q));
    q->compartment_id = req_query(rq, "compartmentId");
    if (!q->compartment_id || !*q->compartment_id)
        return oci_fail(rs, cx, OCI_ERR_CG_MISSING_QUERY, "compartmentId");
    q->id = req_query(rq, "id");
    q->display_name = req_query(rq, "displayName");
    q->lifecycle_state = req_query(rq, "lifecycleState");
    err = oci_page_number(rq, cx, rs, &paging, &q->limit, &v);
    q->offset = (int)v;
    return err;
}

int cg_list_match(const struct cg_list *q, const char *id, const char *name, const char *state)
{
    return (!q->id || !strcmp(q->id, id)) && (!q->display_name || !strcmp(q->display_name, name)) &&
           (!q->lifecycle_state || !strcmp(q->lifecycle_state, state));
}

void cg_answer_page(struct resp *rs, json_t *items, const struct cg_list *q)
{
    json_t *page = json_array();
    size_t n = json_array_size(items);
    size_t end = (size_t)q->offset + (size_t)q->limit;

    for (size_t i = (size_t)q->offset; i < n && i < end; i++)
        json_array_append(page, json_array_get(items, i));
    json_decref(items);
    oci_answer_list(rs, json_pack("{s:o}", "items", page), end < n ? (int64_t)end : 0);
}

/* SecurityPolicy / SecurityPolicySummary (the same members). CHOICE: an Oracle-managed policy
 * shows the caller's tenancy as its compartmentId. */
static json_t *policy_json(const struct cg_policy *p, const char *tenancy)
{
    json_t *j = json_object();

    json_object_set_new(j, "id", json_string(p->id));
    json_object_set_new(j, "friendlyName", json_string(p->friendly_name));
    json_object_set_new(j, "displayName", json_string(p->display_name));
    json_object_set_new(j, "description", json_string(p->description));
    json_object_set_new(j, "compartmentId", json_string(tenancy));
    json_object_set_new(j, "owner", json_string("ORACLE"));
    json_object_set_new(j, "category", json_string(p->category));
    json_object_set_new(j, "services", oci_json_text(p->services, "[]"));
    json_object_set_new(j, "timeCreated", oci_time_json(CG_BUILTIN_TIME_MS));
    json_object_set_new(j, "timeUpdated", oci_time_json(CG_BUILTIN_TIME_MS));
    json_object_set_new(j, "lifecycleState", json_string("ACTIVE"));
    json_object_set_new(j, "freeformTags", json_object());
    json_object_set_new(j, "definedTags", json_object());
    json_object_set_new(j, "systemTags", json_object());
    return j;
}

/* ListSecurityPolicies: GET /20200131/securityPolicies?compartmentId&id&displayName&
 * lifecycleState&limit&page */
int cg_list_security_policies(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    struct cg_policy *list = NULL;
    struct cg_list q;
    size_t n = 0;
    int err = cg_list_params(rq, cx, rs, &q);
    json_t *items;

    if (err)
        return err;
    if (store_cg_policy_list(cx->store, &list, &n) != STORE_OK) {
        free(list);
        return oci_fail(rs, cx, OCI_ERR_INTERNAL, NULL);
    }
    items = json_array();
    for (size_t i = 0; i < n; i++)
        if (cg_list_match(&q, list[i].id, list[i].display_name, "ACTIVE"))
            json_array_append_new(items, policy_json(&list[i], rq->account));
    free(list);
    cg_answer_page(rs, items, &q);
    return 0;
}

/* GetSecurityPolicy: GET /20200131/securityPolicies/{securityPolicyId} */
int cg_get_security_policy(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    struct cg_policy p;

    if (store_cg_policy_get(cx->store, rq->param[0], &p) != STORE_OK)
        return oci_fail(rs, cx, OCI_ERR_NOT_FOUND, NULL);
    /* CHOICE: a built-in policy never changes; its etag is fixed */
    oci_answer(rq, rs, policy_json(&p, rq->account), "0000000000000000000000000000000000000000");
    return 0;
}
