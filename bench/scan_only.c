/*
 * scan_only.c - the benchmark floor: mofc's scanner alone (tokens, string
 * joining, includes, interning) over a file and everything it includes,
 * with no parser and no semantic analysis.  `make bench` times it beside
 * `mofc check` so the cost of everything after scanning is visible.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "context.h"
#include "parse.h"
#include "source.h"

int main(int argc, char **argv)
{
    if (argc != 2) {
        fputs("usage: scan_only FILE\n", stderr);
        return 2;
    }
    struct mofc *m = mofc_create(NULL);
    char *bytes;
    size_t len;
    struct file_id id;
    if (!source_read_file(argv[1], &bytes, &len, &id)) {
        fprintf(stderr, "scan_only: %s: %s\n", argv[1], strerror(errno));
        mofc_destroy(m);
        return 2;
    }
    struct source_file *f = source_load(m, argv[1], bytes, len, true, -1, NULL,
                                        MOFC_ORIGIN_USER);
    if (f)
        scan_source(m, f, &id);
    int rc = mofc_error_count(m) ? 1 : 0;
    mofc_destroy(m);
    return rc;
}
