/*
 * template.h - the page and source templates of the back ends.
 *
 * A template is text with tags, a small logic-less language in the
 * Mustache family:
 *
 *     {{name}}              the value of `name`, through the set's escaper
 *     {{{name}}} {{&name}}  the value, never escaped
 *     {{#name}}...{{/name}} a list: the body once per item, the item's names
 *                           in scope; true or non-empty text: the body once
 *     {{^name}}...{{/name}} the body when `name` is missing, false, empty
 *     {{>file}}             another template of the set, in place
 *     {{! comment }}        nothing
 *
 * Inside a list, `-first` and `-last` are true on the first and last item.
 * A name is looked up in the innermost item first, then outwards.  A line
 * holding only a section, close, comment or partial tag (and blanks) leaves
 * no trace in the output, so templates can be laid out readably.
 *
 * Names are checked when a template is compiled: the back end declares the
 * names it provides, and a template using another one is an error with its
 * file, line and column.  Data is built per output file in a cg_pool.
 */
#ifndef MOFC_TEMPLATE_H
#define MOFC_TEMPLATE_H

#include <stdbool.h>
#include <stddef.h>

#include "backends.h"
#include "cgbuf.h"

/* ---- data ---- */

struct tpl_obj;

struct tpl_obj *tpl_obj(struct cg_pool *p);
/* `s` must outlive the rendering (pool, model or static storage). */
void tpl_text(struct cg_pool *p, struct tpl_obj *o, unsigned key, const char *s, size_t n);
void tpl_str(struct cg_pool *p, struct tpl_obj *o, unsigned key, const char *s);
void tpl_bool(struct cg_pool *p, struct tpl_obj *o, unsigned key, bool b);
/* Appends a new item to the list `key` of `o` and returns it. */
struct tpl_obj *tpl_item(struct cg_pool *p, struct tpl_obj *o, unsigned key);

/* ---- templates ---- */

typedef void tpl_escape_fn(struct cg_buf *out, const char *s, size_t n);

struct tpl_set;

/* A set of templates sharing names and an escaper (NULL: none).  `keys`
 * lists the names data may carry; a key's id is its index. */
struct tpl_set *tpl_set_new(const char *const *keys, size_t nkeys, tpl_escape_fn *escape);
void tpl_set_free(struct tpl_set *s);

/* Loads and compiles template `name` (e.g. "class.h.tpl"): from
 * `dir`/`name` when dir is given and that file exists, else the copy built
 * into mofc under templates/`group`/.  Problems are reported through `r`
 * with the template's location; returns false then. */
bool tpl_load(struct tpl_set *s, const char *group, const char *name, const char *dir,
              struct cg_report *r);

/* Checks that every {{>partial}} names a loaded template. */
bool tpl_link(const struct tpl_set *s, struct cg_report *r);

/* Where template `name` came from: a path, or "built-in". */
const char *tpl_origin(const struct tpl_set *s, const char *name);

/* Renders template `name` with `root` as the outermost scope, appending
 * to `out`. */
void tpl_render(const struct tpl_set *s, const char *name, const struct tpl_obj *root,
                struct cg_buf *out);

#endif
