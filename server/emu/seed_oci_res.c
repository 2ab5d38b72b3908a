/* seed_oci_res.c - a tenancy's storage in a seed: Object Storage buckets, block volumes, boot
 * volumes and their backups, each with its key (by name or OCID), created through the Object
 * Storage and Block Volume handlers (so key and security-zone rules apply). */
#include "seed_oci.h"

#include "../oci/oci_ocid.h"
#include "storage/store_emu.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

static int rename_to(struct seed_loader *ld, const char *path, enum emu_rename kind,
                     const char *old_id, const char *id, char *out)
{
    int rc = store_emu_rename(ld->st, kind, old_id, id);
    char sub[SEED_PATH_MAX];

    seed_path_member(sub, sizeof(sub), path, "id");
    if (rc == STORE_EXISTS)
        return seed_fail(ld, sub, "the id \"%s\" is used twice", id);
    if (rc)
        return seed_fail(ld, sub, "cannot give the id \"%s\"", id);
    snprintf(out, SEED_ID_MAX, "%s", id);
    return 0;
}

static int load_bucket(struct seed_loader *ld, const json_t *b, const char *path,
                       const struct seed_tenancy *t)
{
    static const char *const members[] = { "name",        "id",         "region",
                                           "compartment", "kmsKey",     "publicAccessType",
                                           "storageTier", "versioning", NULL };
    const char *name = NULL, *id = NULL, *pub = NULL, *tier = NULL, *versioning = NULL;
    json_t *reply = NULL, *body;
    char region[32];
    char comp[SEED_ID_MAX];
    char key_id[SEED_ID_MAX];
    char bid[SEED_ID_MAX];
    char key[3 * SEED_ID_MAX];
    char api[64];
    int has_key = 0;

    if (seed_object(ld, b, path, members) || seed_str(ld, b, path, "name", 1, &name) ||
        seed_oci_region(ld, b, path, t, region) ||
        seed_oci_id(ld, b, path, "bucket", region, &id) ||
        seed_oci_compartment(ld, b, path, t, "compartment", t->id, comp) ||
        seed_oci_key(ld, b, path, t, key_id, &has_key) ||
        seed_str(ld, b, path, "publicAccessType", 0, &pub) ||
        seed_str(ld, b, path, "storageTier", 0, &tier) ||
        seed_str(ld, b, path, "versioning", 0, &versioning))
        return -1;
    body = json_pack("{s:s, s:s, s:s?, s:s?, s:s?}", "name", name, "compartmentId", comp,
                     "publicAccessType", pub, "storageTier", tier, "versioning", versioning);
    if (has_key)
        json_object_set_new(body, "kmsKeyId", json_string(key_id));
    snprintf(key, sizeof(key), "oci/%s/bucket/%s/%s", t->name, region, name);
    snprintf(api, sizeof(api), "/n/%s/b", t->ns);
    if (seed_oci_call(ld, t, path, "CreateBucket", key, region, NULL, "POST", api, body, &reply, 0))
        return -1;
    snprintf(bid, sizeof(bid), "%s", seed_info(reply, "id"));
    json_decref(reply);
    return id ? rename_to(ld, path, EMU_RENAME_OS_BUCKET, bid, id, bid) : 0;
}

/* "Uocm:IAD-AD-1": the first availability domain of the region. */
static void default_ad(const char *region, char *out, size_t n)
{
    const struct oci_region *r = oci_region_find(region);
    char code[16];
    size_t i;

    for (i = 0; r && r->code[i] && i + 1 < sizeof(code); i++)
        code[i] = (char)toupper((unsigned char)r->code[i]);
    code[i] = '\0';
    snprintf(out, n, "Uocm:%s-AD-1", code);
}

static int load_volume(struct seed_loader *ld, const json_t *v, const char *path,
                       const struct seed_tenancy *t, int boot)
{
    static const char *const members[] = {
        "name",      "id",    "region", "availabilityDomain", "compartment", "kmsKey", "sizeInGBs",
        "vpusPerGB", "image", NULL
    };
    const char *name = NULL, *id = NULL, *ad = NULL, *image = NULL;
    json_int_t size = 0, vpus = -1;
    json_t *reply = NULL, *body;
    char region[32];
    char comp[SEED_ID_MAX];
    char key_id[SEED_ID_MAX];
    char vid[SEED_ID_MAX];
    char img[SEED_ID_MAX];
    char adbuf[64];
    char key[3 * SEED_ID_MAX];
    char sub[SEED_PATH_MAX];
    int has_key = 0;

    if (seed_object(ld, v, path, members) || seed_str(ld, v, path, "name", 1, &name) ||
        seed_oci_region(ld, v, path, t, region) ||
        seed_oci_id(ld, v, path, boot ? "bootvolume" : "volume", region, &id) ||
        seed_str(ld, v, path, "availabilityDomain", 0, &ad) ||
        seed_oci_compartment(ld, v, path, t, "compartment", t->id, comp) ||
        seed_oci_key(ld, v, path, t, key_id, &has_key) ||
        seed_int(ld, v, path, "sizeInGBs", 1, 32768, &size) ||
        seed_int(ld, v, path, "vpusPerGB", 0, 120, &vpus) ||
        seed_str(ld, v, path, "image", 0, &image))
        return -1;
    seed_path_member(sub, sizeof(sub), path, "image");
    if (image && !boot)
        return seed_fail(ld, sub, "only a boot volume has an image");
    if (!ad) {
        default_ad(region, adbuf, sizeof(adbuf));
        ad = adbuf;
    }
    body = json_pack("{s:s, s:s, s:s}", "compartmentId", comp, "availabilityDomain", ad,
                     "displayName", name);
    if (has_key)
        json_object_set_new(body, "kmsKeyId", json_string(key_id));
    if (size)
        json_object_set_new(body, "sizeInGBs", json_integer(size));
    if (vpus >= 0)
        json_object_set_new(body, "vpusPerGB", json_integer(vpus));
    snprintf(key, sizeof(key), "oci/%s/%s/%s", t->name, boot ? "bootvolume" : "volume", name);
    if (boot) {
        char ikey[4 * SEED_ID_MAX];

        /* CHOICE: a boot volume without "image" comes from an image OCID made up for it */
        snprintf(ikey, sizeof(ikey), "%s/image", key);
        if (image)
            snprintf(img, sizeof(img), "%s", image);
        else
            seed_oci_new_ocid(ikey, "image", region, img, sizeof(img));
        json_object_set_new(body, "sourceDetails",
                            json_pack("{s:s, s:s}", "type", "image", "id", img));
    }
    if (seed_oci_call(ld, t, path, boot ? "CreateBootVolume" : "CreateVolume", key, region, NULL,
                      "POST", boot ? "/20160918/bootVolumes" : "/20160918/volumes", body, &reply,
                      0))
        return -1;
    snprintf(vid, sizeof(vid), "%s", seed_info(reply, "id"));
    json_decref(reply);
    if (id && rename_to(ld, path, EMU_RENAME_BV_VOLUME, vid, id, vid))
        return -1;
    return seed_name_put(ld, path, boot ? "boot volume" : "volume", t->name, name,
                         json_pack("{s:s, s:s}", "id", vid, "region", region));
}

static int volume_fn(struct seed_loader *ld, const json_t *v, const char *path,
                     const struct seed_tenancy *t)
{
    return load_volume(ld, v, path, t, 0);
}

static int boot_volume_fn(struct seed_loader *ld, const json_t *v, const char *path,
                          const struct seed_tenancy *t)
{
    return load_volume(ld, v, path, t, 1);
}

static int load_backup(struct seed_loader *ld, const json_t *b, const char *path,
                       const struct seed_tenancy *t)
{
    static const char *const members[] = { "name", "id",     "volume", "bootVolume",
                                           "type", "kmsKey", NULL };
    static const char *const types[] = { "FULL", "INCREMENTAL", NULL };
    const char *name = NULL, *id = NULL, *vol = NULL, *boot_vol = NULL, *type = NULL;
    const json_t *target;
    json_t *reply = NULL, *body;
    char key_id[SEED_ID_MAX];
    char bid[SEED_ID_MAX];
    char key[3 * SEED_ID_MAX];
    char sub[SEED_PATH_MAX];
    const char *region;
    int has_key = 0;
    int boot;

    if (seed_object(ld, b, path, members) || seed_str(ld, b, path, "name", 1, &name) ||
        seed_str(ld, b, path, "volume", 0, &vol) ||
        seed_str(ld, b, path, "bootVolume", 0, &boot_vol) ||
        seed_enum(ld, b, path, "type", types, &type) ||
        seed_oci_key(ld, b, path, t, key_id, &has_key))
        return -1;
    if (!vol == !boot_vol)
        return seed_fail(ld, path, "a backup names exactly one of \"volume\" and \"bootVolume\"");
    boot = boot_vol != NULL;
    target = seed_name_get(ld, boot ? "boot volume" : "volume", t->name, boot ? boot_vol : vol);
    seed_path_member(sub, sizeof(sub), path, boot ? "bootVolume" : "volume");
    if (!target)
        return seed_fail(ld, sub, "unknown %s \"%s\": no %s of that name in tenancy \"%s\"",
                         boot ? "boot volume" : "volume", boot ? boot_vol : vol,
                         boot ? "boot volume" : "volume", t->name);
    region = seed_info(target, "region");
    if (seed_oci_id(ld, b, path, boot ? "bootvolumebackup" : "volumebackup", region, &id))
        return -1;
    body = json_pack("{s:s, s:s, s:s?}", boot ? "bootVolumeId" : "volumeId",
                     seed_info(target, "id"), "displayName", name, "type", type);
    if (has_key)
        json_object_set_new(body, "kmsKeyId", json_string(key_id));
    snprintf(key, sizeof(key), "oci/%s/backup/%s", t->name, name);
    if (seed_oci_call(ld, t, path, boot ? "CreateBootVolumeBackup" : "CreateVolumeBackup", key,
                      region, NULL, "POST",
                      boot ? "/20160918/bootVolumeBackups" : "/20160918/volumeBackups", body,
                      &reply, 0))
        return -1;
    snprintf(bid, sizeof(bid), "%s", seed_info(reply, "id"));
    json_decref(reply);
    if (id && rename_to(ld, path, EMU_RENAME_BV_BACKUP, bid, id, bid))
        return -1;
    return seed_name_put(ld, path, "backup", t->name, name, json_pack("{s:s}", "id", bid));
}

int seed_oci_load_resources(struct seed_loader *ld, const json_t *tn, const char *path,
                            const struct seed_tenancy *t)
{
    static const struct {
        const char *member;
        int (*fn)(struct seed_loader *, const json_t *, const char *, const struct seed_tenancy *);
    } kinds[] = {
        { "buckets", load_bucket },
        { "volumes", volume_fn },
        { "bootVolumes", boot_volume_fn },
        { "backups", load_backup },
    };

    for (size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
        json_t *arr = NULL;
        json_t *v;
        char apath[SEED_PATH_MAX];
        char sub[SEED_PATH_MAX];
        size_t i;

        if (seed_array(ld, tn, path, kinds[k].member, &arr))
            return -1;
        seed_path_member(apath, sizeof(apath), path, kinds[k].member);
        json_array_foreach(arr, i, v)
        {
            seed_path_index(sub, sizeof(sub), apath, i);
            if (kinds[k].fn(ld, v, sub, t))
                return -1;
        }
    }
    return 0;
}
