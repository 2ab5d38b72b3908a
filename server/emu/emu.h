/* emu.h - the emulator's own endpoints under /_cmkemu/ (health, reset, OCI compartments) and the
 * moto-compatible /moto-api/reset. */
#ifndef CMKEMU_EMU_H
#define CMKEMU_EMU_H

#include "../api.h"

#include <jansson.h>

void emu_dispatch(struct req *rq, struct ctx *cx, struct resp *rs);
/* Answers status with the JSON body (released). */
void emu_json(struct resp *rs, int status, json_t *body);

/* emu_oci.c: PUT /_cmkemu/oci/compartments/{compartmentId} */
api_handler emu_oci_put_compartment;
/* emu_reset.c: POST /_cmkemu/reset[?family=...], and /moto-api/reset */
api_handler emu_reset;
api_handler emu_moto_reset;

/* emu_state.c: GET /_cmkemu/state */
api_handler emu_state_get;

/* emu_ui.c: GET /_cmkemu/ui (the dashboard page) and GET /_cmkemu/ui/{asset} */
api_handler emu_ui_page;
api_handler emu_ui_asset;

#endif
