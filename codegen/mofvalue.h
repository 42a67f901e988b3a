/*
 * mofvalue.h - values written as MOF literals (mofprint.c), for every back
 * end that shows a value the way MOF spells it: integers in decimal, reals
 * that read back to the same bits, strings with the MOF escapes,
 * TRUE/FALSE/NULL, arrays in braces.
 */
#ifndef MOFC_MOFVALUE_H
#define MOFC_MOFVALUE_H

#include "cgbuf.h"
#include "mofc/model.h"

/* Writes an embedded instance value; NULL: "instance of <Class>". */
typedef void cg_mof_object_fn(void *ctx, const struct mofc_instance *in);

void cg_mof_value(struct cg_buf *b, const struct mofc_value *v, cg_mof_object_fn *object,
                  void *ctx);

/* A qualifier as written on an element: "Key", "MaxLen(64)",
 * "Values {"a", "b"}" (TRUE booleans bare; no flavors). */
void cg_mof_qualifier(struct cg_buf *b, const struct mofc_qualifier *q);

#endif
