/* s3_bucket.c - CreateBucket, HeadBucket, ListBuckets, DeleteBucket, GetBucketLocation (s3-spec
 * §6); CreateBucket hands directory buckets to s3_directory.c (§3). */
#include "s3.h"
#include "s3_access.h"
#include "s3_bucket_name.h"
#include "s3_directory.h"
#include "s3_handlers.h"

#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CREATE_MAX_CHILDREN 8

static int blank_body(const struct req *rq)
{
    for (size_t i = 0; i < rq->body_len; i++)
        if (!strchr(" \t\r\n", rq->body[i]))
            return 0;
    return 1;
}

/* The two leaf children of a directory part (<Location><Type/><Name/>, <Bucket><Type/>
 * <DataRedundancy/>), each at most once, into a and b. */
static int parse_pair(const xmlNode *n, const char *name_a, char *a, size_t na, const char *name_b,
                      char *b, size_t nb)
{
    const xmlNode *c[3];
    int k = s3_xml_children(n, c, 2);

    if (k < 0)
        return S3_ERR_MALFORMED_XML;
    for (int i = 0; i < k; i++) {
        char *t = s3_xml_text(c[i]);
        char *dst = s3_xml_is(c[i], name_a) ? a : (s3_xml_is(c[i], name_b) ? b : NULL);
        size_t dn = dst == a ? na : nb;

        if (!t || !dst || *dst || !*t || strlen(t) >= dn) {
            free(t);
            return S3_ERR_MALFORMED_XML;
        }
        snprintf(dst, dn, "%s", t);
        free(t);
    }
    return S3_OK;
}

/* CreateBucketConfiguration: *constraint gets a malloc'd LocationConstraint, or stays NULL
 * when there is no body; dir gets the directory parts (Location, Bucket). A configuration with
 * neither a LocationConstraint nor a directory part is MalformedXML, as LocalStack answers.
 * CHOICE: Tags are accepted and ignored. */
static int parse_create_config(const struct req *rq, char **constraint, struct s3_dir_config *dir)
{
    xmlDocPtr doc = NULL;
    const xmlNode *c[CREATE_MAX_CHILDREN];
    const xmlNode *root;
    int n, err;

    *constraint = NULL;
    memset(dir, 0, sizeof(*dir));
    if (blank_body(rq))
        return S3_OK;
    err = s3_xml_read(rq->body, rq->body_len, &doc);
    if (err)
        return err;
    root = xmlDocGetRootElement(doc);
    n = s3_xml_is(root, "CreateBucketConfiguration") ? s3_xml_children(root, c, CREATE_MAX_CHILDREN)
                                                     : -1;
    for (int i = 0; i < n && !err; i++) {
        if (s3_xml_is(c[i], "LocationConstraint") && !*constraint) {
            *constraint = s3_xml_text(c[i]);
            if (!*constraint)
                err = S3_ERR_MALFORMED_XML;
        } else if (s3_xml_is(c[i], "Location") && !dir->has_location) {
            dir->has_location = 1;
            err = parse_pair(c[i], "Type", dir->location_type, sizeof(dir->location_type), "Name",
                             dir->location_name, sizeof(dir->location_name));
        } else if (s3_xml_is(c[i], "Bucket") && !dir->has_bucket) {
            dir->has_bucket = 1;
            err = parse_pair(c[i], "Type", dir->bucket_type, sizeof(dir->bucket_type),
                             "DataRedundancy", dir->data_redundancy, sizeof(dir->data_redundancy));
        } else if (!s3_xml_is(c[i], "Tags")) {
            err = S3_ERR_MALFORMED_XML;
        }
    }
    if (n < 0 ||
        (!err && (!*constraint || !**constraint) && !dir->has_location && !dir->has_bucket))
        err = S3_ERR_MALFORMED_XML;
    if (!err && *constraint && !**constraint)
        err = S3_ERR_MALFORMED_XML;
    xmlFreeDoc(doc);
    if (err) {
        free(*constraint);
        *constraint = NULL;
    }
    return err;
}

/* Location and x-amz-bucket-arn of a created bucket (s3-spec §6, AWS-rec). */
static void created(struct resp *rs, const struct s3_bucket_row *b)
{
    if (!strcmp(b->region, "us-east-1"))
        resp_headerf(rs, "Location", "/%s", b->name);
    else
        resp_headerf(rs, "Location", "http://%s.s3.amazonaws.com/", b->name);
    resp_headerf(rs, "x-amz-bucket-arn", "arn:aws:s3:::%s", b->name);
    resp_status(rs, 200);
}

/* CreateBucket: PUT /{bucket} */
int s3_create_bucket(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    const char *bucket = rq->param[0];
    int claimed = s3_directory_name_claimed(bucket);
    char *constraint = NULL;
    struct s3_bucket_row b, existing;
    struct s3_dir_config dir;
    char zone[32];
    struct kv extra;
    int err, rc;

    /* a --x-s3 name is judged by the directory bucket rules (s3-spec §3), any other by §6 */
    if (claimed ? !s3_directory_name_valid(bucket, zone, sizeof(zone))
                : !s3_bucket_name_valid(bucket))
        return s3_fail_bucket(rs, cx, S3_ERR_INVALID_BUCKET_NAME, bucket);
    err = parse_create_config(rq, &constraint, &dir);
    if (err)
        return s3_fail(rs, cx, err);
    if (claimed || dir.has_location || dir.has_bucket) {
        free(constraint);
        return s3_directory_create(rq, cx, rs, &dir, claimed ? zone : NULL);
    }
    memset(&b, 0, sizeof(b));
    err = s3_location_resolve(rq->region, constraint, b.region, sizeof(b.region));
    if (err) {
        extra.name = "LocationConstraint";
        extra.value = constraint;
        s3_fail_ex(rs, cx, err, constraint, &extra, err == S3_ERR_INVALID_LOCATION);
        free(constraint);
        return err;
    }
    free(constraint);
    snprintf(b.name, sizeof(b.name), "%s", bucket);
    snprintf(b.account, sizeof(b.account), "%s", rq->account);
    snprintf(b.kind, sizeof(b.kind), "general");
    b.created_ms = cx->now_ms;

    rc = store_s3_bucket_create(cx->store, &b, &existing);
    if (rc == STORE_EXISTS) {
        if (strcmp(existing.account, rq->account))
            return s3_fail_bucket(rs, cx, S3_ERR_BUCKET_EXISTS, bucket);
        /* us-east-1's legacy: re-creating your own us-east-1 bucket there answers 200 */
        if (!strcmp(b.region, "us-east-1") && !strcmp(existing.region, "us-east-1")) {
            created(rs, &existing);
            return S3_OK;
        }
        return s3_fail_bucket(rs, cx, S3_ERR_BUCKET_OWNED_BY_YOU, bucket);
    }
    if (rc != STORE_OK)
        return s3_fail(rs, cx, S3_ERR_INTERNAL);
    created(rs, &b);
    return S3_OK;
}

/* HeadBucket: HEAD /{bucket}. Errors go out without a body (http.c drops HEAD bodies). */
int s3_head_bucket(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    struct s3_bucket_row b;
    char arn[256];
    int err = s3_bucket_access(rq, cx, rs, &b);

    if (err)
        return err;
    s3_bucket_arn(&b, arn, sizeof(arn));
    resp_status(rs, 200);
    resp_header(rs, "x-amz-bucket-region", b.region);
    if (s3_is_directory(&b))
        s3_directory_head(cx, &b, rs);
    else
        resp_header(rs, "x-amz-access-point-alias", "false");
    resp_header(rs, "x-amz-bucket-arn", arn);
    resp_header(rs, "Content-Type", "application/xml");
    return S3_OK;
}

static int list_one(void *arg, const struct s3_bucket_row *b)
{
    struct s3_xml *x = arg;
    char when[32];
    char arn[128];

    if (s3_is_directory(b)) /* ListBuckets lists general-purpose buckets only */
        return 0;
    s3_iso8601(b->created_ms, when, sizeof(when));
    snprintf(arn, sizeof(arn), "arn:aws:s3:::%s", b->name);
    s3_xml_open(x, "Bucket");
    s3_xml_elem(x, "Name", b->name);
    s3_xml_elem(x, "CreationDate", when);
    s3_xml_elem(x, "BucketArn", arn);
    s3_xml_close(x);
    return 0;
}

/* CHOICE: the canonical user id of an account is the hex SHA-256 of its account id: stable,
 * 64 hex digits like AWS's, and distinct per account. */
static void canonical_id(const char *account, char out[65])
{
    unsigned char d[32];
    unsigned int len = 0;

    EVP_Digest(account, strlen(account), d, &len, EVP_sha256(), NULL);
    for (size_t i = 0; i < sizeof(d); i++)
        snprintf(out + 2 * i, 3, "%02x", d[i]);
}

/* ListBuckets: GET / (only the caller's account's general-purpose buckets, in name order; directory
 * buckets are ListDirectoryBuckets', which cmkemu does not serve). CHOICE: the
 * paging and filter parameters (max-buckets, prefix, bucket-region) are ignored. */
int s3_list_buckets(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    struct s3_xml x;
    char owner[65];

    if (s3_xml_start(&x, "ListAllMyBucketsResult", 1))
        return s3_fail(rs, cx, S3_ERR_INTERNAL);
    canonical_id(rq->account, owner);
    s3_xml_open(&x, "Owner");
    s3_xml_elem(&x, "ID", owner);
    s3_xml_close(&x);
    s3_xml_open(&x, "Buckets");
    if (store_s3_bucket_list(cx->store, rq->account, list_one, &x) != STORE_OK) {
        s3_xml_abort(&x);
        return s3_fail(rs, cx, S3_ERR_INTERNAL);
    }
    s3_xml_close(&x);
    s3_xml_finish(&x, rs, 200);
    return S3_OK;
}

/* DeleteBucket: DELETE /{bucket} */
int s3_delete_bucket(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    struct s3_bucket_row b;
    int err = s3_bucket_access(rq, cx, rs, &b);

    if (err)
        return err;
    switch (store_s3_bucket_delete(cx->store, b.name)) {
    case STORE_OK:
        resp_status(rs, 204);
        return S3_OK;
    case STORE_NOT_FOUND:
        return s3_fail_bucket(rs, cx, S3_ERR_NO_SUCH_BUCKET, b.name);
    case STORE_CONFLICT:
        return s3_fail_bucket(rs, cx, S3_ERR_BUCKET_NOT_EMPTY, b.name);
    default:
        return s3_fail(rs, cx, S3_ERR_INTERNAL);
    }
}

/* GetBucketLocation: GET /{bucket}?location; us-east-1 is the empty constraint. */
int s3_get_bucket_location(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    struct s3_bucket_row b;
    struct s3_xml x;
    int err = s3_bucket_access(rq, cx, rs, &b);

    if (err)
        return err;
    if (s3_xml_start(&x, "LocationConstraint", 1))
        return s3_fail(rs, cx, S3_ERR_INTERNAL);
    if (strcmp(b.region, "us-east-1"))
        s3_xml_text_write(&x, b.region);
    s3_xml_finish(&x, rs, 200);
    return S3_OK;
}
