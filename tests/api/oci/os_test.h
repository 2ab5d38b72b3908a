/* os_test.h - helpers shared by the Object Storage api tests: one call, the JSON body, the
 * caller's namespace and bucket paths. Header-only: each test binary is one file. */
#ifndef CMKEMU_OS_TEST_H
#define CMKEMU_OS_TEST_H

#include "harness.h"
#include "lib/ocitest.h"

#include "server/oci/oci_common.h"
#include "storage/store_oci.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

#define IAD        "/oci/us-ashburn-1"
#define PHX        "/oci/us-phoenix-1"
#define COMP       "ocid1.compartment.oc1..aaaaaaaacompaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
#define KEY_IAD(x) "ocid1.key.oc1.iad.testvault.aaaaaaaa" x
#define KEY_PHX(x) "ocid1.key.oc1.us-phoenix-1.testvault.aaaaaaaa" x

static struct apitest t;
static char ns[13];

/* One response kept for assertions: status, headers, the parsed body (NULL when none). */
struct call {
    struct resp rs;
    json_t *j;
};

static inline void call_release(struct call *c)
{
    resp_release(&c->rs);
    json_decref(c->j);
    c->j = NULL;
}

/* Calls method on region-prefixed path (printf-style) with body and one optional extra header. */
static inline void callf(struct call *c, const char *method, const char *header, const char *body,
                         const char *fmt, ...) __attribute__((format(printf, 5, 6)));
static inline void callf(struct call *c, const char *method, const char *header, const char *body,
                         const char *fmt, ...)
{
    const char *h[] = { OCITEST_AUTH, header, NULL };
    char target[1024];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(target, sizeof(target), fmt, ap);
    va_end(ap);
    resp_init(&c->rs);
    apitest_call(&t, method, target, h, body, &c->rs);
    c->j = c->rs.body.len ? json_loads(buf_str(&c->rs.body), JSON_DECODE_ANY, NULL) : NULL;
}

static inline const char *jstr(const struct call *c, const char *field)
{
    return json_string_value(json_object_get(c->j, field));
}

static inline int jnull(const struct call *c, const char *field)
{
    return json_is_null(json_object_get(c->j, field));
}

/* Asserts an error answer: status, code and exact message. */
#define CHECK_ERR(c, st, code, msg)                       \
    do {                                                  \
        CHECK_INT((c)->rs.status, st);                    \
        CHECK_STR(jstr((c), "code"), code);               \
        CHECK_STR(jstr((c), "message"), msg);             \
        CHECK(resp_get_header(&(c)->rs, "ETag") == NULL); \
    } while (0)

/* A call (callf's arguments after the struct call) whose answer must have status st, and for
 * CHECK_CALL_CODE the error code, for CHECK_CALL_ERR the whole error (CHECK_ERR); the rest of the
 * answer is not looked at. */
#define CHECK_CALL_STATUS(st, ...)    \
    do {                              \
        struct call cc_;              \
        callf(&cc_, __VA_ARGS__);     \
        CHECK_INT(cc_.rs.status, st); \
        call_release(&cc_);           \
    } while (0)
#define CHECK_CALL_CODE(st, code, ...)       \
    do {                                     \
        struct call cc_;                     \
        callf(&cc_, __VA_ARGS__);            \
        CHECK_INT(cc_.rs.status, st);        \
        CHECK_STR(jstr(&cc_, "code"), code); \
        call_release(&cc_);                  \
    } while (0)
#define CHECK_CALL_ERR(st, code, msg, ...) \
    do {                                   \
        struct call cc_;                   \
        callf(&cc_, __VA_ARGS__);          \
        CHECK_ERR(&cc_, st, code, msg);    \
        call_release(&cc_);                \
    } while (0)

/* Creates bucket name in comp (region prefix pre), extra JSON members appended; returns 0. */
static inline int make_bucket(const char *pre, const char *name, const char *comp,
                              const char *extra)
{
    struct call c;
    char body[2048];
    int ok;

    snprintf(body, sizeof(body), "{\"name\":\"%s\",\"compartmentId\":\"%s\"%s%s}", name, comp,
             extra ? "," : "", extra ? extra : "");
    callf(&c, "POST", NULL, body, "%s/n/%s/b", pre, ns);
    ok = c.rs.status == 200;
    if (!ok)
        printf("  make_bucket %s: %d %s\n", name, c.rs.status, buf_str(&c.rs.body));
    call_release(&c);
    return ok ? 0 : -1;
}

/* The bucket's current etag (GET), copied into out (41 bytes). */
static inline void bucket_etag(const char *pre, const char *name, char out[41])
{
    struct call c;

    callf(&c, "GET", NULL, NULL, "%s/n/%s/b/%s", pre, ns, name);
    snprintf(out, 41, "%s", jstr(&c, "etag") ? jstr(&c, "etag") : "");
    call_release(&c);
}

static inline int os_test_open(void)
{
    if (apitest_open(&t))
        return -1;
    oci_namespace_of(OCITEST_TENANCY, ns);
    return 0;
}

#endif
