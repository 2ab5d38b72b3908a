/* config.c - flags and environment variables -> struct config. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum opt_kind { OPT_STR, OPT_INT, OPT_SIZE, OPT_LEVEL, OPT_AUTH, OPT_FORMAT };

struct opt {
    const char *flag;
    const char *env;
    enum opt_kind kind;
    size_t offset;
    size_t size; /* for OPT_STR: the array size */
    const char *dflt;
    const char *help;
};

#define OFF(f) offsetof(struct config, f)
/* clang-format off */
static const struct opt opts[] = {
    { "--host",         "CMKEMU_HOST",         OPT_STR,   OFF(host),            sizeof(((struct config *)0)->host),            "127.0.0.1",  "address to listen on; anything but loopback exposes the emulator to the network" },
    { "--port",         "CMKEMU_PORT",         OPT_INT,   OFF(port),            0,                                             "4566",       "TCP port (0 picks a free one)" },
    { "--db",           "CMKEMU_DB",           OPT_STR,   OFF(db_path),         sizeof(((struct config *)0)->db_path),         "cmkemu.db",  "SQLite file, relative to the working directory; :memory: for throwaway state" },
    { "--region",       "CMKEMU_REGION",       OPT_STR,   OFF(region),          sizeof(((struct config *)0)->region),          "us-east-1",  "region for requests that name none" },
    { "--oci-region",   "CMKEMU_OCI_REGION",   OPT_STR,   OFF(oci_region),      sizeof(((struct config *)0)->oci_region),      "us-ashburn-1", "OCI region for requests that name none (by Host or /oci/<region> prefix)" },
    { "--account",      "CMKEMU_ACCOUNT",      OPT_STR,   OFF(default_account), sizeof(((struct config *)0)->default_account), "000000000000", "AWS account of requests whose access key is not 12 digits" },
    { "--log-level",    "CMKEMU_LOG_LEVEL",    OPT_LEVEL, OFF(log_level),       0,                                             "info",       "error, warn, info or debug (info prints one access line per request)" },
    { "--log-format",   "CMKEMU_LOG_FORMAT",   OPT_FORMAT, OFF(log_format),     0,                                             "text",       "text or json (one JSON object per line: ts, level, msg; access lines add method, path, status, ms, request_id)" },
    { "--max-body",     "CMKEMU_MAX_BODY",     OPT_SIZE,  OFF(max_body),        0,                                             "8388608",    "largest request body accepted, in bytes" },
    { "--max-header",   "CMKEMU_MAX_HEADER",   OPT_SIZE,  OFF(max_header),      0,                                             "16384",      "largest request line plus headers, in bytes" },
    { "--idle-timeout", "CMKEMU_IDLE_TIMEOUT", OPT_INT,   OFF(idle_timeout),    0,                                             "30",         "seconds an idle connection is kept" },
    { "--threads",      "CMKEMU_THREADS",      OPT_INT,   OFF(threads),         0,                                             "4",          "worker threads" },
    { "--port-file",    "CMKEMU_PORT_FILE",    OPT_STR,   OFF(port_file),       sizeof(((struct config *)0)->port_file),       "",           "write the bound port to this file once listening" },
    { "--auth",         "CMKEMU_AUTH",         OPT_AUTH,  OFF(auth),            0,                                             "off",        "off (any signature is accepted) or strict (valid signatures by registered credentials)" },
    { "--auth-config",  "CMKEMU_AUTH_CONFIG",  OPT_STR,   OFF(auth_config),     sizeof(((struct config *)0)->auth_config),     "",           "JSON file of AWS access keys and OCI API keys, loaded into the store at start" },
    { "--bv-provisioning-ms", "CMKEMU_BV_PROVISIONING_MS", OPT_INT, OFF(bv_provisioning_ms), 0,                                     "0",          "milliseconds a new Block Volume resource reads PROVISIONING/REQUEST_RECEIVED/CREATING before AVAILABLE" },
    { "--seed",         "CMKEMU_SEED",         OPT_STR,   OFF(seed_path),       sizeof(((struct config *)0)->seed_path),       "",           "JSON seed file: the state at start and after every POST /_cmkemu/reset" },
};
/* clang-format on */
#undef OFF

static int set_level(enum log_level *lv, const char *v)
{
    static const char *const names[] = { "error", "warn", "info", "debug" };

    for (int i = 0; i < 4; i++) {
        if (!strcmp(v, names[i])) {
            *lv = (enum log_level)i;
            return 0;
        }
    }
    return -1;
}

static int set_opt(struct config *cfg, const struct opt *o, const char *v)
{
    char *base = (char *)cfg + o->offset;
    char *end = NULL;
    unsigned long long n;

    switch (o->kind) {
    case OPT_STR:
        if (strlen(v) >= o->size)
            return -1;
        memcpy(base, v, strlen(v) + 1);
        return 0;
    case OPT_INT:
    case OPT_SIZE:
        if (!*v)
            return -1;
        n = strtoull(v, &end, 10);
        if (*end || n > 0x7fffffffULL)
            return -1;
        if (o->kind == OPT_SIZE)
            *(size_t *)(void *)base = (size_t)n;
        else if (o->offset == offsetof(struct config, port))
            *(int *)(void *)base = (int)n;
        else
            *(unsigned *)(void *)base = (unsigned)n;
        if (o->offset == offsetof(struct config, port) && n > 65535)
            return -1;
        return 0;
    case OPT_LEVEL:
        return set_level((enum log_level *)(void *)base, v);
    case OPT_AUTH:
        if (strcmp(v, "off") && strcmp(v, "strict"))
            return -1;
        *(enum auth_mode *)(void *)base = strcmp(v, "off") ? AUTH_STRICT : AUTH_OFF;
        return 0;
    case OPT_FORMAT:
        if (strcmp(v, "text") && strcmp(v, "json"))
            return -1;
        *(enum log_format *)(void *)base = !strcmp(v, "json") ? LOG_FORMAT_JSON : LOG_FORMAT_TEXT;
        return 0;
    }
    return -1;
}

void config_defaults(struct config *cfg)
{
    memset(cfg, 0, sizeof(*cfg));
    for (size_t i = 0; i < sizeof(opts) / sizeof(opts[0]); i++)
        (void)set_opt(cfg, &opts[i], opts[i].dflt);
}

static void usage(FILE *f)
{
    fprintf(f, "usage: cmkemu [flags]\n\n"
               "Local emulator of S3 bucket encryption and OCI Vault key assignment.\n\n");
    for (size_t i = 0; i < sizeof(opts) / sizeof(opts[0]); i++)
        fprintf(f, "  %-15s %-20s default %-12s %s\n", opts[i].flag, opts[i].env,
                *opts[i].dflt ? opts[i].dflt : "(none)", opts[i].help);
    fprintf(f, "\nActions (no environment variable):\n");
    fprintf(f, "  %-57s %s\n", "--health-check",
            "probe http://<host>:<port>/_cmkemu/health of a running cmkemu; exit 0 when healthy");
    fprintf(f, "  %-57s %s\n", "--health-check=URL", "probe that URL instead");
    fprintf(f, "  %-57s %s\n", "--help", "print this help");
    fprintf(f, "  %-57s %s\n", "--version", "print the version");
}

int config_load(struct config *cfg, int argc, char **argv)
{
    config_defaults(cfg);
    for (size_t i = 0; i < sizeof(opts) / sizeof(opts[0]); i++) {
        const char *v = getenv(opts[i].env);

        if (v && set_opt(cfg, &opts[i], v)) {
            fprintf(stderr, "cmkemu: bad value for %s: '%s'\n", opts[i].env, v);
            return -1;
        }
    }
    for (int a = 1; a < argc; a++) {
        const char *arg = argv[a];
        const char *eq = strchr(arg, '=');
        size_t flen = eq ? (size_t)(eq - arg) : strlen(arg);
        const struct opt *o = NULL;
        const char *v;

        if (!strcmp(arg, "--help") || !strcmp(arg, "-h")) {
            usage(stdout);
            return 1;
        }
        if (!strcmp(arg, "--version")) {
            printf("cmkemu %s\n", CMKEMU_VERSION);
            return 1;
        }
        if (flen == strlen("--health-check") && !strncmp(arg, "--health-check", flen)) {
            cfg->health_check = 1;
            if (eq && (strlen(eq + 1) >= sizeof(cfg->health_url) || !eq[1])) {
                fprintf(stderr, "cmkemu: bad value for --health-check: '%s'\n", eq + 1);
                return -1;
            }
            if (eq)
                snprintf(cfg->health_url, sizeof(cfg->health_url), "%s", eq + 1);
            continue;
        }
        for (size_t i = 0; i < sizeof(opts) / sizeof(opts[0]); i++)
            if (strlen(opts[i].flag) == flen && !strncmp(opts[i].flag, arg, flen))
                o = &opts[i];
        if (!o) {
            fprintf(stderr, "cmkemu: unknown flag '%s' (try --help)\n", arg);
            return -1;
        }
        if (eq) {
            v = eq + 1;
        } else if (a + 1 < argc) {
            v = argv[++a];
        } else {
            fprintf(stderr, "cmkemu: %s needs a value\n", o->flag);
            return -1;
        }
        if (set_opt(cfg, o, v)) {
            fprintf(stderr, "cmkemu: bad value for %s: '%s'\n", o->flag, v);
            return -1;
        }
    }
    return 0;
}
