/*
 * cnames.h - C spellings for the C back end: identifiers made from CIM
 * names and Values texts, literals for CIM values, comments made from
 * Description texts.  Everything MOF can hold comes out inert.
 *
 * The identifier rule (README "Names"): every run of characters that
 * cannot appear in a C identifier becomes one `_` (a run at either end is
 * dropped); a C or C++ keyword, or a name the C library defines as a
 * macro, gets a `_` appended; a name that would start with a digit gets a
 * `_` in front where it stands alone; within one scope a name equal to an
 * earlier one ignoring ASCII case gets `_2`, `_3`, ... appended.
 */
#ifndef MOFC_CNAMES_H
#define MOFC_CNAMES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cgbuf.h"
#include "mofc/model.h"

/* Appends the identifier form of `s` (rule steps 1-2; nothing for a text
 * with no identifier characters).  Returns the number of bytes added. */
size_t cn_ident(struct cg_buf *out, const char *s, size_t n);

/* A scope of names compared ignoring ASCII case. */
struct cn_scope {
    char **names;
    size_t count, cap;      /* open-addressing table of `cap` slots */
};

/* Adds `name` to the scope and returns the spelling to use: `name` itself
 * or `name_2`, `name_3`... (allocated in `pool`). */
const char *cn_claim(struct cn_scope *s, struct cg_pool *pool, const char *name);
bool cn_taken(const struct cn_scope *s, const char *name);
void cn_scope_reset(struct cn_scope *s);
void cn_scope_free(struct cn_scope *s);

/* A C string literal (with quotes) for `s`: octal escapes for controls,
 * quotes, backslashes, '?' (no trigraph can form) and non-ASCII bytes. */
void cn_string(struct cg_buf *out, const char *s, size_t n);

/* A `/ * ... * /` block comment of `text`, each line prefixed with
 * `indent`, wrapped near 79 columns, with the sequences that could end or
 * nest a comment, splice a line or form a trigraph defused. */
void cn_comment(struct cg_buf *out, const char *indent, const char *lead, const char *text,
                size_t n);

/* C literals of scalar values, for initialisers. */
void cn_integer(struct cg_buf *out, enum mofc_type t, uint64_t u, int64_t s);
void cn_real(struct cg_buf *out, double d, bool single);

#endif
