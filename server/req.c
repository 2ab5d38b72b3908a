/* req.c - look-ups on a parsed request. */
#include "req.h"

#include <string.h>
#include <strings.h>

const char *req_header(const struct req *rq, const char *name)
{
    for (size_t i = 0; i < rq->nheader; i++)
        if (!strcasecmp(rq->header[i].name, name))
            return rq->header[i].value;
    return NULL;
}

size_t req_header_count(const struct req *rq, const char *name)
{
    size_t n = 0;

    for (size_t i = 0; i < rq->nheader; i++)
        if (!strcasecmp(rq->header[i].name, name))
            n++;
    return n;
}

const char *req_query(const struct req *rq, const char *name)
{
    for (size_t i = 0; i < rq->nquery; i++)
        if (!strcmp(rq->query[i].name, name))
            return rq->query[i].value ? rq->query[i].value : "";
    return NULL;
}
