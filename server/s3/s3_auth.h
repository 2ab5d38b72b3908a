/* s3_auth.h - --auth strict for S3: the SigV4 check of every request and S3's error answers. */
#ifndef CMKEMU_S3_AUTH_H
#define CMKEMU_S3_AUTH_H

#include "../api.h"
#include "../auth/auth_aws.h"

/* Checks rq's signature. On success sets rq->account to the access key's account (a pointer
 * into *o, which must outlive the request) and returns 0; otherwise answers the S3 error and
 * returns it. The caller calls auth_aws_release(o) either way. */
int s3_auth_check(struct req *rq, struct ctx *cx, struct resp *rs, struct auth_aws_outcome *o);

#endif
