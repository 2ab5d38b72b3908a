/* emu_routes.c - /_cmkemu/... : the emulator's own endpoints, in one table. */
#include "emu.h"

#include "../router.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

void emu_json(struct resp *rs, int status, json_t *body)
{
    char *s = json_dumps(body, JSON_COMPACT);

    resp_status(rs, status);
    resp_header(rs, "Content-Type", "application/json");
    if (s)
        resp_body_take(rs, s, strlen(s));
    json_decref(body);
}

/* GET /_cmkemu/health */
static int emu_health(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    (void)rq;
    emu_json(rs, 200,
             json_pack("{s:s, s:s, s:s}", "status", "ok", "version", CMKEMU_VERSION, "region",
                       cx->cfg->region));
    return 0;
}

/* clang-format off */
static const struct route emu_routes[] = {
    { "GET",  "/_cmkemu/health", emu_health },
    { "HEAD", "/_cmkemu/health", emu_health },
    { "PUT",  "/_cmkemu/oci/compartments/{compartmentId}", emu_oci_put_compartment },
    { "GET",  "/_cmkemu/state", emu_state_get },
    { "HEAD", "/_cmkemu/state", emu_state_get },
    { "GET",  "/_cmkemu/ui", emu_ui_page },
    { "HEAD", "/_cmkemu/ui", emu_ui_page },
    { "GET",  "/_cmkemu/ui/{file}", emu_ui_asset },
    { "HEAD", "/_cmkemu/ui/{file}", emu_ui_asset },
    { "POST", "/_cmkemu/reset",   emu_reset },
    { "POST", "/moto-api/reset",  emu_moto_reset },
    { "GET",  "/moto-api/reset",  emu_moto_reset },
};
/* clang-format on */

void emu_dispatch(struct req *rq, struct ctx *cx, struct resp *rs)
{
    struct path_segs ps;
    int path_matched = 0;
    api_handler *fn = NULL;

    ids_hex(cx->ids, cx->request_id, 8);
    if (path_split(&ps, rq->path) == 0)
        fn = route_find(emu_routes, sizeof(emu_routes) / sizeof(emu_routes[0]), rq, &ps, 0,
                        &path_matched);
    if (fn)
        fn(rq, cx, rs);
    else
        emu_json(rs, path_matched ? 405 : 404,
                 json_pack("{s:s, s:s}", "code", path_matched ? "MethodNotAllowed" : "NotFound",
                           "message", path_matched ? "Method not allowed" : "Not found"));
    path_segs_release(&ps);
}
