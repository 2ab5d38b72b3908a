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
    rs->text_used = 0;
    buf_init(&rs->body, RESP_MAX_BODY);
}

static void drop_header(struct resp_header *h)
{
    if (h->own_name)
        free(h->name);
    if (h->own_value)
        free(h->value);
}

void resp_release(struct resp *rs)
{
    for (size_t i = 0; i < rs->nheader; i++)
        drop_header(&rs->header[i]);
    rs->nheader = 0;
    rs->text_used = 0;
    buf_release(&rs->body);
}

/* A copy of s in rs->text, or malloc'd (*own 1) when it does not fit; NULL when out of memory. */
static char *keep(struct resp *rs, const char *s, unsigned char *own)
{
    size_t n = strlen(s) + 1;
    char *p;

    if (n <= RESP_TEXT - rs->text_used) {
        p = rs->text + rs->text_used;
        rs->text_used += n;
        *own = 0;
    } else {
        p = malloc(n);
        if (!p)
            return NULL;
        *own = 1;
    }
    memcpy(p, s, n);
    return p;
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
        drop_header(&rs->header[i]);
        memmove(&rs->header[i], &rs->header[i + 1], (rs->nheader - i - 1) * sizeof(rs->header[0]));
        rs->nheader--;
        return;
    }
}

void resp_header(struct resp *rs, const char *name, const char *value)
{
    struct resp_header h;

    for (size_t i = 0; i < rs->nheader; i++) {
        if (!strcasecmp(rs->header[i].name, name)) {
            h.value = keep(rs, value ? value : "", &h.own_value);
            if (!h.value)
                return;
            if (rs->header[i].own_value)
                free(rs->header[i].value);
            rs->header[i].value = h.value;
            rs->header[i].own_value = h.own_value;
            return;
        }
    }
    if (rs->nheader == RESP_MAX_HEADERS)
        return;
    h.name = keep(rs, name, &h.own_name);
    if (!h.name)
        return;
    h.value = keep(rs, value ? value : "", &h.own_value);
    if (!h.value) {
        if (h.own_name)
            free(h.name);
        return;
    }
    rs->header[rs->nheader++] = h;
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
