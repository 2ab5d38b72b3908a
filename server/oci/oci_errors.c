/* oci_errors.c - the OCI error table, built from the OCI_ERRORS list in oci_errors.h. */
#include "oci_errors.h"

#define OCI_ERR_ROW(id, st, cd, msg) [id] = { st, cd, msg },
static const struct api_error oci_errors[OCI_ERR__COUNT] = { OCI_ERRORS(OCI_ERR_ROW) };
#undef OCI_ERR_ROW

const struct api_error *oci_error_row(int e)
{
    if (e <= OCI_OK || e >= OCI_ERR__COUNT)
        return &oci_errors[OCI_ERR_INTERNAL];
    return &oci_errors[e];
}
