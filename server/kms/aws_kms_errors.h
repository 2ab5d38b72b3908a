/* aws_kms_errors.h - every AWS KMS error answer cmkemu gives, one row each: enum -> status,
 * __type, message. Messages are AWS's words where recorded (shared reference
 * s3-bucket-encryption.md §4, AWS-recorded snapshots); "%s" marks where a value goes, in order.
 * Rows chosen where AWS is silent or unrecorded say so in aws_kms_errors.c. */
#ifndef CMKEMU_AWS_KMS_ERRORS_H
#define CMKEMU_AWS_KMS_ERRORS_H

#include "../api.h"

/* clang-format off */
#define AWS_KMS_ERRORS(X) \
    X(AWS_KMS_ERR_INTERNAL,             500, "KMSInternalException",          "") \
    X(AWS_KMS_ERR_UNKNOWN_OPERATION,    400, "UnknownOperationException",     "") \
    X(AWS_KMS_ERR_SERIALIZATION,        400, "SerializationException",        "") \
    X(AWS_KMS_ERR_MISSING,              400, "ValidationException",           "1 validation error detected: Value null at '%s' failed to satisfy constraint: Member must not be null") \
    X(AWS_KMS_ERR_INVALID_KEY_ID,       400, "NotFoundException",             "Invalid keyId '%s'") \
    X(AWS_KMS_ERR_KEY_NOT_FOUND,        400, "NotFoundException",             "Key '%s' does not exist") \
    X(AWS_KMS_ERR_INVALID_ARN_REGION,   400, "NotFoundException",             "Invalid arn %s") \
    X(AWS_KMS_ERR_ALIAS_NOT_FOUND,      400, "NotFoundException",             "Alias %s is not found.") \
    X(AWS_KMS_ERR_ALIAS_EXISTS,         400, "AlreadyExistsException",        "An alias with the name %s already exists") \
    X(AWS_KMS_ERR_ALIAS_PREFIX,         400, "ValidationException",           "Alias must start with the prefix \"alias/\". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html") \
    X(AWS_KMS_ERR_ALIAS_PATTERN,        400, "ValidationException",           "1 validation error detected: Value '%s' at 'aliasName' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9:/_-]+$") \
    X(AWS_KMS_ERR_ALIAS_LENGTH,         400, "ValidationException",           "1 validation error detected: Value '%s' at 'aliasName' failed to satisfy constraint: Member must have length less than or equal to 256") \
    X(AWS_KMS_ERR_ALIAS_COLON,          400, "ValidationException",           "%s contains invalid characters for an alias") \
    X(AWS_KMS_ERR_ALIAS_RESERVED,       400, "NotAuthorizedException",        "") \
    X(AWS_KMS_ERR_ALIAS_TARGET_ALIAS,   400, "ValidationException",           "Aliases must refer to keys. Not aliases") \
    X(AWS_KMS_ERR_DISABLED,             400, "DisabledException",             "%s is disabled.") \
    X(AWS_KMS_ERR_PENDING_DELETION,     400, "KMSInvalidStateException",      "%s is pending deletion.") \
    X(AWS_KMS_ERR_NOT_PENDING_DELETION, 400, "KMSInvalidStateException",      "%s is not pending deletion.") \
    X(AWS_KMS_ERR_MANAGED_KEY,          400, "NotAuthorizedException",        "") \
    X(AWS_KMS_ERR_KEY_SPEC_ENUM,        400, "ValidationException",           "1 validation error detected: Value '%s' at 'keySpec' failed to satisfy constraint: Member must satisfy enum value set: [RSA_2048, ECC_NIST_P384, ECC_NIST_P256, ECC_NIST_P521, HMAC_384, RSA_3072, ECC_SECG_P256K1, RSA_4096, SYMMETRIC_DEFAULT, HMAC_256, HMAC_224, HMAC_512]") \
    X(AWS_KMS_ERR_CMK_SPEC_ENUM,        400, "ValidationException",           "1 validation error detected: Value '%s' at 'customerMasterKeySpec' failed to satisfy constraint: Member must satisfy enum value set: [RSA_2048, ECC_NIST_P384, ECC_NIST_P256, ECC_NIST_P521, HMAC_384, RSA_3072, ECC_SECG_P256K1, RSA_4096, SYMMETRIC_DEFAULT, HMAC_256, HMAC_224, HMAC_512]") \
    X(AWS_KMS_ERR_BOTH_SPECS,           400, "ValidationException",           "You cannot specify KeySpec and CustomerMasterKeySpec in the same request. CustomerMasterKeySpec is deprecated.") \
    X(AWS_KMS_ERR_KEY_USAGE_ENUM,       400, "ValidationException",           "1 validation error detected: Value '%s' at 'keyUsage' failed to satisfy constraint: Member must satisfy enum value set: [ENCRYPT_DECRYPT, SIGN_VERIFY, GENERATE_VERIFY_MAC]") \
    X(AWS_KMS_ERR_KEY_USAGE_REQUIRED,   400, "ValidationException",           "You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys.") \
    X(AWS_KMS_ERR_KEY_USAGE_SPEC,       400, "ValidationException",           "KeyUsage %s is not compatible with KeySpec %s") \
    X(AWS_KMS_ERR_ORIGIN_ENUM,          400, "ValidationException",           "1 validation error detected: Value '%s' at 'origin' failed to satisfy constraint: Member must satisfy enum value set: [EXTERNAL_KEY_STORE, AWS_CLOUDHSM, AWS_KMS, EXTERNAL]") \
    X(AWS_KMS_ERR_ORIGIN_UNSUPPORTED,   400, "UnsupportedOperationException", "%s origin is not supported.") \
    X(AWS_KMS_ERR_DESCRIPTION_LENGTH,   400, "ValidationException",           "1 validation error detected: Value at 'description' failed to satisfy constraint: Member must have length less than or equal to 8192") \
    X(AWS_KMS_ERR_TAG_KEY_LENGTH,       400, "ValidationException",           "1 validation error detected: Value '%s' at 'tags.%s.member.tagKey' failed to satisfy constraint: Member must have length less than or equal to 128") \
    X(AWS_KMS_ERR_TAG_VALUE_LENGTH,     400, "ValidationException",           "1 validation error detected: Value '%s' at 'tags.%s.member.tagValue' failed to satisfy constraint: Member must have length less than or equal to 256") \
    X(AWS_KMS_ERR_TAG_RESERVED,         400, "TagException",                  "Tags beginning with aws: are reserved") \
    X(AWS_KMS_ERR_TAG_DUPLICATE,        400, "TagException",                  "Duplicate tag keys") \
    X(AWS_KMS_ERR_TAG_TOO_MANY,         400, "TagException",                  "Too many tags") \
    X(AWS_KMS_ERR_LIMIT_LOW,            400, "ValidationException",           "1 validation error detected: Value '%s' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1") \
    X(AWS_KMS_ERR_LIMIT_HIGH,           400, "ValidationException",           "1 validation error detected: Value '%s' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 1000") \
    X(AWS_KMS_ERR_INVALID_MARKER,       400, "InvalidMarkerException",        "") \
    X(AWS_KMS_ERR_PENDING_WINDOW,       400, "ValidationException",           "PendingWindowInDays should be between 7 and 30, but it is %s") \
    /* --auth strict (aws_kms_auth.c) */ \
    X(AWS_KMS_ERR_MISSING_AUTH,         400, "MissingAuthenticationTokenException", "Missing Authentication Token") \
    X(AWS_KMS_ERR_UNRECOGNIZED_CLIENT,  400, "UnrecognizedClientException",   "The security token included in the request is invalid.") \
    X(AWS_KMS_ERR_INVALID_SIGNATURE,    400, "InvalidSignatureException",     "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.") \
    X(AWS_KMS_ERR_SIGNATURE_DETAIL,     400, "InvalidSignatureException",     "%s") \
    X(AWS_KMS_ERR_INCOMPLETE_SIGNATURE, 400, "IncompleteSignatureException",  "%s")
/* clang-format on */

#define AWS_KMS_ERR_ENUM(id, status, code, msg) id,
enum aws_kms_err { AWS_KMS_OK = 0, AWS_KMS_ERRORS(AWS_KMS_ERR_ENUM) AWS_KMS_ERR__COUNT };
#undef AWS_KMS_ERR_ENUM

/* The row for e; an out-of-range e gives the KMSInternalException row. */
const struct api_error *aws_kms_error_row(int e);

/* Answers e as {"__type","message"} with the message's "%s" holes filled from a1 then a2
 * (NULL -> ""), and returns e. */
int aws_kms_fail2(struct resp *rs, int e, const char *a1, const char *a2);
int aws_kms_fail(struct resp *rs, int e, const char *arg);

#endif
