/* aws_kms_key.c - AWS KMS key operations: CreateKey, DescribeKey, ListKeys, EnableKey,
 * DisableKey, ScheduleKeyDeletion, CancelKeyDeletion, and key lookup by any identifier. */
#include "aws_kms_handlers.h"
#include "aws_kms_ids.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define AWS_KMS_LIST_DEFAULT 100
#define AWS_KMS_LIST_MAX     1000
#define AWS_KMS_MAX_TAGS     50

/* The key specs cmkemu creates and the usages each accepts (AWS KMS developer guide,
 * "Key spec reference"); the first usage is the one a spec gets when KeyUsage is absent. */
struct key_spec {
    const char *spec;
    const char *usages[3];
};

static const struct key_spec key_specs[] = {
    { "SYMMETRIC_DEFAULT", { "ENCRYPT_DECRYPT", NULL, NULL } },
    { "RSA_2048", { "ENCRYPT_DECRYPT", "SIGN_VERIFY", NULL } },
    { "RSA_3072", { "ENCRYPT_DECRYPT", "SIGN_VERIFY", NULL } },
    { "RSA_4096", { "ENCRYPT_DECRYPT", "SIGN_VERIFY", NULL } },
    { "ECC_NIST_P256", { "SIGN_VERIFY", "KEY_AGREEMENT", NULL } },
    { "ECC_NIST_P384", { "SIGN_VERIFY", "KEY_AGREEMENT", NULL } },
    { "ECC_NIST_P521", { "SIGN_VERIFY", "KEY_AGREEMENT", NULL } },
    { "ECC_SECG_P256K1", { "SIGN_VERIFY", NULL, NULL } },
    { "HMAC_224", { "GENERATE_VERIFY_MAC", NULL, NULL } },
    { "HMAC_256", { "GENERATE_VERIFY_MAC", NULL, NULL } },
    { "HMAC_384", { "GENERATE_VERIFY_MAC", NULL, NULL } },
    { "HMAC_512", { "GENERATE_VERIFY_MAC", NULL, NULL } },
    { "SM2", { "ENCRYPT_DECRYPT", "SIGN_VERIFY", "KEY_AGREEMENT" } },
};

static const struct key_spec *key_spec_find(const char *spec)
{
    for (size_t i = 0; i < sizeof(key_specs) / sizeof(key_specs[0]); i++)
        if (!strcmp(key_specs[i].spec, spec))
            return &key_specs[i];
    return NULL;
}

static int key_usage_known(const char *u)
{
    return !strcmp(u, "ENCRYPT_DECRYPT") || !strcmp(u, "SIGN_VERIFY") ||
           !strcmp(u, "GENERATE_VERIFY_MAC") || !strcmp(u, "KEY_AGREEMENT");
}

int aws_kms_find_key(const struct req *rq, struct ctx *cx, struct resp *rs, const char *ref,
                     enum aws_kms_find how, struct aws_kms_key_row *out)
{
    int rc;

    /* An alias where only a key id or key ARN is accepted is an invalid key id (moto). */
    if (how == AWS_KMS_FIND_KEY_ONLY &&
        (aws_kms_alias_prefixed(ref) || (!strncmp(ref, "arn:", 4) && strstr(ref, ":alias/"))))
        return aws_kms_fail(rs, AWS_KMS_ERR_INVALID_KEY_ID, ref);
    rc = store_aws_kms_resolve(cx->store, rq->account, rq->region, ref, out);
    /* DescribeKey on a predefined AWS alias creates its AWS managed key (KMS API reference,
     * DescribeKey); cmkemu knows how to create aws/s3's. */
    if (rc == AWS_KMS_RESOLVE_ALIAS_NOT_FOUND && how == AWS_KMS_FIND_ANY) {
        char arn[AWS_KMS_ARN_MAX];

        aws_kms_alias_arn(arn, sizeof(arn), rq->region, rq->account, "alias/aws/s3");
        if (!strcmp(out->arn, arn))
            rc = store_aws_kms_managed_s3_key(cx->store, rq->account, rq->region, cx->now_ms,
                                              cx->ids, out) == STORE_OK
                     ? AWS_KMS_RESOLVE_OK
                     : AWS_KMS_RESOLVE_ERROR;
    }
    switch (rc) {
    case AWS_KMS_RESOLVE_OK:
        return 0;
    case AWS_KMS_RESOLVE_INVALID_ID:
        return aws_kms_fail(rs, AWS_KMS_ERR_INVALID_KEY_ID, out->key_id);
    case AWS_KMS_RESOLVE_KEY_NOT_FOUND:
        return aws_kms_fail(rs, AWS_KMS_ERR_KEY_NOT_FOUND, out->arn);
    case AWS_KMS_RESOLVE_OTHER_REGION:
        return aws_kms_fail(rs, AWS_KMS_ERR_INVALID_ARN_REGION, out->region);
    case AWS_KMS_RESOLVE_ALIAS_NOT_FOUND:
        return aws_kms_fail(rs, AWS_KMS_ERR_ALIAS_NOT_FOUND, out->arn);
    default:
        return aws_kms_fail(rs, AWS_KMS_ERR_INTERNAL, NULL);
    }
}

/* Validates CreateKey's Tags and returns them as JSON text (malloc'd, or NULL when none) in
 * *out. Answers the error and returns it otherwise. */
static int tags_check(json_t *body, struct resp *rs, char **out)
{
    json_t *tags = json_object_get(body, "Tags");
    size_t i, j;
    json_t *t;

    *out = NULL;
    if (!tags || json_is_null(tags))
        return 0;
    if (!json_is_array(tags))
        return aws_kms_fail(rs, AWS_KMS_ERR_SERIALIZATION, NULL);
    json_array_foreach(tags, i, t)
    {
        const char *k = json_string_value(json_object_get(t, "TagKey"));
        const char *v = json_string_value(json_object_get(t, "TagValue"));
        char pos[24];

        snprintf(pos, sizeof(pos), "%zu", i + 1);
        if (!json_is_object(t) || !k || !v)
            return aws_kms_fail(rs, AWS_KMS_ERR_SERIALIZATION, NULL);
        if (strlen(k) > 128)
            return aws_kms_fail2(rs, AWS_KMS_ERR_TAG_KEY_LENGTH, k, pos);
        if (strlen(v) > 256)
            return aws_kms_fail2(rs, AWS_KMS_ERR_TAG_VALUE_LENGTH, v, pos);
        for (j = 0; j < i; j++)
            if (!strcmp(k, json_string_value(json_object_get(json_array_get(tags, j), "TagKey"))))
                return aws_kms_fail(rs, AWS_KMS_ERR_TAG_DUPLICATE, NULL);
        if (!strncasecmp(k, "aws:", 4))
            return aws_kms_fail(rs, AWS_KMS_ERR_TAG_RESERVED, NULL);
    }
    if (json_array_size(tags) > AWS_KMS_MAX_TAGS)
        return aws_kms_fail(rs, AWS_KMS_ERR_TAG_TOO_MANY, NULL);
    if (json_array_size(tags))
        *out = json_dumps(tags, JSON_COMPACT | JSON_PRESERVE_ORDER);
    return 0;
}

/* Checks KeySpec / CustomerMasterKeySpec / KeyUsage / Origin and fills k's spec, usage, origin
 * and state. Answers the error and returns it otherwise. */
static int spec_check(json_t *body, struct resp *rs, struct aws_kms_key_row *k)
{
    const char *spec, *cmk, *usage, *origin;
    const struct key_spec *ks;
    int e;

    if ((e = aws_kms_opt_string(body, "KeySpec", rs, &spec)) ||
        (e = aws_kms_opt_string(body, "CustomerMasterKeySpec", rs, &cmk)) ||
        (e = aws_kms_opt_string(body, "KeyUsage", rs, &usage)) ||
        (e = aws_kms_opt_string(body, "Origin", rs, &origin)))
        return e;
    if (spec && cmk)
        return aws_kms_fail(rs, AWS_KMS_ERR_BOTH_SPECS, NULL);
    if (!spec && cmk && !key_spec_find(cmk))
        return aws_kms_fail(rs, AWS_KMS_ERR_CMK_SPEC_ENUM, cmk);
    if (!spec)
        spec = cmk ? cmk : "SYMMETRIC_DEFAULT";
    ks = key_spec_find(spec);
    if (!ks) /* KeySpec enum (AWS-rec test_hmac_create_key_invalid_operations) */
        return aws_kms_fail(rs, AWS_KMS_ERR_KEY_SPEC_ENUM, spec);
    if (usage && !key_usage_known(usage))
        return aws_kms_fail(rs, AWS_KMS_ERR_KEY_USAGE_ENUM, usage);
    /* CHOICE: every spec but SYMMETRIC_DEFAULT needs KeyUsage (AWS-rec for HMAC; AWS's words
     * say "all KMS keys except for symmetric encryption keys"). */
    if (!usage && strcmp(spec, "SYMMETRIC_DEFAULT"))
        return aws_kms_fail(rs, AWS_KMS_ERR_KEY_USAGE_REQUIRED, NULL);
    if (!usage)
        usage = ks->usages[0];
    if (strcmp(usage, ks->usages[0]) && (!ks->usages[1] || strcmp(usage, ks->usages[1])) &&
        (!ks->usages[2] || strcmp(usage, ks->usages[2])))
        return aws_kms_fail2(rs, AWS_KMS_ERR_KEY_USAGE_SPEC, usage, spec);
    if (!origin)
        origin = "AWS_KMS";
    if (strcmp(origin, "AWS_KMS") && strcmp(origin, "EXTERNAL") && strcmp(origin, "AWS_CLOUDHSM") &&
        strcmp(origin, "EXTERNAL_KEY_STORE"))
        return aws_kms_fail(rs, AWS_KMS_ERR_ORIGIN_ENUM, origin);
    /* CHOICE: custom key stores are not emulated. */
    if (strcmp(origin, "AWS_KMS") && strcmp(origin, "EXTERNAL"))
        return aws_kms_fail(rs, AWS_KMS_ERR_ORIGIN_UNSUPPORTED, origin);
    snprintf(k->key_spec, sizeof(k->key_spec), "%s", spec);
    snprintf(k->key_usage, sizeof(k->key_usage), "%s", usage);
    snprintf(k->origin, sizeof(k->origin), "%s", origin);
    /* A key for imported material waits for it (AWS-rec test_import_key_symmetric). */
    snprintf(k->key_state, sizeof(k->key_state), "%s",
             strcmp(origin, "EXTERNAL") ? "Enabled" : "PendingImport");
    return 0;
}

/* CreateKey: POST / X-Amz-Target TrentService.CreateKey */
int aws_kms_create_key(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    struct aws_kms_key_row k;
    json_t *body = NULL;
    char *tags = NULL;
    const char *desc;
    json_t *mr;
    int e;

    memset(&k, 0, sizeof(k));
    if ((e = aws_kms_body(rq, rs, &body)))
        return e;
    if ((e = aws_kms_opt_string(body, "Description", rs, &desc)))
        goto out;
    if (desc && strlen(desc) > AWS_KMS_DESCRIPTION_MAX) {
        e = aws_kms_fail(rs, AWS_KMS_ERR_DESCRIPTION_LENGTH, NULL);
        goto out;
    }
    mr = json_object_get(body, "MultiRegion");
    if (mr && !json_is_boolean(mr) && !json_is_null(mr)) {
        e = aws_kms_fail(rs, AWS_KMS_ERR_SERIALIZATION, NULL);
        goto out;
    }
    if ((e = spec_check(body, rs, &k)) || (e = tags_check(body, rs, &tags)))
        goto out;
    snprintf(k.account, sizeof(k.account), "%s", rq->account);
    snprintf(k.region, sizeof(k.region), "%s", rq->region);
    snprintf(k.description, sizeof(k.description), "%s", desc ? desc : "");
    snprintf(k.key_manager, sizeof(k.key_manager), "%s", "CUSTOMER");
    k.multi_region = json_is_true(mr);
    if (k.multi_region) { /* mrk- + 32 lowercase hex, no dashes (§4.1) */
        char hex[33];

        ids_hex(cx->ids, hex, 16);
        snprintf(k.key_id, sizeof(k.key_id), "mrk-%s", hex);
    } else {
        ids_uuid(cx->ids, k.key_id);
    }
    aws_kms_key_arn(k.arn, sizeof(k.arn), k.region, k.account, k.key_id);
    k.created_ms = cx->now_ms;
    if (store_aws_kms_key_create(cx->store, &k, tags) != STORE_OK) {
        e = aws_kms_fail(rs, AWS_KMS_ERR_INTERNAL, NULL);
        goto out;
    }
    aws_kms_reply(rs, json_pack("{s:o}", "KeyMetadata", aws_kms_key_metadata(&k)));
out:
    free(tags);
    json_decref(body);
    return e;
}

/* DescribeKey: POST / X-Amz-Target TrentService.DescribeKey (any key state) */
int aws_kms_describe_key(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    struct aws_kms_key_row k;
    json_t *body = NULL;
    const char *ref;
    int e;

    if ((e = aws_kms_body(rq, rs, &body)))
        return e;
    if (!(e = aws_kms_req_string(body, "KeyId", "keyId", rs, &ref)) &&
        !(e = aws_kms_find_key(rq, cx, rs, ref, AWS_KMS_FIND_ANY, &k)))
        aws_kms_reply(rs, json_pack("{s:o}", "KeyMetadata", aws_kms_key_metadata(&k)));
    json_decref(body);
    return e;
}

int aws_kms_limit(json_t *body, struct resp *rs, int *limit)
{
    json_int_t v = AWS_KMS_LIST_DEFAULT;
    char num[32];
    int present;
    int e;

    if ((e = aws_kms_opt_int(body, "Limit", rs, &v, &present)))
        return e;
    snprintf(num, sizeof(num), "%lld", (long long)v);
    if (v < 1)
        return aws_kms_fail(rs, AWS_KMS_ERR_LIMIT_LOW, num);
    if (v > AWS_KMS_LIST_MAX)
        return aws_kms_fail(rs, AWS_KMS_ERR_LIMIT_HIGH, num);
    *limit = (int)v;
    return 0;
}

struct key_page {
    json_t *keys;
    int limit;
    int n;
    int more;
    char last[400];
};

static int key_page_add(void *arg, const struct aws_kms_key_row *k)
{
    struct key_page *p = arg;

    if (p->n == p->limit) {
        p->more = 1;
        return 1;
    }
    json_array_append_new(p->keys, json_pack("{s:s, s:s}", "KeyId", k->key_id, "KeyArn", k->arn));
    snprintf(p->last, sizeof(p->last), "%s", k->key_id);
    p->n++;
    return 0;
}

/* ListKeys: POST / X-Amz-Target TrentService.ListKeys. Keys in key id order; the marker is the
 * last key id of the previous page. */
int aws_kms_list_keys(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    struct key_page page;
    json_t *body = NULL;
    json_t *out;
    const char *marker;
    int e;

    memset(&page, 0, sizeof(page));
    if ((e = aws_kms_body(rq, rs, &body)))
        return e;
    if ((e = aws_kms_limit(body, rs, &page.limit)) ||
        (e = aws_kms_opt_string(body, "Marker", rs, &marker)))
        goto out;
    if (marker && !aws_kms_key_id_valid(marker)) {
        e = aws_kms_fail(rs, AWS_KMS_ERR_INVALID_MARKER, NULL);
        goto out;
    }
    page.keys = json_array();
    if (store_aws_kms_key_list(cx->store, rq->account, rq->region, marker, key_page_add, &page) !=
        STORE_OK) {
        json_decref(page.keys);
        e = aws_kms_fail(rs, AWS_KMS_ERR_INTERNAL, NULL);
        goto out;
    }
    out = json_pack("{s:o}", "Keys", page.keys);
    if (page.more)
        json_object_set_new(out, "NextMarker", json_string(page.last));
    json_object_set_new(out, "Truncated", json_boolean(page.more));
    aws_kms_reply(rs, out);
out:
    json_decref(body);
    return e;
}

/* The common shape of the key state operations: KeyId (key id or key ARN), one change. */
static int key_change(const struct req *rq, struct ctx *cx, struct resp *rs,
                      enum aws_kms_key_change change)
{
    struct aws_kms_key_row k;
    json_t *body = NULL;
    json_int_t days = 30;
    char key_id[400], arn[400];
    const char *ref;
    int present = 0;
    int rc;
    int e;

    if ((e = aws_kms_body(rq, rs, &body)))
        return e;
    if ((e = aws_kms_req_string(body, "KeyId", "keyId", rs, &ref)))
        goto out;
    if (change == AWS_KMS_CHANGE_SCHEDULE_DELETION) {
        char num[32];

        if ((e = aws_kms_opt_int(body, "PendingWindowInDays", rs, &days, &present)))
            goto out;
        snprintf(num, sizeof(num), "%lld", (long long)days);
        if (days < 7 || days > 30) { /* 7..30, default 30 (KMS API reference) */
            e = aws_kms_fail(rs, AWS_KMS_ERR_PENDING_WINDOW, num);
            goto out;
        }
    }
    if ((e = aws_kms_find_key(rq, cx, rs, ref, AWS_KMS_FIND_KEY_ONLY, &k)))
        goto out;
    /* CHOICE: an AWS managed key's state is not the caller's to change. */
    if (!strcmp(k.key_manager, "AWS")) {
        e = aws_kms_fail(rs, AWS_KMS_ERR_MANAGED_KEY, NULL);
        goto out;
    }
    snprintf(key_id, sizeof(key_id), "%s", k.key_id); /* k is overwritten by the call */
    snprintf(arn, sizeof(arn), "%s", k.arn);
    rc = store_aws_kms_key_change(cx->store, rq->account, rq->region, key_id, change, cx->now_ms,
                                  (int)days, &k);
    if (rc == STORE_CONFLICT) {
        e = aws_kms_fail(rs,
                         change == AWS_KMS_CHANGE_CANCEL_DELETION ? AWS_KMS_ERR_NOT_PENDING_DELETION
                                                                  : AWS_KMS_ERR_PENDING_DELETION,
                         arn);
        goto out;
    }
    if (rc == STORE_NOT_FOUND) {
        e = aws_kms_fail(rs, AWS_KMS_ERR_KEY_NOT_FOUND, arn);
        goto out;
    }
    if (rc != STORE_OK) {
        e = aws_kms_fail(rs, AWS_KMS_ERR_INTERNAL, NULL);
        goto out;
    }
    /* ScheduleKeyDeletion and CancelKeyDeletion name the key by its ARN (KMS API reference). */
    if (change == AWS_KMS_CHANGE_SCHEDULE_DELETION)
        aws_kms_reply(rs, json_pack("{s:s, s:o, s:s, s:i}", "KeyId", k.arn, "DeletionDate",
                                    aws_kms_date(k.deletion_ms), "KeyState", k.key_state,
                                    "PendingWindowInDays", (int)days));
    else if (change == AWS_KMS_CHANGE_CANCEL_DELETION)
        aws_kms_reply(rs, json_pack("{s:s}", "KeyId", k.arn));
    else
        aws_kms_reply(rs, NULL);
out:
    json_decref(body);
    return e;
}

/* EnableKey: POST / X-Amz-Target TrentService.EnableKey */
int aws_kms_enable_key(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    return key_change(rq, cx, rs, AWS_KMS_CHANGE_ENABLE);
}

/* DisableKey: POST / X-Amz-Target TrentService.DisableKey */
int aws_kms_disable_key(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    return key_change(rq, cx, rs, AWS_KMS_CHANGE_DISABLE);
}

/* ScheduleKeyDeletion: POST / X-Amz-Target TrentService.ScheduleKeyDeletion */
int aws_kms_schedule_key_deletion(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    return key_change(rq, cx, rs, AWS_KMS_CHANGE_SCHEDULE_DELETION);
}

/* CancelKeyDeletion: POST / X-Amz-Target TrentService.CancelKeyDeletion */
int aws_kms_cancel_key_deletion(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    return key_change(rq, cx, rs, AWS_KMS_CHANGE_CANCEL_DELETION);
}
