/*
 * diag_json.h - diagnostics as JSON (json-c objects): one JSON Lines
 * record per diagnostic, or one SARIF 2.1.0 log for a whole run.
 *
 * Every string is valid UTF-8 on the way out: bytes that are not (a file
 * name is whatever bytes the file system holds) become U+FFFD in text,
 * while URIs percent-encode the exact bytes, so a file can always be
 * found again from its "uri".
 */
#ifndef MOFC_CLI_DIAG_JSON_H
#define MOFC_CLI_DIAG_JSON_H

#include <stdbool.h>
#include <stddef.h>

#include "mofc/mofc.h"

struct json_object;

/* The JSON Lines record of one diagnostic; the caller puts it. */
struct json_object *diag_json_record(const struct mofc_diagnostic *d);

/* The SARIF log of a run: the diagnostics in the order reported and the
 * exit status; NULL when out of memory.  The caller puts it. */
struct json_object *diag_sarif_log(const struct mofc_diagnostic *const *diags, size_t n,
                                   int exit_status);

/* A path as an RFC 3986 URI reference: "file:///..." for an absolute
 * path, else a relative reference; every byte but the unreserved ones and
 * '/' percent-encoded.  malloc'd; NULL when out of memory. */
char *diag_path_uri(const char *path);

#endif
