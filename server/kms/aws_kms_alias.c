/* aws_kms_alias.c - AWS KMS alias operations: CreateAlias, UpdateAlias, DeleteAlias and
 * ListAliases, with the AWS managed alias/aws/... names AWS lists in every region. */
#include "aws_kms_handlers.h"
#include "aws_kms_ids.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* CHOICE: the predefined AWS aliases ListAliases shows (LocalStack's list; AWS's grows over
 * time). Each is listed without TargetKeyId until its AWS managed key exists. */
static const char *const aws_managed_aliases[] = {
    "alias/aws/acm", "alias/aws/dynamodb", "alias/aws/ebs",          "alias/aws/elasticfilesystem",
    "alias/aws/es",  "alias/aws/glue",     "alias/aws/kinesisvideo", "alias/aws/lambda",
    "alias/aws/rds", "alias/aws/redshift", "alias/aws/s3",           "alias/aws/secretsmanager",
    "alias/aws/ssm", "alias/aws/xray",
};

/* Checks an AliasName the caller wants to write (create, update, delete). */
static int alias_name_check(struct resp *rs, const char *name)
{
    if (!aws_kms_alias_prefixed(name)) /* AWS-rec test_create_alias */
        return aws_kms_fail(rs, AWS_KMS_ERR_ALIAS_PREFIX, NULL);
    if (strlen(name) > AWS_KMS_ALIAS_MAX)
        return aws_kms_fail(rs, AWS_KMS_ERR_ALIAS_LENGTH, name);
    if (!aws_kms_alias_name_valid(name))
        return aws_kms_fail(rs, AWS_KMS_ERR_ALIAS_PATTERN, name);
    if (aws_kms_alias_reserved(name)) /* alias/aws/ is reserved for AWS managed keys (§4.1) */
        return aws_kms_fail(rs, AWS_KMS_ERR_ALIAS_RESERVED, NULL);
    if (strchr(name, ':'))
        return aws_kms_fail(rs, AWS_KMS_ERR_ALIAS_COLON, name);
    return 0;
}

/* Reads AliasName and TargetKeyId and finds the target key (key id or key ARN only). */
static int alias_write_args(const struct req *rq, struct ctx *cx, struct resp *rs, json_t *body,
                            const char **name, struct aws_kms_key_row *key)
{
    const char *target;
    int e;

    if ((e = aws_kms_req_string(body, "AliasName", "aliasName", rs, name)) ||
        (e = aws_kms_req_string(body, "TargetKeyId", "targetKeyId", rs, &target)) ||
        (e = alias_name_check(rs, *name)))
        return e;
    if (aws_kms_alias_prefixed(target) ||
        (!strncmp(target, "arn:", 4) && strstr(target, ":alias/")))
        return aws_kms_fail(rs, AWS_KMS_ERR_ALIAS_TARGET_ALIAS, NULL);
    return aws_kms_find_key(rq, cx, rs, target, AWS_KMS_FIND_KEY_ONLY, key);
}

static int alias_write_fail(const struct req *rq, struct resp *rs, int rc, const char *name,
                            const struct aws_kms_key_row *key)
{
    char arn[AWS_KMS_ARN_MAX];

    switch (rc) {
    case AWS_KMS_ALIAS_EXISTS: /* the alias ARN, not its name (LocalStack, moto) */
        aws_kms_alias_arn(arn, sizeof(arn), rq->region, rq->account, name);
        return aws_kms_fail(rs, AWS_KMS_ERR_ALIAS_EXISTS, arn);
    case AWS_KMS_ALIAS_NOT_FOUND:
        aws_kms_alias_arn(arn, sizeof(arn), rq->region, rq->account, name);
        return aws_kms_fail(rs, AWS_KMS_ERR_ALIAS_NOT_FOUND, arn);
    case AWS_KMS_ALIAS_KEY_NOT_FOUND:
        return aws_kms_fail(rs, AWS_KMS_ERR_KEY_NOT_FOUND, key->arn);
    case AWS_KMS_ALIAS_KEY_PENDING: /* KMS developer guide, key states: target pending deletion */
        return aws_kms_fail(rs, AWS_KMS_ERR_PENDING_DELETION, key->arn);
    default:
        return aws_kms_fail(rs, AWS_KMS_ERR_INTERNAL, NULL);
    }
}

/* CreateAlias: POST / X-Amz-Target TrentService.CreateAlias */
int aws_kms_create_alias(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    struct aws_kms_key_row key, now;
    json_t *body = NULL;
    const char *name;
    int rc;
    int e;

    if ((e = aws_kms_body(rq, rs, &body)))
        return e;
    if (!(e = alias_write_args(rq, cx, rs, body, &name, &key))) {
        rc = store_aws_kms_alias_create(cx->store, rq->account, rq->region, name, key.key_id,
                                        cx->now_ms, &now);
        if (rc == AWS_KMS_ALIAS_OK)
            aws_kms_reply(rs, NULL);
        else
            e = alias_write_fail(rq, rs, rc, name, now.arn[0] ? &now : &key);
    }
    json_decref(body);
    return e;
}

/* UpdateAlias: POST / X-Amz-Target TrentService.UpdateAlias */
int aws_kms_update_alias(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    struct aws_kms_key_row key, now;
    json_t *body = NULL;
    const char *name;
    int rc;
    int e;

    if ((e = aws_kms_body(rq, rs, &body)))
        return e;
    if (!(e = alias_write_args(rq, cx, rs, body, &name, &key))) {
        rc = store_aws_kms_alias_update(cx->store, rq->account, rq->region, name, key.key_id,
                                        cx->now_ms, &now);
        if (rc == AWS_KMS_ALIAS_OK)
            aws_kms_reply(rs, NULL);
        else
            e = alias_write_fail(rq, rs, rc, name, now.arn[0] ? &now : &key);
    }
    json_decref(body);
    return e;
}

/* DeleteAlias: POST / X-Amz-Target TrentService.DeleteAlias */
int aws_kms_delete_alias(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    json_t *body = NULL;
    const char *name;
    int rc;
    int e;

    if ((e = aws_kms_body(rq, rs, &body)))
        return e;
    if (!(e = aws_kms_req_string(body, "AliasName", "aliasName", rs, &name)) &&
        !(e = alias_name_check(rs, name))) {
        rc = store_aws_kms_alias_delete(cx->store, rq->account, rq->region, name);
        if (rc == AWS_KMS_ALIAS_OK)
            aws_kms_reply(rs, NULL);
        else
            e = alias_write_fail(rq, rs, rc, name, NULL);
    }
    json_decref(body);
    return e;
}

/* One alias to list; target "" for a predefined AWS alias without its key. */
struct alias_item {
    struct aws_kms_alias_row row;
};

struct alias_set {
    struct alias_item *v;
    size_t n, cap;
};

static int alias_set_add(void *arg, const struct aws_kms_alias_row *a)
{
    struct alias_set *s = arg;

    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 32;
        struct alias_item *v = realloc(s->v, cap * sizeof(*v));

        if (!v)
            return 1;
        s->v = v;
        s->cap = cap;
    }
    s->v[s->n++].row = *a;
    return 0;
}

static int alias_cmp(const void *a, const void *b)
{
    return strcmp(((const struct alias_item *)a)->row.alias_name,
                  ((const struct alias_item *)b)->row.alias_name);
}

static int alias_listed(const struct alias_set *s, const char *name)
{
    for (size_t i = 0; i < s->n; i++)
        if (!strcmp(s->v[i].row.alias_name, name))
            return 1;
    return 0;
}

static json_t *alias_entry(const struct req *rq, const struct aws_kms_alias_row *a)
{
    char arn[AWS_KMS_ARN_MAX];
    json_t *o;

    aws_kms_alias_arn(arn, sizeof(arn), rq->region, rq->account, a->alias_name);
    o = json_pack("{s:s, s:s}", "AliasName", a->alias_name, "AliasArn", arn);
    if (a->key_id[0]) {
        json_object_set_new(o, "TargetKeyId", json_string(a->key_id));
        json_object_set_new(o, "CreationDate", aws_kms_date(a->created_ms));
        json_object_set_new(o, "LastUpdatedDate", aws_kms_date(a->updated_ms));
    }
    return o;
}

/* ListAliases: POST / X-Amz-Target TrentService.ListAliases. Aliases in name order; the marker
 * is the last alias name of the previous page. */
int aws_kms_list_aliases(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    struct alias_set set = { NULL, 0, 0 };
    struct aws_kms_key_row key;
    const char *ref, *marker;
    json_t *body = NULL;
    json_t *list, *out;
    const char *last = NULL;
    int limit = 0, n = 0;
    size_t i;
    int e;

    if ((e = aws_kms_body(rq, rs, &body)))
        return e;
    if ((e = aws_kms_opt_string(body, "KeyId", rs, &ref)) ||
        (e = aws_kms_limit(body, rs, &limit)) ||
        (e = aws_kms_opt_string(body, "Marker", rs, &marker)))
        goto out;
    if (marker && !aws_kms_alias_prefixed(marker)) {
        e = aws_kms_fail(rs, AWS_KMS_ERR_INVALID_MARKER, NULL);
        goto out;
    }
    if (ref && (e = aws_kms_find_key(rq, cx, rs, ref, AWS_KMS_FIND_KEY_ONLY, &key)))
        goto out;
    if (store_aws_kms_alias_list(cx->store, rq->account, rq->region, ref ? key.key_id : NULL,
                                 alias_set_add, &set) != STORE_OK) {
        e = aws_kms_fail(rs, AWS_KMS_ERR_INTERNAL, NULL);
        goto out;
    }
    for (i = 0; !ref && i < sizeof(aws_managed_aliases) / sizeof(aws_managed_aliases[0]); i++) {
        struct aws_kms_alias_row a;

        if (alias_listed(&set, aws_managed_aliases[i]))
            continue;
        memset(&a, 0, sizeof(a));
        snprintf(a.alias_name, sizeof(a.alias_name), "%s", aws_managed_aliases[i]);
        if (alias_set_add(&set, &a)) {
            e = aws_kms_fail(rs, AWS_KMS_ERR_INTERNAL, NULL);
            goto out;
        }
    }
    if (set.n)
        qsort(set.v, set.n, sizeof(set.v[0]), alias_cmp);
    list = json_array();
    for (i = 0; i < set.n; i++) {
        if (marker && strcmp(set.v[i].row.alias_name, marker) <= 0)
            continue;
        if (n == limit)
            break;
        json_array_append_new(list, alias_entry(rq, &set.v[i].row));
        last = set.v[i].row.alias_name;
        n++;
    }
    out = json_pack("{s:o}", "Aliases", list);
    if (i < set.n)
        json_object_set_new(out, "NextMarker", json_string(last));
    json_object_set_new(out, "Truncated", json_boolean(i < set.n));
    aws_kms_reply(rs, out);
out:
    free(set.v);
    json_decref(body);
    return e;
}
