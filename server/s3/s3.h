/* s3.h - the S3 family: dispatch, addressing, the error document and XML rendering helpers
 * shared by the S3 handlers. */
#ifndef CMKEMU_S3_H
#define CMKEMU_S3_H

#include "../api.h"
#include "../buf.h"
#include "s3_errors.h"

#include <libxml/tree.h>

#define S3_XMLNS "http://s3.amazonaws.com/doc/2006-03-01/"
/* Most bytes of a configuration document (CreateBucketConfiguration, encryption) parsed. */
#define S3_MAX_XML_BODY ((size_t)1024 * 1024)

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
/* Same with two values, for messages with two "%s". */
int s3_fail_ex2(struct resp *rs, struct ctx *cx, int e, const char *a1, const char *a2,
                const struct kv *extra, size_t nextra);
/* Same, with <BucketName>. */
int s3_fail_bucket(struct resp *rs, struct ctx *cx, int e, const char *bucket);

#define S3_XML_DEPTH 16

/* An XML document being written into memory (s3_xml.c): the bytes libxml2's xmlTextWriter
 * writes for the same calls, without its per-document allocations. */
struct s3_xml {
    struct buf b;
    const char *open[S3_XML_DEPTH]; /* names of the open elements (static strings) */
    int depth;
    int in_tag; /* the last start tag still lacks its '>' */
    int active; /* started, not yet finished or aborted, no write failed */
};

/* Starts a document with the UTF-8 declaration and opens root (with the S3 namespace when
 * with_ns). Returns 0 or -1. */
int s3_xml_start(struct s3_xml *x, const char *root, int with_ns);
void s3_xml_open(struct s3_xml *x, const char *name);
void s3_xml_close(struct s3_xml *x);
void s3_xml_elem(struct s3_xml *x, const char *name, const char *text);
/* Writes text into the open element. Bytes that are not UTF-8 of a character XML 1.0 allows
 * (control characters, invalid UTF-8, as a request may carry) are written as U+FFFD. */
void s3_xml_text_write(struct s3_xml *x, const char *text);
/* text with every byte that is not part of a character XML 1.0 allows replaced by U+FFFD:
 * text itself when nothing needs replacing, else a malloc'd copy also stored in *owned (NULL
 * otherwise; the caller frees it). NULL text reads as "". NULL when out of memory. */
const char *s3_xml_clean(const char *text, char **owned);
/* Closes every open element, sets status, Content-Type: application/xml and the body, and
 * frees the writer. */
void s3_xml_finish(struct s3_xml *x, struct resp *rs, int status);
/* Frees the writer without answering (error paths). */
void s3_xml_abort(struct s3_xml *x);

/* Parses a request document with libxml2: no network, no entity substitution, and a document
 * with a DOCTYPE is refused so no entity can ever expand. Returns S3_OK with *out for the
 * caller to xmlFreeDoc(), S3_ERR_MALFORMED_XML (not well-formed, empty, DOCTYPE) or
 * S3_ERR_MAX_MESSAGE_LENGTH (over S3_MAX_XML_BODY). */
int s3_xml_read(const char *body, size_t len, xmlDocPtr *out);
/* 1 when n is an element named name, without a namespace or in the S3 namespace. */
int s3_xml_is(const xmlNode *n, const char *name);

/* Collects up to max element children of parent into out and returns how many, or -1 when
 * parent holds more, or text other than whitespace between them (a schema violation). */
int s3_xml_children(const xmlNode *parent, const xmlNode **out, size_t max);
/* The text of a leaf element as a malloc'd string the caller frees, or NULL when the element
 * has element children (or out of memory). */
char *s3_xml_text(const xmlNode *n);

/* Formats ms since the epoch as 2026-02-21T00:17:01.000Z into out (at least 25 bytes). */
void s3_iso8601(int64_t ms, char *out, size_t n);

#endif
