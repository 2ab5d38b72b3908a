/* cg_recipe.c - security zone recipes: CreateSecurityRecipe, GetSecurityRecipe,
 * ListSecurityRecipes, UpdateSecurityRecipe (§5). A recipe is a list of built-in policy OCIDs;
 * the Oracle-managed Maximum Security Recipe holds them all and cannot change. */
#include "cg.h"

#include "../oci_common.h"
#include "../oci_ocid.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* SecurityRecipe / SecurityRecipeSummary (the same members). CHOICE: an Oracle-managed recipe
 * shows the caller's tenancy as its compartmentId. */
static json_t *recipe_json(const struct cg_recipe *r, const char *tenancy)
{
    json_t *j = json_object();
    int oracle = !strcmp(r->owner, "ORACLE");

    json_object_set_new(j, "id", json_string(r->id));
    json_object_set_new(j, "displayName", json_string(r->display_name));
    json_object_set_new(j, "description",
                        r->description ? json_string(r->description) : json_null());
    json_object_set_new(j, "compartmentId", json_string(oracle ? tenancy : r->compartment_id));
    json_object_set_new(j, "owner", json_string(r->owner));
    json_object_set_new(j, "securityPolicies", oci_json_text(r->policies, "[]"));
    json_object_set_new(j, "timeCreated", oci_time_json(r->time_created_ms));
    json_object_set_new(j, "timeUpdated", oci_time_json(r->time_updated_ms));
    json_object_set_new(j, "lifecycleState", json_string(r->lifecycle_state));
    json_object_set_new(j, "freeformTags", oci_json_text(r->freeform_tags, "{}"));
    json_object_set_new(j, "definedTags", oci_json_text(r->defined_tags, "{}"));
    json_object_set_new(j, "systemTags", json_object());
    return j;
}

/* securityPolicies: an array of built-in policy OCIDs, each known. On success *text is the
 * malloc'd JSON array text. */
static int policies_field(struct resp *rs, struct ctx *cx, json_t *body, int required, char **text)
{
    json_t *v = json_object_get(body, "securityPolicies");
    size_t i;
    json_t *p;

    *text = NULL;
    if (!v || json_is_null(v))
        return required ? oci_fail(rs, cx, OCI_ERR_CG_MISSING_FIELD, "securityPolicies") : 0;
    if (!json_is_array(v))
        return oci_fail(rs, cx, OCI_ERR_CG_INVALID_FIELD, "securityPolicies");
    json_array_foreach(v, i, p)
    {
        struct cg_policy pol;

        if (!json_is_string(p))
            return oci_fail(rs, cx, OCI_ERR_CG_INVALID_FIELD, "securityPolicies");
        /* policies are built in and never go away, so checking before the write is safe */
        if (store_cg_policy_get(cx->store, json_string_value(p), &pol) != STORE_OK)
            return oci_fail(rs, cx, OCI_ERR_CG_POLICY_UNKNOWN, json_string_value(p));
    }
    *text = json_dumps(v, JSON_COMPACT);
    return *text ? 0 : oci_fail(rs, cx, OCI_ERR_INTERNAL, NULL);
}

/* CreateSecurityRecipe: POST /20200131/securityRecipes */
int cg_create_security_recipe(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    const struct oci_region *region = oci_region_find(rq->region);
    const char *comp, *name, *desc;
    struct cg_recipe r;
    json_t *body = NULL;
    int err;

    memset(&r, 0, sizeof(r));
    if (oci_retry_replay(rq, cx, rs))
        return 0;
    err = oci_body_object(rq, cx, rs, &body);
    if (!err)
        err = cg_compartment_field(rs, cx, body, &comp);
    if (!err)
        err = cg_string_field(rs, cx, body, "displayName", 1, &name);
    if (!err)
        err = cg_string_field(rs, cx, body, "description", 0, &desc);
    if (!err)
        err = policies_field(rs, cx, body, 1, &r.policies);
    if (!err)
        err = cg_tags_fields(rs, cx, body, &r.freeform_tags, &r.defined_tags);
    if (err)
        goto out;
    ocid_new(cx->ids, "securityzonessecurityrecipe", region ? region->realm : "oc1", "", NULL, r.id,
             sizeof(r.id));
    snprintf(r.tenancy, sizeof(r.tenancy), "%s", rq->account);
    snprintf(r.compartment_id, sizeof(r.compartment_id), "%s", comp);
    snprintf(r.display_name, sizeof(r.display_name), "%s", name);
    snprintf(r.owner, sizeof(r.owner), "CUSTOMER");
    snprintf(r.lifecycle_state, sizeof(r.lifecycle_state), "ACTIVE");
    r.time_created_ms = r.time_updated_ms = cx->now_ms;
    oci_new_etag(rq, cx, r.etag);
    if (desc && cg_set_text(&r.description, desc)) {
        err = oci_fail(rs, cx, OCI_ERR_INTERNAL, NULL);
        goto out;
    }
    if (store_cg_recipe_create(cx->store, &r) != STORE_OK ||
        store_cg_recipe_get(cx->store, rq->account, r.id, &r) != STORE_OK) {
        err = oci_fail(rs, cx, OCI_ERR_INTERNAL, NULL);
        goto out;
    }
    oci_answer(rq, rs, recipe_json(&r, rq->account), r.etag);
    oci_retry_record(rq, cx, rs);
out:
    json_decref(body);
    cg_recipe_release(&r);
    return err;
}

/* GetSecurityRecipe: GET /20200131/securityRecipes/{securityRecipeId} */
int cg_get_security_recipe(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    struct cg_recipe r;
    int err = 0;

    memset(&r, 0, sizeof(r));
    if (store_cg_recipe_get(cx->store, rq->account, rq->param[0], &r) != STORE_OK)
        err = oci_fail(rs, cx, OCI_ERR_NOT_FOUND, NULL);
    else
        oci_answer(rq, rs, recipe_json(&r, rq->account), r.etag);
    cg_recipe_release(&r);
    return err;
}

/* ListSecurityRecipes: GET /20200131/securityRecipes?compartmentId&id&displayName&
 * lifecycleState&limit&page. CHOICE: the Oracle-managed recipes come first in every list. */
int cg_list_security_recipes(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    struct cg_recipe *list = NULL;
    struct cg_list q;
    size_t n = 0;
    int err = cg_list_params(rq, cx, rs, &q);
    json_t *items;

    if (err)
        return err;
    if (store_cg_recipe_list(cx->store, rq->account, q.compartment_id, CG_LIST_ALL, &list, &n) !=
        STORE_OK) {
        cg_recipe_list_free(list, n);
        return oci_fail(rs, cx, OCI_ERR_INTERNAL, NULL);
    }
    items = json_array();
    for (size_t i = 0; i < n; i++)
        if (cg_list_match(&q, list[i].id, list[i].display_name, list[i].lifecycle_state))
            json_array_append_new(items, recipe_json(&list[i], rq->account));
    cg_recipe_list_free(list, n);
    cg_answer_page(rs, items, &q);
    return 0;
}

struct recipe_change {
    const char *name;
    const char *desc;
    char *policies;
    char *freeform;
    char *defined;
    const char *etag;
    int64_t now_ms;
};

static int apply_recipe(void *arg, void *row)
{
    struct recipe_change *c = arg;
    struct cg_recipe *r = row;

    if (c->name)
        snprintf(r->display_name, sizeof(r->display_name), "%s", c->name);
    if ((c->desc && cg_set_text(&r->description, c->desc)) ||
        (c->policies && cg_set_text(&r->policies, c->policies)) ||
        (c->freeform && cg_set_text(&r->freeform_tags, c->freeform)) ||
        (c->defined && cg_set_text(&r->defined_tags, c->defined)))
        return -1;
    snprintf(r->etag, sizeof(r->etag), "%s", c->etag);
    r->time_updated_ms = c->now_ms;
    return 0;
}

/* UpdateSecurityRecipe: PUT /20200131/securityRecipes/{securityRecipeId} */
int cg_update_security_recipe(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    struct recipe_change c;
    struct cg_recipe r;
    char etag[41];
    json_t *body = NULL;
    int err;
    int rc;

    memset(&c, 0, sizeof(c));
    memset(&r, 0, sizeof(r));
    err = oci_body_object(rq, cx, rs, &body);
    if (!err)
        err = cg_string_field(rs, cx, body, "displayName", 0, &c.name);
    if (!err)
        err = cg_string_field(rs, cx, body, "description", 0, &c.desc);
    if (!err)
        err = policies_field(rs, cx, body, 0, &c.policies);
    if (!err)
        err = cg_tags_fields(rs, cx, body, &c.freeform, &c.defined);
    if (err)
        goto out;
    oci_new_etag(rq, cx, etag);
    c.etag = etag;
    c.now_ms = cx->now_ms;
    rc = store_cg_recipe_update(cx->store, rq->account, rq->param[0], req_header(rq, "if-match"),
                                apply_recipe, &c, &r);
    if (rc == STORE_OK)
        oci_answer(rq, rs, recipe_json(&r, rq->account), r.etag);
    else if (rc == STORE_CONFLICT && !strcmp(r.owner, "ORACLE"))
        err = oci_fail(rs, cx, OCI_ERR_CG_ORACLE_RECIPE, rq->param[0]);
    else
        err = oci_store_fail(rs, cx, rc, OCI_ERR_NOT_FOUND);
out:
    json_decref(body);
    free(c.policies);
    free(c.freeform);
    free(c.defined);
    cg_recipe_release(&r);
    return err;
}
