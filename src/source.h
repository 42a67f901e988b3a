/*
 * source.h - loaded input files: bytes decoded to UTF-8, and the line
 * table that turns byte offsets into line and character columns.
 */
#ifndef MOFC_SOURCE_H
#define MOFC_SOURCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mofc/model.h"

struct mofc;
struct loc;

enum source_encoding { ENC_UTF8, ENC_UTF8_BOM, ENC_UTF16LE, ENC_UTF16BE };

struct source_file {
    const char *path;          /* as given, or resolved against the includer */
    char *text;                /* UTF-8, followed by two NULs (flex needs them) */
    uint32_t len;              /* bytes of text, without the NULs */
    uint32_t index;            /* position in the context's file table */
    int32_t parent;            /* including file, -1 for a top-level input */
    uint32_t include_off;      /* offset of the include directive in parent */
    uint32_t include_len;
    enum source_encoding encoding;
    enum mofc_origin origin;
    bool binary;               /* binary MOF: text is the raw bytes, places are byte offsets */
    uint32_t *lines;           /* byte offset of each line start, built lazily */
    uint32_t nlines;
    /* Text that is no file of the user's (the C preprocessor's output, or
     * the lines of a name only its line markers gave): never listed as a
     * file read. */
    bool virtual_file;
    /* The C preprocessor's output: where each of its lines came from
     * (index = line - 1); positions in it are reported there (cpp.c). */
    struct line_origin *origins;
    uint32_t norigins;
};

struct line_origin {
    uint32_t file;             /* index into the context's file table */
    uint32_t line;             /* 1-based, in that file */
};

/* Decode raw bytes into a new source_file registered with `m`; invalid
 * sequences are replaced and reported.  With `adopt`, `bytes` is a buffer
 * from source_read_file() (two spare bytes at the end) that this call
 * takes over: valid UTF-8 becomes the text without a copy.
 * `include_loc` is where an include asked for it (NULL for inputs). */
struct source_file *source_load(struct mofc *m, const char *path, char *bytes, size_t len,
                                bool adopt, int32_t parent, const struct loc *include_loc,
                                enum mofc_origin origin);

/* The same for text whose bad sequences were reported where it came from
 * (the C preprocessor's output): replaced, not reported again. */
struct source_file *source_load_unreported(struct mofc *m, const char *path, char *bytes,
                                           size_t len, enum mofc_origin origin);

/* Identity of a file on disk, for include cycle detection. */
struct file_id {
    uint64_t dev, ino;
};

/* Reads a whole regular file (malloc'd bytes; `id` may be NULL).  Returns
 * false with errno set on failure. */
bool source_read_file(const char *path, char **bytes, size_t *len, struct file_id *id);

/* Byte offset where 1-based `line` starts (the end for a line past it). */
uint32_t source_line_offset(struct source_file *f, uint32_t line);

/* Line (1-based), column (1-based, in characters) of a byte offset; in a
 * binary file, line 0 and the offset itself. */
void source_position(struct source_file *f, uint32_t off, uint32_t *line, uint32_t *column);
/* Offset of the line break (or the end of the text) at or after `off`. */
uint32_t source_line_end(const struct source_file *f, uint32_t off);
/* The text of the line holding `off`, without its line break. */
const char *source_line_text(struct mofc *m, struct source_file *f, uint32_t off);

/* The model's opaque handle for f (see mofc_location_position). */
const struct mofc_source *source_public(const struct source_file *f);

void source_free(struct source_file *f);

#endif
