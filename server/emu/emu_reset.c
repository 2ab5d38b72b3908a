/* emu_reset.c - POST /_cmkemu/reset (the whole state, or one family, back to the seed) and its
 * moto-compatible alias POST /moto-api/reset. */
#include "emu.h"
#include "seed.h"

#include "../auth/auth_config.h"
#include "../log.h"

#include "storage/store_emu.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

/* Puts the state of the families in mask back to the seed. Credentials from --auth-config are
 * part of the state the server started with, so a reset that clears credentials loads them
 * again. Returns 0 or -1 (logged). */
static int reset_to_seed(struct ctx *cx, unsigned mask)
{
    char err[512];

    if (seed_apply(cx->store, cx->seed, mask))
        return -1;
    if ((mask & EMU_FAM_CORE) && cx->cfg->auth_config[0] &&
        auth_config_load(cx->store, cx->cfg->auth_config, cx->cfg->default_account, err,
                         sizeof(err))) {
        log_msg(LOG_ERROR, "reset: %s", err);
        return -1;
    }
    return 0;
}

/* POST /_cmkemu/reset[?family=s3|aws-kms|oci-kms|oci-os|oci-bv|oci-cg] */
int emu_reset(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    const char *family = req_query(rq, "family");
    unsigned mask = EMU_FAM_ALL;

    if (family) {
        mask = seed_family_bit(family);
        if (!mask) {
            char msg[256];

            snprintf(msg, sizeof(msg), "Unknown family '%.64s': one of %s.", family,
                     seed_family_names());
            emu_json(rs, 400, json_pack("{s:s, s:s}", "code", "InvalidParameter", "message", msg));
            return 1;
        }
    }
    if (reset_to_seed(cx, mask)) {
        emu_json(rs, 500,
                 json_pack("{s:s, s:s}", "code", "InternalServerError", "message",
                           "The reset failed; the state is unchanged."));
        return 1;
    }
    emu_json(rs, 200,
             json_pack("{s:s, s:s, s:s?}", "status", "ok", "family", family ? family : "all",
                       "seed", seed_source(cx->seed)));
    return 0;
}

/* POST /moto-api/reset: everything back to the seed, answered as moto answers
 * ({"status": "ok"}); any other method gets moto's 400. */
int emu_moto_reset(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    if (strcmp(rq->method, "POST")) {
        emu_json(rs, 400, json_pack("{s:s}", "Error", "Need to POST to reset Moto"));
        return 1;
    }
    if (reset_to_seed(cx, EMU_FAM_ALL)) {
        emu_json(rs, 500, json_pack("{s:s}", "Error", "The reset failed; the state is unchanged."));
        return 1;
    }
    emu_json(rs, 200, json_pack("{s:s}", "status", "ok"));
    return 0;
}
