/* aws_kms_dispatch.c - the AWS KMS surface in one table (X-Amz-Target: TrentService.<Op>), and
 * what every request goes through first: the request id, the caller's account and region from the
 * SigV4 credential scope, and in --auth strict the signature check. */
#include "aws_kms.h"
#include "aws_kms_auth.h"
#include "aws_kms_handlers.h"

#include "../aws_caller.h"

#include <string.h>

struct aws_kms_op {
    const char *target;
    api_handler *fn;
};

/* clang-format off */
static const struct aws_kms_op aws_kms_ops[] = {
    { "TrentService.CreateKey",           aws_kms_create_key },
    { "TrentService.DescribeKey",         aws_kms_describe_key },
    { "TrentService.ListKeys",            aws_kms_list_keys },
    { "TrentService.EnableKey",           aws_kms_enable_key },
    { "TrentService.DisableKey",          aws_kms_disable_key },
    { "TrentService.ScheduleKeyDeletion", aws_kms_schedule_key_deletion },
    { "TrentService.CancelKeyDeletion",   aws_kms_cancel_key_deletion },
    { "TrentService.CreateAlias",         aws_kms_create_alias },
    { "TrentService.UpdateAlias",         aws_kms_update_alias },
    { "TrentService.DeleteAlias",         aws_kms_delete_alias },
    { "TrentService.ListAliases",         aws_kms_list_aliases },
};
/* clang-format on */

void aws_kms_dispatch(struct req *rq, struct ctx *cx, struct resp *rs)
{
    const char *target = req_header(rq, "X-Amz-Target");
    struct aws_caller caller;
    struct auth_aws_outcome auth; /* rq->account points into it in --auth strict */

    ids_uuid(cx->ids, cx->request_id);
    resp_header(rs, "x-amzn-RequestId", cx->request_id);
    aws_caller_read(rq, &caller);
    aws_caller_apply(rq, &caller, cx->cfg->default_account, cx->cfg->region);
    if (cx->cfg->auth == AUTH_STRICT) {
        int denied = aws_kms_auth_check(rq, cx, rs, &auth);

        auth_aws_release(&auth);
        if (denied)
            return;
    }

    for (size_t i = 0; target && i < sizeof(aws_kms_ops) / sizeof(aws_kms_ops[0]); i++) {
        if (!strcmp(aws_kms_ops[i].target, target)) {
            if (rq->body_over_cap)
                aws_kms_fail(rs, AWS_KMS_ERR_SERIALIZATION, NULL);
            else
                aws_kms_ops[i].fn(rq, cx, rs);
            return;
        }
    }
    /* CHOICE: a target cmkemu does not serve, in KMS or another JSON service, answers 400
     * UnknownOperationException. */
    aws_kms_fail(rs, AWS_KMS_ERR_UNKNOWN_OPERATION, NULL);
}
