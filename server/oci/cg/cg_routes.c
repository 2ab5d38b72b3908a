/* cg_routes.c - the cg family's routes, in one table. */
#include "../oci.h"

/* clang-format off */
const struct route oci_cg_routes[] = {
    { "", "", NULL },
};
/* clang-format on */
const size_t oci_cg_nroutes = 0;
