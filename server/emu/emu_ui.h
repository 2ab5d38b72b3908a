/* emu_ui.h - the dashboard's files, embedded at build time by server/emu/ui/embed.sh. */
#ifndef CMKEMU_EMU_UI_H
#define CMKEMU_EMU_UI_H

#include <stddef.h>

struct emu_ui_file {
    const char *name;          /* "index.html", "app.js", ... */
    const unsigned char *data; /* NUL-terminated, len bytes before the NUL */
    size_t len;
};

/* build/ui.gen.c */
extern const struct emu_ui_file emu_ui_files[];
extern const size_t emu_ui_files_count;

#endif
