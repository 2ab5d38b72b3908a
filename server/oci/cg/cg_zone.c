/* cg_zone.c - security zones: CreateSecurityZone, GetSecurityZone, ListSecurityZones,
 * UpdateSecurityZone, AddCompartment, RemoveCompartment, DeleteSecurityZone (§5). A zone is
 * attached to its compartment (and any added one) and covers their declared child compartments;
 * Object Storage asks store_cg_policy_applies which zone governs a bucket's compartment. */
#include "cg.h"

#include "../oci_common.h"
#include "../oci_ocid.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static json_t *zone_json(const struct cg_zone *z, int full)
{
    json_t *j = json_object();

    json_object_set_new(j, "id", json_string(z->id));
    json_object_set_new(j, "displayName", json_string(z->display_name));
    json_object_set_new(j, "description",
                        z->description ? json_string(z->description) : json_null());
    json_object_set_new(j, "compartmentId", json_string(z->compartment_id));
    json_object_set_new(j, "securityZoneRecipeId", json_string(z->recipe_id));
    if (full) {
        json_object_set_new(j, "securityZoneTargetId", json_string(z->target_id));
        json_object_set_new(j, "inheritedByCompartments", oci_json_text(z->inherited, "[]"));
    }
    json_object_set_new(j, "timeCreated", oci_time_json(z->time_created_ms));
    json_object_set_new(j, "timeUpdated", oci_time_json(z->time_updated_ms));
    json_object_set_new(j, "lifecycleState", json_string(z->lifecycle_state));
    json_object_set_new(j, "isInheritanceAfterDeleteEnabled",
                        json_boolean(z->inheritance_after_delete));
    json_object_set_new(j, "freeformTags", oci_json_text(z->freeform_tags, "{}"));
    json_object_set_new(j, "definedTags", oci_json_text(z->defined_tags, "{}"));
    json_object_set_new(j, "systemTags", json_object());
    return j;
}

/* securityZoneRecipeId: a recipe the caller can see. Recipes are never deleted, so checking
 * before the write is safe. */
static int recipe_field(const struct req *rq, struct ctx *cx, struct resp *rs, json_t *body,
                        int required, const char **out)
{
    struct cg_recipe r;
    int err = cg_string_field(rs, cx, body, "securityZoneRecipeId", required, out);

    if (err || !*out)
        return err;
    memset(&r, 0, sizeof(r));
    if (store_cg_recipe_get(cx->store, rq->account, *out, &r) != STORE_OK)
        err = oci_fail(rs, cx, OCI_ERR_CG_RECIPE_UNKNOWN, *out);
    cg_recipe_release(&r);
    return err;
}

static int bool_field(struct resp *rs, struct ctx *cx, json_t *body, const char *name, int *out)
{
    json_t *v = json_object_get(body, name);

    if (!v || json_is_null(v))
        return 0;
    if (!json_is_boolean(v))
        return oci_fail(rs, cx, OCI_ERR_CG_INVALID_FIELD, name);
    *out = json_is_true(v);
    return 0;
}

/* CreateSecurityZone: POST /20200131/securityZones */
int cg_create_security_zone(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    const struct oci_region *region = oci_region_find(rq->region);
    const char *realm = region ? region->realm : "oc1";
    const char *comp, *name, *desc, *recipe;
    struct cg_zone z;
    json_t *body = NULL;
    int err;

    memset(&z, 0, sizeof(z));
    if (oci_retry_replay(rq, cx, rs))
        return 0;
    err = oci_body_object(rq, cx, rs, &body);
    if (!err)
        err = cg_string_field(rs, cx, body, "displayName", 1, &name);
    if (!err)
        err = cg_compartment_field(rs, cx, body, &comp);
    if (!err)
        err = recipe_field(rq, cx, rs, body, 1, &recipe);
    if (!err)
        err = cg_string_field(rs, cx, body, "description", 0, &desc);
    if (!err)
        err = bool_field(rs, cx, body, "isInheritanceAfterDeleteEnabled",
                         &z.inheritance_after_delete);
    if (!err)
        err = cg_tags_fields(rs, cx, body, &z.freeform_tags, &z.defined_tags);
    if (err)
        goto out;
    ocid_new(cx->ids, "securityzonessecurityzone", realm, "", NULL, z.id, sizeof(z.id));
    /* the Cloud Guard target OCI creates for the zone */
    ocid_new(cx->ids, "cloudguardtarget", realm, rq->region, NULL, z.target_id,
             sizeof(z.target_id));
    snprintf(z.tenancy, sizeof(z.tenancy), "%s", rq->account);
    snprintf(z.compartment_id, sizeof(z.compartment_id), "%s", comp);
    snprintf(z.display_name, sizeof(z.display_name), "%s", name);
    snprintf(z.recipe_id, sizeof(z.recipe_id), "%s", recipe);
    snprintf(z.lifecycle_state, sizeof(z.lifecycle_state), "ACTIVE");
    z.time_created_ms = z.time_updated_ms = cx->now_ms;
    oci_new_etag(rq, cx, z.etag);
    if (desc && cg_set_text(&z.description, desc)) {
        err = oci_fail(rs, cx, OCI_ERR_INTERNAL, NULL);
        goto out;
    }
    switch (store_cg_zone_create(cx->store, &z)) {
    case STORE_OK:
        break;
    case STORE_EXISTS: /* a compartment is in at most one zone */
        err = oci_fail(rs, cx, OCI_ERR_CG_IN_ZONE, comp);
        goto out;
    default:
        err = oci_fail(rs, cx, OCI_ERR_INTERNAL, NULL);
        goto out;
    }
    if (store_cg_zone_get(cx->store, rq->account, z.id, &z) != STORE_OK) {
        err = oci_fail(rs, cx, OCI_ERR_INTERNAL, NULL);
        goto out;
    }
    oci_answer(rq, rs, zone_json(&z, 1), z.etag);
    oci_retry_record(rq, cx, rs);
out:
    json_decref(body);
    cg_zone_release(&z);
    return err;
}

/* GetSecurityZone: GET /20200131/securityZones/{securityZoneId} */
int cg_get_security_zone(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    struct cg_zone z;
    int err = 0;

    memset(&z, 0, sizeof(z));
    if (store_cg_zone_get(cx->store, rq->account, rq->param[0], &z) != STORE_OK)
        err = oci_fail(rs, cx, OCI_ERR_NOT_FOUND, NULL);
    else
        oci_answer(rq, rs, zone_json(&z, 1), z.etag);
    cg_zone_release(&z);
    return err;
}

/* ListSecurityZones: GET /20200131/securityZones?compartmentId&id&displayName&lifecycleState&
 * securityRecipeId&limit&page */
int cg_list_security_zones(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    const char *recipe = req_query(rq, "securityRecipeId");
    struct cg_zone *list = NULL;
    struct cg_list q;
    size_t n = 0;
    int err = cg_list_params(rq, cx, rs, &q);
    json_t *items;

    if (err)
        return err;
    if (store_cg_zone_list(cx->store, rq->account, q.compartment_id, CG_LIST_ALL, &list, &n) !=
        STORE_OK) {
        cg_zone_list_free(list, n);
        return oci_fail(rs, cx, OCI_ERR_INTERNAL, NULL);
    }
    items = json_array();
    for (size_t i = 0; i < n; i++)
        if (cg_list_match(&q, list[i].id, list[i].display_name, list[i].lifecycle_state) &&
            (!recipe || !strcmp(recipe, list[i].recipe_id)))
            json_array_append_new(items, zone_json(&list[i], 0));
    cg_zone_list_free(list, n);
    cg_answer_page(rs, items, &q);
    return 0;
}

struct zone_change {
    const char *name;
    const char *desc;
    const char *recipe;
    int inheritance;
    int has_inheritance;
    char *freeform;
    char *defined;
    const char *etag;
    int64_t now_ms;
};

static int apply_zone(void *arg, void *row)
{
    struct zone_change *c = arg;
    struct cg_zone *z = row;

    if (c->name)
        snprintf(z->display_name, sizeof(z->display_name), "%s", c->name);
    if (c->recipe)
        snprintf(z->recipe_id, sizeof(z->recipe_id), "%s", c->recipe);
    if (c->has_inheritance)
        z->inheritance_after_delete = c->inheritance;
    if ((c->desc && cg_set_text(&z->description, c->desc)) ||
        (c->freeform && cg_set_text(&z->freeform_tags, c->freeform)) ||
        (c->defined && cg_set_text(&z->defined_tags, c->defined)))
        return -1;
    snprintf(z->etag, sizeof(z->etag), "%s", c->etag);
    z->time_updated_ms = c->now_ms;
    return 0;
}

/* Maps a zone write's store result to the answer. */
static int zone_write_answer(const struct req *rq, struct ctx *cx, struct resp *rs, int rc,
                             const struct cg_zone *z)
{
    if (rc)
        return oci_store_fail(rs, cx, rc, OCI_ERR_NOT_FOUND);
    oci_answer(rq, rs, zone_json(z, 1), z->etag);
    return 0;
}

/* UpdateSecurityZone: PUT /20200131/securityZones/{securityZoneId} */
int cg_update_security_zone(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    struct zone_change c;
    struct cg_zone z;
    char etag[41];
    json_t *body = NULL;
    int err;

    memset(&c, 0, sizeof(c));
    memset(&z, 0, sizeof(z));
    err = oci_body_object(rq, cx, rs, &body);
    if (!err)
        err = cg_string_field(rs, cx, body, "displayName", 0, &c.name);
    if (!err)
        err = cg_string_field(rs, cx, body, "description", 0, &c.desc);
    if (!err)
        err = recipe_field(rq, cx, rs, body, 0, &c.recipe);
    if (!err) {
        c.inheritance = -1;
        err = bool_field(rs, cx, body, "isInheritanceAfterDeleteEnabled", &c.inheritance);
        c.has_inheritance = c.inheritance != -1;
    }
    if (!err)
        err = cg_tags_fields(rs, cx, body, &c.freeform, &c.defined);
    if (err)
        goto out;
    oci_new_etag(rq, cx, etag);
    c.etag = etag;
    c.now_ms = cx->now_ms;
    err = zone_write_answer(rq, cx, rs,
                            store_cg_zone_update(cx->store, rq->account, rq->param[0],
                                                 req_header(rq, "if-match"), apply_zone, &c, &z),
                            &z);
out:
    json_decref(body);
    free(c.freeform);
    free(c.defined);
    cg_zone_release(&z);
    return err;
}

/* AddCompartment / RemoveCompartment: POST /20200131/securityZones/{id}/actions/... */
static int zone_compartment_action(const struct req *rq, struct ctx *cx, struct resp *rs, int add)
{
    const char *comp;
    struct cg_zone z;
    char etag[41];
    json_t *body = NULL;
    int err;
    int rc;

    memset(&z, 0, sizeof(z));
    err = oci_body_object(rq, cx, rs, &body);
    if (!err)
        err = cg_compartment_field(rs, cx, body, &comp);
    if (err)
        goto out;
    oci_new_etag(rq, cx, etag);
    if (add)
        rc = store_cg_zone_add_compartment(cx->store, rq->account, rq->param[0],
                                           req_header(rq, "if-match"), comp, etag, cx->now_ms, &z);
    else
        rc = store_cg_zone_remove_compartment(cx->store, rq->account, rq->param[0],
                                              req_header(rq, "if-match"), comp, etag, cx->now_ms,
                                              &z);
    if (rc == STORE_EXISTS) /* CHOICE: 409 Conflict, as for CreateSecurityZone */
        err = oci_fail(rs, cx, OCI_ERR_CG_IN_ZONE, comp);
    else if (rc == STORE_CONFLICT)
        err = oci_fail(rs, cx,
                       !strcmp(comp, z.compartment_id) ? OCI_ERR_CG_OWN_COMPARTMENT
                                                       : OCI_ERR_CG_NOT_IN_ZONE,
                       comp);
    else
        err = zone_write_answer(rq, cx, rs, rc, &z);
out:
    json_decref(body);
    cg_zone_release(&z);
    return err;
}

int cg_add_compartment(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    return zone_compartment_action(rq, cx, rs, 1);
}

int cg_remove_compartment(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    return zone_compartment_action(rq, cx, rs, 0);
}

/* DeleteSecurityZone: DELETE /20200131/securityZones/{securityZoneId} -> 204. CHOICE: the zone
 * is gone at once (no DELETED state to read back); its compartments are released. */
int cg_delete_security_zone(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    int rc = store_cg_zone_delete(cx->store, rq->account, rq->param[0], req_header(rq, "if-match"));

    if (rc)
        return oci_store_fail(rs, cx, rc, OCI_ERR_NOT_FOUND);
    oci_no_content(rs);
    return 0;
}
