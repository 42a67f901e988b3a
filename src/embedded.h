/*
 * embedded.h - the MOF files of schemas/ compiled into the library
 * (generated at build time by tools/embed.c from schemas/qualifiers and
 * schemas/packs), so mofc needs no data files at run time.
 */
#ifndef MOFC_EMBEDDED_H
#define MOFC_EMBEDDED_H

#include <stddef.h>

struct embedded_file {
    const char *name;   /* path below schemas/, e.g. "qualifiers/dmtf.mof" */
    const char *data;   /* NUL-terminated */
    size_t len;
};

extern const struct embedded_file mofc_embedded_files[];
extern const size_t mofc_embedded_count;

#endif
