/* aws_kms_handlers.h - the AWS KMS operations and what they share: request body access, the
 * JSON 1.1 answer, KeyMetadata rendering and key lookup with AWS's not-found answers.
 * Before a handler runs, aws_kms_dispatch has set rq->account, rq->region and the request id. */
#ifndef CMKEMU_AWS_KMS_HANDLERS_H
#define CMKEMU_AWS_KMS_HANDLERS_H

#include "../api.h"
#include "aws_kms_errors.h"
#include "storage/store_aws_kms.h"

#include <jansson.h>

/* aws_kms_key.c */
api_handler aws_kms_create_key;
api_handler aws_kms_describe_key;
api_handler aws_kms_list_keys;
api_handler aws_kms_enable_key;
api_handler aws_kms_disable_key;
api_handler aws_kms_schedule_key_deletion;
api_handler aws_kms_cancel_key_deletion;

/* aws_kms_alias.c */
api_handler aws_kms_create_alias;
api_handler aws_kms_update_alias;
api_handler aws_kms_delete_alias;
api_handler aws_kms_list_aliases;

/* How aws_kms_find_key() accepts a reference. */
enum aws_kms_find {
    AWS_KMS_FIND_ANY,     /* key id, key ARN, alias name or alias ARN (DescribeKey) */
    AWS_KMS_FIND_KEY_ONLY /* key id or key ARN; an alias is an invalid key id */
};

/* Looks the key up as the caller sees it. On failure answers AWS's error (NotFoundException in
 * its three forms, KMSInternalException) and returns it; 0 with *out filled otherwise. */
int aws_kms_find_key(const struct req *rq, struct ctx *cx, struct resp *rs, const char *ref,
                     enum aws_kms_find how, struct aws_kms_key_row *out);

/* Reads ListKeys/ListAliases' Limit (1..1000, default 100); answers the error and returns it
 * otherwise. */
int aws_kms_limit(json_t *body, struct resp *rs, int *limit);

/* aws_kms_json.c */
/* Parses the body as a JSON object into *out (an empty body is {}); on bad JSON answers
 * SerializationException and returns it. The caller json_decref()s *out. */
int aws_kms_body(const struct req *rq, struct resp *rs, json_t **out);
/* Reads an optional string member: 0 with *out NULL when absent or null, 0 with *out set when a
 * string, or answers SerializationException (another type) and returns it. */
int aws_kms_opt_string(json_t *body, const char *name, struct resp *rs, const char **out);
/* The same for a required member: absent -> ValidationException "Value null at '<field>'". */
int aws_kms_req_string(json_t *body, const char *name, const char *field, struct resp *rs,
                       const char **out);
/* Reads an optional integer member into *out (unchanged when absent); *present says whether it
 * was there. Another type answers SerializationException. */
int aws_kms_opt_int(json_t *body, const char *name, struct resp *rs, json_int_t *out, int *present);
/* Answers 200 with body (stolen; NULL -> empty body). Returns 0. */
int aws_kms_reply(struct resp *rs, json_t *body);
/* Epoch seconds with milliseconds, as AWS's JSON dates are. */
json_t *aws_kms_date(int64_t ms);
/* The KeyMetadata object of k (s3-bucket-encryption.md §4, botocore KeyMetadata shape). */
json_t *aws_kms_key_metadata(const struct aws_kms_key_row *k);

#endif
