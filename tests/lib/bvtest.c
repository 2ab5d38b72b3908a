/* bvtest.c - see bvtest.h. */
#include "bvtest.h"

#include "ocitest.h"

#include <stdio.h>
#include <string.h>

void bvt_init(struct bvt *r)
{
    resp_init(&r->rs);
    r->json = NULL;
    r->status = 0;
}

void bvt_release(struct bvt *r)
{
    resp_release(&r->rs);
    json_decref(r->json);
    r->json = NULL;
}

int bvt_call(struct apitest *t, struct bvt *r, const char *method, const char *region,
             const char *path, const char *body, const char *if_match)
{
    char target[2048];
    char im[512];
    const char *h[3] = { OCITEST_AUTH, NULL, NULL };

    bvt_release(r);
    resp_init(&r->rs);
    if (if_match) {
        snprintf(im, sizeof(im), "if-match: %s", if_match);
        h[1] = im;
    }
    snprintf(target, sizeof(target), "/oci/%s%s", region, path);
    apitest_call(t, method, target, h, body, &r->rs);
    r->status = r->rs.status;
    r->json = json_loads(buf_str(&r->rs.body), 0, NULL);
    return r->status;
}

const char *bvt_str(const struct bvt *r, const char *name)
{
    return json_string_value(json_object_get(r->json, name));
}

const char *bvt_code(const struct bvt *r)
{
    const char *s = bvt_str(r, "code");

    return s ? s : "";
}

const char *bvt_msg(const struct bvt *r)
{
    const char *s = bvt_str(r, "message");

    return s ? s : "";
}

const char *bvt_etag(const struct bvt *r)
{
    const char *s = resp_get_header(&r->rs, "etag");

    return s ? s : "";
}

static int create(struct apitest *t, const char *region, const char *path, const char *body,
                  char *id)
{
    struct bvt r;
    int rc = -1;

    bvt_init(&r);
    if (bvt_call(t, &r, "POST", region, path, body, NULL) == 200 && bvt_str(&r, "id")) {
        snprintf(id, BVT_ID, "%s", bvt_str(&r, "id"));
        rc = 0;
    } else {
        printf("  create %s failed: %d %s\n", path, r.status, buf_str(&r.rs.body));
    }
    bvt_release(&r);
    return rc;
}

int bvt_volume(struct apitest *t, const char *region, const char *extra, char *id)
{
    char body[4096];

    /* extra may name its own compartmentId (duplicate members are refused) */
    snprintf(body, sizeof(body), "{%s\"availabilityDomain\":\"Uocm:%s-AD-1\"%s}",
             strstr(extra, "\"compartmentId\"") ? "" : "\"compartmentId\":\"" BVT_COMP "\",",
             strcmp(region, BVT_PHX) ? "IAD" : "PHX", extra);
    return create(t, region, "/20160918/volumes", body, id);
}

int bvt_backup(struct apitest *t, const char *region, const char *volume, const char *extra,
               char *id)
{
    char body[4096];

    snprintf(body, sizeof(body), "{\"volumeId\":\"%s\"%s}", volume, extra);
    return create(t, region, "/20160918/volumeBackups", body, id);
}
