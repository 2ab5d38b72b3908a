/* aws_kms_ids.h - the four ways a request names an AWS KMS key (key id, key ARN, alias name,
 * alias ARN) and the ARNs cmkemu builds. Pure string work: no storage, no allocation.
 * Formats: shared reference s3-bucket-encryption.md §4.1. */
#ifndef CMKEMU_AWS_KMS_IDS_H
#define CMKEMU_AWS_KMS_IDS_H

#include <stddef.h>

#define AWS_KMS_KEY_ID_MAX 64  /* a uuid is 36 characters, an mrk id 36 */
#define AWS_KMS_ALIAS_MAX  256 /* AliasNameType max length */
#define AWS_KMS_ARN_MAX    400

enum aws_kms_ref_kind {
    AWS_KMS_REF_KEY_ID,  /* 1234abcd-12ab-34cd-56ef-1234567890ab, mrk-<32 hex>, or anything else */
    AWS_KMS_REF_KEY_ARN, /* arn:<partition>:kms:<region>:<account>:key/<id> */
    AWS_KMS_REF_ALIAS_NAME, /* alias/<name> */
    AWS_KMS_REF_ALIAS_ARN,  /* arn:<partition>:kms:<region>:<account>:alias/<name> */
    AWS_KMS_REF_BAD_ARN     /* starts with "arn:" but is neither ARN form */
};

struct aws_kms_ref {
    enum aws_kms_ref_kind kind;
    char region[64];              /* ARN forms only */
    char account[64];             /* ARN forms only */
    char key_id[AWS_KMS_ARN_MAX]; /* key forms: the id part, as sent (may be malformed) */
    char alias[AWS_KMS_ARN_MAX];  /* alias forms: "alias/<name>" */
};

/* Splits s into its form. Never fails: a string too long for a field is cut, and such a
 * string can never name a stored key. */
void aws_kms_ref_parse(const char *s, struct aws_kms_ref *out);

/* 1 when s is a well-formed key id: a uuid (hex digits of either case) or "mrk-" followed by
 * 32 hex digits without dashes. */
int aws_kms_key_id_valid(const char *s);
/* 1 when s fits AliasNameType: 1..256 characters of [a-zA-Z0-9:/_-]. */
int aws_kms_alias_name_valid(const char *s);
/* 1 when s starts with "alias/". */
int aws_kms_alias_prefixed(const char *s);
/* 1 when s is in the "alias/aws/" namespace AWS keeps for AWS managed keys. */
int aws_kms_alias_reserved(const char *s);

/* "aws", "aws-cn" (cn-*) or "aws-us-gov" (us-gov-*). */
const char *aws_kms_partition(const char *region);
/* arn:<partition>:kms:<region>:<account>:key/<key_id> into out (size n). */
void aws_kms_key_arn(char *out, size_t n, const char *region, const char *account,
                     const char *key_id);
/* arn:<partition>:kms:<region>:<account>:<alias> (alias includes "alias/"). */
void aws_kms_alias_arn(char *out, size_t n, const char *region, const char *account,
                       const char *alias);

#endif
