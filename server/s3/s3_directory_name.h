/* s3_directory_name.h - directory bucket names ("<base>--<zone-id>--x-s3"), zone ids and the
 * directory part of CreateBucketConfiguration (s3-spec §3). Pure: no I/O, no storage. */
#ifndef CMKEMU_S3_DIRECTORY_NAME_H
#define CMKEMU_S3_DIRECTORY_NAME_H

#include <stddef.h>

#define S3_DIRECTORY_SUFFIX "--x-s3"

/* The directory part of a CreateBucketConfiguration: <Location><Type/><Name/></Location> and
 * <Bucket><Type/><DataRedundancy/></Bucket>; "" where an element was absent. */
struct s3_dir_config {
    int has_location;
    int has_bucket;
    char location_type[32];
    char location_name[64];
    char bucket_type[32];
    char data_redundancy[32];
};

/* 1 when name ends with --x-s3 (it asks to be a directory bucket). */
int s3_directory_name_claimed(const char *name);
/* 1 when zone is an Availability Zone or Local Zone id: "use1-az4", "usw2-lax1-az1". */
int s3_zone_id_valid(const char *zone);
/* 1 when name is a valid directory bucket name; its zone id is copied into zone (size n). */
int s3_directory_name_valid(const char *name, char *zone, size_t n);
/* Checks the directory configuration c for bucket name (whose zone id is zone). Returns S3_OK,
 * S3_ERR_MALFORMED_XML (a value outside its enum, a pair that does not go together, or a part
 * missing) or S3_ERR_INVALID_BUCKET_NAME (the Location Name is not the name's zone). */
int s3_dir_config_check(const struct s3_dir_config *c, const char *zone);

#endif
