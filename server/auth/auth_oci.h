/* auth_oci.h - --auth strict for OCI: checks a request's RSA-SHA256 signature with the registered
 * API key of its keyId, the headers it must cover, x-content-sha256 and the request date. */
#ifndef CMKEMU_AUTH_OCI_H
#define CMKEMU_AUTH_OCI_H

#include "../api.h"

#include <stddef.h>

/* 0 when rq is signed by a registered API key; otherwise -1 with the reason in msg. */
int auth_oci_verify(const struct req *rq, const struct ctx *cx, char *msg, size_t n);

#endif
