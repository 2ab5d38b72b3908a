/* seed_int.h - what the seed loader's files share: the loader, JSON member readers that report
 * the JSON path of a bad value, the table of names, deterministic ids and the in-process call. */
#ifndef CMKEMU_SEED_INT_H
#define CMKEMU_SEED_INT_H

#include "seed.h"

#include "../ids.h"

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#define SEED_PATH_MAX 256 /* a JSON pointer into the seed */
#define SEED_ID_MAX   256
#define SEED_TEXT_MAX 8192 /* descriptions */

struct seed_loader {
    const char *source; /* file name in messages */
    const char *text;   /* the file, for line numbers */
    size_t len;
    struct config cfg;
    struct store *st; /* the snapshot being built */
    int64_t now_ms;
    json_t *names;    /* "<kind>/<scope>/<name>" -> what that name stands for */
    json_t *deferred; /* calls run after everything else (key states) */
    char *err;
    size_t errn;
};

/* seed_load.c. Every reader returns 0, or -1 after seed_fail. */
/* Writes "seed <source>:<line>: <path>: <message>" into the loader's err; returns -1. The line is
 * where the value at path starts in the file. */
int seed_fail(struct seed_loader *ld, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* A JSON pointer: parent + "/" + member (escaped as RFC 6901 says), or parent + "/" + index. */
void seed_path_member(char *out, size_t n, const char *parent, const char *member);
void seed_path_index(char *out, size_t n, const char *parent, size_t index);
/* v must be an object whose members are all in `members` (NULL-terminated). */
int seed_object(struct seed_loader *ld, const json_t *v, const char *path,
                const char *const *members);
/* Optional members leave *out as it was when absent (or null). */
int seed_str(struct seed_loader *ld, const json_t *obj, const char *path, const char *name,
             int required, const char **out);
/* Same for texts longer than a name (descriptions): at most max bytes. */
int seed_str_max(struct seed_loader *ld, const json_t *obj, const char *path, const char *name,
                 int required, size_t max, const char **out);
int seed_int(struct seed_loader *ld, const json_t *obj, const char *path, const char *name,
             json_int_t min, json_int_t max, json_int_t *out);
int seed_bool(struct seed_loader *ld, const json_t *obj, const char *path, const char *name,
              int *out);
/* An array member; *out NULL when absent. */
int seed_array(struct seed_loader *ld, const json_t *obj, const char *path, const char *name,
               json_t **out);
/* A string member that must be one of set (NULL-terminated). */
int seed_enum(struct seed_loader *ld, const json_t *obj, const char *path, const char *name,
              const char *const *set, const char **out);

/* Names: what a name of a kind stands for in a scope (a tenancy, an account). put fails on a
 * name used twice; info is stolen. get returns a borrowed object or NULL. */
int seed_name_put(struct seed_loader *ld, const char *path, const char *kind, const char *scope,
                  const char *name, json_t *info);
json_t *seed_name_get(struct seed_loader *ld, const char *kind, const char *scope,
                      const char *name);
/* A string member of a name's info, or "". */
const char *seed_info(const json_t *info, const char *member);

/* The deterministic id source of one step: seeded by a hash of key ("oci/acme/key/k1"). */
void seed_ids(struct ids *ids, const char *key);

/* seed_call.c. Runs one request through router_dispatch against the snapshot, with ids from
 * seed_ids(idkey). target is "/path[?a&b=c]"; headers "Name: value", NULL-terminated; body may
 * be NULL. A status >= 300 fails with "<what> refused: <status> <code>: <message>" at path.
 * *out (may be NULL) gets the JSON body of a success, or NULL when it is not JSON. */
int seed_call(struct seed_loader *ld, const char *path, const char *what, const char *idkey,
              const char *method, const char *target, const char *const *headers, const char *body,
              json_t **out);
/* Records a call to run after every other step (states that would refuse later steps). */
int seed_defer(struct seed_loader *ld, const char *path, const char *what, const char *idkey,
               const char *method, const char *target, const char *const *headers,
               const char *body);
int seed_run_deferred(struct seed_loader *ld);

/* seed_line.c: the 1-based line where the value at JSON pointer `pointer` starts in text (valid
 * JSON), or 0 when there is no such value. */
int seed_line_of(const char *text, size_t len, const char *pointer);

/* seed_aws.c, seed_oci.c: load the "aws" and "oci" members. */
int seed_aws_load(struct seed_loader *ld, const json_t *aws, const char *path);
int seed_oci_load(struct seed_loader *ld, const json_t *oci, const char *path);

#endif
