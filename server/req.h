/* req.h - the parsed HTTP request a handler sees. Nothing here knows about libmicrohttpd.
 *
 * Every string is borrowed: http.c (or a test) owns it for the life of the request.
 * Header names compare case-insensitively; query names exactly, as S3 and OCI do.
 */
#ifndef CMKEMU_REQ_H
#define CMKEMU_REQ_H

#include <stddef.h>

#define REQ_MAX_PARAMS 6

struct kv {
    const char *name;
    const char *value; /* "" for a query flag such as ?encryption */
};

struct req {
    const char *method;     /* "GET", "PUT", ... */
    const char *path;       /* percent-decoded path, without the query */
    const char *raw_path;   /* the path exactly as sent (still percent-encoded), never NULL */
    const char *raw_query;  /* the query exactly as sent, without '?'; "" when none */
    const struct kv *query; /* decoded query arguments, in arrival order */
    size_t nquery;
    const struct kv *header; /* request headers, in arrival order */
    size_t nheader;
    const char *body; /* request body, NUL-terminated; "" when none */
    size_t body_len;
    int body_over_cap; /* the client sent more than the server's body cap; body is empty */

    /* Filled by the router before the handler runs. */
    int family;                        /* enum family (router.h) */
    const char *param[REQ_MAX_PARAMS]; /* path parameters in route order */
    size_t nparam;
    const char *region;  /* region the request is addressed to */
    const char *account; /* AWS account id or OCI tenancy OCID of the caller */
    const char *user;    /* OCI: user OCID from the signature's keyId; NULL elsewhere */
    const char *vault; /* OCI: vault endpoint prefix of a KMS management/crypto endpoint, or NULL */
    const char *endpoint; /* OCI: base URL the request reached, incl. any /oci/<region> prefix */
    size_t seg_from;      /* OCI: path segments taken by the /oci/<region>[/kms/<ep>] prefix */
};

/* Returns the first header of that name (any case), or NULL. */
const char *req_header(const struct req *rq, const char *name);
/* Counts headers of that name (any case). */
size_t req_header_count(const struct req *rq, const char *name);
/* Returns the query value ("" for a bare flag), or NULL when absent. */
const char *req_query(const struct req *rq, const char *name);

#endif
