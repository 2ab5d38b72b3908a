/* ocitest.c - see ocitest.h. Writes Vault rows with plain SQL through the store's connection. */
#include "ocitest.h"

#include "storage/db.h"
#include "storage/store_oci.h"

#include <stdio.h>

int ocitest_put_key(struct apitest *t, const char *key_id, const char *region,
                    const char *algorithm, const char *state, int versions)
{
    struct store *st = t->st;
    char sql[2048];
    int rc = 0;

    pthread_mutex_lock(&st->mu);
    snprintf(sql, sizeof(sql),
             "INSERT OR IGNORE INTO kms_vault (id, tenancy, compartment_id, region, "
             "endpoint_prefix, display_name, vault_type, lifecycle_state, time_created_ms, etag) "
             "VALUES ('ocid1.vault.oc1.%s.testvault.aaaa', '%s', 'ocid1.compartment.oc1..test', "
             "'%s', 'testvault-%s', 'v', 'DEFAULT', 'ACTIVE', 0, 'e');"
             "INSERT INTO kms_key (id, vault_id, tenancy, compartment_id, region, display_name, "
             "algorithm, length, protection_mode, lifecycle_state, time_created_ms, etag) VALUES "
             "('%s', 'ocid1.vault.oc1.%s.testvault.aaaa', '%s', 'ocid1.compartment.oc1..test', "
             "'%s', 'k', '%s', 32, 'HSM', '%s', 0, 'e');",
             region, OCITEST_TENANCY, region, region, key_id, region, OCITEST_TENANCY, region,
             algorithm, state);
    if (sqlite3_exec(st->db, sql, NULL, NULL, NULL) != SQLITE_OK)
        rc = -1;
    for (int i = 0; i < versions && !rc; i++) {
        snprintf(sql, sizeof(sql),
                 "INSERT INTO kms_key_version (id, key_id, vault_id, compartment_id, "
                 "lifecycle_state, time_created_ms, etag) VALUES ('%s.v%d', '%s', 'vault', "
                 "'ocid1.compartment.oc1..test', 'ENABLED', %d, 'e')",
                 key_id, i, key_id, i);
        if (sqlite3_exec(st->db, sql, NULL, NULL, NULL) != SQLITE_OK)
            rc = -1;
    }
    pthread_mutex_unlock(&st->mu);
    return rc;
}

int ocitest_put_zone(struct apitest *t, const char *compartment, const char *parent,
                     const char *zone_name, const char *const *policies)
{
    struct store *st = t->st;
    char sql[2048];
    int rc = 0;

    if (parent && store_oci_compartment_put(st, compartment, parent, OCITEST_TENANCY))
        return -1;
    pthread_mutex_lock(&st->mu);
    snprintf(sql, sizeof(sql),
             "INSERT INTO cg_security_recipe (id, compartment_id, display_name, owner, "
             "lifecycle_state, time_created_ms, etag) VALUES ('recipe-%s', '%s', 'r', 'CUSTOMER', "
             "'ACTIVE', 0, 'e');"
             "INSERT INTO cg_security_zone (id, tenancy, compartment_id, display_name, recipe_id, "
             "lifecycle_state, time_created_ms, etag) VALUES ('zone-%s', '%s', '%s', '%s', "
             "'recipe-%s', 'ACTIVE', 0, 'e');"
             "INSERT INTO cg_zone_compartment (compartment_id, zone_id) VALUES ('%s', 'zone-%s');",
             zone_name, compartment, zone_name, OCITEST_TENANCY, compartment, zone_name, zone_name,
             compartment, zone_name);
    if (sqlite3_exec(st->db, sql, NULL, NULL, NULL) != SQLITE_OK)
        rc = -1;
    for (size_t i = 0; policies && policies[i] && !rc; i++) {
        snprintf(sql, sizeof(sql),
                 "INSERT OR IGNORE INTO cg_security_policy (id, friendly_name, display_name, "
                 "description, category, services) VALUES ('policy-%s', '%s', '%s', '', '', '[]');"
                 "INSERT INTO cg_recipe_policy (recipe_id, policy_id) SELECT 'recipe-%s', id FROM "
                 "cg_security_policy WHERE friendly_name = '%s';",
                 policies[i], policies[i], policies[i], zone_name, policies[i]);
        if (sqlite3_exec(st->db, sql, NULL, NULL, NULL) != SQLITE_OK)
            rc = -1;
    }
    pthread_mutex_unlock(&st->mu);
    return rc;
}
