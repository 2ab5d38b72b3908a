/* bv_boot_volume.c - CreateBootVolume, GetBootVolume, ListBootVolumes, UpdateBootVolume,
 * DeleteBootVolume: the volume code of bv_volume.c with the boot kind. sourceDetails is
 * required; CHOICE: {"type":"image","id":<image OCID>} creates a boot volume without an instance
 * launch (the emulator's root of boot volumes; seed data reuses it). */
#include "bv.h"

/* CreateBootVolume: POST /20160918/bootVolumes */
int bv_create_boot_volume(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    return bv_create_any_volume(rq, cx, rs, &bv_boot);
}

/* GetBootVolume: GET /20160918/bootVolumes/{bootVolumeId} */
int bv_get_boot_volume(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    return bv_get_any_volume(rq, cx, rs, &bv_boot);
}

/* ListBootVolumes: GET /20160918/bootVolumes?availabilityDomain&compartmentId&limit&page */
int bv_list_boot_volumes(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    return bv_list_any_volumes(rq, cx, rs, &bv_boot);
}

/* UpdateBootVolume: PUT /20160918/bootVolumes/{bootVolumeId} */
int bv_update_boot_volume(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    return bv_update_any_volume(rq, cx, rs, &bv_boot);
}

/* DeleteBootVolume: DELETE /20160918/bootVolumes/{bootVolumeId} */
int bv_delete_boot_volume(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    return bv_delete_any_volume(rq, cx, rs, &bv_boot);
}
