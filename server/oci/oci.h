/* oci.h - the OCI families (Object Storage, Core/Block Volume, Vault, Cloud Guard): dispatch and
 * each family's route table. */
#ifndef CMKEMU_OCI_H
#define CMKEMU_OCI_H

#include "../api.h"
#include "../router.h"

/* Resolves region, caller and request id, checks the signature's presence, then routes to the
 * family's table; answers OCI's JSON errors. */
void oci_dispatch(struct req *rq, struct ctx *cx, struct resp *rs);
/* The family of a path that carries the optional prefix "/oci/<region>[/kms/<endpoint>]/...". */
enum family oci_family_of_prefixed(const char *path);

/* Route tables, one per family; patterns start after any /oci/<region> prefix. */
extern const struct route oci_os_routes[]; /* os/os_routes.c   */
extern const size_t oci_os_nroutes;
extern const struct route oci_core_routes[]; /* bv/bv_routes.c   */
extern const size_t oci_core_nroutes;
extern const struct route oci_kms_routes[]; /* kms/kms_routes.c */
extern const size_t oci_kms_nroutes;
extern const struct route oci_cg_routes[]; /* cg/cg_routes.c   */
extern const size_t oci_cg_nroutes;

#endif
