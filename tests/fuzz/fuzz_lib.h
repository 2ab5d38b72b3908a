/* fuzz_lib.h - what the libFuzzer targets share: one :memory: store per process, put back to
 * its just-migrated state before every input; requests built from fuzzer bytes; and the checks
 * every response must pass (a violated check aborts, which libFuzzer reports as a crash). */
#ifndef CMKEMU_FUZZ_LIB_H
#define CMKEMU_FUZZ_LIB_H

#include "server/api.h"
#include "server/config.h"
#include "server/ids.h"
#include "server/resp.h"

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Aborts with the message (printf-like): a broken invariant is a finding. */
void fuzz_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
#define FUZZ_CHECK(cond)                                                     \
    do {                                                                     \
        if (!(cond))                                                         \
            fuzz_fail("%s:%d: check failed: %s", __FILE__, __LINE__, #cond); \
    } while (0)

struct fuzz_env {
    struct store *st;
    struct config cfg;
    struct ids ids;
    int64_t now_ms;
};

/* The process's environment, opened on the first call (aborts when the store cannot open).
 * Every call after the first puts the store back to its state right after opening and reseeds
 * the ids, so each input runs alone and a saved crash input reproduces by itself. */
struct fuzz_env *fuzz_env_begin(void);

#define FUZZ_MAX_KV 64

/* One request over an owned copy of the bytes it was parsed from. */
struct fuzz_req {
    char *mem;
    char root[2]; /* "/" for a request line without a target */
    const char *method;
    const char *path;
    struct kv query[FUZZ_MAX_KV];
    size_t nquery;
    struct kv header[FUZZ_MAX_KV];
    size_t nheader;
    const char *body; /* NUL-terminated, as http.c hands it over */
    size_t body_len;
};

/* Parses an HTTP/1.1-shaped request: "METHOD TARGET[ anything]" line, "Name: value" header lines
 * up to an empty line, then the body (every byte to the end). Lines end in "\r\n", "\n" or "\r".
 * The path and query are percent-decoded as libmicrohttpd does; a NUL ends a string early, as it
 * would on the wire. Returns 0, or -1 out of memory. */
int fuzz_req_parse(struct fuzz_req *fr, const uint8_t *data, size_t size);
/* Builds a request from parts: target "/path?query", headers, body of len bytes. */
int fuzz_req_make(struct fuzz_req *fr, const char *method, const char *target,
                  const struct kv *headers, size_t nheaders, const uint8_t *body, size_t len);
/* Adds a header (the strings must outlive the request). Ignored when full. */
void fuzz_req_add_header(struct fuzz_req *fr, const char *name, const char *value);
void fuzz_req_release(struct fuzz_req *fr);

/* Runs fr through router_dispatch as http.c would, checks the answer with fuzz_check_resp and
 * leaves it in rs (resp_init()ed by this call; the caller resp_release()s it). Returns the
 * family the router chose. */
int fuzz_dispatch(struct fuzz_env *env, const struct fuzz_req *fr, struct resp *rs);

/* What every answer must be: a status in 100..599, headers without CR or LF, an S3 body that is
 * well-formed XML (an <Error> document for 4xx/5xx), an OCI error that is a JSON object with
 * string "code" and "message", and JSON wherever the family answers JSON. Aborts otherwise. */
void fuzz_check_resp(int family, const struct resp *rs);

/* 1 when p[0..n) is a well-formed XML document; *root gets the root element's name (malloc'd,
 * NULL when not wanted). */
int fuzz_xml_ok(const char *p, size_t n, char **root);

#endif
