/* seed_line.c - the line of the file where the value at a JSON pointer starts. jansson reports
 * lines of syntax errors only, so a semantic error's line comes from walking the text again,
 * counting newlines, down the pointer's members and indexes. The text is known to be valid JSON
 * (jansson parsed it), so the walker checks little. */
#include "seed_int.h"

#include <stdlib.h>
#include <string.h>

struct walk {
    const char *s;
    size_t n;
    size_t i;
    int line;
};

static int at(const struct walk *w, char c)
{
    return w->i < w->n && w->s[w->i] == c;
}

static void skip_ws(struct walk *w)
{
    while (w->i < w->n) {
        char c = w->s[w->i];

        if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
            return;
        if (c == '\n')
            w->line++;
        w->i++;
    }
}

static void put_utf8(char *out, size_t n, size_t *o, unsigned cp)
{
    unsigned char b[3];
    size_t len;

    if (cp < 0x80) {
        b[0] = (unsigned char)cp;
        len = 1;
    } else if (cp < 0x800) {
        b[0] = (unsigned char)(0xc0 | (cp >> 6));
        b[1] = (unsigned char)(0x80 | (cp & 0x3f));
        len = 2;
    } else {
        b[0] = (unsigned char)(0xe0 | (cp >> 12));
        b[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
        b[2] = (unsigned char)(0x80 | (cp & 0x3f));
        len = 3;
    }
    if (*o + len < n) {
        memcpy(out + *o, b, len);
        *o += len;
    }
}

/* Reads the string at w (on its opening quote) into out, decoding escapes (a surrogate pair
 * decodes to nothing: such a member name never matches). */
static void read_string(struct walk *w, char *out, size_t n)
{
    size_t o = 0;

    w->i++;
    while (w->i < w->n && w->s[w->i] != '"') {
        char c = w->s[w->i++];

        if (c == '\\' && w->i < w->n) {
            char e = w->s[w->i++];

            if (e == 'u' && w->i + 4 <= w->n) {
                char hex[5];
                unsigned cp;

                memcpy(hex, w->s + w->i, 4);
                hex[4] = '\0';
                w->i += 4;
                cp = (unsigned)strtoul(hex, NULL, 16);
                if (cp < 0xd800 || cp > 0xdfff)
                    put_utf8(out, n, &o, cp);
                continue;
            }
            switch (e) {
            case 'n':
                c = '\n';
                break;
            case 't':
                c = '\t';
                break;
            case 'r':
                c = '\r';
                break;
            case 'b':
                c = '\b';
                break;
            case 'f':
                c = '\f';
                break;
            default:
                c = e;
                break;
            }
        }
        if (o + 1 < n)
            out[o++] = c;
    }
    w->i++; /* the closing quote */
    if (n)
        out[o] = '\0';
}

static void skip_value(struct walk *w);

static void skip_container(struct walk *w, char close, int members)
{
    char key[8];

    w->i++;
    for (;;) {
        skip_ws(w);
        if (w->i >= w->n || at(w, close)) {
            w->i++;
            return;
        }
        if (members) {
            read_string(w, key, sizeof(key));
            skip_ws(w);
            w->i++; /* ':' */
        }
        skip_value(w);
        skip_ws(w);
        if (at(w, ','))
            w->i++;
    }
}

static void skip_value(struct walk *w)
{
    skip_ws(w);
    if (at(w, '{')) {
        skip_container(w, '}', 1);
    } else if (at(w, '[')) {
        skip_container(w, ']', 0);
    } else if (at(w, '"')) {
        char none[1];

        read_string(w, none, sizeof(none));
    } else {
        while (w->i < w->n && !strchr(",]} \t\r\n", w->s[w->i]))
            w->i++;
    }
}

/* Moves w onto the member `name` of the object at w, or onto the element `name` (a decimal
 * index) of the array at w. Returns 0, or -1 when there is none. */
static int enter(struct walk *w, const char *name)
{
    char key[SEED_PATH_MAX];
    int is_obj;
    long want = -1;

    skip_ws(w);
    is_obj = at(w, '{');
    if (!is_obj && !at(w, '['))
        return -1;
    if (!is_obj) {
        char *end = NULL;

        want = strtol(name, &end, 10);
        if (!*name || *end || want < 0)
            return -1;
    }
    w->i++;
    for (long k = 0;; k++) {
        skip_ws(w);
        if (w->i >= w->n || at(w, is_obj ? '}' : ']'))
            return -1;
        if (is_obj) {
            read_string(w, key, sizeof(key));
            skip_ws(w);
            w->i++; /* ':' */
            if (!strcmp(key, name)) {
                skip_ws(w);
                return 0;
            }
        } else if (k == want) {
            skip_ws(w);
            return 0;
        }
        skip_value(w);
        skip_ws(w);
        if (at(w, ','))
            w->i++;
    }
}

int seed_line_of(const char *text, size_t len, const char *pointer)
{
    struct walk w = { text, len, 0, 1 };
    const char *p = pointer;

    while (*p == '/') {
        char tok[SEED_PATH_MAX];
        size_t o = 0;

        for (p++; *p && *p != '/'; p++) {
            char c = *p;

            /* RFC 6901: ~1 is '/', ~0 is '~' */
            if (c == '~' && (p[1] == '0' || p[1] == '1'))
                c = *++p == '1' ? '/' : '~';
            if (o + 1 < sizeof(tok))
                tok[o++] = c;
        }
        tok[o] = '\0';
        if (enter(&w, tok))
            return 0;
    }
    skip_ws(&w);
    return w.line;
}
