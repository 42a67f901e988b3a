/*
 * output.h - writing output files atomically: a temporary file in the
 * target's directory, renamed over the target only when complete, so a
 * failed or interrupted run never leaves a half-written file.
 */
#ifndef MOFC_CLI_OUTPUT_H
#define MOFC_CLI_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>

/* Writes `len` bytes to `path`.  With `only_if_changed`, an existing file
 * with the same bytes is left alone (its mtime too).  Returns 0, or 2
 * after printing an error. */
int output_write(const char *path, const char *data, size_t len, bool only_if_changed);

#endif
