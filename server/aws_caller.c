/* aws_caller.c - the access key id, region and account of an AWS request. */
#include "aws_caller.h"

#include <ctype.h>
#include <string.h>

void aws_caller_read(const struct req *rq, struct aws_caller *c)
{
    const char *auth = req_header(rq, "Authorization");
    const char *cred = NULL;
    const char *p;
    size_t n;

    c->akid[0] = c->region[0] = '\0';
    if (auth && (p = strstr(auth, "Credential=")) != NULL)
        cred = p + strlen("Credential=");
    else if (auth && !strncmp(auth, "AWS ", 4))
        cred = auth + 4; /* SigV2: "AWS AKID:signature" */
    else
        cred = req_query(rq, "X-Amz-Credential");
    if (!cred)
        return;
    n = strcspn(cred, "/:, ");
    if (n < sizeof(c->akid)) {
        memcpy(c->akid, cred, n);
        c->akid[n] = '\0';
    }
    if (cred[n] != '/')
        return;
    p = strchr(cred + n + 1, '/'); /* past the date */
    if (!p)
        return;
    p++;
    n = strcspn(p, "/, ");
    /* a region is [a-z0-9-]; anything else (it becomes a bucket's region and a header value)
     * leaves the configured region */
    if (n && n < sizeof(c->region) && strspn(p, "abcdefghijklmnopqrstuvwxyz0123456789-") >= n) {
        memcpy(c->region, p, n);
        c->region[n] = '\0';
    }
}

static int twelve_digits(const char *s)
{
    if (strlen(s) != 12)
        return 0;
    for (size_t i = 0; i < 12; i++)
        if (!isdigit((unsigned char)s[i]))
            return 0;
    return 1;
}

void aws_caller_apply(struct req *rq, const struct aws_caller *c, const char *default_account,
                      const char *default_region)
{
    rq->account = twelve_digits(c->akid) ? c->akid : default_account;
    rq->region = c->region[0] ? c->region : default_region;
}
