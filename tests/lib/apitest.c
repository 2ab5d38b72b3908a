/* apitest.c - see apitest.h. */
#include "apitest.h"

#include "server/router.h"
#include "storage/store.h"

#include <stdlib.h>
#include <string.h>

int apitest_open(struct apitest *t)
{
    memset(t, 0, sizeof(*t));
    config_defaults(&t->cfg);
    ids_init_deterministic(&t->ids, 42);
    t->now_ms = 1764000000000LL; /* 2025-11-24T16:00:00Z */
    return store_open(&t->st, ":memory:");
}

void apitest_close(struct apitest *t)
{
    store_close(t->st);
    t->st = NULL;
}

#define APITEST_MAX 64

void apitest_call(struct apitest *t, const char *method, const char *target,
                  const char *const *headers, const char *body, struct resp *out)
{
    char *copy = strdup(target);
    char *raw = strdup(target);
    char *q = strchr(copy, '?');
    char *rawq = strchr(raw, '?');
    char *hcopy[APITEST_MAX];
    struct kv qs[APITEST_MAX];
    struct kv hs[APITEST_MAX];
    size_t nq = 0, nh = 0;
    struct req rq;
    struct ctx cx;

    if (rawq)
        *rawq++ = '\0';
    if (q) {
        char *save = NULL;

        *q++ = '\0';
        for (char *tok = strtok_r(q, "&", &save); tok && nq < APITEST_MAX;
             tok = strtok_r(NULL, "&", &save)) {
            char *eq = strchr(tok, '=');

            if (eq)
                *eq++ = '\0';
            qs[nq].name = tok;
            qs[nq].value = eq ? eq : "";
            nq++;
        }
    }
    for (size_t i = 0; headers && headers[i] && nh < APITEST_MAX; i++) {
        char *h = strdup(headers[i]);
        char *colon = strchr(h, ':');

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
    rq.raw_path = raw;
    rq.raw_query = rawq ? rawq : "";
    rq.query = qs;
    rq.nquery = nq;
    rq.header = hs;
    rq.nheader = nh;
    rq.body = body ? body : "";
    rq.body_len = body ? strlen(body) : 0;
    rq.body_over_cap = rq.body_len > t->cfg.max_body;
    if (rq.body_over_cap) {
        rq.body = "";
        rq.body_len = 0;
    }
    memset(&cx, 0, sizeof(cx));
    cx.store = t->st;
    cx.cfg = &t->cfg;
    cx.now_ms = t->now_ms;
    cx.ids = &t->ids;
    cx.seed = t->seed;
    router_dispatch(&rq, &cx, out);
    for (size_t i = 0; i < nh; i++)
        free(hcopy[i]);
    free(copy);
    free(raw);
}
