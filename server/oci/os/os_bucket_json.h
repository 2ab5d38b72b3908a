/* os_bucket_json.h - renders a stored bucket as OCI's Bucket and BucketSummary (§1.4). Pure. */
#ifndef CMKEMU_OS_BUCKET_JSON_H
#define CMKEMU_OS_BUCKET_JSON_H

#include "storage/store_os.h"

#include "server/json_out.h"

/* GetBucket's optional fields (§1.1). */
#define OS_FIELD_APPROX_COUNT 1u
#define OS_FIELD_APPROX_SIZE  2u
#define OS_FIELD_AUTO_TIERING 4u

/* Writes the Bucket object in w, fields asked with OS_FIELD_* bits. */
void os_bucket_json(struct jw *w, const struct os_bucket *b, unsigned fields);
/* Writes the BucketSummary object in w; tags adds freeformTags and definedTags. */
void os_bucket_summary_json(struct jw *w, const struct os_bucket *b, int tags);

#endif
