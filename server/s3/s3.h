/* s3.h - the S3 family: dispatch, addressing, the error document and XML rendering helpers
 * shared by the S3 handlers. */
#ifndef CMKEMU_S3_H
#define CMKEMU_S3_H

#include "../api.h"
#include "s3_errors.h"

#include <libxml/xmlwriter.h>

#define S3_XMLNS "http://s3.amazonaws.com/doc/2006-03-01/"

/* Routes an S3 request (path-style or virtual-hosted) to its handler. Before the handler runs,
 * rq->param[0] is the bucket ("" for the service), rq->param[1] the object key ("" for none),
 * rq->account the caller's account and rq->region the signing region. */
void s3_dispatch(struct req *rq, struct ctx *cx, struct resp *rs);

/* Writes the S3 error document for e and returns e, so handlers write `return s3_fail(...)`. */
int s3_fail(struct resp *rs, struct ctx *cx, int e);
/* Same, with a value for the message's "%s" (or NULL) and extra elements between Message and
 * RequestId, in the order given. */
int s3_fail_ex(struct resp *rs, struct ctx *cx, int e, const char *arg, const struct kv *extra,
               size_t nextra);
/* Same, with <BucketName>. */
int s3_fail_bucket(struct resp *rs, struct ctx *cx, int e, const char *bucket);

/* An XML document being written into memory with libxml2's xmlTextWriter. */
struct s3_xml {
    xmlBufferPtr b;
    xmlTextWriterPtr w;
};

/* Starts a document with the UTF-8 declaration and opens root (with the S3 namespace when
 * with_ns). Returns 0 or -1. */
int s3_xml_start(struct s3_xml *x, const char *root, int with_ns);
void s3_xml_open(struct s3_xml *x, const char *name);
void s3_xml_close(struct s3_xml *x);
void s3_xml_elem(struct s3_xml *x, const char *name, const char *text);
/* Closes every open element, sets status, Content-Type: application/xml and the body, and
 * frees the writer. */
void s3_xml_finish(struct s3_xml *x, struct resp *rs, int status);
/* Frees the writer without answering (error paths). */
void s3_xml_abort(struct s3_xml *x);

/* Formats ms since the epoch as 2026-02-21T00:17:01.000Z into out (at least 25 bytes). */
void s3_iso8601(int64_t ms, char *out, size_t n);

#endif
