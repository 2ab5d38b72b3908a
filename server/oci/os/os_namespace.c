/* os_namespace.c - GetNamespace and GetNamespaceMetadata, and the namespace check every bucket
 * operation starts with. A tenancy's namespace is derived from its OCID (oci_namespace_of). */
#include "os.h"

#include "../oci_common.h"

#include <string.h>

int os_fail2(struct resp *rs, struct ctx *cx, int e, const char *a, const char *b)
{
    char msg[2048];

    (void)cx;
    api_message2(msg, sizeof(msg), oci_error_row(e)->message, a, b);
    return oci_fail_message(rs, e, msg);
}

int os_check_namespace(const struct req *rq, struct ctx *cx, struct resp *rs, const char *ns)
{
    char mine[13];

    oci_namespace_of(rq->account, mine);
    if (strcmp(ns, mine))
        return oci_fail(rs, cx, OCI_ERR_OS_NAMESPACE_NOT_FOUND, NULL);
    return 0;
}

/* GetNamespace: GET /n  (§1.1: the body is a JSON string) */
int os_get_namespace(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    char ns[13];

    (void)cx;
    oci_namespace_of(rq->account, ns);
    oci_json(rs, 200, json_string(ns));
    return 0;
}

/* GetNamespaceMetadata: GET /n/{namespaceName} */
int os_get_namespace_metadata(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    int err = os_check_namespace(rq, cx, rs, rq->param[0]);

    if (err)
        return err;
    /* CHOICE: the default S3 and Swift compartments are the tenancy (OCI's default) */
    oci_json(rs, 200,
             json_pack("{s:s, s:s, s:s}", "namespace", rq->param[0], "defaultS3CompartmentId",
                       rq->account, "defaultSwiftCompartmentId", rq->account));
    return 0;
}
