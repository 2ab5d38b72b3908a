/* os_routes.c - the Object Storage routes (§1.1), in one table. */
#include "../oci.h"
#include "os.h"

/* clang-format off */
const struct route oci_os_routes[] = {
    { "GET",    "/n",                                     os_get_namespace },
    { "GET",    "/n/{namespaceName}",                     os_get_namespace_metadata },
    { "POST",   "/n/{namespaceName}/b",                   os_create_bucket },
    { "GET",    "/n/{namespaceName}/b",                   os_list_buckets },
    { "GET",    "/n/{namespaceName}/b/{bucketName}",      os_get_bucket },
    { "HEAD",   "/n/{namespaceName}/b/{bucketName}",      os_head_bucket },
    { "POST",   "/n/{namespaceName}/b/{bucketName}",      os_update_bucket },
    { "DELETE", "/n/{namespaceName}/b/{bucketName}",      os_delete_bucket },
};
/* clang-format on */
const size_t oci_os_nroutes = sizeof(oci_os_routes) / sizeof(oci_os_routes[0]);
