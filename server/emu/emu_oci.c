/* emu_oci.c - the emulator's OCI endpoints: declaring compartments and their parents, so that
 * security zones cover child compartments. Not an OCI API: cmkemu has no Identity service. */
#include "emu.h"

#include "../oci/oci_ocid.h"
#include "storage/store_oci.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static int answer(struct resp *rs, int status, json_t *body)
{
    char *s = json_dumps(body, JSON_COMPACT | JSON_PRESERVE_ORDER);

    resp_status(rs, status);
    resp_header(rs, "Content-Type", "application/json");
    if (s)
        resp_body_take(rs, s, strlen(s));
    json_decref(body);
    return status >= 400;
}

static int bad(struct resp *rs, const char *msg)
{
    return answer(rs, 400, json_pack("{s:s, s:s}", "code", "InvalidParameter", "message", msg));
}

/* An optional OCID member: 0 with *out NULL when absent or null, 0 with *out set, -1 when bad. */
static int ocid_member(json_t *body, const char *name, const char **out)
{
    json_t *v = json_object_get(body, name);
    struct ocid o;

    *out = NULL;
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_string(v) || ocid_parse(json_string_value(v), &o))
        return -1;
    *out = json_string_value(v);
    return 0;
}

/* PUT /_cmkemu/oci/compartments/{compartmentId}  {"parentId": "...", "tenancyId": "..."}
 * Declares (or re-declares) the compartment's parent; answers 200 with what is stored. */
int emu_oci_put_compartment(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    const char *id = rq->param[0];
    const char *parent = NULL;
    const char *tenancy = NULL;
    json_t *body = NULL;
    struct ocid o;
    int err;

    if (ocid_parse(id, &o))
        return bad(rs, "The compartment id must be an OCID.");
    body = rq->body_len ? json_loadb(rq->body, rq->body_len, 0, NULL) : json_object();
    if (!json_is_object(body))
        err = bad(rs, "The body must be a JSON object {\"parentId\": ..., \"tenancyId\": ...}.");
    else if (ocid_member(body, "parentId", &parent) || ocid_member(body, "tenancyId", &tenancy))
        err = bad(rs, "parentId and tenancyId must be OCIDs (or null).");
    else if (parent && !strcmp(parent, id))
        err = bad(rs, "A compartment cannot be its own parent.");
    else if (store_oci_compartment_put(cx->store, id, parent, tenancy) != STORE_OK)
        err = answer(rs, 500,
                     json_pack("{s:s, s:s}", "code", "InternalServerError", "message",
                               "Internal Server Error"));
    else
        err = answer(
            rs, 200,
            json_pack("{s:s, s:s?, s:s?}", "id", id, "parentId", parent, "tenancyId", tenancy));
    json_decref(body);
    return err;
}
