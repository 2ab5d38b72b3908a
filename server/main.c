/* main.c - cmkemu's entry point: flags -> config, open the store, serve until SIGINT/SIGTERM,
 * then stop accepting, let in-flight requests finish and close the database. */
#include "auth/auth_config.h"
#include "config.h"
#include "http.h"
#include "ids.h"
#include "log.h"

#include "../storage/store.h"

#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

static int write_port_file(const char *path, int port)
{
    FILE *f = fopen(path, "w");

    if (!f)
        return -1;
    fprintf(f, "%d\n", port);
    return fclose(f);
}

int main(int argc, char **argv)
{
    struct config cfg;
    struct store *st = NULL;
    struct http_server *srv;
    struct ids ids;
    sigset_t set;
    int sig = 0;
    int rc = config_load(&cfg, argc, argv);

    if (rc)
        return rc > 0 ? 0 : 2;
    log_set_level(cfg.log_level);
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    /* Block before any thread starts so every thread inherits the mask; sigwait takes them. */
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    signal(SIGPIPE, SIG_IGN);
    ids_init_random(&ids);
    if (store_open(&st, cfg.db_path)) {
        fprintf(stderr, "cmkemu: cannot open database '%s'\n", cfg.db_path);
        return 1;
    }
    if (cfg.auth_config[0]) {
        char err[1024];

        if (auth_config_load(st, cfg.auth_config, cfg.default_account, err, sizeof(err))) {
            fprintf(stderr, "cmkemu: %s\n", err);
            store_close(st);
            return 2;
        }
    } else if (cfg.auth == AUTH_STRICT) {
        log_msg(LOG_WARN, "--auth strict without --auth-config: only credentials already in the "
                          "database are accepted");
    }
    srv = http_start(&cfg, st, &ids);
    if (!srv) {
        store_close(st);
        return 1;
    }
    if (cfg.port_file[0] && write_port_file(cfg.port_file, http_port(srv)))
        log_msg(LOG_WARN, "cannot write port file '%s'", cfg.port_file);
    log_msg(LOG_INFO, "cmkemu %s listening on http://%s:%d (db %s, region %s, auth %s)",
            CMKEMU_VERSION, cfg.host, http_port(srv), cfg.db_path, cfg.region,
            cfg.auth == AUTH_STRICT ? "strict" : "off");
    sigwait(&set, &sig);
    log_msg(LOG_INFO, "signal %d: stopping", sig);
    http_stop(srv);
    store_close(st);
    log_msg(LOG_INFO, "stopped");
    return 0;
}
