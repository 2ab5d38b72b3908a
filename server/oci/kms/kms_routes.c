/* kms_routes.c - the Vault family's routes, in one table: the KmsVault plane (vaults) and the
 * KmsManagement plane (keys and key versions, reached through a vault's managementEndpoint). */
#include "../oci.h"
#include "kms.h"

/* clang-format off */
const struct route oci_kms_routes[] = {
    { "POST", "/20180608/vaults",                                           kms_create_vault },
    { "GET",  "/20180608/vaults",                                           kms_list_vaults },
    { "GET",  "/20180608/vaults/{vaultId}",                                 kms_get_vault },
    { "POST", "/20180608/vaults/{vaultId}/actions/scheduleDeletion",        kms_schedule_vault_deletion },
    { "POST", "/20180608/vaults/{vaultId}/actions/cancelDeletion",          kms_cancel_vault_deletion },
    { "POST", "/20180608/keys",                                             kms_create_key },
    { "GET",  "/20180608/keys",                                             kms_list_keys },
    { "GET",  "/20180608/keys/{keyId}",                                     kms_get_key },
    { "PUT",  "/20180608/keys/{keyId}",                                     kms_update_key },
    { "POST", "/20180608/keys/{keyId}/actions/disable",                     kms_disable_key },
    { "POST", "/20180608/keys/{keyId}/actions/enable",                      kms_enable_key },
    { "POST", "/20180608/keys/{keyId}/actions/scheduleDeletion",            kms_schedule_key_deletion },
    { "POST", "/20180608/keys/{keyId}/actions/cancelDeletion",              kms_cancel_key_deletion },
    { "POST", "/20180608/keys/{keyId}/keyVersions",                         kms_create_key_version },
    { "GET",  "/20180608/keys/{keyId}/keyVersions",                         kms_list_key_versions },
    { "GET",  "/20180608/keys/{keyId}/keyVersions/{keyVersionId}",          kms_get_key_version },
};
/* clang-format on */
const size_t oci_kms_nroutes = sizeof(oci_kms_routes) / sizeof(oci_kms_routes[0]);
