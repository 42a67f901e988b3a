/*
 * bmf_reader.h - reading binary MOF (what `mofcomp -B` writes and what
 * firmware carries in its WMI buffers) into the AST the MOF parser builds.
 * The format is described in doc/bmf-format.md.
 */
#ifndef MOFC_BMF_READER_H
#define MOFC_BMF_READER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mofc/bmf.h"
#include "mofc/model.h"

struct mofc;

/* True if the bytes start with the binary MOF magic "FOMB". */
bool bmf_looks_like(const char *bytes, size_t len);
/* The same for the first bytes of a file (false if it cannot be read). */
bool bmf_file_looks_like(const char *path);

/* Reads one binary MOF file into m->unit.  `bytes` is malloc'd and taken
 * over (it becomes the file's text, so diagnostics can name it). */
void bmf_read(struct mofc *m, const char *path, char *bytes, size_t len, enum mofc_origin origin);

/* DS decompression of `in` into exactly `outlen` bytes.  Returns true, or
 * false with *err_off (byte offset in `in`) and *why set. */
bool bmf_ds_decompress(const uint8_t *in, size_t inlen, uint8_t *out, size_t outlen,
                       size_t *err_off, const char **why);

#endif
