/* aws_kms_ids.c - parsing of AWS KMS key ids, key ARNs, alias names and alias ARNs, and the
 * ARNs cmkemu renders. No I/O. */
#include "aws_kms_ids.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

static void copy_n(char *out, size_t n, const char *s, size_t len)
{
    if (len >= n)
        len = n - 1;
    memcpy(out, s, len);
    out[len] = '\0';
}

static int all_hex(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isxdigit((unsigned char)s[i]))
            return 0;
    return 1;
}

int aws_kms_key_id_valid(const char *s)
{
    static const size_t groups[] = { 8, 4, 4, 4, 12 };
    const char *p = s;

    if (!strncmp(s, "mrk-", 4))
        return strlen(s) == 36 && all_hex(s + 4, 32);
    if (strlen(s) != 36)
        return 0;
    for (size_t g = 0; g < 5; g++) {
        if (!all_hex(p, groups[g]))
            return 0;
        p += groups[g];
        if (g < 4 && *p++ != '-')
            return 0;
    }
    return 1;
}

int aws_kms_alias_name_valid(const char *s)
{
    size_t n = strlen(s);

    if (n < 1 || n > AWS_KMS_ALIAS_MAX)
        return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];

        if (!isalnum(c) && c != ':' && c != '/' && c != '_' && c != '-')
            return 0;
    }
    return 1;
}

int aws_kms_alias_prefixed(const char *s)
{
    return !strncmp(s, "alias/", 6);
}

int aws_kms_alias_reserved(const char *s)
{
    return !strncmp(s, "alias/aws/", 10);
}

const char *aws_kms_partition(const char *region)
{
    if (!strncmp(region, "cn-", 3))
        return "aws-cn";
    if (!strncmp(region, "us-gov-", 7))
        return "aws-us-gov";
    return "aws";
}

void aws_kms_key_arn(char *out, size_t n, const char *region, const char *account,
                     const char *key_id)
{
    snprintf(out, n, "arn:%s:kms:%s:%s:key/%s", aws_kms_partition(region), region, account, key_id);
}

void aws_kms_alias_arn(char *out, size_t n, const char *region, const char *account,
                       const char *alias)
{
    snprintf(out, n, "arn:%s:kms:%s:%s:%s", aws_kms_partition(region), region, account, alias);
}

/* "arn:<partition>:kms:<region>:<account>:<resource>": fills region and account and returns
 * the resource, or NULL when s does not have six colon-separated parts with service kms. */
static const char *arn_split(const char *s, struct aws_kms_ref *out)
{
    const char *part[5];
    const char *p = s;

    for (int i = 0; i < 5; i++) {
        const char *c = strchr(p, ':');

        if (!c)
            return NULL;
        part[i] = p;
        p = c + 1;
    }
    /* part[0] "arn", part[1] partition, part[2] service, part[3] region, part[4] account */
    if (strncmp(part[1], "aws", 3) || strncmp(part[2], "kms:", 4))
        return NULL;
    copy_n(out->region, sizeof(out->region), part[3], (size_t)(part[4] - part[3] - 1));
    copy_n(out->account, sizeof(out->account), part[4], (size_t)(p - part[4] - 1));
    return p;
}

void aws_kms_ref_parse(const char *s, struct aws_kms_ref *out)
{
    memset(out, 0, sizeof(*out));
    if (!strncmp(s, "arn:", 4)) {
        const char *res = arn_split(s, out);

        if (res && !strncmp(res, "key/", 4)) {
            out->kind = AWS_KMS_REF_KEY_ARN;
            copy_n(out->key_id, sizeof(out->key_id), res + 4, strlen(res + 4));
        } else if (res && !strncmp(res, "alias/", 6)) {
            out->kind = AWS_KMS_REF_ALIAS_ARN;
            copy_n(out->alias, sizeof(out->alias), res, strlen(res));
        } else {
            out->kind = AWS_KMS_REF_BAD_ARN;
            out->region[0] = out->account[0] = '\0';
            copy_n(out->key_id, sizeof(out->key_id), s, strlen(s));
        }
        return;
    }
    if (aws_kms_alias_prefixed(s)) {
        out->kind = AWS_KMS_REF_ALIAS_NAME;
        copy_n(out->alias, sizeof(out->alias), s, strlen(s));
        return;
    }
    out->kind = AWS_KMS_REF_KEY_ID;
    copy_n(out->key_id, sizeof(out->key_id), s, strlen(s));
}
