/* oci.h - the OCI families (Object Storage, Core/Block Volume, Vault, Cloud Guard): dispatch. */
#ifndef CMKEMU_OCI_H
#define CMKEMU_OCI_H

#include "../api.h"
#include "../router.h"

/* Routes an OCI request to its family's table; answers OCI's JSON errors. */
void oci_dispatch(struct req *rq, struct ctx *cx, struct resp *rs);
/* The family of a path that carries the optional region prefix "/oci/<region>/...". */
enum family oci_family_of_prefixed(const char *path);

#endif
