/* cg_routes.c - the Cloud Guard security-zone routes (§5), in one table. */
#include "../oci.h"
#include "cg.h"

/* clang-format off */
const struct route oci_cg_routes[] = {
    { "GET",    "/20200131/securityPolicies",                                   cg_list_security_policies },
    { "GET",    "/20200131/securityPolicies/{securityPolicyId}",                cg_get_security_policy },
    { "POST",   "/20200131/securityRecipes",                                    cg_create_security_recipe },
    { "GET",    "/20200131/securityRecipes",                                    cg_list_security_recipes },
    { "GET",    "/20200131/securityRecipes/{securityRecipeId}",                 cg_get_security_recipe },
    { "PUT",    "/20200131/securityRecipes/{securityRecipeId}",                 cg_update_security_recipe },
    { "POST",   "/20200131/securityZones",                                      cg_create_security_zone },
    { "GET",    "/20200131/securityZones",                                      cg_list_security_zones },
    { "GET",    "/20200131/securityZones/{securityZoneId}",                     cg_get_security_zone },
    { "PUT",    "/20200131/securityZones/{securityZoneId}",                     cg_update_security_zone },
    { "DELETE", "/20200131/securityZones/{securityZoneId}",                     cg_delete_security_zone },
    { "POST",   "/20200131/securityZones/{securityZoneId}/actions/addCompartment",    cg_add_compartment },
    { "POST",   "/20200131/securityZones/{securityZoneId}/actions/removeCompartment", cg_remove_compartment },
};
/* clang-format on */
const size_t oci_cg_nroutes = sizeof(oci_cg_routes) / sizeof(oci_cg_routes[0]);
