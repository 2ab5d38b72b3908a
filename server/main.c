/* main.c - cmkemu's entry point: flags -> config, load the seed, open the store and put the seed
 * in it, serve until SIGINT/SIGTERM, then stop accepting, let in-flight requests finish and close
 * the database. Start-up failures print one line "cmkemu: ..." and exit non-zero. */
#include "auth/auth_config.h"
#include "config.h"
#include "emu/seed.h"
#include "healthcheck.h"
#include "http.h"
#include "ids.h"
#include "log.h"

#include "../storage/store.h"
#include "../storage/store_emu.h"

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
    struct seed *seed = NULL;
    struct http_server *srv;
    struct ids ids;
    sigset_t set;
    char why[1024];
    int sig = 0;
    int rc = config_load(&cfg, argc, argv);

    if (rc)
        return rc > 0 ? 0 : 2;
    if (cfg.health_check) {
        char url[600];

        if (cfg.health_url[0])
            snprintf(url, sizeof(url), "%s", cfg.health_url);
        else
            health_default_url(&cfg, url, sizeof(url));
        return health_check(url);
    }
    log_set_level(cfg.log_level);
    log_set_format(cfg.log_format);
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    /* Block before any thread starts so every thread inherits the mask; sigwait takes them. */
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    signal(SIGPIPE, SIG_IGN);
    ids_init_random(&ids);
    if (cfg.seed_path[0] &&
        seed_load_file(cfg.seed_path, &cfg, ids_now_ms(), &seed, why, sizeof(why))) {
        fprintf(stderr, "cmkemu: %s\n", why);
        return 1;
    }
    if (store_open_why(&st, cfg.db_path, why, sizeof(why))) {
        fprintf(stderr, "cmkemu: cannot open database '%s': %s\n", cfg.db_path, why);
        seed_free(seed);
        return 1;
    }
    /* CHOICE: with a seed, every start begins from the seed (as after POST /_cmkemu/reset). */
    if (seed && seed_apply(st, seed, EMU_FAM_ALL)) {
        fprintf(stderr, "cmkemu: cannot write the seed into database '%s'\n", cfg.db_path);
        store_close(st);
        seed_free(seed);
        return 1;
    }
    if (cfg.auth_config[0]) {
        char err[1024];

        if (auth_config_load(st, cfg.auth_config, cfg.default_account, err, sizeof(err))) {
            fprintf(stderr, "cmkemu: %s\n", err);
            store_close(st);
            seed_free(seed);
            return 2;
        }
    } else if (cfg.auth == AUTH_STRICT) {
        log_msg(LOG_WARN, "--auth strict without --auth-config: only credentials already in the "
                          "database are accepted");
    }
    srv = http_start(&cfg, st, &ids, seed);
    if (!srv) {
        store_close(st);
        seed_free(seed);
        return 1;
    }
    if (cfg.port_file[0] && write_port_file(cfg.port_file, http_port(srv)))
        log_msg(LOG_WARN, "cannot write port file '%s'", cfg.port_file);
    log_msg(LOG_INFO, "cmkemu %s listening on http://%s:%d (db %s, region %s, auth %s%s%s)",
            CMKEMU_VERSION, cfg.host, http_port(srv), cfg.db_path, cfg.region,
            cfg.auth == AUTH_STRICT ? "strict" : "off", seed ? ", seed " : "",
            seed ? cfg.seed_path : "");
    sigwait(&set, &sig);
    log_msg(LOG_INFO, "signal %d: stopping", sig);
    http_stop(srv);
    store_close(st);
    seed_free(seed);
    log_msg(LOG_INFO, "stopped");
    return 0;
}
