/* test_s3_sse.c - ServerSideEncryptionConfiguration parsing, validation and rendering
 * (server/s3/s3_sse.c). */
#include "harness.h"

#include "server/s3/s3.h"
#include "server/s3/s3_errors.h"
#include "server/s3/s3_sse.h"

#include <stdlib.h>

#define NS           "xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\""
#define ROOT         "<ServerSideEncryptionConfiguration " NS ">"
#define END          "</ServerSideEncryptionConfiguration>"
#define DEF(alg)     "<ApplyServerSideEncryptionByDefault><SSEAlgorithm>" alg "</SSEAlgorithm>"
#define RULE1(inner) ROOT "<Rule>" inner "</Rule>" END
#define XMLDECL      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

static const struct {
    const char *body;
    int err;
    const char *alg; /* expected on success */
    const char *kms; /* NULL: absent */
    int bke;
    const char *blocked; /* NULL: absent */
} rows[] = {
    /* the accepted shapes */
    { RULE1(DEF("AES256") "</ApplyServerSideEncryptionByDefault>"), S3_OK, "AES256", NULL, -1,
      NULL },
    { RULE1(DEF("aws:kms") "<KMSMasterKeyID>arn:aws:kms:us-east-1:123456789012:key/"
                           "1234abcd-12ab-34cd-56ef-1234567890ab</KMSMasterKeyID>"
                           "</ApplyServerSideEncryptionByDefault><BucketKeyEnabled>true"
                           "</BucketKeyEnabled>"),
      S3_OK, "aws:kms",
      "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab", 1, NULL },
    { RULE1(DEF("aws:kms") "</ApplyServerSideEncryptionByDefault>"), S3_OK, "aws:kms", NULL, -1,
      NULL },
    /* §2 #9: dsse + key allowed */
    { RULE1(DEF("aws:kms:dsse") "<KMSMasterKeyID>k1</KMSMasterKeyID>"
                                "</ApplyServerSideEncryptionByDefault>"),
      S3_OK, "aws:kms:dsse", "k1", -1, NULL },
    /* children in either order; key kept exactly as sent (§2 #10) */
    { RULE1("<BucketKeyEnabled>false</BucketKeyEnabled><ApplyServerSideEncryptionByDefault>"
            "<KMSMasterKeyID> alias/aws/s3 </KMSMasterKeyID><SSEAlgorithm>aws:kms</SSEAlgorithm>"
            "</ApplyServerSideEncryptionByDefault>"),
      S3_OK, "aws:kms", " alias/aws/s3 ", 0, NULL },
    /* §2 #11: BucketKeyEnabled with AES256 */
    { RULE1(DEF("AES256") "</ApplyServerSideEncryptionByDefault><BucketKeyEnabled>true"
                          "</BucketKeyEnabled>"),
      S3_OK, "AES256", NULL, 1, NULL },
    { RULE1(DEF("AES256") "</ApplyServerSideEncryptionByDefault><BucketKeyEnabled> 1 "
                          "</BucketKeyEnabled>"),
      S3_OK, "AES256", NULL, 1, NULL },
    /* §2 #14: no namespace, a declaration, whitespace between elements */
    { XMLDECL "<ServerSideEncryptionConfiguration>\n  <Rule>\n    " DEF(
          "AES256") "</ApplyServerSideEncryptionByDefault>\n  </Rule>\n"
                    "</ServerSideEncryptionConfiguration>\n",
      S3_OK, "AES256", NULL, -1, NULL },
    /* BlockedEncryptionTypes */
    { RULE1(DEF("AES256") "</ApplyServerSideEncryptionByDefault><BlockedEncryptionTypes>"
                          "<EncryptionType>SSE-C</EncryptionType></BlockedEncryptionTypes>"),
      S3_OK, "AES256", NULL, -1, "SSE-C" },
    { RULE1(DEF("aws:kms") "</ApplyServerSideEncryptionByDefault><BlockedEncryptionTypes>"
                           "<EncryptionType>NONE</EncryptionType><EncryptionType>SSE-C"
                           "</EncryptionType></BlockedEncryptionTypes>"),
      S3_OK, "aws:kms", NULL, -1, "NONE,SSE-C" },
    { RULE1(DEF("AES256") "</ApplyServerSideEncryptionByDefault><BlockedEncryptionTypes/>"), S3_OK,
      "AES256", NULL, -1, NULL },
    /* §2 #8: AES256 + key */
    { RULE1(DEF("AES256") "<KMSMasterKeyID>k1</KMSMasterKeyID>"
                          "</ApplyServerSideEncryptionByDefault>"),
      S3_ERR_KMS_KEY_NOT_APPLICABLE, NULL, NULL, 0, NULL },
    /* MalformedXML: §2 #2-#7, #12-#14 */
    { "<ServerSideEncryptionConfiguration " NS " />", S3_ERR_MALFORMED_XML, NULL, NULL, 0, NULL },
    { ROOT END, S3_ERR_MALFORMED_XML, NULL, NULL, 0, NULL },
    { ROOT "<Rule>" DEF("AES256") "</ApplyServerSideEncryptionByDefault></Rule><Rule>" DEF(
          "AES256") "</ApplyServerSideEncryptionByDefault></Rule>" END,
      S3_ERR_MALFORMED_XML, NULL, NULL, 0, NULL },
    { RULE1("<BucketKeyEnabled>true</BucketKeyEnabled>"), S3_ERR_MALFORMED_XML, NULL, NULL, 0,
      NULL },
    { RULE1(""), S3_ERR_MALFORMED_XML, NULL, NULL, 0, NULL },
    { RULE1("<ApplyServerSideEncryptionByDefault></ApplyServerSideEncryptionByDefault>"),
      S3_ERR_MALFORMED_XML, NULL, NULL, 0, NULL },
    { RULE1("<ApplyServerSideEncryptionByDefault><KMSMasterKeyID>k</KMSMasterKeyID>"
            "</ApplyServerSideEncryptionByDefault>"),
      S3_ERR_MALFORMED_XML, NULL, NULL, 0, NULL },
    { RULE1(DEF("") "</ApplyServerSideEncryptionByDefault>"), S3_ERR_MALFORMED_XML, NULL, NULL, 0,
      NULL },
    { RULE1(DEF("FOO") "</ApplyServerSideEncryptionByDefault>"), S3_ERR_MALFORMED_XML, NULL, NULL,
      0, NULL },
    { RULE1(DEF("aes256") "</ApplyServerSideEncryptionByDefault>"), S3_ERR_MALFORMED_XML, NULL,
      NULL, 0, NULL },
    { RULE1(DEF(" AES256") "</ApplyServerSideEncryptionByDefault>"), S3_ERR_MALFORMED_XML, NULL,
      NULL, 0, NULL },
    { RULE1(DEF("aws:fsx") "</ApplyServerSideEncryptionByDefault>"), S3_ERR_MALFORMED_XML, NULL,
      NULL, 0, NULL },
    { RULE1(DEF("aws:backup") "</ApplyServerSideEncryptionByDefault>"), S3_ERR_MALFORMED_XML, NULL,
      NULL, 0, NULL },
    { RULE1(DEF("AES256") "<SSEAlgorithm>AES256</SSEAlgorithm>"
                          "</ApplyServerSideEncryptionByDefault>"),
      S3_ERR_MALFORMED_XML, NULL, NULL, 0, NULL },
    { RULE1(DEF("AES256") "<Foo/></ApplyServerSideEncryptionByDefault>"), S3_ERR_MALFORMED_XML,
      NULL, NULL, 0, NULL },
    { RULE1(DEF("AES256") "</ApplyServerSideEncryptionByDefault><BucketKeyEnabled>yes"
                          "</BucketKeyEnabled>"),
      S3_ERR_MALFORMED_XML, NULL, NULL, 0, NULL },
    { RULE1(DEF("AES256") "</ApplyServerSideEncryptionByDefault><BucketKeyEnabled>"
                          "</BucketKeyEnabled>"),
      S3_ERR_MALFORMED_XML, NULL, NULL, 0, NULL },
    { RULE1(DEF("AES256") "</ApplyServerSideEncryptionByDefault><BucketKeyEnabled>true"
                          "</BucketKeyEnabled><BucketKeyEnabled>true</BucketKeyEnabled>"),
      S3_ERR_MALFORMED_XML, NULL, NULL, 0, NULL },
    { RULE1(DEF("AES256") "</ApplyServerSideEncryptionByDefault><BlockedEncryptionTypes>"
                          "<EncryptionType>SSE-KMS</EncryptionType></BlockedEncryptionTypes>"),
      S3_ERR_MALFORMED_XML, NULL, NULL, 0, NULL },
    { RULE1(DEF("AES256") "</ApplyServerSideEncryptionByDefault><Extra/>"), S3_ERR_MALFORMED_XML,
      NULL, NULL, 0, NULL },
    { RULE1(DEF("AES256") "</ApplyServerSideEncryptionByDefault>text"), S3_ERR_MALFORMED_XML, NULL,
      NULL, 0, NULL },
    { RULE1(DEF("AES256<x/>") "</ApplyServerSideEncryptionByDefault>"), S3_ERR_MALFORMED_XML, NULL,
      NULL, 0, NULL },
    { "<Other " NS "><Rule>" DEF("AES256") "</ApplyServerSideEncryptionByDefault></Rule></Other>",
      S3_ERR_MALFORMED_XML, NULL, NULL, 0, NULL },
    { "<ServerSideEncryptionConfiguration xmlns=\"urn:other\"><Rule>" DEF(
          "AES256") "</ApplyServerSideEncryptionByDefault></Rule>" END,
      S3_ERR_MALFORMED_XML, NULL, NULL, 0, NULL },
    { ROOT "<Rule>" DEF("AES256") "</ApplyServerSideEncryptionByDefault></Rule>",
      S3_ERR_MALFORMED_XML, NULL, NULL, 0, NULL },
    { "not xml", S3_ERR_MALFORMED_XML, NULL, NULL, 0, NULL },
    { "", S3_ERR_MALFORMED_XML, NULL, NULL, 0, NULL },
    /* a DOCTYPE is refused whatever it declares: no entity ever expands */
    { "<!DOCTYPE x [<!ENTITY a \"AES256\">]>" RULE1(
          DEF("&a;") "</ApplyServerSideEncryptionByDefault>"),
      S3_ERR_MALFORMED_XML, NULL, NULL, 0, NULL },
    { XMLDECL
      "<!DOCTYPE ServerSideEncryptionConfiguration SYSTEM \"http://127.0.0.1:1/x.dtd\">" RULE1(
          DEF("AES256") "</ApplyServerSideEncryptionByDefault>"),
      S3_ERR_MALFORMED_XML, NULL, NULL, 0, NULL },
    { RULE1(DEF("&unknown;") "</ApplyServerSideEncryptionByDefault>"), S3_ERR_MALFORMED_XML, NULL,
      NULL, 0, NULL },
};

static void test_parse_rows(void)
{
    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
        struct s3_sse_row r;
        int err;

        s3_sse_row_init(&r);
        err = s3_sse_parse(rows[i].body, strlen(rows[i].body), &r);
        if (err != rows[i].err)
            printf("  row %zu: err %d, want %d: %s\n", i, err, rows[i].err, rows[i].body);
        CHECK_INT(err, rows[i].err);
        if (!err && !rows[i].err) {
            CHECK_STR(r.algorithm, rows[i].alg);
            if (rows[i].kms)
                CHECK_STR(r.kms_key_id, rows[i].kms);
            else
                CHECK(r.kms_key_id == NULL);
            CHECK_INT(r.bucket_key_enabled, rows[i].bke);
            if (rows[i].blocked)
                CHECK_STR(r.blocked_types, rows[i].blocked);
            else
                CHECK(r.blocked_types == NULL);
        }
        s3_sse_row_release(&r);
    }
}

static void test_parse_cap(void)
{
    size_t n = S3_MAX_XML_BODY + 1;
    char *big = malloc(n + 1);
    struct s3_sse_row r;

    memset(big, ' ', n);
    big[n] = '\0';
    s3_sse_row_init(&r);
    CHECK_INT(s3_sse_parse(big, n, &r), S3_ERR_MAX_MESSAGE_LENGTH);
    s3_sse_row_release(&r);
    free(big);
}

static void render(const struct s3_sse_row *r, const char *want)
{
    struct resp rs;

    resp_init(&rs);
    s3_sse_render(r, &rs);
    CHECK_INT(rs.status, 200);
    CHECK_STR(resp_get_header(&rs, "Content-Type"), "application/xml");
    CHECK_STR(buf_str(&rs.body), want);
    resp_release(&rs);
}

#define OUT_HEAD XMLDECL "<ServerSideEncryptionConfiguration " NS "><Rule>"
#define OUT_TAIL "</Rule></ServerSideEncryptionConfiguration>"

static void test_render(void)
{
    struct s3_sse_row r;
    char key[] = "1234abcd-12ab-34cd-56ef-1234567890ab";
    char blocked[] = "NONE,SSE-C";
    char amp[] = "a&b<c";

    s3_sse_row_init(&r); /* the default every bucket has (§1.2) */
    render(&r, OUT_HEAD "<ApplyServerSideEncryptionByDefault><SSEAlgorithm>AES256</SSEAlgorithm>"
                        "</ApplyServerSideEncryptionByDefault><BucketKeyEnabled>false"
                        "</BucketKeyEnabled>" OUT_TAIL);
    strcpy(r.algorithm, "aws:kms");
    r.kms_key_id = key;
    r.bucket_key_enabled = 1;
    render(&r, OUT_HEAD "<ApplyServerSideEncryptionByDefault><SSEAlgorithm>aws:kms</SSEAlgorithm>"
                        "<KMSMasterKeyID>1234abcd-12ab-34cd-56ef-1234567890ab</KMSMasterKeyID>"
                        "</ApplyServerSideEncryptionByDefault><BucketKeyEnabled>true"
                        "</BucketKeyEnabled>" OUT_TAIL);
    r.kms_key_id = amp;
    r.bucket_key_enabled = -1; /* omitted by the PUT: echoed as false */
    r.blocked_types = blocked;
    render(&r, OUT_HEAD "<ApplyServerSideEncryptionByDefault><SSEAlgorithm>aws:kms</SSEAlgorithm>"
                        "<KMSMasterKeyID>a&amp;b&lt;c</KMSMasterKeyID>"
                        "</ApplyServerSideEncryptionByDefault><BucketKeyEnabled>false"
                        "</BucketKeyEnabled><BlockedEncryptionTypes><EncryptionType>NONE"
                        "</EncryptionType><EncryptionType>SSE-C</EncryptionType>"
                        "</BlockedEncryptionTypes>" OUT_TAIL);
}

/* Parse, render, parse again: the stored form survives the round trip. */
static void test_round_trip(void)
{
    const char *body = RULE1(DEF("aws:kms:dsse") "<KMSMasterKeyID>k</KMSMasterKeyID>"
                                                 "</ApplyServerSideEncryptionByDefault>"
                                                 "<BucketKeyEnabled>true</BucketKeyEnabled>"
                                                 "<BlockedEncryptionTypes><EncryptionType>SSE-C"
                                                 "</EncryptionType></BlockedEncryptionTypes>");
    struct s3_sse_row a, b;
    struct resp rs;

    s3_sse_row_init(&a);
    s3_sse_row_init(&b);
    resp_init(&rs);
    CHECK_INT(s3_sse_parse(body, strlen(body), &a), S3_OK);
    s3_sse_render(&a, &rs);
    CHECK_INT(s3_sse_parse(buf_str(&rs.body), rs.body.len, &b), S3_OK);
    CHECK_STR(b.algorithm, "aws:kms:dsse");
    CHECK_STR(b.kms_key_id, "k");
    CHECK_INT(b.bucket_key_enabled, 1);
    CHECK_STR(b.blocked_types, "SSE-C");
    resp_release(&rs);
    s3_sse_row_release(&a);
    s3_sse_row_release(&b);
}

int main(void)
{
    TEST(test_parse_rows);
    TEST(test_parse_cap);
    TEST(test_render);
    TEST(test_round_trip);
    return TEST_REPORT();
}
