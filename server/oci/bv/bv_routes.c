/* bv_routes.c - the core family's routes, in one table. */
#include "../oci.h"

/* clang-format off */
const struct route oci_core_routes[] = {
    { "", "", NULL },
};
/* clang-format on */
const size_t oci_core_nroutes = 0;
