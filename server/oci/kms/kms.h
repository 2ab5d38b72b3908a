/* kms.h - inside the OCI Vault family: its handlers, model rendering (kms_json.c) and the
 * request helpers its handlers share (kms_common.c). Not for other families. */
#ifndef CMKEMU_KMS_H
#define CMKEMU_KMS_H

#include "../../api.h"
#include "storage/store_kms.h"

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#define KMS_DAY_MS       (24LL * 60 * 60 * 1000)
#define KMS_LIST_DEFAULT 100
#define KMS_LIST_MAX     1000
#define KMS_PREFIX_LEN   13

/* kms_json.c: models as the SDK names and orders their fields. base is "http://<host>", the
 * root the vault endpoints are built on. Each returns a new reference. */
json_t *kms_vault_json(const struct kms_vault *v, const char *base, int summary);
json_t *kms_key_json(const struct kms_key *k);
json_t *kms_key_summary_json(const struct kms_key *k);
json_t *kms_key_version_json(const struct kms_key_version *v, int summary);
/* "<base>/oci/<region>/kms/<prefix>-<plane>" into out. */
void kms_vault_endpoint(const struct kms_vault *v, const char *base, const char *plane, char *out,
                        size_t n);

/* kms_common.c */
/* "http://<host>" of the request: rq->endpoint without any /oci/... path. out holds 512. */
void kms_base_url(const struct req *rq, char *out, size_t n);
/* Answers a write: on STORE_OK body (stolen) with etag, recorded under the request's
 * opc-retry-token; on STORE_CONFLICT the conflict row naming state; else oci_store_fail with the
 * Key or Vault 404. body may be NULL when rc is not STORE_OK. Returns 0 or the error. */
int kms_write_answer(const struct req *rq, struct ctx *cx, struct resp *rs, int rc, json_t *body,
                     const char *etag, int conflict, const char *state);
/* Reads a body member of JSON type `type` (JSON_TRUE: a boolean), named `label` in errors
 * ("keyShape.length"). Missing (or null) and required -> 400 MissingParameter; another type ->
 * 400 InvalidParameter. *out is NULL when absent and optional. Returns 0 or the error answered. */
int kms_body_member(struct resp *rs, struct ctx *cx, json_t *body, const char *name,
                    const char *label, json_type type, int required, json_t **out);
/* The same for a string member. */
int kms_body_string(struct resp *rs, struct ctx *cx, json_t *body, const char *name, int required,
                    const char **out);
/* The same, naming the field `label` in errors ("keyShape.algorithm"). */
int kms_body_string_as(struct resp *rs, struct ctx *cx, json_t *body, const char *name,
                       const char *label, int required, const char **out);
/* freeformTags (object of strings) and definedTags (object of objects); each is malloc'd JSON
 * text, or NULL when absent (the caller frees both, also on error). Returns 0 or the error. */
int kms_body_tags(struct resp *rs, struct ctx *cx, json_t *body, char **freeform, char **defined);
/* 1 when v is one of the n strings of set. */
int kms_is_one_of(const char *v, const char *const *set, size_t n);
/* A body value (NULL: not given) must be one of set: 400 InvalidParameter "Invalid value for
 * parameter <name>: '<v>' (supported: <set>)." otherwise. Returns 0 or the error answered. */
int kms_check_one_of(struct resp *rs, struct ctx *cx, const char *name, const char *v,
                     const char *const *set, size_t n);
/* A compartmentId value must be an OCID: 400 InvalidParameter otherwise. */
int kms_check_compartment(struct resp *rs, struct ctx *cx, const char *id);
/* A displayName (NULL: not given) must be 1 to 255 characters: 400 InvalidParameter otherwise. */
int kms_check_display_name(struct resp *rs, struct ctx *cx, const char *name);
/* limit, page (an offset), sortBy and sortOrder of a list call. Returns 0 or the error answered. */
int kms_list_params(const struct req *rq, struct ctx *cx, struct resp *rs, int *limit,
                    int64_t *offset, enum kms_sort *sort);
/* The vault a management-plane request was addressed to (rq->vault), in the request's tenancy
 * and region. Answers 404 NotAuthorizedOrNotFound (the Key or Vault message) when there is none.
 * Returns 0 or the error answered; *out is the caller's to kms_vault_release(). */
int kms_request_vault(const struct req *rq, struct ctx *cx, struct resp *rs, struct kms_vault *out);
/* timeOfDeletion of a Schedule*Deletion body: default now + 30 days, else 7..30 days ahead. */
int kms_time_of_deletion(const struct req *rq, struct ctx *cx, struct resp *rs, int64_t *out);

/* kms_vault.c */
int kms_create_vault(const struct req *rq, struct ctx *cx, struct resp *rs);
int kms_get_vault(const struct req *rq, struct ctx *cx, struct resp *rs);
int kms_list_vaults(const struct req *rq, struct ctx *cx, struct resp *rs);
int kms_schedule_vault_deletion(const struct req *rq, struct ctx *cx, struct resp *rs);
int kms_cancel_vault_deletion(const struct req *rq, struct ctx *cx, struct resp *rs);

/* kms_key.c */
int kms_create_key(const struct req *rq, struct ctx *cx, struct resp *rs);
int kms_get_key(const struct req *rq, struct ctx *cx, struct resp *rs);
int kms_list_keys(const struct req *rq, struct ctx *cx, struct resp *rs);
int kms_update_key(const struct req *rq, struct ctx *cx, struct resp *rs);
int kms_disable_key(const struct req *rq, struct ctx *cx, struct resp *rs);
int kms_enable_key(const struct req *rq, struct ctx *cx, struct resp *rs);
int kms_schedule_key_deletion(const struct req *rq, struct ctx *cx, struct resp *rs);
int kms_cancel_key_deletion(const struct req *rq, struct ctx *cx, struct resp *rs);

/* kms_key_version.c */
int kms_create_key_version(const struct req *rq, struct ctx *cx, struct resp *rs);
int kms_get_key_version(const struct req *rq, struct ctx *cx, struct resp *rs);
int kms_list_key_versions(const struct req *rq, struct ctx *cx, struct resp *rs);

#endif
