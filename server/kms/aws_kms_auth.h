/* aws_kms_auth.h - --auth strict for AWS KMS: the SigV4 check of every request and the JSON
 * error answers. */
#ifndef CMKEMU_AWS_KMS_AUTH_H
#define CMKEMU_AWS_KMS_AUTH_H

#include "../api.h"
#include "../auth/auth_aws.h"

/* Checks rq's signature. On success sets rq->account to the access key's account (a pointer
 * into *o, which must outlive the request) and returns 0; otherwise answers the error and
 * returns it. The caller calls auth_aws_release(o) either way. */
int aws_kms_auth_check(struct req *rq, struct ctx *cx, struct resp *rs, struct auth_aws_outcome *o);

#endif
