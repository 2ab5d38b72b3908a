/* router.h - picks the API family of a request, and matches path templates of route tables.
 * Pure: no I/O, no storage. */
#ifndef CMKEMU_ROUTER_H
#define CMKEMU_ROUTER_H

#include "api.h"

#include <stddef.h>

#define ROUTER_MAX_SEGS 32

enum family {
    FAM_S3,       /* anything not claimed below */
    FAM_AWS_JSON, /* POST / with X-Amz-Target (AWS KMS) */
    FAM_OCI_OS,   /* /n/...        OCI Object Storage */
    FAM_OCI_CORE, /* /20160918/... OCI Core (Block Volume) */
    FAM_OCI_KMS,  /* /20180608/... OCI Vault */
    FAM_OCI_CG,   /* /20200131/... OCI Cloud Guard (security zones) */
    FAM_EMU       /* /_cmkemu/... and /moto-api/... the emulator's own endpoints */
};

/* A path split on '/': seg[i] are NUL-terminated pieces of one owned copy. */
struct path_segs {
    char *copy;
    const char *seg[ROUTER_MAX_SEGS];
    size_t n;
    int too_many; /* more segments than ROUTER_MAX_SEGS; nothing matches */
};

/* One row of a family's route table. Patterns are "/a/{name}/b": literal segments match
 * exactly, {name} captures one non-empty segment into rq->param in order. */
struct route {
    const char *method;
    const char *pattern;
    api_handler *fn;
};

enum family router_family(const struct req *rq);
const char *router_family_name(enum family f);

/* Splits path (leading '/' optional); skip drops that many leading segments. 0 or -1 (OOM). */
int path_split(struct path_segs *ps, const char *path);
void path_segs_release(struct path_segs *ps);

/* Matches one pattern against segments starting at index `from`. On a match fills
 * rq->param/nparam and returns 1. */
int route_match(const char *pattern, const struct path_segs *ps, size_t from, struct req *rq);

/* Finds the row whose method and pattern match. Returns its handler, or NULL; *path_matched
 * tells whether some row matched the path with another method (-> 405). */
api_handler *route_find(const struct route *tab, size_t n, struct req *rq,
                        const struct path_segs *ps, size_t from, int *path_matched);

/* Routes the request to its family's dispatcher, which fills rs. */
void router_dispatch(struct req *rq, struct ctx *cx, struct resp *rs);

#endif
