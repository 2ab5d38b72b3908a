/* seed_call.c - one request of the seed loader, run in-process through router_dispatch against
 * the snapshot store (as a client would send it), and the one-line account of a refusal. */
#include "seed_int.h"

#include "../router.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SEED_MAX_KV 16

/* The text of <tag>...</tag> in an S3 error document, or "". */
static void xml_text(const char *body, const char *tag, char *out, size_t n)
{
    char open[32];
    const char *p;
    const char *end;

    snprintf(open, sizeof(open), "<%s>", tag);
    out[0] = '\0';
    p = strstr(body, open);
    if (!p)
        return;
    p += strlen(open);
    end = strchr(p, '<');
    if (end)
        snprintf(out, n, "%.*s", (int)(end - p), p);
}

/* "<code>: <message>" of an OCI, AWS JSON or S3 XML error body. */
static void describe_error(const char *body, char *out, size_t n)
{
    json_t *j = json_loads(body, 0, NULL);
    char code[128] = "";
    char msg[512] = "";

    if (json_is_object(j)) {
        const char *c = json_string_value(json_object_get(j, "code"));
        const char *m = json_string_value(json_object_get(j, "message"));

        if (!c)
            c = json_string_value(json_object_get(j, "__type"));
        if (!m)
            m = json_string_value(json_object_get(j, "Message"));
        snprintf(code, sizeof(code), "%s", c ? c : "");
        snprintf(msg, sizeof(msg), "%s", m ? m : "");
    } else {
        xml_text(body, "Code", code, sizeof(code));
        xml_text(body, "Message", msg, sizeof(msg));
    }
    json_decref(j);
    snprintf(out, n, "%s: %s", code[0] ? code : "error", msg[0] ? msg : "(no message)");
}

int seed_call(struct seed_loader *ld, const char *path, const char *what, const char *idkey,
              const char *method, const char *target, const char *const *headers, const char *body,
              json_t **out)
{
    char *copy = strdup(target);
    char *hcopy[SEED_MAX_KV];
    struct kv qs[SEED_MAX_KV];
    struct kv hs[SEED_MAX_KV];
    size_t nq = 0, nh = 0;
    struct ids ids;
    struct req rq;
    struct ctx cx;
    struct resp rs;
    char *q;
    int rc = 0;

    if (out)
        *out = NULL;
    if (!copy)
        return seed_fail(ld, path, "out of memory");
    q = strchr(copy, '?');
    if (q) {
        char *save = NULL;

        *q++ = '\0';
        for (char *tok = strtok_r(q, "&", &save); tok && nq < SEED_MAX_KV;
             tok = strtok_r(NULL, "&", &save)) {
            char *eq = strchr(tok, '=');

            if (eq)
                *eq++ = '\0';
            qs[nq].name = tok;
            qs[nq].value = eq ? eq : "";
            nq++;
        }
    }
    for (size_t i = 0; headers && headers[i] && nh < SEED_MAX_KV; i++) {
        char *h = strdup(headers[i]);
        char *colon = h ? strchr(h, ':') : NULL;

        if (!h)
            break;
        hcopy[nh] = h;
        if (colon) {
            *colon++ = '\0';
            while (*colon == ' ')
                colon++;
        }
        hs[nh].name = h;
        hs[nh].value = colon ? colon : "";
        nh++;
    }
    memset(&rq, 0, sizeof(rq));
    rq.method = method;
    rq.path = copy;
    rq.query = qs;
    rq.nquery = nq;
    rq.header = hs;
    rq.nheader = nh;
    rq.body = body ? body : "";
    rq.body_len = body ? strlen(body) : 0;
    seed_ids(&ids, idkey);
    memset(&cx, 0, sizeof(cx));
    cx.store = ld->st;
    cx.cfg = &ld->cfg;
    cx.now_ms = ld->now_ms;
    cx.ids = &ids;
    resp_init(&rs);
    router_dispatch(&rq, &cx, &rs);
    if (rs.status >= 300) {
        char why[768];

        describe_error(buf_str(&rs.body), why, sizeof(why));
        rc = seed_fail(ld, path, "%s refused: %d %s", what, rs.status, why);
    } else if (out && rs.body.len) {
        *out = json_loads(buf_str(&rs.body), 0, NULL);
    }
    resp_release(&rs);
    for (size_t i = 0; i < nh; i++)
        free(hcopy[i]);
    free(copy);
    return rc;
}
