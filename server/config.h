/* config.h - the server's settings: command-line flags, each with an environment variable. */
#ifndef CMKEMU_CONFIG_H
#define CMKEMU_CONFIG_H

#include <stddef.h>

#define CMKEMU_VERSION "0.1.0"

enum log_level { LOG_ERROR = 0, LOG_WARN, LOG_INFO, LOG_DEBUG };
enum log_format { LOG_FORMAT_TEXT = 0, LOG_FORMAT_JSON };

/* off: any signature is accepted; strict: S3/KMS need a valid SigV4 signature and OCI a valid
 * RSA-SHA256 signature, by a registered credential. */
enum auth_mode { AUTH_OFF = 0, AUTH_STRICT };

struct config {
    char host[256];           /* --host / CMKEMU_HOST */
    int port;                 /* --port / CMKEMU_PORT; 0 picks a free port */
    char db_path[1024];       /* --db / CMKEMU_DB; ":memory:" for throwaway state */
    char region[64];          /* --region / CMKEMU_REGION */
    char oci_region[64];      /* --oci-region / CMKEMU_OCI_REGION: OCI requests that name none */
    char default_account[16]; /* --account / CMKEMU_ACCOUNT: account of keys that name none */
    enum log_level log_level; /* --log-level / CMKEMU_LOG_LEVEL */
    size_t max_body;          /* --max-body / CMKEMU_MAX_BODY: bytes of request body accepted */
    size_t max_header;      /* --max-header / CMKEMU_MAX_HEADER: bytes of request line + headers */
    unsigned idle_timeout;  /* --idle-timeout / CMKEMU_IDLE_TIMEOUT: seconds */
    unsigned threads;       /* --threads / CMKEMU_THREADS: worker threads */
    char port_file[1024];   /* --port-file / CMKEMU_PORT_FILE: write the bound port here */
    enum auth_mode auth;    /* --auth / CMKEMU_AUTH */
    char auth_config[1024]; /* --auth-config / CMKEMU_AUTH_CONFIG: credentials (JSON) */
    char seed_path[1024];   /* --seed / CMKEMU_SEED: JSON seed file loaded at start and on reset */
    enum log_format log_format; /* --log-format / CMKEMU_LOG_FORMAT: text or json lines */
    /* --bv-provisioning-ms / CMKEMU_BV_PROVISIONING_MS: Block Volume resources read in their
     * transitional state (PROVISIONING, REQUEST_RECEIVED, CREATING) for this long after their
     * creation; 0 makes them AVAILABLE at once */
    unsigned bv_provisioning_ms;
    /* --health-check[=URL]: probe a running cmkemu and exit (no environment variable) */
    int health_check;
    char health_url[512]; /* "" probes http://<host>:<port>/_cmkemu/health */
};

/* Fills defaults, then the environment, then argv. Returns 0 to run (or, with cfg->health_check,
 * to probe), 1 when --help or --version printed and the program should exit 0, -1 on a bad flag
 * (message printed). */
int config_load(struct config *cfg, int argc, char **argv);
void config_defaults(struct config *cfg);

#endif
