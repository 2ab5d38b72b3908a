/* bv_routes.c - the core family's routes (Block Volume, /20160918), in one table. Literal
 * segments before {params}; the first match wins. */
#include "../oci.h"
#include "bv.h"

/* clang-format off */
const struct route oci_core_routes[] = {
    { "POST",   "/20160918/volumes",                                           bv_create_volume },
    { "GET",    "/20160918/volumes",                                           bv_list_volumes },
    { "GET",    "/20160918/volumes/{volumeId}",                                bv_get_volume },
    { "PUT",    "/20160918/volumes/{volumeId}",                                bv_update_volume },
    { "DELETE", "/20160918/volumes/{volumeId}",                                bv_delete_volume },
    { "GET",    "/20160918/volumes/{volumeId}/kmsKey",                         bv_volume_kms_key },
    { "PUT",    "/20160918/volumes/{volumeId}/kmsKey",                         bv_volume_kms_key },
    { "DELETE", "/20160918/volumes/{volumeId}/kmsKey",                         bv_volume_kms_key },
    { "POST",   "/20160918/bootVolumes",                                       bv_create_boot_volume },
    { "GET",    "/20160918/bootVolumes",                                       bv_list_boot_volumes },
    { "GET",    "/20160918/bootVolumes/{bootVolumeId}",                        bv_get_boot_volume },
    { "PUT",    "/20160918/bootVolumes/{bootVolumeId}",                        bv_update_boot_volume },
    { "DELETE", "/20160918/bootVolumes/{bootVolumeId}",                        bv_delete_boot_volume },
    { "GET",    "/20160918/bootVolumes/{bootVolumeId}/kmsKey",                 bv_boot_volume_kms_key },
    { "PUT",    "/20160918/bootVolumes/{bootVolumeId}/kmsKey",                 bv_boot_volume_kms_key },
    { "DELETE", "/20160918/bootVolumes/{bootVolumeId}/kmsKey",                 bv_boot_volume_kms_key },
    { "POST",   "/20160918/volumeBackups",                                     bv_create_volume_backup },
    { "GET",    "/20160918/volumeBackups",                                     bv_list_volume_backups },
    { "GET",    "/20160918/volumeBackups/{volumeBackupId}",                    bv_get_volume_backup },
    { "PUT",    "/20160918/volumeBackups/{volumeBackupId}",                    bv_update_volume_backup },
    { "DELETE", "/20160918/volumeBackups/{volumeBackupId}",                    bv_delete_volume_backup },
    { "POST",   "/20160918/volumeBackups/{volumeBackupId}/actions/copy",       bv_copy_volume_backup },
    { "POST",   "/20160918/bootVolumeBackups",                                 bv_create_boot_volume_backup },
    { "GET",    "/20160918/bootVolumeBackups",                                 bv_list_boot_volume_backups },
    { "GET",    "/20160918/bootVolumeBackups/{bootVolumeBackupId}",            bv_get_boot_volume_backup },
    { "PUT",    "/20160918/bootVolumeBackups/{bootVolumeBackupId}",            bv_update_boot_volume_backup },
    { "DELETE", "/20160918/bootVolumeBackups/{bootVolumeBackupId}",            bv_delete_boot_volume_backup },
    { "POST",   "/20160918/bootVolumeBackups/{bootVolumeBackupId}/actions/copy", bv_copy_boot_volume_backup },
    { "GET",    "/20160918/blockVolumeReplicas",                               bv_list_block_volume_replicas },
    { "GET",    "/20160918/blockVolumeReplicas/{blockVolumeReplicaId}",        bv_get_block_volume_replica },
    { "GET",    "/20160918/bootVolumeReplicas",                                bv_list_boot_volume_replicas },
    { "GET",    "/20160918/bootVolumeReplicas/{bootVolumeReplicaId}",          bv_get_boot_volume_replica },
    { "POST",   "/20160918/volumeBackupPolicies",                              bv_create_volume_backup_policy },
    { "GET",    "/20160918/volumeBackupPolicies/{policyId}",                   bv_get_volume_backup_policy },
    { "POST",   "/20160918/volumeBackupPolicyAssignments",                     bv_create_volume_backup_policy_assignment },
    { "GET",    "/20160918/volumeBackupPolicyAssignments",                     bv_get_volume_backup_policy_asset_assignment },
    { "GET",    "/20160918/volumeBackupPolicyAssignments/{policyAssignmentId}", bv_get_volume_backup_policy_assignment },
    { "DELETE", "/20160918/volumeBackupPolicyAssignments/{policyAssignmentId}", bv_delete_volume_backup_policy_assignment },
};
/* clang-format on */
const size_t oci_core_nroutes = sizeof(oci_core_routes) / sizeof(oci_core_routes[0]);
