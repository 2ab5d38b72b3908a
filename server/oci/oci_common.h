/* oci_common.h - conventions every OCI family shares: JSON bodies and errors, etags and
 * if-match, paging parameters, RFC 3339 times, the namespace of a tenancy, retry tokens.
 *
 * Before an OCI handler runs, oci_dispatch has set rq->region (long region name), rq->account
 * (tenancy OCID from the signature's keyId), rq->user, rq->vault (KMS endpoint prefix or NULL),
 * rq->endpoint (base URL incl. any /oci/<region> prefix) and the opc-request-id header.
 */
#ifndef CMKEMU_OCI_COMMON_H
#define CMKEMU_OCI_COMMON_H

#include "../api.h"
#include "../json_out.h"
#include "oci_errors.h"

#include <jansson.h>
#include <stdint.h>

/* Answers {"code","message"} for e (arg fills the message's "%s") and returns e. */
int oci_fail(struct resp *rs, struct ctx *cx, int e, const char *arg);
/* The same with the message already written from e's row. */
int oci_fail_message(struct resp *rs, int e, const char *message);
/* Answers status with a JSON body; steals the reference to body (NULL -> no body). */
void oci_json(struct resp *rs, int status, json_t *body);
/* Answers 200 with body (stolen) and, when etag is not NULL, the etag header. */
void oci_answer(const struct req *rq, struct resp *rs, json_t *body, const char *etag);
/* The same two with the body written in w (its text taken, w empty afterwards). */
void oci_json_jw(struct resp *rs, int status, struct jw *w);
void oci_answer_jw(const struct req *rq, struct resp *rs, struct jw *w, const char *etag);
/* Answers 204 No Content. */
void oci_no_content(struct resp *rs);
/* Answers the failure a store call returned: not_found for STORE_NOT_FOUND, 412 NoEtagMatch for
 * STORE_ETAG_MISMATCH, 500 for anything else. Returns the error answered. */
int oci_store_fail(struct resp *rs, struct ctx *cx, int rc, int not_found);
/* Parses the body as a JSON object into *out (an empty body is {}). On bad JSON or a non-object
 * answers 400 (InvalidJSON for Object Storage, CannotParseRequest elsewhere), returns the error
 * and leaves *out NULL. The caller json_decref()s *out. */
int oci_body_object(const struct req *rq, struct ctx *cx, struct resp *rs, json_t **out);

/* Sets the etag header: "ETag" for Object Storage, "etag" elsewhere. */
void oci_set_etag(const struct req *rq, struct resp *rs, const char *etag);
/* 1 when the request has no if-match header or it equals etag. */
int oci_if_match_ok(const struct req *rq, const char *etag);
/* A new etag: a uuid for Object Storage, 40 hex digits elsewhere. out holds 41 bytes. */
void oci_new_etag(const struct req *rq, struct ctx *cx, char out[41]);

/* Reads limit (1..max, default dflt) and page (opaque, NULL when absent). On a bad value answers
 * 400 InvalidParameter and returns the error, else 0. */
int oci_page_params(const struct req *rq, struct ctx *cx, struct resp *rs, int dflt, int max,
                    int *limit, const char **page);
/* A family whose page token is a number: an offset (Vault, Cloud Guard) or a row position (Block
 * Volume) in [first, last]; bad_page is the row answered for any other token. */
struct oci_paging {
    int dflt;
    int max;
    int64_t first;
    int64_t last;
    int bad_page;
};
/* oci_page_params, then the page token as a decimal number (*number 0 without one). Returns 0 or
 * the error answered. */
int oci_page_number(const struct req *rq, struct ctx *cx, struct resp *rs,
                    const struct oci_paging *p, int *limit, int64_t *number);
/* Answers 200 with a list body (stolen) and opc-next-page: next, when not 0. */
void oci_answer_list(struct resp *rs, json_t *body, int64_t next);

/* A string, or JSON null for "" (how the stores spell a null field). */
json_t *oci_json_string_or_null(const char *s);
/* A stored JSON object text as a new JSON object; {} when NULL or not an object. */
json_t *oci_json_object_text(const char *text);
/* The same written in w: a stored text is json_dumps(JSON_COMPACT) of an object, the bytes
 * printing it again would give, so it is copied as it is. */
void oci_jw_object_text(struct jw *w, const char *text);
/* A stored JSON object or array text as a new JSON value; dflt ("{}" or "[]") when NULL, empty or
 * unreadable. */
json_t *oci_json_text(const char *text, const char *dflt);

/* RFC 3339 with milliseconds: 2026-11-25T08:32:37.374Z (out holds at least 25 bytes). */
void oci_time(int64_t ms, char *out, size_t n);
json_t *oci_time_json(int64_t ms);
void oci_jw_time(struct jw *w, int64_t ms);
/* Parses RFC 3339 (fractional seconds and Z or +hh:mm offset) into ms. Returns 0 or -1; -1 also
 * for a day, hour, minute or second beyond its range and for instants outside years 0000-9999. */
int oci_time_parse(const char *s, int64_t *ms);

/* The Object Storage namespace of a tenancy: 12 characters of [a-z0-9], stable. */
void oci_namespace_of(const char *tenancy, char out[13]);

/* opc-retry-token: when the request carries one that was seen before for the same tenancy,
 * method and path, answers the recorded response (same body) or 409 InvalidatedRetryToken
 * (different body) and returns 1; otherwise 0. */
int oci_retry_replay(const struct req *rq, struct ctx *cx, struct resp *rs);
/* Records a successful response under the request's opc-retry-token (no-op without one). */
void oci_retry_record(const struct req *rq, struct ctx *cx, const struct resp *rs);

#endif
