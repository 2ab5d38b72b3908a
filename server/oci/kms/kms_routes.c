/* kms_routes.c - the kms family's routes, in one table. */
#include "../oci.h"

/* clang-format off */
const struct route oci_kms_routes[] = {
    { "", "", NULL },
};
/* clang-format on */
const size_t oci_kms_nroutes = 0;
