/* aws_kms.h - the AWS KMS family: JSON 1.1 over POST / with X-Amz-Target: TrentService.<Op>. */
#ifndef CMKEMU_AWS_KMS_H
#define CMKEMU_AWS_KMS_H

#include "../api.h"

void aws_kms_dispatch(struct req *rq, struct ctx *cx, struct resp *rs);

#endif
