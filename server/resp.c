/* resp.c - the response builder handlers fill. */
#include "resp.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void resp_init(struct resp *rs)
{
    rs->status = 200;
    rs->no_body = 0;
    rs->nheader = 0;
    buf_init(&rs->body, RESP_MAX_BODY);
}

void resp_release(struct resp *rs)
{
    for (size_t i = 0; i < rs->nheader; i++) {
        free(rs->header[i].name);
        free(rs->header[i].value);
    }
    rs->nheader = 0;
    buf_release(&rs->body);
}

void resp_status(struct resp *rs, int status)
{
    rs->status = status;
}

void resp_del_header(struct resp *rs, const char *name)
{
    for (size_t i = 0; i < rs->nheader; i++) {
        if (strcasecmp(rs->header[i].name, name))
            continue;
        free(rs->header[i].name);
        free(rs->header[i].value);
        memmove(&rs->header[i], &rs->header[i + 1], (rs->nheader - i - 1) * sizeof(rs->header[0]));
        rs->nheader--;
        return;
    }
}

void resp_header(struct resp *rs, const char *name, const char *value)
{
    char *v = strdup(value ? value : "");

    if (!v)
        return;
    for (size_t i = 0; i < rs->nheader; i++) {
        if (!strcasecmp(rs->header[i].name, name)) {
            free(rs->header[i].value);
            rs->header[i].value = v;
            return;
        }
    }
    if (rs->nheader == RESP_MAX_HEADERS) {
        free(v);
        return;
    }
    rs->header[rs->nheader].name = strdup(name);
    if (!rs->header[rs->nheader].name) {
        free(v);
        return;
    }
    rs->header[rs->nheader].value = v;
    rs->nheader++;
}

void resp_headerf(struct resp *rs, const char *name, const char *fmt, ...)
{
    char tmp[512];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(tmp, sizeof(tmp), fmt, ap);
    va_end(ap);
    resp_header(rs, name, tmp);
}

const char *resp_get_header(const struct resp *rs, const char *name)
{
    for (size_t i = 0; i < rs->nheader; i++)
        if (!strcasecmp(rs->header[i].name, name))
            return rs->header[i].value;
    return NULL;
}

void resp_body(struct resp *rs, const void *p, size_t n)
{
    buf_reset(&rs->body);
    if (buf_append(&rs->body, p, n))
        buf_release(&rs->body);
}

void resp_body_take(struct resp *rs, char *p, size_t n)
{
    buf_release(&rs->body);
    rs->body.data = p;
    rs->body.len = n;
    rs->body.alloc = n + 1;
}
