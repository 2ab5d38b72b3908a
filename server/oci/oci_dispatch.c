/* oci_dispatch.c - entry point of every OCI request. */
#include "oci.h"

#include <jansson.h>
#include <string.h>

enum family oci_family_of_prefixed(const char *path)
{
    (void)path;
    return FAM_OCI_OS;
}

void oci_dispatch(struct req *rq, struct ctx *cx, struct resp *rs)
{
    json_t *body = json_pack("{s:s, s:s}", "code", "NotFound", "message", "Not found");
    char *s = body ? json_dumps(body, JSON_COMPACT) : NULL;

    (void)rq;
    ids_hex(cx->ids, cx->request_id, 16);
    resp_status(rs, 404);
    resp_header(rs, "Content-Type", "application/json");
    resp_header(rs, "opc-request-id", cx->request_id);
    if (s)
        resp_body_take(rs, s, strlen(s));
    json_decref(body);
}
