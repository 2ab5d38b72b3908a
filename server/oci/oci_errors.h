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
    X(OCI_ERR_KMS_VAULT_KEY_LATER,      409, "Conflict",                               "A key in the vault is scheduled for deletion after %s, the requested time of deletion of the vault.")
/* clang-format on */

#define OCI_ERR_ENUM(id, status, code, msg) id,
enum oci_err { OCI_OK = 0, OCI_ERRORS(OCI_ERR_ENUM) OCI_ERR__COUNT };
#undef OCI_ERR_ENUM

/* The row for e; an out-of-range e gives the InternalServerError row. */
const struct api_error *oci_error_row(int e);

#endif
