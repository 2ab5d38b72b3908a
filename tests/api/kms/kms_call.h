/* kms_call.h - drives one AWS KMS JSON 1.1 request through the router for the api tests and
 * parses the answer. Header-only: each test binary includes it once. */
#ifndef CMKEMU_TEST_KMS_CALL_H
#define CMKEMU_TEST_KMS_CALL_H

#include "lib/apitest.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

#define KMS_AUTH_DEFAULT                                                                     \
    "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20251124/us-east-1/kms/aws4_request, " \
    "SignedHeaders=host, Signature=0"

struct kms_answer {
    int status;
    json_t *body; /* NULL when the body was empty or not JSON */
    char type[128];
    char message[1024];
};

/* Runs TrentService.<op> with body (NULL -> "{}") as the caller whose Authorization header is
 * auth (NULL -> the default account in us-east-1). The caller releases a->body. */
static inline void kms_call_as(struct apitest *t, const char *auth, const char *op,
                               const char *body, struct kms_answer *a)
{
    char target[128], authz[512];
    const char *h[] = { "Content-Type: application/x-amz-json-1.1", target, authz, NULL };
    struct resp rs;
    json_t *v;

    snprintf(target, sizeof(target), "X-Amz-Target: TrentService.%s", op);
    snprintf(authz, sizeof(authz), "Authorization: %s", auth ? auth : KMS_AUTH_DEFAULT);
    resp_init(&rs);
    apitest_call(t, "POST", "/", h, body ? body : "{}", &rs);
    memset(a, 0, sizeof(*a));
    a->status = rs.status;
    if (rs.body.len)
        a->body = json_loads(buf_str(&rs.body), 0, NULL);
    if (a->body && (v = json_object_get(a->body, "__type")) != NULL) {
        snprintf(a->type, sizeof(a->type), "%s", json_string_value(v));
        snprintf(a->message, sizeof(a->message), "%s",
                 json_string_value(json_object_get(a->body, "message")));
    }
    resp_release(&rs);
}

static inline void kms_call(struct apitest *t, const char *op, const char *body,
                            struct kms_answer *a)
{
    kms_call_as(t, NULL, op, body, a);
}

#endif
