/* test_s3_object_list.c - ListObjectsV2 through the router: the exact ListBucketResult,
 * prefixes and delimiters, paging with continuation tokens, start-after, encoding-type=url and
 * the argument errors (server/s3/s3_list_objects.c). */
#include "s3_call.h"

#define LM   "<LastModified>2025-11-24T16:00:00.000Z</LastModified>"
#define ETAG "<ETag>&quot;0cc175b9c0f1b6a831c399e269772661&quot;</ETag>" /* MD5 of "a" */
#define CONTENTS(key)                      \
    "<Contents><Key>" key "</Key>" LM ETAG \
    "<Size>1</Size><StorageClass>STANDARD</StorageClass></Contents>"
#define HEAD(extra) S3_XMLDECL "<ListBucketResult " S3_NS "><Name>list-b</Name>" extra
#define END         "</ListBucketResult>"

static struct apitest t;

static void setup(void)
{
    static const char *const keys[] = { "a/1", "a/2", "a/b/3", "b/1", "c", "d e+f" };
    char target[64];
    struct resp rs;

    resp_init(&rs);
    s3_new_bucket(&t, "list-b");
    for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
        snprintf(target, sizeof(target), "/list-b/%s", keys[i]);
        s3_call(&t, "PUT", target, NULL, NULL, "a", &rs);
        CHECK_INT(rs.status, 200);
    }
    resp_release(&rs);
}

static void test_all(void)
{
    struct resp rs;

    resp_init(&rs);
    s3_call(&t, "GET", "/list-b?list-type=2", NULL, NULL, NULL, &rs);
    CHECK_INT(rs.status, 200);
    CHECK_STR(buf_str(&rs.body),
              HEAD("<Prefix></Prefix><KeyCount>6</KeyCount><MaxKeys>1000</MaxKeys>"
                   "<IsTruncated>false</IsTruncated>") CONTENTS("a/1") CONTENTS("a/2")
                  CONTENTS("a/b/3") CONTENTS("b/1") CONTENTS("c") CONTENTS("d e+f") END);
    s3_call(&t, "GET", "/list-b?list-type=2&prefix=zzz", NULL, NULL, NULL, &rs);
    CHECK_STR(buf_str(&rs.body), HEAD("<Prefix>zzz</Prefix><KeyCount>0</KeyCount><MaxKeys>1000"
                                      "</MaxKeys><IsTruncated>false</IsTruncated>") END);
    resp_release(&rs);
}

static void test_delimiter(void)
{
    struct resp rs;

    resp_init(&rs);
    s3_call(&t, "GET", "/list-b?list-type=2&delimiter=/", NULL, NULL, NULL, &rs);
    CHECK_STR(buf_str(&rs.body),
              HEAD("<Prefix></Prefix><KeyCount>4</KeyCount><MaxKeys>1000</MaxKeys>"
                   "<Delimiter>/</Delimiter><IsTruncated>false</IsTruncated>") CONTENTS("c")
                  CONTENTS("d e+f") "<CommonPrefixes><Prefix>a/</Prefix></CommonPrefixes>"
                                    "<CommonPrefixes><Prefix>b/</Prefix></CommonPrefixes>" END);
    s3_call(&t, "GET", "/list-b?list-type=2&delimiter=/&prefix=a/", NULL, NULL, NULL, &rs);
    CHECK_STR(buf_str(&rs.body),
              HEAD("<Prefix>a/</Prefix><KeyCount>3</KeyCount><MaxKeys>1000</MaxKeys>"
                   "<Delimiter>/</Delimiter><IsTruncated>false</IsTruncated>") CONTENTS("a/1")
                  CONTENTS("a/2") "<CommonPrefixes><Prefix>a/b/</Prefix></CommonPrefixes>" END);
    resp_release(&rs);
}

/* Pages of two with a delimiter: a common prefix counts as one and is never repeated. */
static void test_paging(void)
{
    struct resp rs;
    char target[256], token[128];
    const char *p, *e;

    resp_init(&rs);
    s3_call(&t, "GET", "/list-b?list-type=2&delimiter=/&max-keys=2", NULL, NULL, NULL, &rs);
    CHECK_CONTAINS(buf_str(&rs.body), "<KeyCount>2</KeyCount><MaxKeys>2</MaxKeys>");
    CHECK_CONTAINS(buf_str(&rs.body), "<IsTruncated>true</IsTruncated>");
    CHECK_CONTAINS(buf_str(&rs.body),
                   "<CommonPrefixes><Prefix>a/</Prefix></CommonPrefixes><CommonPrefixes>"
                   "<Prefix>b/</Prefix></CommonPrefixes>");
    p = strstr(buf_str(&rs.body), "<NextContinuationToken>");
    CHECK(p != NULL);
    if (!p)
        return;
    p += strlen("<NextContinuationToken>");
    e = strchr(p, '<');
    snprintf(token, sizeof(token), "%.*s", (int)(e - p), p);
    snprintf(target, sizeof(target),
             "/list-b?list-type=2&delimiter=/&max-keys=2&continuation-token=%s", token);
    s3_call(&t, "GET", target, NULL, NULL, NULL, &rs);
    {
        char want[2048];

        snprintf(want, sizeof(want),
                 HEAD("<Prefix></Prefix><ContinuationToken>%s</ContinuationToken><KeyCount>2"
                      "</KeyCount><MaxKeys>2</MaxKeys><Delimiter>/</Delimiter><IsTruncated>false"
                      "</IsTruncated>") CONTENTS("c") CONTENTS("d e+f") END,
                 token);
        CHECK_STR(buf_str(&rs.body), want);
    }
    s3_call(&t, "GET", "/list-b?list-type=2&max-keys=0", NULL, NULL, NULL, &rs);
    CHECK_STR(buf_str(&rs.body), HEAD("<Prefix></Prefix><KeyCount>0</KeyCount><MaxKeys>0"
                                      "</MaxKeys><IsTruncated>false</IsTruncated>") END);
    resp_release(&rs);
}

static void test_start_after_and_url(void)
{
    struct resp rs;

    resp_init(&rs);
    s3_call(&t, "GET", "/list-b?list-type=2&start-after=b/1", NULL, NULL, NULL, &rs);
    CHECK_STR(buf_str(&rs.body),
              HEAD("<Prefix></Prefix><StartAfter>b/1</StartAfter><KeyCount>2</KeyCount><MaxKeys>"
                   "1000</MaxKeys><IsTruncated>false</IsTruncated>") CONTENTS("c") CONTENTS("d e+f")
                  END);
    s3_call(&t, "GET", "/list-b?list-type=2&start-after=c&encoding-type=url", NULL, NULL, NULL,
            &rs);
    CHECK_STR(buf_str(&rs.body),
              HEAD("<Prefix></Prefix><StartAfter>c</StartAfter><KeyCount>1</KeyCount><MaxKeys>"
                   "1000</MaxKeys><EncodingType>url</EncodingType><IsTruncated>false"
                   "</IsTruncated>") CONTENTS("d+e%2Bf") END);
    resp_release(&rs);
}

static void test_errors(void)
{
    struct resp rs;

    resp_init(&rs);
    s3_call(&t, "GET", "/list-b?list-type=2&max-keys=abc", NULL, NULL, NULL, &rs);
    s3_check_error(&rs, 400, "InvalidArgument",
                   "Provided max-keys not an integer or within integer range",
                   "<ArgumentName>max-keys</ArgumentName><ArgumentValue>abc</ArgumentValue>");
    s3_call(&t, "GET", "/list-b?list-type=2&encoding-type=base64", NULL, NULL, NULL, &rs);
    s3_check_error(&rs, 400, "InvalidArgument", "Invalid Encoding Method specified in Request",
                   "<ArgumentName>encoding-type</ArgumentName>"
                   "<ArgumentValue>base64</ArgumentValue>");
    s3_call(&t, "GET", "/list-b?list-type=2&continuation-token=nothex", NULL, NULL, NULL, &rs);
    s3_check_error(&rs, 400, "InvalidArgument", "The continuation token provided is incorrect",
                   "<ArgumentName>continuation-token</ArgumentName>");
    s3_call(&t, "GET", "/list-none?list-type=2", NULL, NULL, NULL, &rs);
    s3_check_error(&rs, 404, "NoSuchBucket", "The specified bucket does not exist",
                   "<BucketName>list-none</BucketName>");
    s3_call(&t, "GET", "/list-b", NULL, NULL, NULL, &rs); /* ListObjects version 1 */
    CHECK_INT(rs.status, 501);
    resp_release(&rs);
}

int main(void)
{
    if (apitest_open(&t))
        return 1;
    setup();
    TEST(test_all);
    TEST(test_delimiter);
    TEST(test_paging);
    TEST(test_start_after_and_url);
    TEST(test_errors);
    apitest_close(&t);
    return TEST_REPORT();
}
