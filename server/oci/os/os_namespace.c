/* os_namespace.c - GetNamespace and GetNamespaceMetadata, and the namespace check every bucket
 * operation starts with. A tenancy's namespace is derived from its OCID (oci_namespace_of). */
#include "os.h"

#include "../oci_common.h"

#include <stdio.h>
#include <string.h>

int os_fail2(struct resp *rs, struct ctx *cx, int e, const char *a, const char *b)
{
    const struct api_error *row = oci_error_row(e);
    const char *hole = strstr(row->message, "%s");
    char first[2048];

    (void)cx;
    /* fill the first hole, then let api_message fill the second in the rest of the text */
    if (!hole) {
        snprintf(first, sizeof(first), "%s", row->message);
    } else {
        char rest[1024];

        api_message(rest, sizeof(rest), hole + 2, b);
        snprintf(first, sizeof(first), "%.*s%s%s", (int)(hole - row->message), row->message,
                 a ? a : "", rest);
    }
    api_utf8_scrub(first); /* a name from the path may be invalid UTF-8: JSON carries none */
    resp_del_header(rs, "ETag");
    oci_json(rs, row->status, json_pack("{s:s, s:s}", "code", row->code, "message", first));
    return e;
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
