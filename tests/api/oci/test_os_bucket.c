/* test_os_bucket.c - Object Storage namespaces and buckets (server/oci/os/os_bucket.c): the
 * Bucket model, etags, conditional requests, metadata merge, paging, regions. */
#include "os_test.h"

static void test_get_namespace(void)
{
    struct call c;
    char want[32];

    callf(&c, "GET", NULL, NULL, IAD "/n");
    CHECK_INT(c.rs.status, 200);
    snprintf(want, sizeof(want), "\"%s\"", ns);
    CHECK_STR(buf_str(&c.rs.body), want);
    call_release(&c);

    callf(&c, "GET", NULL, NULL, IAD "/n/%s", ns);
    CHECK_INT(c.rs.status, 200);
    CHECK_STR(jstr(&c, "namespace"), ns);
    CHECK_STR(jstr(&c, "defaultS3CompartmentId"), OCITEST_TENANCY);
    call_release(&c);

    CHECK_CALL_ERR(
        404, "NamespaceNotFound",
        "You do not have authorization to perform this request, or the requested resource "
        "could not be found.",
        "GET", NULL, NULL, IAD "/n/notmynamespace");
    CHECK_CALL_CODE(404, "NamespaceNotFound", "GET", NULL, NULL, IAD "/n/notmynamespace/b/x");
}

static void test_create_bucket_model(void)
{
    struct call c;
    char loc[512];

    callf(&c, "POST", "opc-client-request-id: cli-1",
          "{\"name\":\"model-b\",\"compartmentId\":\"" COMP "\"}", IAD "/n/%s/b", ns);
    CHECK_INT(c.rs.status, 200);
    CHECK_STR(jstr(&c, "namespace"), ns);
    CHECK_STR(jstr(&c, "name"), "model-b");
    CHECK_STR(jstr(&c, "compartmentId"), COMP);
    CHECK(json_is_object(json_object_get(c.j, "metadata")));
    CHECK_INT(json_object_size(json_object_get(c.j, "metadata")), 0);
    CHECK_STR(jstr(&c, "createdBy"), OCITEST_USER);
    CHECK_STR(jstr(&c, "timeCreated"), "2025-11-24T16:00:00.000Z");
    CHECK_STR(jstr(&c, "etag"), resp_get_header(&c.rs, "ETag"));
    CHECK_INT(strlen(jstr(&c, "etag")), 36);
    CHECK_STR(jstr(&c, "publicAccessType"), "NoPublicAccess");
    CHECK_STR(jstr(&c, "storageTier"), "Standard");
    CHECK(json_is_false(json_object_get(c.j, "objectEventsEnabled")));
    CHECK(json_is_object(json_object_get(c.j, "freeformTags")));
    CHECK(json_is_object(json_object_get(c.j, "definedTags")));
    CHECK(jnull(&c, "kmsKeyId"));
    CHECK(jnull(&c, "objectLifecyclePolicyEtag"));
    CHECK(jnull(&c, "approximateCount"));
    CHECK(jnull(&c, "approximateSize"));
    CHECK(json_is_false(json_object_get(c.j, "replicationEnabled")));
    CHECK(json_is_false(json_object_get(c.j, "isReadOnly")));
    CHECK(!strncmp(jstr(&c, "id"), "ocid1.bucket.oc1.us-ashburn-1.aaaaaaaa", 38));
    CHECK_STR(jstr(&c, "versioning"), "Disabled");
    CHECK(jnull(&c, "autoTiering"));
    snprintf(loc, sizeof(loc), "http://127.0.0.1/oci/us-ashburn-1/n/%s/b/model-b", ns);
    CHECK_STR(resp_get_header(&c.rs, "Location"), loc);
    CHECK_STR(resp_get_header(&c.rs, "opc-client-request-id"), "cli-1");
    CHECK(resp_get_header(&c.rs, "opc-request-id") != NULL);
    call_release(&c);

    /* every optional property of CreateBucketDetails */
    callf(&c, "POST", NULL,
          "{\"name\":\"full-b\",\"compartmentId\":\"" COMP "\",\"metadata\":{\"k\":\"v\"},"
          "\"publicAccessType\":\"ObjectRead\",\"storageTier\":\"Archive\","
          "\"objectEventsEnabled\":true,\"freeformTags\":{\"Dept\":\"Fin\"},"
          "\"definedTags\":{\"Ops\":{\"Cost\":\"42\"}},\"versioning\":\"Enabled\","
          "\"autoTiering\":\"InfrequentAccess\",\"kmsKeyId\":null}",
          IAD "/n/%s/b", ns);
    CHECK_INT(c.rs.status, 200);
    CHECK_STR(json_string_value(json_object_get(json_object_get(c.j, "metadata"), "k")), "v");
    CHECK_STR(jstr(&c, "publicAccessType"), "ObjectRead");
    CHECK_STR(jstr(&c, "storageTier"), "Archive");
    CHECK(json_is_true(json_object_get(c.j, "objectEventsEnabled")));
    CHECK_STR(json_string_value(json_object_get(json_object_get(c.j, "freeformTags"), "Dept")),
              "Fin");
    CHECK_STR(json_string_value(json_object_get(
                  json_object_get(json_object_get(c.j, "definedTags"), "Ops"), "Cost")),
              "42");
    CHECK_STR(jstr(&c, "versioning"), "Enabled");
    CHECK_STR(jstr(&c, "autoTiering"), "InfrequentAccess");
    CHECK(jnull(&c, "kmsKeyId"));
    call_release(&c);
}

/* The Bucket's bytes: the model's member order, stored metadata and tags as the client sent
 * them (keys sorted, escapes kept, UTF-8 as it is), nulls and booleans. */
static void test_bucket_exact_text(void)
{
    struct call c;
    char want[2048];
    char etag[64];
    char id[160];

    callf(&c, "POST", NULL,
          "{\"name\":\"text-b\",\"compartmentId\":\"" COMP "\","
          "\"metadata\":{\"z\":\"1\",\"a\":\"\\u00e9\\\\n\\\"q/\\u0007\"},"
          "\"freeformTags\":{\"k\":\"\\ud83d\\udd11\"},"
          "\"definedTags\":{\"ns\":{\"b\":1.5,\"a\":[1,true,null]}},"
          "\"kmsKeyId\":\"\"}",
          IAD "/n/%s/b", ns);
    CHECK_INT(c.rs.status, 200);
    snprintf(etag, sizeof(etag), "%s", jstr(&c, "etag") ? jstr(&c, "etag") : "");
    snprintf(id, sizeof(id), "%s", jstr(&c, "id") ? jstr(&c, "id") : "");
    call_release(&c);

    snprintf(want, sizeof(want),
             "{\"namespace\":\"%s\",\"name\":\"text-b\",\"compartmentId\":\"" COMP "\","
             "\"metadata\":{\"a\":\"\xc3\xa9\\\\n\\\"q/\\u0007\",\"z\":\"1\"},"
             "\"createdBy\":\"" OCITEST_USER "\",\"timeCreated\":\"2025-11-24T16:00:00.000Z\","
             "\"etag\":\"%s\",\"publicAccessType\":\"NoPublicAccess\",\"storageTier\":\"Standard\","
             "\"objectEventsEnabled\":false,\"freeformTags\":{\"k\":\"\xf0\x9f\x94\x91\"},"
             "\"definedTags\":{\"ns\":{\"a\":[1,true,null],\"b\":1.5}},\"kmsKeyId\":null,"
             "\"isBucketKeyEnabled\":false,\"objectLifecyclePolicyEtag\":null,"
             "\"approximateCount\":0,\"approximateSize\":null,\"replicationEnabled\":false,"
             "\"isReadOnly\":false,\"id\":\"%s\",\"versioning\":\"Disabled\","
             "\"autoTiering\":\"Disabled\"}",
             ns, etag, id);
    callf(&c, "GET", NULL, NULL, IAD "/n/%s/b/text-b?fields=approximateCount,autoTiering", ns);
    CHECK_INT(c.rs.status, 200);
    CHECK_STR(buf_str(&c.rs.body), want);
    call_release(&c);

    /* the summary, with fields=tags */
    snprintf(want, sizeof(want),
             "[{\"namespace\":\"%s\",\"name\":\"text-b\",\"compartmentId\":\"" COMP "\","
             "\"createdBy\":\"" OCITEST_USER "\",\"timeCreated\":\"2025-11-24T16:00:00.000Z\","
             "\"etag\":\"%s\",\"freeformTags\":{\"k\":\"\xf0\x9f\x94\x91\"},"
             "\"definedTags\":{\"ns\":{\"a\":[1,true,null],\"b\":1.5}}}]",
             ns, etag);
    callf(&c, "GET", NULL, NULL,
          IAD "/n/%s/b?compartmentId=" COMP "&fields=tags&page=text-b&limit=1", ns);
    CHECK_INT(c.rs.status, 200);
    CHECK_STR(buf_str(&c.rs.body), want);
    call_release(&c);
}

/* CHOICE: a signature keyId whose user part is not UTF-8 (OCI would refuse the signature) is
 * kept as createdBy with U+FFFD for each such byte, so the answer stays valid JSON. */
static void test_created_by_not_utf8(void)
{
    const char *h[] = { "Authorization: Signature version=\"1\",keyId=\"" OCITEST_TENANCY
                        "/ocid1.user.oc1..\xff\xfe/11:22\",algorithm=\"rsa-sha256\","
                        "headers=\"host\",signature=\"x\"",
                        NULL };
    struct call c;
    char target[256];

    snprintf(target, sizeof(target), IAD "/n/%s/b", ns);
    resp_init(&c.rs);
    apitest_call(&t, "POST", target, h, "{\"name\":\"utf8-b\",\"compartmentId\":\"" COMP "\"}",
                 &c.rs);
    c.j = json_loads(buf_str(&c.rs.body), 0, NULL);
    CHECK_INT(c.rs.status, 200);
    CHECK(c.j != NULL);
    CHECK_STR(jstr(&c, "createdBy") ? jstr(&c, "createdBy") : "(none)",
              "ocid1.user.oc1..\xef\xbf\xbd\xef\xbf\xbd");
    call_release(&c);
}

static void test_create_bucket_errors(void)
{
    struct call c;
    char msg[256];

    CHECK_INT(make_bucket(IAD, "dup-b", COMP, NULL), 0);
    callf(&c, "POST", NULL, "{\"name\":\"dup-b\",\"compartmentId\":\"" COMP "\"}", IAD "/n/%s/b",
          ns);
    snprintf(msg, sizeof(msg),
             "Either the bucket 'dup-b' in namespace '%s' already exists or you are not "
             "authorized to create it",
             ns);
    CHECK_ERR(&c, 409, "BucketAlreadyExists", msg);
    call_release(&c);

    CHECK_CALL_ERR(
        400, "InvalidBucketName",
        "The bucket name 'bad/name' is not valid. Bucket names are 1 to 256 characters of "
        "letters, digits, hyphens, underscores and periods.",
        "POST", NULL, "{\"name\":\"bad/name\",\"compartmentId\":\"" COMP "\"}", IAD "/n/%s/b", ns);
    CHECK_CALL_CODE(400, "InvalidBucketName", "POST", NULL,
                    "{\"name\":\"\",\"compartmentId\":\"" COMP "\"}", IAD "/n/%s/b", ns);
    CHECK_CALL_ERR(400, "MissingBucketName", "The request body must name the bucket ('name').",
                   "POST", NULL, "{\"compartmentId\":\"" COMP "\"}", IAD "/n/%s/b", ns);
    CHECK_CALL_ERR(400, "MissingCompartmentId", "The compartmentId is required.", "POST", NULL,
                   "{\"name\":\"no-comp\"}", IAD "/n/%s/b", ns);
    CHECK_CALL_ERR(400, "InvalidCompartmentId",
                   "The compartmentId 'nope' is not a valid compartment OCID.", "POST", NULL,
                   "{\"name\":\"bad-comp\",\"compartmentId\":\"nope\"}", IAD "/n/%s/b", ns);
    CHECK_CALL_ERR(
        400, "InvalidBucketProperty",
        "The value \"Open\" is not valid for the bucket property 'publicAccessType'.", "POST", NULL,
        "{\"name\":\"bad-pat\",\"compartmentId\":\"" COMP "\",\"publicAccessType\":\"Open\"}",
        IAD "/n/%s/b", ns);
    CHECK_CALL_CODE(400, "InvalidMetadata", "POST", NULL,
                    "{\"name\":\"bad-md\",\"compartmentId\":\"" COMP "\",\"metadata\":{\"a\":1}}",
                    IAD "/n/%s/b", ns);
    CHECK_CALL_CODE(400, "InvalidJSON", "POST", NULL, "{\"name\":", IAD "/n/%s/b", ns);
    /* nothing of the refused creates exists */
    CHECK_CALL_STATUS(404, "GET", NULL, NULL, IAD "/n/%s/b/bad-pat", ns);
}

static void test_get_bucket_fields_and_conditions(void)
{
    struct call c;
    char etag[41];
    char hdr[128];
    char msg[256];

    CHECK_INT(make_bucket(IAD, "get-b", COMP, NULL), 0);
    bucket_etag(IAD, "get-b", etag);
    callf(&c, "GET", NULL, NULL, IAD "/n/%s/b/get-b?fields=approximateCount&fields=autoTiering",
          ns);
    CHECK_INT(c.rs.status, 200);
    CHECK_INT(json_integer_value(json_object_get(c.j, "approximateCount")), 0);
    CHECK(json_is_integer(json_object_get(c.j, "approximateCount")));
    CHECK(jnull(&c, "approximateSize"));
    CHECK_STR(jstr(&c, "autoTiering"), "Disabled");
    CHECK_STR(resp_get_header(&c.rs, "ETag"), etag);
    call_release(&c);
    callf(&c, "GET", NULL, NULL, IAD "/n/%s/b/get-b?fields=approximateCount,approximateSize", ns);
    CHECK(json_is_integer(json_object_get(c.j, "approximateCount")));
    CHECK(json_is_integer(json_object_get(c.j, "approximateSize")));
    call_release(&c);
    CHECK_CALL_CODE(400, "InvalidParameter", "GET", NULL, NULL, IAD "/n/%s/b/get-b?fields=tags",
                    ns);

    /* if-none-match equal -> 304 without a body; different -> 200 */
    snprintf(hdr, sizeof(hdr), "if-none-match: %s", etag);
    callf(&c, "GET", hdr, NULL, IAD "/n/%s/b/get-b", ns);
    CHECK_INT(c.rs.status, 304);
    CHECK_INT(c.rs.body.len, 0);
    call_release(&c);
    CHECK_CALL_STATUS(200, "GET", "if-none-match: other", NULL, IAD "/n/%s/b/get-b", ns);
    CHECK_CALL_ERR(412, "IfMatchFailed",
                   "The If-Match header's value 'wrong' does not match the resource's etag.", "GET",
                   "if-match: wrong", NULL, IAD "/n/%s/b/get-b", ns);

    callf(&c, "GET", NULL, NULL, IAD "/n/%s/b/nobucket", ns);
    snprintf(msg, sizeof(msg),
             "Either the bucket named 'nobucket' does not exist in the namespace '%s' or you are "
             "not authorized to access it",
             ns);
    CHECK_ERR(&c, 404, "BucketNotFound", msg);
    call_release(&c);

    /* HeadBucket */
    callf(&c, "HEAD", NULL, NULL, IAD "/n/%s/b/get-b", ns);
    CHECK_INT(c.rs.status, 200);
    CHECK_STR(resp_get_header(&c.rs, "ETag"), etag);
    CHECK_INT(c.rs.body.len, 0);
    call_release(&c);
    CHECK_CALL_STATUS(304, "HEAD", hdr, NULL, IAD "/n/%s/b/get-b", ns);
    CHECK_CALL_STATUS(412, "HEAD", "if-match: wrong", NULL, IAD "/n/%s/b/get-b", ns);
    callf(&c, "HEAD", NULL, NULL, IAD "/n/%s/b/nobucket", ns);
    CHECK_INT(c.rs.status, 404);
    CHECK_INT(c.rs.body.len, 0);
    call_release(&c);
}

static void test_update_bucket_basics(void)
{
    struct call c;
    char e0[41], e1[41];
    char hdr[128];
    json_t *md;

    CHECK_INT(make_bucket(IAD, "upd-b", COMP, "\"metadata\":{\"foo1\":\"bar1\",\"k\":\"v\"}"), 0);
    bucket_etag(IAD, "upd-b", e0);

    /* metadata merge: a null value deletes only that key (§1.3) */
    callf(&c, "POST", NULL, "{\"metadata\":{\"foo1\":null,\"n\":\"new\"}}", IAD "/n/%s/b/upd-b",
          ns);
    CHECK_INT(c.rs.status, 200);
    md = json_object_get(c.j, "metadata");
    CHECK(json_object_get(md, "foo1") == NULL);
    CHECK_STR(json_string_value(json_object_get(md, "k")), "v");
    CHECK_STR(json_string_value(json_object_get(md, "n")), "new");
    CHECK(strcmp(jstr(&c, "etag"), e0) != 0);
    CHECK_STR(resp_get_header(&c.rs, "ETag"), jstr(&c, "etag"));
    snprintf(e1, sizeof(e1), "%s", jstr(&c, "etag"));
    call_release(&c);

    /* if-match: mismatch -> 412 and nothing changes; match -> 200 */
    CHECK_CALL_ERR(412, "IfMatchFailed",
                   "The If-Match header's value 'stale' does not match the resource's etag.",
                   "POST", "if-match: stale", "{\"publicAccessType\":\"ObjectRead\"}",
                   IAD "/n/%s/b/upd-b", ns);
    bucket_etag(IAD, "upd-b", e0);
    CHECK_STR(e0, e1);
    snprintf(hdr, sizeof(hdr), "if-match: %s", e1);
    callf(&c, "POST", hdr,
          "{\"publicAccessType\":\"ObjectReadWithoutList\",\"objectEventsEnabled\":true,"
          "\"freeformTags\":{\"a\":\"b\"},\"versioning\":\"Enabled\"}",
          IAD "/n/%s/b/upd-b", ns);
    CHECK_INT(c.rs.status, 200);
    CHECK_STR(jstr(&c, "publicAccessType"), "ObjectReadWithoutList");
    CHECK(json_is_true(json_object_get(c.j, "objectEventsEnabled")));
    CHECK_STR(jstr(&c, "versioning"), "Enabled");
    call_release(&c);

    /* an empty body is {}: 200, a new etag */
    bucket_etag(IAD, "upd-b", e0);
    callf(&c, "POST", NULL, NULL, IAD "/n/%s/b/upd-b", ns);
    CHECK_INT(c.rs.status, 200);
    CHECK(strcmp(jstr(&c, "etag"), e0) != 0);
    call_release(&c);

    callf(&c, "POST", NULL, "{\"versioning\":\"Suspended\"}", IAD "/n/%s/b/upd-b", ns);
    CHECK_STR(jstr(&c, "versioning"), "Suspended");
    call_release(&c);
    CHECK_CALL_ERR(400, "InvalidBucketProperty",
                   "Versioning cannot be disabled on a bucket once enabled; use 'Suspended'.",
                   "POST", NULL, "{\"versioning\":\"Disabled\"}", IAD "/n/%s/b/upd-b", ns);
    CHECK_CALL_ERR(400, "InvalidBucketProperty",
                   "The value 42 is not valid for the bucket property 'kmsKeyId'.", "POST", NULL,
                   "{\"kmsKeyId\":42}", IAD "/n/%s/b/upd-b", ns);
    CHECK_CALL_CODE(400, "InvalidJSON", "POST", NULL, "[1]", IAD "/n/%s/b/upd-b", ns);
    CHECK_CALL_CODE(404, "BucketNotFound", "POST", NULL, "{}", IAD "/n/%s/b/missing-b", ns);
}

static void test_rename_and_move(void)
{
    struct call c;

    CHECK_INT(make_bucket(IAD, "ren-a", COMP, NULL), 0);
    CHECK_INT(make_bucket(IAD, "ren-b", COMP, NULL), 0);
    CHECK_CALL_CODE(409, "BucketAlreadyExists", "POST", NULL, "{\"name\":\"ren-b\"}",
                    IAD "/n/%s/b/ren-a", ns);
    callf(&c, "POST", NULL, "{\"name\":\"ren-c\"}", IAD "/n/%s/b/ren-a", ns);
    CHECK_INT(c.rs.status, 200);
    CHECK_STR(jstr(&c, "name"), "ren-c");
    call_release(&c);
    CHECK_CALL_STATUS(404, "GET", NULL, NULL, IAD "/n/%s/b/ren-a", ns);
    callf(&c, "POST", NULL, "{\"compartmentId\":\"ocid1.compartment.oc1..aaaaaaaaother\"}",
          IAD "/n/%s/b/ren-c", ns);
    CHECK_STR(jstr(&c, "compartmentId"), "ocid1.compartment.oc1..aaaaaaaaother");
    call_release(&c);
}

static void test_list_buckets_paging(void)
{
    static const char comp[] = "ocid1.compartment.oc1..aaaaaaaalistaaaa";
    struct call c;

    CHECK_INT(make_bucket(IAD, "list-c", comp, "\"freeformTags\":{\"t\":\"1\"}"), 0);
    CHECK_INT(make_bucket(IAD, "list-a", comp, NULL), 0);
    CHECK_INT(make_bucket(IAD, "list-b", comp, NULL), 0);
    CHECK_INT(make_bucket(PHX, "list-d", comp, NULL), 0);

    CHECK_CALL_ERR(400, "MissingCompartmentId", "The compartmentId is required.", "GET", NULL, NULL,
                   IAD "/n/%s/b", ns);

    callf(&c, "GET", NULL, NULL, IAD "/n/%s/b?compartmentId=%s", ns, comp);
    CHECK_INT(c.rs.status, 200);
    CHECK_INT(json_array_size(c.j), 3);
    CHECK_STR(json_string_value(json_object_get(json_array_get(c.j, 0), "name")), "list-a");
    CHECK(json_object_get(json_array_get(c.j, 0), "freeformTags") == NULL);
    CHECK(json_object_get(json_array_get(c.j, 0), "createdBy") != NULL);
    CHECK(json_object_get(json_array_get(c.j, 0), "etag") != NULL);
    CHECK(json_object_get(json_array_get(c.j, 0), "metadata") == NULL);
    CHECK(resp_get_header(&c.rs, "opc-next-page") == NULL);
    call_release(&c);

    callf(&c, "GET", NULL, NULL, IAD "/n/%s/b?compartmentId=%s&limit=1&fields=tags", ns, comp);
    CHECK_INT(json_array_size(c.j), 1);
    CHECK_STR(json_string_value(json_object_get(json_array_get(c.j, 0), "name")), "list-a");
    CHECK(json_is_object(json_object_get(json_array_get(c.j, 0), "freeformTags")));
    CHECK_STR(resp_get_header(&c.rs, "opc-next-page"), "list-b");
    call_release(&c);
    callf(&c, "GET", NULL, NULL, IAD "/n/%s/b?compartmentId=%s&limit=1&page=list-b", ns, comp);
    CHECK_STR(json_string_value(json_object_get(json_array_get(c.j, 0), "name")), "list-b");
    CHECK_STR(resp_get_header(&c.rs, "opc-next-page"), "list-c");
    call_release(&c);
    callf(&c, "GET", NULL, NULL, IAD "/n/%s/b?compartmentId=%s&limit=1&page=list-c", ns, comp);
    CHECK_STR(json_string_value(json_object_get(json_array_get(c.j, 0), "name")), "list-c");
    CHECK(resp_get_header(&c.rs, "opc-next-page") == NULL);
    call_release(&c);
    CHECK_CALL_STATUS(400, "GET", NULL, NULL, IAD "/n/%s/b?compartmentId=%s&limit=0", ns, comp);
}

static void test_regions_are_separate(void)
{
    struct call c;

    CHECK_INT(make_bucket(IAD, "region-b", COMP, NULL), 0);
    CHECK_CALL_CODE(404, "BucketNotFound", "GET", NULL, NULL, PHX "/n/%s/b/region-b", ns);
    CHECK_INT(make_bucket(PHX, "region-b", COMP, NULL), 0);
    callf(&c, "GET", NULL, NULL, PHX "/n/%s/b/region-b", ns);
    CHECK_INT(c.rs.status, 200);
    CHECK(!strncmp(jstr(&c, "id"), "ocid1.bucket.oc1.us-phoenix-1.", 30));
    call_release(&c);
}

static void test_delete_bucket(void)
{
    struct call c;
    char hdr[128];
    char etag[41];

    CHECK_INT(make_bucket(IAD, "del-b", COMP, NULL), 0);
    CHECK_CALL_CODE(412, "IfMatchFailed", "DELETE", "if-match: nope", NULL, IAD "/n/%s/b/del-b",
                    ns);
    bucket_etag(IAD, "del-b", etag);
    snprintf(hdr, sizeof(hdr), "if-match: %s", etag);
    callf(&c, "DELETE", hdr, NULL, IAD "/n/%s/b/del-b", ns);
    CHECK_INT(c.rs.status, 204);
    CHECK_INT(c.rs.body.len, 0);
    call_release(&c);
    CHECK_CALL_CODE(404, "BucketNotFound", "DELETE", NULL, NULL, IAD "/n/%s/b/del-b", ns);
    CHECK_CALL_STATUS(404, "GET", NULL, NULL, IAD "/n/%s/b/del-b", ns);
}

int main(void)
{
    if (os_test_open())
        return 1;
    TEST(test_get_namespace);
    TEST(test_create_bucket_model);
    TEST(test_bucket_exact_text);
    TEST(test_created_by_not_utf8);
    TEST(test_create_bucket_errors);
    TEST(test_get_bucket_fields_and_conditions);
    TEST(test_update_bucket_basics);
    TEST(test_rename_and_move);
    TEST(test_list_buckets_paging);
    TEST(test_regions_are_separate);
    TEST(test_delete_bucket);
    apitest_close(&t);
    return TEST_REPORT();
}
