/* os_bucket.c - Object Storage bucket operations: CreateBucket, GetBucket, HeadBucket,
 * UpdateBucket, ListBuckets, DeleteBucket (§1.1). Buckets live per namespace and region; the
 * Vault key and security-zone rules are in os_bucket_rules.c. */
#include "os.h"

#include "../oci_common.h"
#include "../oci_ocid.h"
#include "os_bucket_json.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define OS_LIST_DEFAULT 25
#define OS_LIST_MAX     1000

/* Which fields a CreateBucketDetails / UpdateBucketDetails body sets. */
#define SET_NAME        (1u << 0)
#define SET_COMPARTMENT (1u << 1)
#define SET_METADATA    (1u << 2)
#define SET_PUBLIC      (1u << 3)
#define SET_TIER        (1u << 4)
#define SET_EVENTS      (1u << 5)
#define SET_FREEFORM    (1u << 6)
#define SET_DEFINED     (1u << 7)
#define SET_KMS         (1u << 8)
#define SET_BUCKET_KEY  (1u << 9)
#define SET_VERSIONING  (1u << 10)
#define SET_TIERING     (1u << 11)

/* A parsed details body; strings and objects are borrowed from the body's JSON. */
struct os_details {
    unsigned set;
    const char *name;
    const char *compartment_id;
    json_t *metadata;
    const char *public_access_type;
    const char *storage_tier;
    int object_events_enabled;
    json_t *freeform_tags;
    json_t *defined_tags;
    const char *kms_key_id; /* "" on update: remove the key */
    int is_bucket_key_enabled;
    const char *versioning;
    const char *auto_tiering;
};

/* A create or update: the details, the new etag, and where the change callback's refusal goes. */
struct os_change {
    struct os_details d;
    char etag[41];
    int create;
    struct os_rule_fail fail;
};

static int one_of(const char *v, const char *const *allowed)
{
    for (size_t i = 0; allowed[i]; i++)
        if (!strcmp(v, allowed[i]))
            return 1;
    return 0;
}

/* 400 InvalidBucketProperty naming the field and its value as sent. */
static int bad_property(struct resp *rs, struct ctx *cx, const char *field, const json_t *v)
{
    char *text = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
    int e = os_fail2(rs, cx, OCI_ERR_OS_INVALID_PROPERTY, text ? text : "?", field);

    free(text);
    return e;
}

/* Reads an enum-valued string field. 0 when absent or null, 1 when set, or the error answered. */
static int enum_field(struct resp *rs, struct ctx *cx, json_t *body, const char *field,
                      const char *const *allowed, const char **out)
{
    json_t *v = json_object_get(body, field);

    if (!v || json_is_null(v))
        return 0;
    if (!json_is_string(v) || !one_of(json_string_value(v), allowed))
        return -bad_property(rs, cx, field, v);
    *out = json_string_value(v);
    return 1;
}

static int bool_field(struct resp *rs, struct ctx *cx, json_t *body, const char *field, int *out)
{
    json_t *v = json_object_get(body, field);

    if (!v || json_is_null(v))
        return 0;
    if (!json_is_boolean(v))
        return -bad_property(rs, cx, field, v);
    *out = json_is_true(v);
    return 1;
}

/* A map of strings (string or, when allow_null, null values). */
static int string_map_ok(const json_t *m, int allow_null)
{
    const char *k;
    json_t *v;

    if (!json_is_object(m))
        return 0;
    json_object_foreach((json_t *)m, k, v)
    {
        if (!json_is_string(v) && !(allow_null && json_is_null(v)))
            return 0;
    }
    return 1;
}

static int defined_tags_ok(const json_t *m)
{
    const char *k;
    json_t *v;

    if (!json_is_object(m))
        return 0;
    json_object_foreach((json_t *)m, k, v)
    {
        if (!json_is_object(v))
            return 0;
    }
    return 1;
}

#define FIELD(expr)      \
    do {                 \
        int r_ = (expr); \
        if (r_ < 0)      \
            return -r_;  \
    } while (0)

/* Parses CreateBucketDetails (update 0) or UpdateBucketDetails (update 1) (§1.2, §1.3). Returns
 * 0, or the error it answered. Explicit nulls count as absent (§1.3). */
static int parse_details(const struct req *rq, struct ctx *cx, struct resp *rs, json_t *body,
                         int update, struct os_details *d)
{
    static const char *const access[] = { "NoPublicAccess", "ObjectRead", "ObjectReadWithoutList",
                                          NULL };
    static const char *const tiers[] = { "Standard", "Archive", NULL };
    static const char *const vers_create[] = { "Enabled", "Disabled", NULL };
    static const char *const vers_update[] = { "Enabled", "Suspended", NULL };
    static const char *const tiering[] = { "Disabled", "InfrequentAccess", NULL };
    json_t *v;
    int r;

    memset(d, 0, sizeof(*d));
    v = json_object_get(body, "name");
    if (v && !json_is_null(v)) {
        if (!json_is_string(v)) {
            char *text = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
            int e = oci_fail(rs, cx, OCI_ERR_OS_INVALID_BUCKET_NAME, text);

            free(text);
            return e;
        }
        if (!os_rules_bucket_name_ok(json_string_value(v)))
            return oci_fail(rs, cx, OCI_ERR_OS_INVALID_BUCKET_NAME, json_string_value(v));
        d->name = json_string_value(v);
        d->set |= SET_NAME;
    } else if (!update) {
        return oci_fail(rs, cx, OCI_ERR_OS_MISSING_BUCKET_NAME, NULL);
    }
    v = json_object_get(body, "compartmentId");
    if (v && !json_is_null(v)) {
        struct ocid o;

        if (!json_is_string(v) || ocid_parse(json_string_value(v), &o) ||
            (strcmp(o.type, "compartment") && strcmp(o.type, "tenancy"))) {
            char *text = json_is_string(v) ? NULL : json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
            int e = oci_fail(rs, cx, OCI_ERR_OS_INVALID_COMPARTMENT,
                             text ? text : json_string_value(v));

            free(text);
            return e;
        }
        d->compartment_id = json_string_value(v);
        d->set |= SET_COMPARTMENT;
    } else if (!update) {
        return oci_fail(rs, cx, OCI_ERR_OS_MISSING_COMPARTMENT, NULL);
    }
    v = json_object_get(body, "metadata");
    if (v && !json_is_null(v)) {
        if (!string_map_ok(v, update)) {
            char *text = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
            int e = oci_fail(rs, cx, OCI_ERR_OS_INVALID_METADATA, text);

            free(text);
            return e;
        }
        d->metadata = v;
        d->set |= SET_METADATA;
    }
    FIELD(r = enum_field(rs, cx, body, "publicAccessType", access, &d->public_access_type));
    d->set |= r ? SET_PUBLIC : 0;
    if (!update) { /* storageTier cannot change after create (§1.2) */
        FIELD(r = enum_field(rs, cx, body, "storageTier", tiers, &d->storage_tier));
        d->set |= r ? SET_TIER : 0;
    }
    FIELD(r = bool_field(rs, cx, body, "objectEventsEnabled", &d->object_events_enabled));
    d->set |= r ? SET_EVENTS : 0;
    v = json_object_get(body, "freeformTags");
    if (v && !json_is_null(v)) {
        if (!string_map_ok(v, 0))
            return bad_property(rs, cx, "freeformTags", v);
        d->freeform_tags = v;
        d->set |= SET_FREEFORM;
    }
    v = json_object_get(body, "definedTags");
    if (v && !json_is_null(v)) {
        if (!defined_tags_ok(v))
            return bad_property(rs, cx, "definedTags", v);
        d->defined_tags = v;
        d->set |= SET_DEFINED;
    }
    v = json_object_get(body, "kmsKeyId");
    if (v && !json_is_null(v)) { /* kmsKeyId null = absent (§1.3) */
        if (!json_is_string(v))
            return bad_property(rs, cx, "kmsKeyId", v);
        d->kms_key_id = json_string_value(v);
        /* CHOICE: on create, "" means no key (Oracle-managed), as when absent */
        if (update || d->kms_key_id[0])
            d->set |= SET_KMS;
        if (d->kms_key_id[0]) {
            struct os_rule_fail f;

            if (os_rules_key_syntax(d->kms_key_id, rq->region, &f))
                return os_rules_answer(rs, cx, &f);
        }
    }
    FIELD(r = bool_field(rs, cx, body, "isBucketKeyEnabled", &d->is_bucket_key_enabled));
    d->set |= r ? SET_BUCKET_KEY : 0;
    v = json_object_get(body, "versioning");
    if (update && json_is_string(v) && !strcmp(json_string_value(v), "Disabled"))
        return oci_fail(rs, cx, OCI_ERR_OS_VERSIONING_DISABLE, NULL);
    FIELD(r = enum_field(rs, cx, body, "versioning", update ? vers_update : vers_create,
                         &d->versioning));
    d->set |= r ? SET_VERSIONING : 0;
    FIELD(r = enum_field(rs, cx, body, "autoTiering", tiering, &d->auto_tiering));
    d->set |= r ? SET_TIERING : 0;
    return 0;
}

/* metadata merge: keys of patch overwrite, a null value deletes the key (§1.3). */
static int merge_metadata(struct os_bucket *b, json_t *patch)
{
    json_t *cur = b->metadata ? json_loads(b->metadata, 0, NULL) : NULL;
    const char *k;
    json_t *v;
    char *text;
    int rc;

    if (!json_is_object(cur)) {
        json_decref(cur);
        cur = json_object();
    }
    json_object_foreach(patch, k, v)
    {
        if (json_is_null(v))
            json_object_del(cur, k);
        else
            json_object_set(cur, k, v);
    }
    text = json_dumps(cur, JSON_COMPACT | JSON_SORT_KEYS);
    json_decref(cur);
    if (!text)
        return -1;
    rc = os_bucket_set_text(&b->metadata, text);
    free(text);
    return rc;
}

/* 200 with the Bucket of b and its ETag */
static void answer_bucket(const struct req *rq, struct resp *rs, const struct os_bucket *b,
                          unsigned fields)
{
    struct jw w = { 0 };

    os_bucket_json(&w, b, fields);
    oci_answer_jw(rq, rs, &w, b->etag);
}

static int set_json(char **slot, json_t *v)
{
    char *text = json_dumps(v, JSON_COMPACT | JSON_SORT_KEYS);
    int rc;

    if (!text)
        return -1;
    rc = os_bucket_set_text(slot, text);
    free(text);
    return rc;
}

/* The change callback of Create and Update: applies the details to b, then checks the key and
 * the security zone, inside the write's transaction. */
static int apply_change(struct store *st, void *arg, struct os_bucket *b)
{
    struct os_change *c = arg;
    const struct os_details *d = &c->d;
    unsigned touched = c->create ? OS_TOUCH_KEY | OS_TOUCH_PUBLIC : 0;

    c->fail.err = 0;
    if (!c->create) {
        if (d->set & SET_NAME)
            snprintf(b->name, sizeof(b->name), "%s", d->name);
        /* a bucket moved to another compartment must satisfy the zone it moves into */
        if ((d->set & SET_COMPARTMENT) && strcmp(b->compartment_id, d->compartment_id)) {
            snprintf(b->compartment_id, sizeof(b->compartment_id), "%s", d->compartment_id);
            touched |= OS_TOUCH_KEY | OS_TOUCH_PUBLIC;
        }
        if ((d->set & SET_METADATA) && merge_metadata(b, d->metadata))
            goto oom;
        if (d->set & SET_PUBLIC)
            snprintf(b->public_access_type, sizeof(b->public_access_type), "%s",
                     d->public_access_type);
        if (d->set & SET_EVENTS)
            b->object_events_enabled = d->object_events_enabled;
        if ((d->set & SET_FREEFORM) && set_json(&b->freeform_tags, d->freeform_tags))
            goto oom;
        if ((d->set & SET_DEFINED) && set_json(&b->defined_tags, d->defined_tags))
            goto oom;
        if (d->set & SET_KMS) /* "" removes the key: stored NULL, shown null (§1.3) */
            snprintf(b->kms_key_id, sizeof(b->kms_key_id), "%s", d->kms_key_id);
        if (d->set & SET_BUCKET_KEY)
            b->is_bucket_key_enabled = d->is_bucket_key_enabled;
        if (d->set & SET_VERSIONING)
            snprintf(b->versioning, sizeof(b->versioning), "%s", d->versioning);
        if (d->set & SET_TIERING)
            snprintf(b->auto_tiering, sizeof(b->auto_tiering), "%s", d->auto_tiering);
        touched |=
            ((d->set & SET_KMS) ? OS_TOUCH_KEY : 0) | ((d->set & SET_PUBLIC) ? OS_TOUCH_PUBLIC : 0);
    }
    if ((d->set & SET_KMS) && d->kms_key_id[0] && os_rules_key_usable(st, d->kms_key_id, &c->fail))
        return c->fail.err;
    if (os_rules_zone(st, b, touched, &c->fail))
        return c->fail.err;
    /* CHOICE: every successful UpdateBucket is a change and gets a new etag */
    snprintf(b->etag, sizeof(b->etag), "%s", c->etag);
    return 0;
oom:
    c->fail.err = OCI_ERR_INTERNAL;
    return c->fail.err;
}

/* The start of CreateBucket (create 1) and UpdateBucket: the namespace check, then the body's
 * details into c. Returns 0 or the error answered; *body is the caller's. */
static int begin_change(const struct req *rq, struct ctx *cx, struct resp *rs, int create,
                        json_t **body, struct os_change *c)
{
    int err = os_check_namespace(rq, cx, rs, rq->param[0]);

    memset(c, 0, sizeof(*c));
    c->create = create;
    if (!err)
        err = oci_body_object(rq, cx, rs, body); /* an empty body is {} (§1.3) */
    if (!err)
        err = parse_details(rq, cx, rs, *body, !create, &c->d);
    return err;
}

/* Answers a failed bucket write: rc for the bucket of the path, or new_name when a create or
 * rename found its name taken; c's refusal for STORE_CONFLICT. */
static int write_fail(const struct req *rq, struct ctx *cx, struct resp *rs, int rc,
                      const char *new_name, const struct os_change *c)
{
    const char *ns = rq->param[0];

    switch (rc) {
    case STORE_NOT_FOUND:
        return os_fail2(rs, cx, OCI_ERR_OS_BUCKET_NOT_FOUND, rq->param[1], ns);
    case STORE_ETAG_MISMATCH:
        return oci_fail(rs, cx, OCI_ERR_OS_IF_MATCH_FAILED, req_header(rq, "if-match"));
    case STORE_CONFLICT: /* only a change callback refuses */
        return c ? os_rules_answer(rs, cx, &c->fail) : oci_fail(rs, cx, OCI_ERR_INTERNAL, NULL);
    case STORE_EXISTS:
        return os_fail2(rs, cx, OCI_ERR_OS_BUCKET_EXISTS, new_name, ns);
    default:
        return oci_fail(rs, cx, OCI_ERR_INTERNAL, NULL);
    }
}

/* CreateBucket: POST /n/{namespaceName}/b */
int os_create_bucket(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    const char *ns = rq->param[0];
    const struct oci_region *region = oci_region_find(rq->region);
    const struct os_details *d;
    struct os_change c;
    struct os_bucket b;
    json_t *body = NULL;
    int err;
    int rc;

    os_bucket_init(&b);
    err = begin_change(rq, cx, rs, 1, &body, &c);
    d = &c.d;
    if (err)
        goto out;
    ocid_new(cx->ids, "bucket", region ? region->realm : "oc1", rq->region, NULL, b.id,
             sizeof(b.id));
    snprintf(b.ns, sizeof(b.ns), "%s", ns);
    snprintf(b.region, sizeof(b.region), "%s", rq->region);
    snprintf(b.name, sizeof(b.name), "%s", d->name);
    snprintf(b.compartment_id, sizeof(b.compartment_id), "%s", d->compartment_id);
    snprintf(b.created_by, sizeof(b.created_by), "%s", rq->user);
    b.time_created_ms = cx->now_ms;
    oci_new_etag(rq, cx, c.etag);
    snprintf(b.etag, sizeof(b.etag), "%s", c.etag);
    snprintf(b.public_access_type, sizeof(b.public_access_type), "%s",
             d->public_access_type ? d->public_access_type : "NoPublicAccess");
    snprintf(b.storage_tier, sizeof(b.storage_tier), "%s",
             d->storage_tier ? d->storage_tier : "Standard");
    b.object_events_enabled = d->object_events_enabled;
    snprintf(b.kms_key_id, sizeof(b.kms_key_id), "%s", d->kms_key_id ? d->kms_key_id : "");
    b.is_bucket_key_enabled = d->is_bucket_key_enabled;
    snprintf(b.versioning, sizeof(b.versioning), "%s", d->versioning ? d->versioning : "Disabled");
    snprintf(b.auto_tiering, sizeof(b.auto_tiering), "%s",
             d->auto_tiering ? d->auto_tiering : "Disabled");
    if ((d->metadata && set_json(&b.metadata, d->metadata)) ||
        (d->freeform_tags && set_json(&b.freeform_tags, d->freeform_tags)) ||
        (d->defined_tags && set_json(&b.defined_tags, d->defined_tags))) {
        err = oci_fail(rs, cx, OCI_ERR_INTERNAL, NULL);
        goto out;
    }
    rc = store_os_bucket_create(cx->store, &b, apply_change, &c);
    if (rc) {
        err = write_fail(rq, cx, rs, rc, d->name, &c);
    } else {
        answer_bucket(rq, rs, &b, 0);
        resp_headerf(rs, "Location", "%s/n/%s/b/%s", rq->endpoint, ns, b.name);
    }
out:
    json_decref(body);
    os_bucket_release(&b);
    return err;
}

/* Reads GetBucket's fields, repeated (fields=a&fields=b) or comma-joined (§1.1). */
static int get_fields(const struct req *rq, struct ctx *cx, struct resp *rs, unsigned *out)
{
    static const char allowed[] = "approximateCount, approximateSize, autoTiering";

    *out = 0;
    for (size_t i = 0; i < rq->nquery; i++) {
        const char *p = rq->query[i].value;

        if (strcmp(rq->query[i].name, "fields"))
            continue;
        while (*p) {
            size_t n = strcspn(p, ",");
            char one[64];

            snprintf(one, sizeof(one), "%.*s", (int)(n < 63 ? n : 63), p);
            if (!strcmp(one, "approximateCount"))
                *out |= OS_FIELD_APPROX_COUNT;
            else if (!strcmp(one, "approximateSize"))
                *out |= OS_FIELD_APPROX_SIZE;
            else if (!strcmp(one, "autoTiering"))
                *out |= OS_FIELD_AUTO_TIERING;
            else if (n) /* CHOICE: an unknown field is 400 InvalidParameter */
                return os_fail2(rs, cx, OCI_ERR_OS_INVALID_FIELDS, one, allowed);
            p += n;
            if (*p == ',')
                p++;
        }
    }
    return 0;
}

/* GetBucket: GET /n/{namespaceName}/b/{bucketName} */
int os_get_bucket(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    const char *ns = rq->param[0];
    const char *name = rq->param[1];
    const char *inm = req_header(rq, "if-none-match");
    struct os_bucket b;
    unsigned fields = 0;
    int err;

    os_bucket_init(&b);
    err = os_check_namespace(rq, cx, rs, ns);
    if (!err)
        err = get_fields(rq, cx, rs, &fields);
    if (err)
        goto out;
    if (store_os_bucket_get(cx->store, ns, rq->region, name, &b) != STORE_OK) {
        err = os_fail2(rs, cx, OCI_ERR_OS_BUCKET_NOT_FOUND, name, ns);
    } else if (!oci_if_match_ok(rq, b.etag)) {
        err = oci_fail(rs, cx, OCI_ERR_OS_IF_MATCH_FAILED, req_header(rq, "if-match"));
    } else if (inm && !strcmp(inm, b.etag)) { /* §1.1: 304, no body */
        resp_status(rs, 304);
        rs->no_body = 1;
        oci_set_etag(rq, rs, b.etag);
    } else {
        answer_bucket(rq, rs, &b, fields);
    }
out:
    os_bucket_release(&b);
    return err;
}

/* HeadBucket: HEAD /n/{namespaceName}/b/{bucketName}  (no body, ever: §1.1) */
int os_head_bucket(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    const char *ns = rq->param[0];
    const char *inm = req_header(rq, "if-none-match");
    struct os_bucket b;
    char mine[13];
    int err = 0;

    os_bucket_init(&b);
    rs->no_body = 1;
    oci_namespace_of(rq->account, mine);
    if (strcmp(ns, mine) ||
        store_os_bucket_get(cx->store, ns, rq->region, rq->param[1], &b) != STORE_OK) {
        resp_status(rs, 404);
        err = strcmp(ns, mine) ? OCI_ERR_OS_NAMESPACE_NOT_FOUND : OCI_ERR_OS_BUCKET_NOT_FOUND;
    } else if (!oci_if_match_ok(rq, b.etag)) {
        resp_status(rs, 412);
        err = OCI_ERR_OS_IF_MATCH_FAILED;
    } else {
        resp_status(rs, inm && !strcmp(inm, b.etag) ? 304 : 200);
        oci_set_etag(rq, rs, b.etag);
    }
    os_bucket_release(&b);
    return err;
}

/* UpdateBucket: POST /n/{namespaceName}/b/{bucketName} */
int os_update_bucket(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    struct os_change c;
    struct os_bucket b;
    json_t *body = NULL;
    int err;
    int rc;

    os_bucket_init(&b);
    err = begin_change(rq, cx, rs, 0, &body, &c);
    if (err)
        goto out;
    oci_new_etag(rq, cx, c.etag);
    rc = store_os_bucket_update(cx->store, rq->param[0], rq->region, rq->param[1],
                                req_header(rq, "if-match"), apply_change, &c, &b);
    if (rc)
        err = write_fail(rq, cx, rs, rc, c.d.name, &c);
    else
        answer_bucket(rq, rs, &b, 0);
out:
    json_decref(body);
    os_bucket_release(&b);
    return err;
}

/* ListBuckets: GET /n/{namespaceName}/b?compartmentId=...&limit&page&fields=tags */
int os_list_buckets(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    const char *ns = rq->param[0];
    const char *comp = req_query(rq, "compartmentId");
    const char *page = NULL;
    struct os_bucket *list = NULL;
    char next[OS_BUCKET_NAME_MAX + 1];
    size_t n = 0;
    int tags = 0;
    int limit;
    int err;
    struct jw w = { 0 };

    err = os_check_namespace(rq, cx, rs, ns);
    if (err)
        return err;
    if (!comp || !*comp)
        return oci_fail(rs, cx, OCI_ERR_OS_MISSING_COMPARTMENT, NULL);
    err = oci_page_params(rq, cx, rs, OS_LIST_DEFAULT, OS_LIST_MAX, &limit, &page);
    if (err)
        return err;
    for (size_t i = 0; i < rq->nquery; i++) /* fields=tags is the only value (§1.1) */
        if (!strcmp(rq->query[i].name, "fields") && strstr(rq->query[i].value, "tags"))
            tags = 1;
    /* the page token is the name of the first bucket of the page, as OCI's */
    if (store_os_bucket_list(cx->store, ns, rq->region, comp, page, limit, &list, &n, next,
                             sizeof(next)) != STORE_OK) {
        os_bucket_list_free(list, n);
        return oci_fail(rs, cx, OCI_ERR_INTERNAL, NULL);
    }
    jw_open(&w, '[');
    for (size_t i = 0; i < n; i++)
        os_bucket_summary_json(&w, &list[i], tags);
    jw_close(&w, ']');
    os_bucket_list_free(list, n);
    oci_json_jw(rs, 200, &w);
    if (next[0])
        resp_header(rs, "opc-next-page", next);
    return 0;
}

/* DeleteBucket: DELETE /n/{namespaceName}/b/{bucketName} -> 204 */
int os_delete_bucket(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    const char *ns = rq->param[0];
    const char *name = rq->param[1];
    int err = os_check_namespace(rq, cx, rs, ns);
    int rc;

    if (err)
        return err;
    rc = store_os_bucket_delete(cx->store, ns, rq->region, name, req_header(rq, "if-match"));
    if (rc)
        return write_fail(rq, cx, rs, rc, NULL, NULL);
    oci_no_content(rs);
    return 0;
}
