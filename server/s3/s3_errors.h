/* s3_errors.h - every S3 error answer cmkemu gives, one row each: enum -> status, code, message.
 *
 * Messages are AWS's exact words; "%s" marks where s3_fail_arg() puts a value. Two rows may
 * share a code; handlers never reword a message. Sources: shared reference s3-bucket-encryption.md.
 */
#ifndef CMKEMU_S3_ERRORS_H
#define CMKEMU_S3_ERRORS_H

#include "../api.h"

/* clang-format off */
#define S3_ERRORS(X) \
    X(S3_ERR_INTERNAL,                    500, "InternalError",                      "We encountered an internal error. Please try again.") \
    X(S3_ERR_NO_SUCH_BUCKET,              404, "NoSuchBucket",                       "The specified bucket does not exist") \
    X(S3_ERR_NO_SUCH_KEY,                 404, "NoSuchKey",                          "The specified key does not exist.") \
    X(S3_ERR_MALFORMED_XML,               400, "MalformedXML",                       "The XML you provided was not well-formed or did not validate against our published schema") \
    X(S3_ERR_KMS_KEY_NOT_APPLICABLE,      400, "InvalidArgument",                    "a KMSMasterKeyID is not applicable if the default sse algorithm is not aws:kms or aws:kms:dsse") \
    X(S3_ERR_INVALID_DIGEST,              400, "InvalidDigest",                      "The Content-MD5 you specified was invalid.") \
    X(S3_ERR_BAD_DIGEST_MD5,              400, "BadDigest",                          "The Content-MD5 you specified did not match what we received.") \
    X(S3_ERR_CHECKSUM_ALG_NO_HEADER,      400, "InvalidRequest",                     "x-amz-sdk-checksum-algorithm specified, but no corresponding x-amz-checksum-* or x-amz-trailer headers were found.") \
    X(S3_ERR_CHECKSUM_ALG_INVALID,        400, "InvalidRequest",                     "Value for x-amz-sdk-checksum-algorithm header is invalid.") \
    X(S3_ERR_CHECKSUM_VALUE_INVALID,      400, "InvalidRequest",                     "Value for x-amz-checksum-%s header is invalid.") \
    X(S3_ERR_BAD_DIGEST_CHECKSUM,         400, "BadDigest",                          "The %s you specified did not match the calculated checksum.") \
    X(S3_ERR_CHECKSUM_MULTIPLE,           400, "InvalidRequest",                     "Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.") \
    X(S3_ERR_CHECKSUM_HEADER_AND_TRAILER, 400, "InvalidRequest",                     "Expecting a single x-amz-checksum- header") \
    X(S3_ERR_MALFORMED_TRAILER,           400, "MalformedTrailerError",              "The request contained trailing data that was not well-formed or did not conform to our published schema.") \
    X(S3_ERR_CHECKSUM_TYPE_INVALID,       400, "InvalidRequest",                     "The algorithm type you specified in x-amz-checksum- header is invalid.") \
    X(S3_ERR_CHECKSUM_REQUIRED,           400, "InvalidRequest",                     "Missing required header for this request: Content-MD5 OR x-amz-checksum-*") \
    X(S3_ERR_CONTENT_SHA256_MISMATCH,     400, "XAmzContentSHA256Mismatch",          "The provided 'x-amz-content-sha256' header does not match what was computed.") \
    X(S3_ERR_ACCESS_DENIED,               403, "AccessDenied",                       "Access Denied") \
    X(S3_ERR_INVALID_BUCKET_OWNER,        400, "InvalidBucketOwnerAWSAccountID",     "The value of the expected bucket owner parameter must be an AWS Account ID... [%s]") \
    X(S3_ERR_INVALID_LOCATION,            400, "InvalidLocationConstraint",          "The specified location-constraint is not valid") \
    X(S3_ERR_LOCATION_UNSPECIFIED,        400, "IllegalLocationConstraintException", "The unspecified location constraint is incompatible for the region specific endpoint this request was sent to.") \
    X(S3_ERR_LOCATION_INCOMPATIBLE,       400, "IllegalLocationConstraintException", "The %s location constraint is incompatible for the region specific endpoint this request was sent to.") \
    X(S3_ERR_BUCKET_OWNED_BY_YOU,         409, "BucketAlreadyOwnedByYou",            "Your previous request to create the named bucket succeeded and you already own it.") \
    X(S3_ERR_BUCKET_EXISTS,               409, "BucketAlreadyExists",                "The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.") \
    X(S3_ERR_INVALID_BUCKET_NAME,         400, "InvalidBucketName",                  "The specified bucket is not valid.") \
    X(S3_ERR_BUCKET_NOT_EMPTY,            409, "BucketNotEmpty",                     "The bucket you tried to delete is not empty") \
    X(S3_ERR_MAX_MESSAGE_LENGTH,          400, "MaxMessageLengthExceeded",           "Your request was too big.") \
    X(S3_ERR_METHOD_NOT_ALLOWED,          405, "MethodNotAllowed",                   "The specified method is not allowed against this resource.") \
    X(S3_ERR_NOT_IMPLEMENTED,             501, "NotImplemented",                     "A header you provided implies functionality that is not implemented") \
    /* --auth strict (s3_auth.c) */ \
    X(S3_ERR_INVALID_ACCESS_KEY_ID,       403, "InvalidAccessKeyId",                 "The AWS Access Key Id you provided does not exist in our records.") \
    X(S3_ERR_SIGNATURE_DOES_NOT_MATCH,    403, "SignatureDoesNotMatch",              "The request signature we calculated does not match the signature you provided. Check your key and signing method.") \
    X(S3_ERR_REQUEST_TIME_TOO_SKEWED,     403, "RequestTimeTooSkewed",               "The difference between the request time and the current time is too large.") \
    X(S3_ERR_REQUEST_EXPIRED,             403, "AccessDenied",                       "Request has expired") \
    X(S3_ERR_AUTH_NO_DATE,                403, "AccessDenied",                       "AWS authentication requires a valid Date or x-amz-date header") \
    X(S3_ERR_HEADERS_NOT_SIGNED,          403, "AccessDenied",                       "There were headers present in the request which were not signed") \
    X(S3_ERR_AUTH_HEADER_MALFORMED,       400, "AuthorizationHeaderMalformed",       "The authorization header is malformed; %s") \
    X(S3_ERR_AUTH_QUERY_MALFORMED,        400, "AuthorizationQueryParametersError",  "%s") \
    X(S3_ERR_AUTH_MECHANISM,              400, "InvalidRequest",                     "The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.") \
    X(S3_ERR_AUTH_TYPE,                   400, "InvalidArgument",                    "Unsupported Authorization Type") \
    X(S3_ERR_MISSING_CONTENT_SHA256,      400, "InvalidRequest",                     "Missing required header for this request: x-amz-content-sha256") \
    X(S3_ERR_ENTITY_TOO_LARGE,            400, "EntityTooLarge",                     "Your proposed upload exceeds the maximum allowed size") \
    X(S3_ERR_KEY_TOO_LONG,                400, "KeyTooLongError",                    "Your key is too long") \
    X(S3_ERR_METADATA_TOO_LARGE,          400, "MetadataTooLarge",                   "Your metadata headers exceed the maximum allowed metadata size") \
    X(S3_ERR_INCOMPLETE_BODY,             400, "IncompleteBody",                     "You did not provide the number of bytes specified by the Content-Length HTTP header.") \
    X(S3_ERR_INVALID_STORAGE_CLASS,       400, "InvalidStorageClass",                "The storage class you specified is not valid") \
    X(S3_ERR_INVALID_RANGE,               416, "InvalidRange",                       "The requested range is not satisfiable") \
    X(S3_ERR_SSE_UNSUPPORTED,             400, "InvalidArgument",                    "The encryption method specified is not supported") \
    X(S3_ERR_SSE_KMS_KEY_WITHOUT_KMS,     400, "InvalidArgument",                    "Server Side Encryption with AWS KMS managed key requires HTTP header x-amz-server-side-encryption : aws:kms") \
    X(S3_ERR_SSE_C_WITH_SSE,              400, "InvalidArgument",                    "Server Side Encryption with Customer provided key is incompatible with the encryption method specified") \
    X(S3_ERR_SSE_C_ALGORITHM_MISSING,     400, "InvalidArgument",                    "Requests specifying Server Side Encryption with Customer provided keys must provide a valid encryption algorithm.") \
    X(S3_ERR_SSE_C_ALGORITHM_INVALID,     400, "InvalidEncryptionAlgorithmError",    "The encryption request you specified is not valid. The valid value is AES256.") \
    X(S3_ERR_SSE_C_KEY_MISSING,           400, "InvalidArgument",                    "Requests specifying Server Side Encryption with Customer provided keys must provide an appropriate secret key.") \
    X(S3_ERR_SSE_C_KEY_INVALID,           400, "InvalidArgument",                    "The secret key was invalid for the specified algorithm.") \
    X(S3_ERR_SSE_C_KEY_MD5_MISSING,       400, "InvalidArgument",                    "Requests specifying Server Side Encryption with Customer provided keys must provide the client calculated MD5 of the secret key.") \
    X(S3_ERR_SSE_C_KEY_MD5_MISMATCH,      400, "InvalidArgument",                    "The calculated MD5 hash of the key did not match the hash that was provided.") \
    X(S3_ERR_SSE_C_REQUIRED,              400, "InvalidRequest",                     "The object was stored using a form of Server Side Encryption. The correct parameters must be provided to retrieve the object.") \
    X(S3_ERR_SSE_C_NOT_APPLICABLE,        400, "InvalidRequest",                     "The encryption parameters are not applicable to this object.") \
    X(S3_ERR_COPY_SOURCE_INVALID,         400, "InvalidArgument",                    "Copy Source must mention the source bucket and key: sourcebucket/sourcekey") \
    X(S3_ERR_METADATA_DIRECTIVE_INVALID,  400, "InvalidArgument",                    "Unknown metadata directive.") \
    X(S3_ERR_COPY_TO_ITSELF,              400, "InvalidRequest",                     "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.") \
    X(S3_ERR_MAX_KEYS_INVALID,            400, "InvalidArgument",                    "Provided max-keys not an integer or within integer range") \
    X(S3_ERR_CONTINUATION_TOKEN_INVALID,  400, "InvalidArgument",                    "The continuation token provided is incorrect") \
    X(S3_ERR_ENCODING_TYPE_INVALID,       400, "InvalidArgument",                    "Invalid Encoding Method specified in Request") \
    X(S3_ERR_DIR_CONTENT_MD5,             400, "InvalidRequest",                     "Content-MD5 is not supported for directory buckets") \
    X(S3_ERR_DIR_SSE_ALGORITHM,           400, "InvalidArgument",                    "The SSE algorithm %s is not supported for directory buckets") \
    X(S3_ERR_DIR_KMS_KEY_REQUIRED,        400, "InvalidArgument",                    "A KMSMasterKeyID is required when the default sse algorithm is aws:kms for directory buckets") \
    X(S3_ERR_DIR_KMS_ALIAS,               400, "InvalidArgument",                    "The key alias format of the KMS key isn't supported for directory buckets") \
    X(S3_ERR_DIR_KMS_MANAGED,             400, "InvalidArgument",                    "The AWS managed key (aws/s3) isn't supported for directory buckets") \
    X(S3_ERR_DIR_KMS_LIFETIME,            400, "InvalidArgument",                    "Your SSE-KMS configuration can only support 1 customer managed key per directory bucket's lifetime") \
    X(S3_ERR_EXPIRED_TOKEN,               403, "ExpiredToken",                       "The provided token has expired.") \
    X(S3_ERR_INVALID_TOKEN,               403, "InvalidToken",                       "The provided token is malformed or otherwise invalid.") \
    X(S3_ERR_DIR_OBJECT_KMS_KEY,          400, "InvalidArgument",                    "The KMS key must match the directory bucket's default customer managed key") \
    X(S3_ERR_KMS_INVALID_KEY_ID,          400, "KMS.NotFoundException",              "Invalid keyId '%s'") \
    X(S3_ERR_KMS_KEY_NOT_FOUND,           400, "KMS.NotFoundException",              "Key '%s' does not exist") \
    X(S3_ERR_KMS_INVALID_ARN_REGION,      400, "KMS.NotFoundException",              "Invalid arn %s") \
    X(S3_ERR_KMS_ALIAS_NOT_FOUND,         400, "KMS.NotFoundException",              "Alias %s is not found.") \
    X(S3_ERR_KMS_DISABLED,                400, "KMS.DisabledException",              "%s is disabled.") \
    X(S3_ERR_KMS_PENDING_DELETION,        400, "KMS.KMSInvalidStateException",       "%s is pending deletion.") \
    X(S3_ERR_KMS_PENDING_IMPORT,          400, "KMS.KMSInvalidStateException",       "%s is pending import.") \
    X(S3_ERR_KMS_KEY_USAGE,               400, "KMS.InvalidKeyUsageException",       "%s key usage is %s which is not valid for GenerateDataKey.") \
    X(S3_ERR_KMS_KEY_SPEC,                400, "KMS.InvalidKeyUsageException",       "Algorithm SYMMETRIC_DEFAULT is incompatible with key spec %s.")
/* clang-format on */

#define S3_ERR_ENUM(id, status, code, msg) id,
enum s3_err { S3_OK = 0, S3_ERRORS(S3_ERR_ENUM) S3_ERR__COUNT };
#undef S3_ERR_ENUM

/* The row for e; an out-of-range e gives the InternalError row. Rows cmkemu chose where AWS's
 * wording is unrecorded are marked CHOICE in s3_errors.c. */
const struct api_error *s3_error_row(int e);

#endif
