/* fuzz_s3_xml.c - the guarded request-document reader (s3_xml_read and the tree helpers) on raw
 * bytes, then the same bytes as the CreateBucketConfiguration of a PUT /bucket request. */
#include "fuzz_lib.h"

#include "server/s3/s3.h"
#include "server/s3/s3_bucket_name.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Walks every element with the helpers the S3 parsers use. */
static void walk(const xmlNode *n, int depth)
{
    const xmlNode *c[8];
    int k = s3_xml_children(n, c, 8);

    FUZZ_CHECK(depth < 1024);
    free(s3_xml_text(n));
    (void)s3_xml_is(n, "CreateBucketConfiguration");
    for (int i = 0; i < k; i++)
        walk(c[i], depth + 1);
}

static void read_doc(const uint8_t *data, size_t size)
{
    xmlDocPtr doc = NULL;
    int err = s3_xml_read((const char *)data, size, &doc);

    FUZZ_CHECK(err == S3_OK || err == S3_ERR_MALFORMED_XML || err == S3_ERR_MAX_MESSAGE_LENGTH);
    FUZZ_CHECK((err == S3_OK) == (doc != NULL));
    if (!doc)
        return;
    FUZZ_CHECK(!doc->intSubset && !doc->extSubset);
    walk(xmlDocGetRootElement(doc), 0);
    xmlFreeDoc(doc);
}

/* The code of an S3 error document, or "" */
static void error_code(const struct resp *rs, char *out, size_t n)
{
    const char *b = buf_str(&rs->body);
    const char *s = strstr(b, "<Code>");
    const char *e = s ? strstr(s, "</Code>") : NULL;

    out[0] = '\0';
    if (s && e)
        snprintf(out, n, "%.*s", (int)(e - s - 6), s + 6);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const scopes[] = { NULL, "us-east-1", "eu-west-1", "ap-south-2", "junk" };
    static char auth[5][160];
    struct fuzz_env *env = fuzz_env_begin();
    struct fuzz_req fr;
    struct resp rs;
    unsigned sel;
    int vhost, first, second;
    char code[64];

    if (!size)
        return 0;
    sel = data[0];
    data++;
    size--;
    read_doc(data, size);

    vhost = (sel / 5) & 1;
    if (fuzz_req_make(&fr, "PUT", vhost ? "/" : "/fuzz-bucket", NULL, 0, data, size))
        return 0;
    if (scopes[sel % 5]) {
        snprintf(auth[sel % 5], sizeof(auth[0]),
                 "AWS4-HMAC-SHA256 Credential=123456789012/20251124/%s/s3/aws4_request, "
                 "SignedHeaders=host, Signature=00",
                 scopes[sel % 5]);
        fuzz_req_add_header(&fr, "Authorization", auth[sel % 5]);
    }
    if (vhost)
        fuzz_req_add_header(&fr, "Host", "fuzz-bucket.s3.amazonaws.com");

    fuzz_dispatch(env, &fr, &rs);
    first = rs.status;
    error_code(&rs, code, sizeof(code));
    resp_release(&rs);
    if (first != 200 && first != 400)
        fuzz_fail("CreateBucket answered %d %s", first, code);

    /* the same request again: re-creating your own bucket */
    fuzz_dispatch(env, &fr, &rs);
    second = rs.status;
    error_code(&rs, code, sizeof(code));
    resp_release(&rs);
    if (first == 200 && second != 200 && strcmp(code, "BucketAlreadyOwnedByYou"))
        fuzz_fail("second CreateBucket answered %d %s", second, code);
    if (first == 400 && second != 400)
        fuzz_fail("a refused CreateBucket was accepted the second time (%d)", second);
    fuzz_req_release(&fr);

    if (first == 200) {
        const char *region;

        if (fuzz_req_make(&fr, "HEAD", vhost ? "/" : "/fuzz-bucket", NULL, 0, NULL, 0))
            return 0;
        if (scopes[sel % 5])
            fuzz_req_add_header(&fr, "Authorization", auth[sel % 5]);
        if (vhost)
            fuzz_req_add_header(&fr, "Host", "fuzz-bucket.s3.amazonaws.com");
        fuzz_dispatch(env, &fr, &rs);
        region = resp_get_header(&rs, "x-amz-bucket-region");
        FUZZ_CHECK(rs.status == 200 && region && *region);
        /* signed for a real region, the bucket lands in a real region */
        FUZZ_CHECK(sel % 5 == 4 || s3_region_known(region));
        resp_release(&rs);
        fuzz_req_release(&fr);
    }
    return 0;
}
