/* os_routes.c - the os family's routes, in one table. */
#include "../oci.h"

/* clang-format off */
const struct route oci_os_routes[] = {
    { "", "", NULL },
};
/* clang-format on */
const size_t oci_os_nroutes = 0;
