/* s3_sse.c - parse, validate and render ServerSideEncryptionConfiguration (libxml2 tree in,
 * s3_xml writer out). Pure: no I/O, no storage. */
#include "s3_sse.h"

#include "s3.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SSE_MAX_CHILDREN 16
#define SSE_MAX_BLOCKED  8

/* CHOICE: aws:fsx, an SSEAlgorithm of FSx access points, is refused on general-purpose buckets
 * like any value outside this list (MalformedXML). */
static const char *const sse_algorithms[] = { "AES256", "aws:kms", "aws:kms:dsse" };
static const char *const blocked_types[] = { "NONE", "SSE-C" };

static int in_list(const char *s, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(s, list[i]))
            return 1;
    return 0;
}

/* xs:boolean after whitespace collapse: true/1 -> 1, false/0 -> 0, anything else -> -1. */
static int parse_bool(const char *s)
{
    size_t n;

    s += strspn(s, " \t\r\n");
    n = strlen(s);
    while (n && strchr(" \t\r\n", s[n - 1]))
        n--;
    if ((n == 4 && !strncmp(s, "true", 4)) || (n == 1 && s[0] == '1'))
        return 1;
    if ((n == 5 && !strncmp(s, "false", 5)) || (n == 1 && s[0] == '0'))
        return 0;
    return -1;
}

/* <ApplyServerSideEncryptionByDefault>: SSEAlgorithm (required) and KMSMasterKeyID, in either
 * order, each at most once. */
static int parse_default(const xmlNode *n, struct s3_sse_row *r)
{
    const xmlNode *c[SSE_MAX_CHILDREN];
    int nc = s3_xml_children(n, c, SSE_MAX_CHILDREN);
    int have_alg = 0;

    if (nc < 0)
        return S3_ERR_MALFORMED_XML;
    for (int i = 0; i < nc; i++) {
        char *t;

        if (s3_xml_is(c[i], "SSEAlgorithm") && !have_alg) {
            t = s3_xml_text(c[i]);
            /* missing, empty or unknown SSEAlgorithm -> MalformedXML (s3-spec §2 #5, #6) */
            if (!t ||
                !in_list(t, sse_algorithms, sizeof(sse_algorithms) / sizeof(*sse_algorithms))) {
                free(t);
                return S3_ERR_MALFORMED_XML;
            }
            snprintf(r->algorithm, sizeof(r->algorithm), "%s", t); /* one of sse_algorithms */
            free(t);
            have_alg = 1;
        } else if (s3_xml_is(c[i], "KMSMasterKeyID") && !r->kms_key_id) {
            /* stored exactly as sent, never validated on general-purpose buckets (§2 #10) */
            r->kms_key_id = s3_xml_text(c[i]);
            if (!r->kms_key_id)
                return S3_ERR_MALFORMED_XML;
        } else {
            return S3_ERR_MALFORMED_XML;
        }
    }
    return have_alg ? S3_OK : S3_ERR_MALFORMED_XML;
}

/* <BlockedEncryptionTypes>: a flattened list of <EncryptionType> NONE|SSE-C, stored as
 * "NONE,SSE-C" in the order sent. CHOICE: an empty list is stored as no list. */
static int parse_blocked(const xmlNode *n, struct s3_sse_row *r)
{
    const xmlNode *c[SSE_MAX_BLOCKED];
    int nc = s3_xml_children(n, c, SSE_MAX_BLOCKED);
    char joined[SSE_MAX_BLOCKED * 8] = "";

    if (nc < 0)
        return S3_ERR_MALFORMED_XML;
    for (int i = 0; i < nc; i++) {
        char *t = s3_xml_is(c[i], "EncryptionType") ? s3_xml_text(c[i]) : NULL;

        if (!t || !in_list(t, blocked_types, sizeof(blocked_types) / sizeof(*blocked_types))) {
            free(t);
            return S3_ERR_MALFORMED_XML;
        }
        snprintf(joined + strlen(joined), sizeof(joined) - strlen(joined), "%s%s", i ? "," : "", t);
        free(t);
    }
    if (nc && !(r->blocked_types = strdup(joined)))
        return S3_ERR_INTERNAL;
    return S3_OK;
}

/* <Rule>: ApplyServerSideEncryptionByDefault (required here, s3-spec §2 #4), BucketKeyEnabled,
 * BlockedEncryptionTypes, in any order, each at most once. */
static int parse_rule(const xmlNode *n, struct s3_sse_row *r)
{
    const xmlNode *c[SSE_MAX_CHILDREN];
    int nc = s3_xml_children(n, c, SSE_MAX_CHILDREN);
    int have_default = 0, have_bke = 0, have_blocked = 0;
    int err;

    if (nc < 0)
        return S3_ERR_MALFORMED_XML;
    for (int i = 0; i < nc; i++) {
        if (s3_xml_is(c[i], "ApplyServerSideEncryptionByDefault") && !have_default) {
            have_default = 1;
            err = parse_default(c[i], r);
        } else if (s3_xml_is(c[i], "BucketKeyEnabled") && !have_bke) {
            char *t = s3_xml_text(c[i]);

            have_bke = 1;
            /* CHOICE: a non-boolean BucketKeyEnabled is MalformedXML (§2 #12, UNVERIFIED) */
            r->bucket_key_enabled = t ? parse_bool(t) : -1;
            err = r->bucket_key_enabled < 0 ? S3_ERR_MALFORMED_XML : S3_OK;
            free(t);
        } else if (s3_xml_is(c[i], "BlockedEncryptionTypes") && !have_blocked) {
            have_blocked = 1;
            err = parse_blocked(c[i], r);
        } else {
            err = S3_ERR_MALFORMED_XML;
        }
        if (err)
            return err;
    }
    return have_default ? S3_OK : S3_ERR_MALFORMED_XML;
}

int s3_sse_parse(const char *body, size_t len, struct s3_sse_row *r)
{
    xmlDocPtr doc = NULL;
    const xmlNode *rules[2];
    int n, err;

    /* not well-formed, empty body, DOCTYPE -> MalformedXML (§2 #13) */
    err = s3_xml_read(body, len, &doc);
    if (err)
        return err;
    /* CHOICE: the root may carry the S3 namespace or none (§2 #14); another is refused. */
    if (!s3_xml_is(xmlDocGetRootElement(doc), "ServerSideEncryptionConfiguration")) {
        err = S3_ERR_MALFORMED_XML;
        goto out;
    }
    /* exactly one <Rule>: none (Rules=[]) or two -> MalformedXML (§2 #2, #3; AWS-rec) */
    n = s3_xml_children(xmlDocGetRootElement(doc), rules, 2);
    if (n != 1 || !s3_xml_is(rules[0], "Rule")) {
        err = S3_ERR_MALFORMED_XML;
        goto out;
    }
    err = parse_rule(rules[0], r);
    if (err)
        goto out;
    /* AES256 + KMSMasterKeyID -> InvalidArgument; dsse + key is allowed (§2 #8, #9; AWS-rec) */
    if (r->kms_key_id && !strcmp(r->algorithm, "AES256"))
        err = S3_ERR_KMS_KEY_NOT_APPLICABLE;
out:
    xmlFreeDoc(doc);
    return err;
}

void s3_sse_render(const struct s3_sse_row *r, struct resp *rs)
{
    struct s3_xml x;
    const char *blocked = r->blocked_types;

    if (s3_xml_start(&x, "ServerSideEncryptionConfiguration", 1)) {
        resp_status(rs, 500);
        return;
    }
    s3_xml_open(&x, "Rule");
    s3_xml_open(&x, "ApplyServerSideEncryptionByDefault");
    s3_xml_elem(&x, "SSEAlgorithm", r->algorithm[0] ? r->algorithm : "AES256");
    if (r->algorithm[0] && r->kms_key_id)
        s3_xml_elem(&x, "KMSMasterKeyID", r->kms_key_id);
    s3_xml_close(&x);
    /* CHOICE: BucketKeyEnabled is always echoed, false when the PUT left it out (§1.2) */
    s3_xml_elem(&x, "BucketKeyEnabled", r->bucket_key_enabled == 1 ? "true" : "false");
    if (r->algorithm[0] && blocked && *blocked) {
        s3_xml_open(&x, "BlockedEncryptionTypes");
        while (*blocked) {
            char one[16];
            size_t n = strcspn(blocked, ",");

            if (n >= sizeof(one))
                n = sizeof(one) - 1;
            memcpy(one, blocked, n);
            one[n] = '\0';
            s3_xml_elem(&x, "EncryptionType", one);
            blocked += strcspn(blocked, ",");
            if (*blocked == ',')
                blocked++;
        }
        s3_xml_close(&x);
    }
    s3_xml_finish(&x, rs, 200);
}
