/* kms_test.h - what the Vault api tests share: the apitest, and error answers checked in one
 * call. Header-only, as os_test.h: the harness counts asserts per test binary. */
#ifndef CMKEMU_KMS_TEST_H
#define CMKEMU_KMS_TEST_H

#include "harness.h"
#include "lib/kmstest.h"

#include <jansson.h>

static struct apitest t;

#define NOT_FOUND_MSG "Key or Vault does not exist or you are not authorized to access them."

/* Checks an error answer: status, code and exact message, no etag, an opc-request-id. */
static inline void check_error(struct resp *rs, json_t *j, int status, const char *code,
                               const char *message)
{
    CHECK_INT(rs->status, status);
    CHECK_STR(kmstest_str(j, "code"), code);
    CHECK_STR(kmstest_str(j, "message"), message);
    CHECK(resp_get_header(rs, "etag") == NULL);
    CHECK(resp_get_header(rs, "opc-request-id") != NULL);
}

/* A signed call on target (kmstest_call) whose answer must be that error. */
static inline void call_error(const char *method, const char *target, const char *const *h,
                              const char *body, int status, const char *code, const char *message)
{
    struct resp rs;
    json_t *j;

    resp_init(&rs);
    j = kmstest_call(&t, method, target, h, body, &rs);
    check_error(&rs, j, status, code, message);
    json_decref(j);
    resp_release(&rs);
}

#endif
