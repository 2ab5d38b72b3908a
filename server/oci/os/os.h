/* os.h - Object Storage (/n/...): the handlers of os_routes.c and what they share: the
 * namespace check, two-value error answers, the key and security-zone rules. */
#ifndef CMKEMU_OS_H
#define CMKEMU_OS_H

#include "../../api.h"
#include "storage/store_os.h"

/* os_namespace.c */
api_handler os_get_namespace;
api_handler os_get_namespace_metadata;
/* 0 when ns is the caller's namespace; otherwise answers 404 NamespaceNotFound and returns it. */
int os_check_namespace(const struct req *rq, struct ctx *cx, struct resp *rs, const char *ns);
/* Answers error e whose message has two "%s" holes (a, then b) and returns e. */
int os_fail2(struct resp *rs, struct ctx *cx, int e, const char *a, const char *b);

/* os_bucket.c */
api_handler os_create_bucket;
api_handler os_get_bucket;
api_handler os_head_bucket;
api_handler os_update_bucket;
api_handler os_list_buckets;
api_handler os_delete_bucket;

/* os_bucket_rules.c - what a bucket may be: names, keys, security zones. */

/* A refusal found by a rule: the error and the values its message names. */
struct os_rule_fail {
    int err;
    char a[512];
    char b[512];
};

/* What a write changes that a security-zone policy looks at. */
#define OS_TOUCH_KEY    1u /* the bucket's key (set, removed, or the bucket is new or moved) */
#define OS_TOUCH_PUBLIC 2u /* the bucket's public access (likewise) */

/* 1 when name is a valid bucket name: 1..256 of [A-Za-z0-9_.-]. */
int os_rules_bucket_name_ok(const char *name);
/* kmsKeyId checks needing no lookup: key OCID syntax, then the key's region (from the OCID)
 * against the bucket's. 0, or fills f and returns f->err. */
int os_rules_key_syntax(const char *key_id, const char *bucket_region, struct os_rule_fail *f);
/* Inside a write's transaction: the key exists, is not DELETED, and is ENABLED. */
int os_rules_key_usable(struct store *st, const char *key_id, struct os_rule_fail *f);
/* Inside a write's transaction: the security zone governing b's compartment allows b, for the
 * aspects the write touches. */
int os_rules_zone(struct store *st, const struct os_bucket *b, unsigned touched,
                  struct os_rule_fail *f);
/* Answers f (any error of the table, one or two values) and returns f->err. */
int os_rules_answer(struct resp *rs, struct ctx *cx, const struct os_rule_fail *f);

#endif
