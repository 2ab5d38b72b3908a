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
    X(S3_ERR_MISSING_CONTENT_SHA256,      400, "InvalidRequest",                     "Missing required header for this request: x-amz-content-sha256")
/* clang-format on */

#define S3_ERR_ENUM(id, status, code, msg) id,
enum s3_err { S3_OK = 0, S3_ERRORS(S3_ERR_ENUM) S3_ERR__COUNT };
#undef S3_ERR_ENUM

/* The row for e; an out-of-range e gives the InternalError row. */
const struct api_error *s3_error_row(int e);

#endif
