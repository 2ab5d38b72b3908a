/* s3_xml.c - the S3 error document, the XML writer helpers (libxml2 xmlTextWriter) and the
 * guarded reader of request documents. */
#include "s3.h"

#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int s3_xml_start(struct s3_xml *x, const char *root, int with_ns)
{
    x->b = xmlBufferCreate();
    x->w = x->b ? xmlNewTextWriterMemory(x->b, 0) : NULL;
    if (!x->w) {
        if (x->b)
            xmlBufferFree(x->b);
        x->b = NULL;
        return -1;
    }
    xmlTextWriterStartDocument(x->w, NULL, "UTF-8", NULL);
    xmlTextWriterStartElement(x->w, BAD_CAST root);
    if (with_ns)
        xmlTextWriterWriteAttribute(x->w, BAD_CAST "xmlns", BAD_CAST S3_XMLNS);
    return 0;
}

void s3_xml_open(struct s3_xml *x, const char *name)
{
    if (x->w)
        xmlTextWriterStartElement(x->w, BAD_CAST name);
}

void s3_xml_close(struct s3_xml *x)
{
    if (x->w)
        xmlTextWriterEndElement(x->w);
}

/* Length of the UTF-8 sequence at p when it is well-formed and encodes a character XML 1.0
 * allows (tab, LF, CR, U+0020-U+D7FF, U+E000-U+FFFD, U+10000-U+10FFFF), else 0. */
static size_t xml_char_len(const unsigned char *p)
{
    unsigned long cp = 0;
    size_t n = api_utf8_len((const char *)p, &cp);

    if (!n || (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0xFFFE || cp == 0xFFFF)
        return 0;
    return n;
}

void s3_xml_text_write(struct s3_xml *x, const char *text)
{
    const unsigned char *t = (const unsigned char *)(text ? text : "");
    size_t len = strlen((const char *)t);
    size_t i = 0, n;
    char *safe, *w;

    if (!x->w)
        return;
    while (i < len) {
        if (t[i] >= 0x20 && t[i] < 0x80) { /* printable ASCII: always allowed */
            i++;
            continue;
        }
        if (!(n = xml_char_len(t + i)))
            break;
        i += n;
    }
    if (i == len) {
        xmlTextWriterWriteString(x->w, t);
        return;
    }
    /* a request value echoed back: each byte that is not part of an allowed character becomes
     * U+FFFD, so the document stays well-formed */
    safe = malloc(3 * len + 1);
    if (!safe)
        return;
    memcpy(safe, t, i);
    w = safe + i;
    while (i < len) {
        n = xml_char_len(t + i);
        if (n) {
            memcpy(w, t + i, n);
            w += n;
            i += n;
        } else {
            memcpy(w, "\xEF\xBF\xBD", 3);
            w += 3;
            i++;
        }
    }
    *w = '\0';
    xmlTextWriterWriteString(x->w, BAD_CAST safe);
    free(safe);
}

void s3_xml_elem(struct s3_xml *x, const char *name, const char *text)
{
    if (!x->w)
        return;
    xmlTextWriterStartElement(x->w, BAD_CAST name);
    s3_xml_text_write(x, text);
    xmlTextWriterEndElement(x->w);
}

void s3_xml_abort(struct s3_xml *x)
{
    if (x->w)
        xmlFreeTextWriter(x->w);
    if (x->b)
        xmlBufferFree(x->b);
    x->w = NULL;
    x->b = NULL;
}

void s3_xml_finish(struct s3_xml *x, struct resp *rs, int status)
{
    resp_status(rs, status);
    resp_header(rs, "Content-Type", "application/xml");
    if (!x->w)
        return;
    xmlTextWriterEndDocument(x->w);
    xmlFreeTextWriter(x->w);
    x->w = NULL;
    /* libxml2 ends the document with a newline; AWS's bodies end at the root's close tag. */
    {
        const char *s = (const char *)xmlBufferContent(x->b);
        size_t n = (size_t)xmlBufferLength(x->b);

        while (n && s[n - 1] == '\n')
            n--;
        resp_body(rs, s, n);
    }
    xmlBufferFree(x->b);
    x->b = NULL;
}

int s3_fail_ex2(struct resp *rs, struct ctx *cx, int e, const char *a1, const char *a2,
                const struct kv *extra, size_t nextra)
{
    const struct api_error *row = s3_error_row(e);
    struct s3_xml x;
    char msg[1024];

    api_message2(msg, sizeof(msg), row->message, a1, a2);
    resp_status(rs, row->status);
    if (s3_xml_start(&x, "Error", 0))
        return e ? e : S3_ERR_INTERNAL;
    s3_xml_elem(&x, "Code", row->code);
    s3_xml_elem(&x, "Message", msg);
    for (size_t i = 0; i < nextra; i++)
        s3_xml_elem(&x, extra[i].name, extra[i].value);
    s3_xml_elem(&x, "RequestId", cx->request_id);
    s3_xml_elem(&x, "HostId", cx->host_id);
    s3_xml_finish(&x, rs, row->status);
    return e ? e : S3_ERR_INTERNAL;
}

int s3_fail_ex(struct resp *rs, struct ctx *cx, int e, const char *arg, const struct kv *extra,
               size_t nextra)
{
    return s3_fail_ex2(rs, cx, e, arg, NULL, extra, nextra);
}

int s3_fail(struct resp *rs, struct ctx *cx, int e)
{
    return s3_fail_ex(rs, cx, e, NULL, NULL, 0);
}

int s3_fail_bucket(struct resp *rs, struct ctx *cx, int e, const char *bucket)
{
    struct kv extra = { "BucketName", bucket };

    return s3_fail_ex(rs, cx, e, NULL, &extra, 1);
}

void s3_iso8601(int64_t ms, char *out, size_t n)
{
    time_t t = (time_t)(ms / 1000);
    struct tm tm;

    gmtime_r(&t, &tm);
    snprintf(out, n, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1,
             tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, (int)(ms % 1000));
}

int s3_xml_read(const char *body, size_t len, xmlDocPtr *out)
{
    xmlDocPtr doc;

    *out = NULL;
    if (len > S3_MAX_XML_BODY)
        return S3_ERR_MAX_MESSAGE_LENGTH;
    /* Refused before libxml2 sees it, so an ASCII-compatible document's DTD is never parsed. A
     * UTF-16 or EBCDIC one hides "<!DOCTYPE" from memmem: its DTD is parsed, nothing in it is
     * loaded or expanded (no XML_PARSE_NOENT, DTDLOAD), and intSubset refuses it below. */
    if (!len || memmem(body, len, "<!DOCTYPE", 9))
        return S3_ERR_MALFORMED_XML;
    doc = xmlReadMemory(body, (int)len, "request.xml", NULL,
                        XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!doc)
        return S3_ERR_MALFORMED_XML;
    if (doc->intSubset || doc->extSubset || !xmlDocGetRootElement(doc)) {
        xmlFreeDoc(doc);
        return S3_ERR_MALFORMED_XML;
    }
    *out = doc;
    return S3_OK;
}

int s3_xml_is(const xmlNode *n, const char *name)
{
    if (!n || n->type != XML_ELEMENT_NODE || strcmp((const char *)n->name, name))
        return 0;
    return !n->ns || !n->ns->href || !strcmp((const char *)n->ns->href, S3_XMLNS);
}

static int blank(const xmlChar *t)
{
    for (; t && *t; t++)
        if (*t != ' ' && *t != '\t' && *t != '\r' && *t != '\n')
            return 0;
    return 1;
}

int s3_xml_children(const xmlNode *parent, const xmlNode **out, size_t max)
{
    size_t n = 0;

    for (const xmlNode *c = parent->children; c; c = c->next) {
        switch (c->type) {
        case XML_ELEMENT_NODE:
            if (n == max)
                return -1;
            out[n++] = c;
            break;
        case XML_TEXT_NODE:
            if (!blank(c->content))
                return -1;
            break;
        case XML_COMMENT_NODE:
        case XML_PI_NODE:
            break;
        default: /* CDATA or entity references where elements belong */
            return -1;
        }
    }
    return (int)n;
}

char *s3_xml_text(const xmlNode *n)
{
    xmlChar *t;
    char *s;

    for (const xmlNode *c = n->children; c; c = c->next)
        if (c->type != XML_TEXT_NODE && c->type != XML_CDATA_SECTION_NODE &&
            c->type != XML_COMMENT_NODE && c->type != XML_PI_NODE)
            return NULL;
    t = xmlNodeGetContent(n);
    s = strdup(t ? (const char *)t : "");
    xmlFree(t);
    return s;
}
