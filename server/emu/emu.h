/* emu.h - the emulator's own endpoints under /_cmkemu/ (health, and later reset and state). */
#ifndef CMKEMU_EMU_H
#define CMKEMU_EMU_H

#include "../api.h"

void emu_dispatch(struct req *rq, struct ctx *cx, struct resp *rs);

/* emu_oci.c: PUT /_cmkemu/oci/compartments/{compartmentId} */
api_handler emu_oci_put_compartment;

/* emu_state.c: GET /_cmkemu/state */
api_handler emu_state_get;

/* emu_ui.c: GET /_cmkemu/ui (the dashboard page) and GET /_cmkemu/ui/{asset} */
api_handler emu_ui_page;
api_handler emu_ui_asset;

#endif
