/* aws_caller.h - who an AWS request comes from: the access key id and region of its SigV4
 * credential scope (Authorization header, presigned X-Amz-Credential, or SigV2 "AWS AKID:sig"),
 * and the account the key names. Shared by S3 and AWS KMS. Pure. */
#ifndef CMKEMU_AWS_CALLER_H
#define CMKEMU_AWS_CALLER_H

#include "req.h"

#include <stddef.h>

struct aws_caller {
    char akid[128];  /* access key id, "" for an unsigned request */
    char region[64]; /* credential-scope region, "" when none */
};

/* Reads the caller of rq into *c. */
void aws_caller_read(const struct req *rq, struct aws_caller *c);
/* Sets rq->account (a 12-digit access key id names that account, any other key
 * default_account) and rq->region (the scope's region, else default_region). rq keeps pointers
 * into *c, which must outlive the request. */
void aws_caller_apply(struct req *rq, const struct aws_caller *c, const char *default_account,
                      const char *default_region);

#endif
