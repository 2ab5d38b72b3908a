/* xmlref.c - see xmlref.h. The libxml2 side is the writer s3_xml.c used before it wrote its
 * own bytes: xmlTextWriter on an xmlBuffer, UTF-8 declaration, no indentation, the document's
 * trailing newline dropped. */
#include "xmlref.h"

#include "server/s3/s3.h"

#include <libxml/xmlwriter.h>
#include <stdlib.h>
#include <string.h>

static const char *const names[] = { "Root",       "Rule",    "SSEAlgorithm", "KMSMasterKeyID",
                                     "Contents",   "Key",     "ETag",         "Owner",
                                     "BucketName", "Message", "Code",         "Prefix" };

int xmlref_run(const uint8_t *prog, size_t len, char **ours, char **ref)
{
    struct s3_xml x;
    struct resp rs;
    xmlBufferPtr b = xmlBufferCreate();
    xmlTextWriterPtr w = b ? xmlNewTextWriterMemory(b, 0) : NULL;
    int with_ns = len && (prog[0] & 1);
    int depth = 1;
    size_t i = len ? 1 : 0;
    int rc = 0;

    *ours = *ref = NULL;
    resp_init(&rs);
    if (!w || s3_xml_start(&x, "Root", with_ns)) {
        if (w)
            xmlFreeTextWriter(w);
        if (b)
            xmlBufferFree(b);
        return -1;
    }
    xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL);
    xmlTextWriterStartElement(w, BAD_CAST "Root");
    if (with_ns)
        xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns", BAD_CAST S3_XMLNS);
    while (i + 2 <= len) {
        int op = prog[i] % 4;
        const char *name = names[prog[i + 1] % (sizeof(names) / sizeof(names[0]))];
        char text[256] = "";
        char *owned = NULL;
        const char *clean;

        i += 2;
        if (op >= 2 && i < len) {
            size_t n = prog[i++];

            if (n > len - i)
                n = len - i;
            memcpy(text, prog + i, n);
            text[n] = '\0';
            i += n;
        }
        switch (op) {
        case 0:
            if (depth == S3_XML_DEPTH)
                break;
            s3_xml_open(&x, name);
            xmlTextWriterStartElement(w, BAD_CAST name);
            depth++;
            break;
        case 1:
            if (depth == 1)
                break;
            s3_xml_close(&x);
            xmlTextWriterEndElement(w);
            depth--;
            break;
        default:
            if (op == 3 && depth == S3_XML_DEPTH)
                break;
            clean = s3_xml_clean(text, &owned);
            if (!clean) {
                rc = -1;
                break;
            }
            if (op == 3) {
                s3_xml_elem(&x, name, text);
                xmlTextWriterStartElement(w, BAD_CAST name);
                xmlTextWriterWriteString(w, BAD_CAST clean);
                xmlTextWriterEndElement(w);
            } else {
                s3_xml_text_write(&x, text);
                xmlTextWriterWriteString(w, BAD_CAST clean);
            }
            free(owned);
        }
    }
    s3_xml_finish(&x, &rs, 200);
    xmlTextWriterEndDocument(w);
    xmlFreeTextWriter(w);
    {
        const char *s = (const char *)xmlBufferContent(b);
        size_t n = (size_t)xmlBufferLength(b);

        while (n && s[n - 1] == '\n')
            n--;
        *ref = malloc(n + 1);
        if (*ref) {
            memcpy(*ref, s, n);
            (*ref)[n] = '\0';
        }
    }
    xmlBufferFree(b);
    *ours = strdup(buf_str(&rs.body));
    resp_release(&rs);
    return rc || !*ours || !*ref ? -1 : 0;
}
