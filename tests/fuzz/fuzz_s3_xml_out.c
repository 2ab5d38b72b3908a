/* fuzz_s3_xml_out.c - the writer of S3's XML answers (server/s3/s3_xml.c) against libxml2's
 * xmlTextWriter: any program of opens, closes, texts and elements (tests/lib/xmlref.h) gives the
 * same bytes through both. */
#include "fuzz_lib.h"

#include "lib/xmlref.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *ours = NULL, *ref = NULL;

    FUZZ_CHECK(xmlref_run(data, size, &ours, &ref) == 0);
    FUZZ_CHECK(!strcmp(ours, ref));
    free(ours);
    free(ref);
    return 0;
}
