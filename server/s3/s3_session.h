/* s3_session.h - S3 Express sessions: requests signed with a CreateSession session carry
 * x-amz-s3session-token, which names the caller's account and the one bucket it may use. */
#ifndef CMKEMU_S3_SESSION_H
#define CMKEMU_S3_SESSION_H

#include "../api.h"

#include <stdint.h>

#define S3_SESSION_MS ((int64_t)5 * 60 * 1000) /* sessions expire after 5 minutes */

/* Checks the request's x-amz-s3session-token (the caller checks it is present): an unknown
 * token answers 403 InvalidToken, an expired one 403 ExpiredToken, another bucket's or a write
 * under a ReadOnly session 403 AccessDenied. On success copies the session's account into
 * account and returns S3_OK. */
int s3_session_authorize(const struct req *rq, struct ctx *cx, struct resp *rs, char account[16]);

#endif
