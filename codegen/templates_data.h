/*
 * templates_data.h - the templates of templates/ compiled into mofc
 * (generated at build time by tools/embed.c), so `--template-dir` is only
 * needed to replace them.
 */
#ifndef MOFC_TEMPLATES_DATA_H
#define MOFC_TEMPLATES_DATA_H

#include <stddef.h>

struct embedded_template {
    const char *name;   /* path below templates/, e.g. "c/class.h.tpl" */
    const char *data;   /* NUL-terminated */
    size_t len;
};

extern const struct embedded_template mofc_templates_files[];
extern const size_t mofc_templates_count;

#endif
