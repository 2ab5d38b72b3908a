/* fuzz_s3_sse.c - ServerSideEncryptionConfiguration bodies (s3_sse_parse, s3_sse_render): any
 * input parses or fails cleanly, and a configuration that parsed renders to a document that
 * parses back to the same configuration. */
#include "fuzz_lib.h"

#include "server/s3/s3_errors.h"
#include "server/s3/s3_sse.h"

#include <stdlib.h>
#include <string.h>

static int same_str(const char *a, const char *b)
{
    return (!a && !b) || (a && b && !strcmp(a, b));
}

/* GetBucketEncryption always echoes BucketKeyEnabled: an absent one reads back as false. */
static int bke(int v)
{
    return v == 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct s3_sse_row a, b;
    struct resp rs;
    int err;

    s3_sse_row_init(&a);
    err = s3_sse_parse((const char *)data, size, &a);
    FUZZ_CHECK(err == S3_OK || err == S3_ERR_MALFORMED_XML || err == S3_ERR_MAX_MESSAGE_LENGTH ||
               err == S3_ERR_KMS_KEY_NOT_APPLICABLE || err == S3_ERR_INTERNAL);
    FUZZ_CHECK(memchr(a.algorithm, '\0', sizeof(a.algorithm)) != NULL);

    /* rendering whatever the parser left, even after an error, must not crash */
    resp_init(&rs);
    s3_sse_render(&a, &rs);
    FUZZ_CHECK(rs.status == 200);
    FUZZ_CHECK(fuzz_xml_ok(buf_str(&rs.body), rs.body.len, NULL));

    if (err == S3_OK) {
        s3_sse_row_init(&b);
        err = s3_sse_parse(buf_str(&rs.body), rs.body.len, &b);
        if (err != S3_OK)
            fuzz_fail("rendered configuration does not parse (%d): %s", err, buf_str(&rs.body));
        FUZZ_CHECK(!strcmp(a.algorithm, b.algorithm));
        FUZZ_CHECK(same_str(a.kms_key_id, b.kms_key_id));
        FUZZ_CHECK(bke(a.bucket_key_enabled) == b.bucket_key_enabled);
        FUZZ_CHECK(same_str(a.blocked_types, b.blocked_types));
        s3_sse_row_release(&b);
    }
    resp_release(&rs);
    s3_sse_row_release(&a);
    return 0;
}
