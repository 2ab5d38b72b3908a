/* s3_xml.c - the S3 error document, the writer of S3's XML answers and the guarded reader of
 * request documents (libxml2).
 *
 * The writer prints what libxml2's xmlTextWriter printed for the same calls (no indentation,
 * <Empty/> for an element closed with no content, <E></E> once text was written, libxml2's
 * escapes), into one growing buffer: xmlTextWriter allocated a writer, an output buffer, an
 * encoder, lists and a 4 KB buffer per answer and re-encoded UTF-8 to UTF-8, about a sixth of
 * the CPU of GetBucketEncryption. tests/unit/s3/test_s3_xml_out.c and the fuzz target
 * fuzz_s3_xml_out hold the two outputs equal. */
#include "s3.h"

#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Appends to the document; a failed write (out of memory) ends it: s3_xml_finish then
 * answers without a body. */
static void put(struct s3_xml *x, const char *s, size_t n)
{
    if (x->active && buf_append(&x->b, s, n))
        x->active = 0;
}

static void puts_(struct s3_xml *x, const char *s)
{
    put(x, s, strlen(s));
}

/* The '>' of a start tag that is still open, before content or a child. */
static void end_tag(struct s3_xml *x)
{
    if (x->in_tag) {
        put(x, ">", 1);
        x->in_tag = 0;
    }
}

/* Escapes as libxml2 does: in text (xmlEncodeSpecialChars) '<' '>' '&' '"' and CR; in an
 * attribute value also LF and TAB. */
static void put_escaped(struct s3_xml *x, const char *s, int attr)
{
    const char *from = s;

    for (; *s; s++) {
        const char *e;

        switch (*s) {
        case '<':
            e = "&lt;";
            break;
        case '>':
            e = "&gt;";
            break;
        case '&':
            e = "&amp;";
            break;
        case '"':
            e = "&quot;";
            break;
        case '\r':
            e = "&#13;";
            break;
        case '\n':
            e = attr ? "&#10;" : NULL;
            break;
        case '\t':
            e = attr ? "&#9;" : NULL;
            break;
        default:
            e = NULL;
        }
        if (e) {
            put(x, from, (size_t)(s - from));
            puts_(x, e);
            from = s + 1;
        }
    }
    put(x, from, (size_t)(s - from));
}

int s3_xml_start(struct s3_xml *x, const char *root, int with_ns)
{
    buf_init(&x->b, SIZE_MAX / 2);
    x->depth = 0;
    x->in_tag = 0;
    x->active = !buf_reserve(&x->b, 1024);
    if (!x->active)
        return -1;
    puts_(x, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    s3_xml_open(x, root);
    if (with_ns) {
        puts_(x, " xmlns=\"");
        put_escaped(x, S3_XMLNS, 1);
        put(x, "\"", 1);
    }
    if (!x->active) {
        buf_release(&x->b);
        return -1;
    }
    return 0;
}

void s3_xml_open(struct s3_xml *x, const char *name)
{
    if (!x->active)
        return;
    if (x->depth == S3_XML_DEPTH) {
        x->active = 0;
        return;
    }
    end_tag(x);
    put(x, "<", 1);
    puts_(x, name);
    x->open[x->depth++] = name;
    x->in_tag = 1;
}

void s3_xml_close(struct s3_xml *x)
{
    const char *name;

    if (!x->active || !x->depth)
        return;
    name = x->open[--x->depth];
    if (x->in_tag) {
        put(x, "/>", 2);
        x->in_tag = 0;
        return;
    }
    put(x, "</", 2);
    puts_(x, name);
    put(x, ">", 1);
}

/* Length of the UTF-8 sequence at p when it is well-formed and encodes a character XML 1.0
 * allows; 0 otherwise. */
static size_t xml_char_len(const unsigned char *p)
{
    unsigned long cp = 0;
    size_t n = api_utf8_len((const char *)p, &cp);

    if (!n || (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0xFFFE || cp == 0xFFFF)
        return 0;
    return n;
}

const char *s3_xml_clean(const char *text, char **owned)
{
    const unsigned char *t = (const unsigned char *)(text ? text : "");
    size_t len = strlen((const char *)t);
    size_t i = 0, n;
    char *safe, *w;

    *owned = NULL;
    while (i < len) {
        if (t[i] >= 0x20 && t[i] < 0x80) { /* printable ASCII: always allowed */
            i++;
            continue;
        }
        if (!(n = xml_char_len(t + i)))
            break;
        i += n;
    }
    if (i == len)
        return (const char *)t;
    /* a request value echoed back: each byte that is not part of an allowed character becomes
     * U+FFFD, so the document stays well-formed */
    safe = malloc(3 * len + 1);
    if (!safe)
        return NULL;
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
    *owned = safe;
    return safe;
}

void s3_xml_text_write(struct s3_xml *x, const char *text)
{
    char *owned;
    const char *t;

    if (!x->active)
        return;
    if (!(t = s3_xml_clean(text, &owned))) {
        x->active = 0;
        return;
    }
    end_tag(x);
    put_escaped(x, t, 0);
    free(owned);
}

void s3_xml_elem(struct s3_xml *x, const char *name, const char *text)
{
    s3_xml_open(x, name);
    s3_xml_text_write(x, text);
    s3_xml_close(x);
}

void s3_xml_abort(struct s3_xml *x)
{
    buf_release(&x->b);
    x->active = 0;
    x->depth = 0;
}

void s3_xml_finish(struct s3_xml *x, struct resp *rs, int status)
{
    resp_status(rs, status);
    resp_header(rs, "Content-Type", "application/xml");
    while (x->active && x->depth)
        s3_xml_close(x);
    /* AWS's bodies end at the root's close tag, with no newline after it */
    if (x->active) {
        size_t n = 0;
        char *s = buf_detach(&x->b, &n);

        resp_body_take(rs, s, n);
    }
    s3_xml_abort(x);
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
