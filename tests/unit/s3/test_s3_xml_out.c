/* test_s3_xml_out.c - the writer of S3's XML answers (server/s3/s3_xml.c): exact texts, and the
 * same bytes as libxml2's xmlTextWriter for the same writes (tests/lib/xmlref.c). */
#include "harness.h"

#include "lib/xmlref.h"
#include "server/s3/s3.h"

#include <stdlib.h>
#include <string.h>

static void test_exact_document(void)
{
    struct s3_xml x;
    struct resp rs;

    resp_init(&rs);
    CHECK_INT(s3_xml_start(&x, "ServerSideEncryptionConfiguration", 1), 0);
    s3_xml_open(&x, "Rule");
    s3_xml_open(&x, "ApplyServerSideEncryptionByDefault");
    s3_xml_elem(&x, "SSEAlgorithm", "aws:kms");
    s3_xml_elem(&x, "KMSMasterKeyID", "a<b>&\"c\"\r\n\td");
    s3_xml_close(&x);
    s3_xml_elem(&x, "BucketKeyEnabled", "");
    s3_xml_open(&x, "Empty");
    s3_xml_finish(&x, &rs, 200);
    CHECK_INT(rs.status, 200);
    CHECK_STR(resp_get_header(&rs, "Content-Type"), "application/xml");
    CHECK_STR(
        buf_str(&rs.body),
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<ServerSideEncryptionConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
        "<Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>aws:kms</SSEAlgorithm>"
        "<KMSMasterKeyID>a&lt;b&gt;&amp;&quot;c&quot;&#13;\n\td</KMSMasterKeyID>"
        "</ApplyServerSideEncryptionByDefault><BucketKeyEnabled></BucketKeyEnabled>"
        "<Empty/></Rule></ServerSideEncryptionConfiguration>");
    resp_release(&rs);
}

static void test_invalid_characters_replaced(void)
{
    char *owned = NULL;
    const char *t = s3_xml_clean("ok\x01x\xff\xc3\xa9", &owned);

    CHECK_STR(t, "ok\xEF\xBF\xBDx\xEF\xBF\xBD\xc3\xa9");
    CHECK(owned != NULL);
    free(owned);
    t = s3_xml_clean("plain \xc3\xa9", &owned);
    CHECK_STR(t, "plain \xc3\xa9");
    CHECK(owned == NULL);
    CHECK_STR(s3_xml_clean(NULL, &owned), "");
}

/* both writers, one program; the texts must be equal */
static void same(const char *prog, size_t len)
{
    char *ours = NULL, *ref = NULL;

    CHECK_INT(xmlref_run((const uint8_t *)prog, len, &ours, &ref), 0);
    CHECK_STR(ours ? ours : "(null)", ref ? ref : "(null)");
    free(ours);
    free(ref);
}

static void test_same_bytes_as_libxml2(void)
{
    /* root with namespace; open Rule, element with escapes, close; text in root; empty element;
     * an open element left for finish to close */
    static const char p1[] = "\x01"
                             "\x00\x01"
                             "\x03\x02\x0a<&>\"\r\n\t'x"
                             "\x01\x00"
                             "\x02\x00\x03a&b"
                             "\x03\x05\x00"
                             "\x00\x04"
                             "\x00\x07";
    static const char p2[] = "\x00"
                             "\x02\x00\x05\x01\xff\xc3\xa9z" /* invalid bytes become U+FFFD */
                             "\x01\x00"                      /* a close of the root: skipped */
                             "\x00\x01\x01\x00\x00\x01";
    char deep[64];
    size_t n = 0;

    same(p1, sizeof(p1) - 1);
    same(p2, sizeof(p2) - 1);
    same("", 0);
    deep[n++] = 1;
    while (n + 2 <= sizeof(deep)) { /* past the writer's depth: the extra opens are skipped */
        deep[n] = 0;
        deep[n + 1] = (char)n;
        n += 2;
    }
    same(deep, n);
}

int main(void)
{
    TEST(test_exact_document);
    TEST(test_invalid_characters_replaced);
    TEST(test_same_bytes_as_libxml2);
    return TEST_REPORT();
}
