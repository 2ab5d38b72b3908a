/* seed_load.c - reading a seed file into a snapshot store, the member readers and name table the
 * family loaders use, and applying a snapshot to the live store (see seed.h). */
#include "seed_int.h"

#include "storage/store.h"
#include "storage/store_emu.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define SEED_FILE_MAX (16L * 1024 * 1024)

struct seed {
    struct store *snap;
    char source[1024];
};

int seed_fail(struct seed_loader *ld, const char *path, const char *fmt, ...)
{
    char msg[768];
    va_list ap;
    int line = path && *path ? seed_line_of(ld->text, ld->len, path) : 0;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    if (!ld->err || !ld->errn || ld->err[0])
        return -1; /* keep the first failure */
    if (line)
        snprintf(ld->err, ld->errn, "seed %s:%d: %s: %s", ld->source, line, path, msg);
    else if (path && *path)
        snprintf(ld->err, ld->errn, "seed %s: %s: %s", ld->source, path, msg);
    else
        snprintf(ld->err, ld->errn, "seed %s: %s", ld->source, msg);
    return -1;
}

void seed_path_member(char *out, size_t n, const char *parent, const char *member)
{
    size_t o = (size_t)snprintf(out, n, "%s/", parent);

    for (const char *p = member; *p && o + 3 < n; p++) {
        if (*p == '~' || *p == '/') {
            out[o++] = '~';
            out[o++] = *p == '~' ? '0' : '1';
        } else {
            out[o++] = *p;
        }
    }
    if (o < n)
        out[o] = '\0';
}

void seed_path_index(char *out, size_t n, const char *parent, size_t index)
{
    snprintf(out, n, "%s/%zu", parent, index);
}

static const char *type_name(const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT:
        return "an object";
    case JSON_ARRAY:
        return "an array";
    case JSON_STRING:
        return "a string";
    case JSON_INTEGER:
    case JSON_REAL:
        return "a number";
    case JSON_TRUE:
    case JSON_FALSE:
        return "a boolean";
    default:
        return "null";
    }
}

int seed_object(struct seed_loader *ld, const json_t *v, const char *path,
                const char *const *members)
{
    const char *key;
    json_t *val;

    if (!json_is_object(v))
        return seed_fail(ld, path, "must be an object, not %s", type_name(v));
    json_object_foreach((json_t *)v, key, val)
    {
        char sub[SEED_PATH_MAX];
        char allowed[512] = "";
        size_t i, o = 0;

        for (i = 0; members[i]; i++)
            if (!strcmp(members[i], key))
                break;
        if (members[i])
            continue;
        for (i = 0; members[i] && o < sizeof(allowed); i++)
            o += (size_t)snprintf(allowed + o, sizeof(allowed) - o, "%s%s", i ? ", " : "",
                                  members[i]);
        seed_path_member(sub, sizeof(sub), path, key);
        return seed_fail(ld, sub, "unknown member \"%s\" (known: %s)", key, allowed);
    }
    return 0;
}

/* The member, or NULL when absent or null. */
static json_t *member(const json_t *obj, const char *name)
{
    json_t *v = json_object_get(obj, name);

    return json_is_null(v) ? NULL : v;
}

int seed_str_max(struct seed_loader *ld, const json_t *obj, const char *path, const char *name,
                 int required, size_t max, const char **out)
{
    json_t *v = member(obj, name);
    char sub[SEED_PATH_MAX];

    seed_path_member(sub, sizeof(sub), path, name);
    if (!v)
        return required ? seed_fail(ld, path, "\"%s\" is required", name) : 0;
    if (!json_is_string(v))
        return seed_fail(ld, sub, "must be a string, not %s", type_name(v));
    if (!json_string_length(v) || strlen(json_string_value(v)) != json_string_length(v) ||
        json_string_length(v) > max)
        return seed_fail(ld, sub, "must be 1 to %zu characters", max);
    *out = json_string_value(v);
    return 0;
}

int seed_str(struct seed_loader *ld, const json_t *obj, const char *path, const char *name,
             int required, const char **out)
{
    return seed_str_max(ld, obj, path, name, required, SEED_ID_MAX - 1, out);
}

int seed_int(struct seed_loader *ld, const json_t *obj, const char *path, const char *name,
             json_int_t min, json_int_t max, json_int_t *out)
{
    json_t *v = member(obj, name);
    char sub[SEED_PATH_MAX];

    if (!v)
        return 0;
    seed_path_member(sub, sizeof(sub), path, name);
    if (!json_is_integer(v))
        return seed_fail(ld, sub, "must be an integer, not %s", type_name(v));
    if (json_integer_value(v) < min || json_integer_value(v) > max)
        return seed_fail(ld, sub, "must be between %lld and %lld", (long long)min, (long long)max);
    *out = json_integer_value(v);
    return 0;
}

int seed_bool(struct seed_loader *ld, const json_t *obj, const char *path, const char *name,
              int *out)
{
    json_t *v = member(obj, name);
    char sub[SEED_PATH_MAX];

    if (!v)
        return 0;
    seed_path_member(sub, sizeof(sub), path, name);
    if (!json_is_boolean(v))
        return seed_fail(ld, sub, "must be true or false, not %s", type_name(v));
    *out = json_is_true(v);
    return 0;
}

int seed_array(struct seed_loader *ld, const json_t *obj, const char *path, const char *name,
               json_t **out)
{
    json_t *v = member(obj, name);
    char sub[SEED_PATH_MAX];

    *out = NULL;
    if (!v)
        return 0;
    seed_path_member(sub, sizeof(sub), path, name);
    if (!json_is_array(v))
        return seed_fail(ld, sub, "must be an array, not %s", type_name(v));
    *out = v;
    return 0;
}

int seed_enum(struct seed_loader *ld, const json_t *obj, const char *path, const char *name,
              const char *const *set, const char **out)
{
    const char *v = NULL;
    char sub[SEED_PATH_MAX];
    char allowed[256] = "";
    size_t o = 0;

    if (seed_str(ld, obj, path, name, 0, &v))
        return -1;
    if (!v)
        return 0;
    for (size_t i = 0; set[i]; i++) {
        if (!strcmp(set[i], v)) {
            *out = set[i];
            return 0;
        }
        o += (size_t)snprintf(allowed + o, sizeof(allowed) - o, "%s%s", i ? ", " : "", set[i]);
        if (o >= sizeof(allowed))
            break;
    }
    seed_path_member(sub, sizeof(sub), path, name);
    return seed_fail(ld, sub, "\"%s\" is not one of %s", v, allowed);
}

static void name_key(char *out, size_t n, const char *kind, const char *scope, const char *name)
{
    snprintf(out, n, "%s/%s/%s", kind, scope, name);
}

int seed_name_put(struct seed_loader *ld, const char *path, const char *kind, const char *scope,
                  const char *name, json_t *info)
{
    char key[3 * SEED_ID_MAX];

    name_key(key, sizeof(key), kind, scope, name);
    if (json_object_get(ld->names, key)) {
        json_decref(info);
        return seed_fail(ld, path, "the %s name \"%s\" is used twice", kind, name);
    }
    if (!info || json_object_set_new(ld->names, key, info))
        return seed_fail(ld, path, "out of memory");
    return 0;
}

json_t *seed_name_get(struct seed_loader *ld, const char *kind, const char *scope, const char *name)
{
    char key[3 * SEED_ID_MAX];

    name_key(key, sizeof(key), kind, scope, name);
    return json_object_get(ld->names, key);
}

const char *seed_info(const json_t *info, const char *member_name)
{
    const char *s = json_string_value(json_object_get(info, member_name));

    return s ? s : "";
}

void seed_ids(struct ids *ids, const char *key)
{
    uint64_t h = 0xcbf29ce484222325ULL; /* FNV-1a */

    for (const unsigned char *p = (const unsigned char *)key; *p; p++) {
        h ^= *p;
        h *= 0x100000001b3ULL;
    }
    ids_init_deterministic(ids, h);
}

int seed_defer(struct seed_loader *ld, const char *path, const char *what, const char *idkey,
               const char *method, const char *target, const char *const *headers, const char *body)
{
    json_t *h = json_array();
    json_t *call;

    for (size_t i = 0; headers && headers[i]; i++)
        json_array_append_new(h, json_string(headers[i]));
    call = json_pack("{s:s, s:s, s:s, s:s, s:s, s:o, s:s?}", "path", path, "what", what, "idkey",
                     idkey, "method", method, "target", target, "headers", h, "body", body);
    if (!call || json_array_append_new(ld->deferred, call))
        return seed_fail(ld, path, "out of memory");
    return 0;
}

int seed_run_deferred(struct seed_loader *ld)
{
    size_t i;
    json_t *call;

    json_array_foreach(ld->deferred, i, call)
    {
        const char *headers[16];
        json_t *hs = json_object_get(call, "headers");
        size_t n = 0;

        for (; n < json_array_size(hs) && n + 1 < sizeof(headers) / sizeof(headers[0]); n++)
            headers[n] = json_string_value(json_array_get(hs, n));
        headers[n] = NULL;
        if (seed_call(ld, seed_info(call, "path"), seed_info(call, "what"),
                      seed_info(call, "idkey"), seed_info(call, "method"),
                      seed_info(call, "target"), headers,
                      json_string_value(json_object_get(call, "body")), NULL))
            return -1;
    }
    return 0;
}

int seed_load(const char *text, size_t len, const char *source, const struct config *cfg,
              int64_t now_ms, struct seed **out, char *err, size_t errn)
{
    static const char *const top[] = { "$schema", "description", "aws", "oci", NULL };
    struct seed_loader ld;
    json_error_t je;
    json_t *root;
    json_t *v;
    const char *note = NULL;
    int rc = -1;

    *out = NULL;
    if (errn)
        err[0] = '\0';
    memset(&ld, 0, sizeof(ld));
    ld.source = source;
    ld.text = text;
    ld.len = len;
    ld.now_ms = now_ms;
    ld.err = err;
    ld.errn = errn;
    if (cfg)
        ld.cfg = *cfg;
    else
        config_defaults(&ld.cfg);
    /* The seed's requests are the emulator's own writes: they carry no real signatures, and
     * --auth strict governs clients, not the seed. */
    ld.cfg.auth = AUTH_OFF;
    root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &je);
    if (!root) {
        snprintf(err, errn, "seed %s:%d:%d: invalid JSON: %s", source, je.line, je.column, je.text);
        return -1;
    }
    ld.names = json_object();
    ld.deferred = json_array();
    if (store_open(&ld.st, ":memory:")) {
        seed_fail(&ld, "", "cannot open an in-memory database");
        goto out;
    }
    if (seed_object(&ld, root, "", top) ||
        seed_str_max(&ld, root, "", "$schema", 0, SEED_TEXT_MAX, &note) ||
        seed_str_max(&ld, root, "", "description", 0, SEED_TEXT_MAX, &note))
        goto out;
    v = json_object_get(root, "aws");
    if (v && seed_aws_load(&ld, v, "/aws"))
        goto out;
    v = json_object_get(root, "oci");
    if (v && seed_oci_load(&ld, v, "/oci"))
        goto out;
    if (seed_run_deferred(&ld))
        goto out;
    *out = calloc(1, sizeof(**out));
    if (!*out) {
        seed_fail(&ld, "", "out of memory");
        goto out;
    }
    (*out)->snap = ld.st;
    snprintf((*out)->source, sizeof((*out)->source), "%s", source);
    ld.st = NULL;
    rc = 0;
out:
    store_close(ld.st);
    json_decref(ld.names);
    json_decref(ld.deferred);
    json_decref(root);
    return rc;
}

int seed_load_file(const char *path, const struct config *cfg, int64_t now_ms, struct seed **out,
                   char *err, size_t errn)
{
    FILE *f;
    struct stat sb;
    char *text;
    size_t got;
    int rc;

    *out = NULL;
    f = fopen(path, "rb");
    if (!f) {
        char why[128];

        snprintf(why, sizeof(why), "%s", strerror(errno));
        if (why[0] >= 'A' && why[0] <= 'Z' && !(why[1] >= 'A' && why[1] <= 'Z'))
            why[0] = (char)(why[0] - 'A' + 'a');
        snprintf(err, errn, "seed %s: cannot read: %s", path, why);
        return -1;
    }
    if (fstat(fileno(f), &sb) || !S_ISREG(sb.st_mode) || sb.st_size > SEED_FILE_MAX) {
        snprintf(err, errn, "seed %s: not a regular file of at most %ld bytes", path,
                 SEED_FILE_MAX);
        fclose(f);
        return -1;
    }
    text = malloc((size_t)sb.st_size + 1);
    got = text ? fread(text, 1, (size_t)sb.st_size, f) : 0;
    fclose(f);
    if (!text || got != (size_t)sb.st_size) {
        snprintf(err, errn, "seed %s: cannot read: %s", path,
                 text ? "short read" : "out of memory");
        free(text);
        return -1;
    }
    text[got] = '\0';
    rc = seed_load(text, got, path, cfg, now_ms, out, err, errn);
    free(text);
    return rc;
}

void seed_free(struct seed *s)
{
    if (!s)
        return;
    store_close(s->snap);
    free(s);
}

const char *seed_source(const struct seed *s)
{
    return s ? s->source : NULL;
}

struct store *seed_store(const struct seed *s)
{
    return s ? s->snap : NULL;
}

/* clang-format off */
static const struct {
    const char *name;
    unsigned bit;
} families[] = {
    { "s3",      EMU_FAM_S3 },
    { "aws-kms", EMU_FAM_AWS_KMS },
    { "oci-kms", EMU_FAM_OCI_KMS },
    { "oci-os",  EMU_FAM_OCI_OS },
    { "oci-bv",  EMU_FAM_OCI_BV },
    { "oci-cg",  EMU_FAM_OCI_CG },
};
/* clang-format on */

unsigned seed_family_bit(const char *name)
{
    for (size_t i = 0; name && i < sizeof(families) / sizeof(families[0]); i++)
        if (!strcmp(families[i].name, name))
            return families[i].bit;
    return 0;
}

const char *seed_family_names(void)
{
    return "s3, aws-kms, oci-kms, oci-os, oci-bv, oci-cg";
}

int seed_apply(struct store *st, const struct seed *s, unsigned families_mask)
{
    return store_emu_replace(st, s ? s->snap : NULL, families_mask) == STORE_OK ? 0 : -1;
}
