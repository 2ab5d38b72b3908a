/* cg.h - Cloud Guard security zones (/20200131/...): the handlers of cg_routes.c and what they
 * share: request-body field readers, list paging, the JSON of each resource. */
#ifndef CMKEMU_CG_H
#define CMKEMU_CG_H

#include "../../api.h"
#include "storage/store_cg.h"

#include <jansson.h>

#define CG_LIST_DEFAULT 100
#define CG_LIST_MAX     1000
#define CG_LIST_ALL     100000 /* rows read before filtering and paging a list */

/* cg_policy.c */
api_handler cg_list_security_policies;
api_handler cg_get_security_policy;

/* cg_recipe.c */
api_handler cg_create_security_recipe;
api_handler cg_get_security_recipe;
api_handler cg_list_security_recipes;
api_handler cg_update_security_recipe;

/* cg_zone.c */
api_handler cg_create_security_zone;
api_handler cg_get_security_zone;
api_handler cg_list_security_zones;
api_handler cg_update_security_zone;
api_handler cg_add_compartment;
api_handler cg_remove_compartment;
api_handler cg_delete_security_zone;

/* Shared helpers (cg_policy.c). */

/* A string member: 0 and *out NULL when absent or null; 0 and *out set; else answers 400 (empty
 * or not a string) and returns the error. required answers 400 when absent too. */
int cg_string_field(struct resp *rs, struct ctx *cx, json_t *body, const char *name, int required,
                    const char **out);
/* compartmentId: a required member that must be an OCID. */
int cg_compartment_field(struct resp *rs, struct ctx *cx, json_t *body, const char **out);
/* freeformTags / definedTags as JSON texts (malloc'd into *slot) when present and objects. */
int cg_tags_fields(struct resp *rs, struct ctx *cx, json_t *body, char **freeform, char **defined);
/* What a list request asks: compartmentId (required), the id / displayName / lifecycleState
 * filters (NULL: any) and the page. */
struct cg_list {
    const char *compartment_id;
    const char *id;
    const char *display_name;
    const char *lifecycle_state;
    int limit;
    int offset; /* from the page token */
};
/* Reads q from the request. Returns 0 or the error answered. */
int cg_list_params(const struct req *rq, struct ctx *cx, struct resp *rs, struct cg_list *q);
/* 1 when a row with this id, display name and state passes q's filters. */
int cg_list_match(const struct cg_list *q, const char *id, const char *name, const char *state);
/* Answers q's page of items ({"items": [...]}), with opc-next-page when more follow; steals
 * items. */
void cg_answer_page(struct resp *rs, json_t *items, const struct cg_list *q);

#endif
