/* healthcheck.c - a minimal HTTP/1.0 GET over a socket, with a timeout. */
#include "healthcheck.h"

#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#define HEALTH_TIMEOUT_S 5

void health_default_url(const struct config *cfg, char *out, size_t n)
{
    const char *h = cfg->host;

    if (!*h || !strcmp(h, "0.0.0.0") || !strcmp(h, "::") || !strcmp(h, "[::]"))
        h = "127.0.0.1";
    if (strchr(h, ':') && h[0] != '[')
        snprintf(out, n, "http://[%s]:%d/_cmkemu/health", h, cfg->port);
    else
        snprintf(out, n, "http://%s:%d/_cmkemu/health", h, cfg->port);
}

/* Splits http://host[:port][/path]. Returns 0 or -1. */
static int parse_url(const char *url, char *host, size_t hn, char *port, size_t pn, char *path,
                     size_t qn)
{
    const char *p;
    const char *end;
    const char *slash;

    if (strncmp(url, "http://", 7))
        return -1;
    p = url + 7;
    slash = strchr(p, '/');
    end = slash ? slash : p + strlen(p);
    snprintf(path, qn, "%s", slash ? slash : "/");
    snprintf(port, pn, "80");
    if (*p == '[') { /* [v6]:port */
        const char *close = memchr(p, ']', (size_t)(end - p));

        if (!close || (size_t)(close - p - 1) >= hn)
            return -1;
        snprintf(host, hn, "%.*s", (int)(close - p - 1), p + 1);
        p = close + 1;
        if (*p == ':')
            snprintf(port, pn, "%.*s", (int)(end - p - 1), p + 1);
    } else {
        const char *colon = memchr(p, ':', (size_t)(end - p));
        const char *hend = colon ? colon : end;

        if ((size_t)(hend - p) >= hn)
            return -1;
        snprintf(host, hn, "%.*s", (int)(hend - p), p);
        if (colon)
            snprintf(port, pn, "%.*s", (int)(end - colon - 1), colon + 1);
    }
    return host[0] && port[0] ? 0 : -1;
}

int health_check(const char *url)
{
    char host[256], port[16], path[512], req[1024], reply[64];
    struct addrinfo hints, *ai = NULL;
    struct timeval tv = { HEALTH_TIMEOUT_S, 0 };
    size_t got = 0;
    int fd = -1, status = 0, rc;

    if (parse_url(url, host, sizeof(host), port, sizeof(port), path, sizeof(path))) {
        fprintf(stderr, "cmkemu: health check: not an http://host[:port]/path URL: %s\n", url);
        return 1;
    }
    memset(&hints, 0, sizeof(hints));
    hints.ai_socktype = SOCK_STREAM;
    rc = getaddrinfo(host, port, &hints, &ai);
    if (rc || !ai) {
        fprintf(stderr, "cmkemu: health check: cannot resolve %s: %s\n", host, gai_strerror(rc));
        return 1;
    }
    fd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
    if (fd >= 0) {
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
    }
    if (fd < 0 || connect(fd, ai->ai_addr, ai->ai_addrlen)) {
        fprintf(stderr, "cmkemu: health check: cannot connect to %s:%s\n", host, port);
        if (fd >= 0)
            close(fd);
        freeaddrinfo(ai);
        return 1;
    }
    freeaddrinfo(ai);
    snprintf(req, sizeof(req), "GET %s HTTP/1.0\r\nHost: %s:%s\r\nConnection: close\r\n\r\n", path,
             host, port);
    if (write(fd, req, strlen(req)) == (ssize_t)strlen(req)) {
        while (got + 1 < sizeof(reply)) {
            ssize_t n = read(fd, reply + got, sizeof(reply) - 1 - got);

            if (n <= 0)
                break;
            got += (size_t)n;
        }
    }
    close(fd);
    reply[got] = '\0';
    if (sscanf(reply, "HTTP/%*d.%*d %d", &status) != 1 || status != 200) {
        fprintf(stderr, "cmkemu: health check: %s answered %s\n", url,
                status ? "a status other than 200" : "no HTTP status");
        return 1;
    }
    printf("cmkemu: healthy: %s\n", url);
    return 0;
}
