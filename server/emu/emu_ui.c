/* emu_ui.c - GET /_cmkemu/ui: the dashboard, a page and its script and style sheet served from
 * the binary. The script reads GET /_cmkemu/state and draws the keys and what they encrypt. */
#include "emu_ui.h"
#include "emu.h"

#include <string.h>

/* CHOICE: page, script and style sheet are three files, so that the policy can forbid inline
 * script and style: only the page's own script runs, and it fetches from this origin only. */
static const char UI_CSP[] = "default-src 'none'; script-src 'self'; style-src 'self'; "
                             "connect-src 'self'; img-src 'self' data:; base-uri 'none'; "
                             "form-action 'none'; frame-ancestors 'none'";

static const struct emu_ui_file *ui_file(const char *name)
{
    for (size_t i = 0; i < emu_ui_files_count; i++)
        if (!strcmp(emu_ui_files[i].name, name))
            return &emu_ui_files[i];
    return NULL;
}

static const char *content_type(const char *name)
{
    const char *dot = strrchr(name, '.');

    if (dot && !strcmp(dot, ".html"))
        return "text/html; charset=utf-8";
    if (dot && !strcmp(dot, ".css"))
        return "text/css; charset=utf-8";
    if (dot && !strcmp(dot, ".js"))
        return "text/javascript; charset=utf-8";
    return "application/octet-stream";
}

static int serve(struct resp *rs, const char *name)
{
    const struct emu_ui_file *f = ui_file(name);

    if (!f) {
        static const char nf[] = "{\"code\":\"NotFound\",\"message\":\"Not found\"}";

        resp_status(rs, 404);
        resp_header(rs, "Content-Type", "application/json");
        resp_body(rs, nf, sizeof(nf) - 1);
        return 1;
    }
    resp_status(rs, 200);
    resp_header(rs, "Content-Type", content_type(f->name));
    resp_header(rs, "Cache-Control", "no-cache");
    resp_header(rs, "X-Content-Type-Options", "nosniff");
    resp_header(rs, "Referrer-Policy", "no-referrer");
    resp_header(rs, "Content-Security-Policy", UI_CSP);
    resp_body(rs, f->data, f->len);
    return 0;
}

/* GET /_cmkemu/ui */
int emu_ui_page(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    (void)rq;
    (void)cx;
    return serve(rs, "index.html");
}

/* GET /_cmkemu/ui/{file} */
int emu_ui_asset(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    (void)cx;
    return serve(rs, rq->param[0]);
}
