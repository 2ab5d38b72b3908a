/* oci_errors.h - every OCI error answer cmkemu gives (Object Storage, Core/Block Volume, Vault,
 * Cloud Guard), one row each: enum -> status, code, message. Body: {"code","message"}.
 *
 * Messages are OCI's words where known (shared reference oci-key-assignment.md §0, §1.5, §9);
 * "%s" marks where oci_fail() puts a value. Rows are grouped by family; add rows to your group.
 */
#ifndef CMKEMU_OCI_ERRORS_H
#define CMKEMU_OCI_ERRORS_H

#include "../api.h"

/* clang-format off */
#define OCI_ERRORS(X) \
    /* common to every OCI service (apierrors.htm) */ \
    X(OCI_ERR_INTERNAL,                 500, "InternalServerError",                    "Internal Server Error") \
    X(OCI_ERR_NOT_AUTHENTICATED,        401, "NotAuthenticated",                       "The required information to complete authentication was not provided or was incorrect.") \
    /* CHOICE: --auth strict names why a signature was refused in the message (auth_oci.c) */ \
    X(OCI_ERR_AUTH_FAILED,              401, "NotAuthenticated",                       "%s") \
    X(OCI_ERR_ROUTE_NOT_FOUND,          404, "NotFound",                               "Not Found") \
    X(OCI_ERR_METHOD_NOT_ALLOWED,       405, "MethodNotAllowed",                       "Method Not Allowed") \
    X(OCI_ERR_CANNOT_PARSE,             400, "CannotParseRequest",                     "The request body could not be parsed as JSON: %s") \
    X(OCI_ERR_INVALID_PARAMETER,        400, "InvalidParameter",                       "%s") \
    X(OCI_ERR_MISSING_PARAMETER,        400, "MissingParameter",                       "%s") \
    X(OCI_ERR_RELATED_NOT_FOUND,        400, "RelatedResourceNotAuthorizedOrNotFound", "%s") \
    X(OCI_ERR_NOT_FOUND,                404, "NotAuthorizedOrNotFound",                "Authorization failed or requested resource not found.") \
    X(OCI_ERR_NOT_AUTHORIZED,           403, "NotAuthorized",                          "%s") \
    X(OCI_ERR_CONFLICT,                 409, "Conflict",                               "%s") \
    X(OCI_ERR_INCORRECT_STATE,          409, "IncorrectState",                         "%s") \
    X(OCI_ERR_INVALIDATED_RETRY_TOKEN,  409, "InvalidatedRetryToken",                  "The retry token was already used for a different request.") \
    X(OCI_ERR_NO_ETAG_MATCH,            412, "NoEtagMatch",                            "The etag given in the if-match header does not match the resource's current etag.") \
    X(OCI_ERR_PAYLOAD_TOO_LARGE,        413, "PayloadTooLarge",                        "The request body is larger than %s bytes.") \
    /* Object Storage (its own codes, §1.5) */ \
    X(OCI_ERR_OS_INVALID_JSON,          400, "InvalidJSON",                            "%s") \
    X(OCI_ERR_OS_PAYLOAD_TOO_LARGE,     413, "PayloadTooLarge",                        "The request body is larger than %s bytes.") \
    X(OCI_ERR_OS_NOT_FOUND,             404, "NotFound",                               "%s") \
    X(OCI_ERR_OS_NAMESPACE_NOT_FOUND,   404, "NamespaceNotFound",                      "You do not have authorization to perform this request, or the requested resource could not be found.") \
    X(OCI_ERR_OS_IF_MATCH_FAILED,       412, "IfMatchFailed",                          "The If-Match header's value '%s' does not match the resource's etag.") \
    X(OCI_ERR_OS_IF_NONE_MATCH_FAILED,  412, "IfNoneMatchFailed",                      "The If-None-Match header's value '%s' matches the resource's etag.") \
    /* CHOICE: the texts below are cmkemu's except BucketNotFound and NamespaceNotFound (§1.5) */ \
    X(OCI_ERR_OS_BUCKET_NOT_FOUND,      404, "BucketNotFound",                         "Either the bucket named '%s' does not exist in the namespace '%s' or you are not authorized to access it") \
    X(OCI_ERR_OS_BUCKET_EXISTS,         409, "BucketAlreadyExists",                    "Either the bucket '%s' in namespace '%s' already exists or you are not authorized to create it") \
    X(OCI_ERR_OS_INVALID_BUCKET_NAME,   400, "InvalidBucketName",                      "The bucket name '%s' is not valid. Bucket names are 1 to 256 characters of letters, digits, hyphens, underscores and periods.") \
    X(OCI_ERR_OS_MISSING_BUCKET_NAME,   400, "MissingBucketName",                      "The request body must name the bucket ('name').") \
    X(OCI_ERR_OS_MISSING_COMPARTMENT,   400, "MissingCompartmentId",                   "The compartmentId is required.") \
    X(OCI_ERR_OS_INVALID_COMPARTMENT,   400, "InvalidCompartmentId",                   "The compartmentId '%s' is not a valid compartment OCID.") \
    X(OCI_ERR_OS_INVALID_PROPERTY,      400, "InvalidBucketProperty",                  "The value %s is not valid for the bucket property '%s'.") \
    X(OCI_ERR_OS_VERSIONING_DISABLE,    400, "InvalidBucketProperty",                  "Versioning cannot be disabled on a bucket once enabled; use 'Suspended'.") \
    X(OCI_ERR_OS_INVALID_METADATA,      400, "InvalidMetadata",                        "The bucket metadata must be a JSON object whose values are strings (or null to delete a key on update): %s") \
    X(OCI_ERR_OS_INVALID_FIELDS,        400, "InvalidParameter",                       "The fields value '%s' is not valid; allowed: %s.") \
    X(OCI_ERR_OS_INVALID_KMS_KEY_ID,    400, "InvalidKmsKeyId",                        "The kmsKeyId '%s' is not a valid Vault key OCID.") \
    X(OCI_ERR_OS_KMS_KEY_REGION,        400, "InvalidKmsKeyId",                        "The Vault key '%s' is in region '%s'; a bucket can only use a key from its own region.") \
    X(OCI_ERR_OS_KMS_KEY_NOT_FOUND,     404, "NotAuthorizedOrFoundKmsKey",             "Either the Vault key '%s' does not exist or Object Storage is not authorized to use it.") \
    X(OCI_ERR_OS_KMS_KEY_DISABLED,      409, "KmsKeyDisabled",                         "The Vault key '%s' cannot be used: its state is %s, not ENABLED.") \
    X(OCI_ERR_OS_ZONE_DENIED,           403, "NotAuthorized",                          "The request violates the security zone policy '%s' of security zone '%s'") \
    /* Vault / KMS (§3) */ \
    X(OCI_ERR_KMS_NOT_FOUND,            404, "NotAuthorizedOrNotFound",                "Key or Vault does not exist or you are not authorized to access them.") \
    X(OCI_ERR_KMS_MISSING_PARAMETER,    400, "MissingParameter",                       "Missing required parameter: %s") \
    X(OCI_ERR_KMS_INVALID_TYPE,         400, "InvalidParameter",                       "Invalid value for parameter %s: wrong type") \
    X(OCI_ERR_KMS_INVALID_VALUE,        400, "InvalidParameter",                       "%s") \
    X(OCI_ERR_KMS_TIME_OF_DELETION,     400, "InvalidParameter",                       "timeOfDeletion must be between 7 and 30 days from the time of the request.") \
    X(OCI_ERR_KMS_INVALID_PAGE,         400, "InvalidParameter",                       "Invalid page token '%s'.") \
    X(OCI_ERR_KMS_ROTATE_STATE,         409, "Conflict",                               "The key must be in an ENABLED state to be rotated; the key is %s.") \
    X(OCI_ERR_KMS_UPDATE_STATE,         409, "Conflict",                               "The key must be in an ENABLED or CREATING state to be updated; the key is %s.") \
    X(OCI_ERR_KMS_DISABLE_STATE,        409, "Conflict",                               "Only an ENABLED key can be disabled; the key is %s.") \
    X(OCI_ERR_KMS_ENABLE_STATE,         409, "Conflict",                               "Only a DISABLED key can be enabled; the key is %s.") \
    X(OCI_ERR_KMS_SCHEDULE_STATE,       409, "Conflict",                               "Only an ENABLED or DISABLED key can be scheduled for deletion; the key is %s.") \
    X(OCI_ERR_KMS_CANCEL_STATE,         409, "Conflict",                               "Only a key in PENDING_DELETION can have its deletion cancelled; the key is %s.") \
    X(OCI_ERR_KMS_VAULT_NOT_ACTIVE,     409, "Conflict",                               "The vault must be ACTIVE to create keys in it; the vault is %s.") \
    X(OCI_ERR_KMS_VAULT_SCHEDULE_STATE, 409, "Conflict",                               "Only an ACTIVE vault can be scheduled for deletion; the vault is %s.") \
    X(OCI_ERR_KMS_VAULT_CANCEL_STATE,   409, "Conflict",                               "Only a vault in PENDING_DELETION can have its deletion cancelled; the vault is %s.") \
    X(OCI_ERR_KMS_VAULT_KEY_LATER,      409, "Conflict",                               "A key in the vault is scheduled for deletion after %s, the requested time of deletion of the vault.") \
    /* Cloud Guard security zones (§5). CHOICE: every text here is cmkemu's */ \
    X(OCI_ERR_CG_MISSING_FIELD,         400, "InvalidParameter",                       "The request body is missing the required field '%s'.") \
    X(OCI_ERR_CG_INVALID_FIELD,         400, "InvalidParameter",                       "The value of the field '%s' is not valid.") \
    X(OCI_ERR_CG_MISSING_QUERY,         400, "InvalidParameter",                       "The query parameter '%s' is required.") \
    X(OCI_ERR_CG_INVALID_PAGE,          400, "InvalidParameter",                       "The page token '%s' is not valid.") \
    X(OCI_ERR_CG_RECIPE_UNKNOWN,        400, "RelatedResourceNotAuthorizedOrNotFound", "The security recipe '%s' does not exist or you are not authorized to use it.") \
    X(OCI_ERR_CG_POLICY_UNKNOWN,        400, "RelatedResourceNotAuthorizedOrNotFound", "The security policy '%s' does not exist or you are not authorized to use it.") \
    X(OCI_ERR_CG_IN_ZONE,               409, "Conflict",                               "The compartment '%s' is already in a security zone.") \
    X(OCI_ERR_CG_OWN_COMPARTMENT,       400, "InvalidParameter",                       "The compartment '%s' is the security zone's own compartment; delete the security zone instead.") \
    X(OCI_ERR_CG_NOT_IN_ZONE,           400, "InvalidParameter",                       "The compartment '%s' is not attached to this security zone.") \
    X(OCI_ERR_CG_ORACLE_RECIPE,         400, "InvalidParameter",                       "The security recipe '%s' is managed by Oracle and cannot be changed.") \
    /* Core / Block Volume (§2.4, §5, §6, §9; CHOICE wording where OCI documents none) */ \
    X(OCI_ERR_BV_MISSING,               400, "MissingParameter",                       "Missing required parameter '%s'.") \
    X(OCI_ERR_BV_INVALID_VALUE,         400, "InvalidParameter",                       "Invalid value for parameter '%s'.") \
    X(OCI_ERR_BV_INVALID_PAGE,          400, "InvalidParameter",                       "Invalid page token '%s'.") \
    X(OCI_ERR_BV_SOURCE_CONFLICT,       400, "InvalidParameter",                       "Specify either sourceDetails or volumeBackupId, not both.") \
    X(OCI_ERR_BV_SOURCE_TYPE,           400, "InvalidParameter",                       "Unsupported sourceDetails type '%s'.") \
    X(OCI_ERR_BV_AD_REGION,             400, "InvalidParameter",                       "The availability domain '%s' is not in the region of the request.") \
    X(OCI_ERR_BV_REPLICA_AD,            400, "InvalidParameter",                       "The availability domain '%s' does not name a known region.") \
    X(OCI_ERR_BV_SIZE_SMALLER,          400, "InvalidParameter",                       "sizeInGBs must be larger than the current size of %s GB.") \
    X(OCI_ERR_BV_SIZE_SOURCE,           400, "InvalidParameter",                       "sizeInGBs must not be smaller than the size of the source, %s GB.") \
    X(OCI_ERR_BV_DEST_REGION,           400, "InvalidParameter",                       "Unknown destinationRegion '%s'.") \
    X(OCI_ERR_BV_XRC_NO_DEST,           400, "InvalidParameter",                       "xrcKmsKeyId '%s' needs a backup policy with a destinationRegion.") \
    X(OCI_ERR_BV_RELATED_NOT_FOUND,     400, "RelatedResourceNotAuthorizedOrNotFound", "The resource '%s' does not exist or you are not authorized to access it.") \
    X(OCI_ERR_BV_ASSIGNED,              409, "Conflict",                               "The asset '%s' already has a backup policy assigned.") \
    X(OCI_ERR_BV_KEY_INVALID,           400, "InvalidParameter",                       "'%s' is not a valid Vault key OCID.") \
    X(OCI_ERR_BV_KEY_REGION,            400, "InvalidParameter",                       "The key '%s' is not in the region of the request; Block Volume needs a key in the same region.") \
    X(OCI_ERR_BV_KEY_DEST_REGION,       400, "InvalidParameter",                       "The key '%s' must exist in the destination region of the cross-region operation.") \
    X(OCI_ERR_BV_KEY_NOT_FOUND,         400, "RelatedResourceNotAuthorizedOrNotFound", "The key '%s' does not exist or you are not authorized to access it.") \
    X(OCI_ERR_BV_KEY_NOT_ENABLED,       409, "Conflict",                               "The key '%s' is not in the ENABLED state.") \
    X(OCI_ERR_BV_KEY_NOT_AES,           400, "InvalidParameter",                       "Block Volume supports only AES keys; the key '%s' is not an AES key.") \
    X(OCI_ERR_BV_KEY_VERSIONS,          400, "InvalidParameter",                       "Block Volume supports keys with a single key version only; the key '%s' has more than one.") \
    X(OCI_ERR_BV_ZONE_VOLUME,           403, "NotAuthorized",                          "The request violates the security zone policy 'deny block_volume_without_vault_key' of security zone '%s'.") \
    X(OCI_ERR_BV_ZONE_BOOT,             403, "NotAuthorized",                          "The request violates the security zone policy 'deny boot_volume_without_vault_key' of security zone '%s'.")
/* clang-format on */

#define OCI_ERR_ENUM(id, status, code, msg) id,
enum oci_err { OCI_OK = 0, OCI_ERRORS(OCI_ERR_ENUM) OCI_ERR__COUNT };
#undef OCI_ERR_ENUM

/* The row for e; an out-of-range e gives the InternalServerError row. */
const struct api_error *oci_error_row(int e);

#endif
