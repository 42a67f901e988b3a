/*
 * cgen.c - the C back end: typed structs, ValueMap/Values enums with their
 * lookup tables, class descriptors and validators (README "C bindings").
 *
 * Layout decisions live in the templates (templates/c/); this file decides
 * what the C means: the name of every symbol, the C type of every member,
 * every literal.  Template values are therefore finished C fragments (the
 * template set has no escaper).
 *
 * One pass per selected class renders <Class>.h and <Class>.c from one
 * data tree, built in a pool that is reset between classes, so memory
 * stays flat however big the schema.  Names that must agree between a
 * class and its subclasses (members, descriptors, enums) are computed
 * once, up front, in the class order of the model (superclasses first).
 */
#include <inttypes.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "backends.h"
#include "cgbuf.h"
#include "cnames.h"
#include "mofc/mofc.h"
#include "template.h"

/* Every name the C templates may use; the README lists them. */
#define CG_KEYS(X)                                                                                 \
    X(all_methods) X(all_methods_any) X(all_properties) X(all_properties_any) X(array_size)        \
    X(as_enum) X(as_macros) X(banner) X(bits) X(by_name) X(by_name_ref) X(by_value) X(bytes)       \
    X(c_type) X(cim_name) X(cim_type) X(class) X(class_flags) X(classes) X(constant) X(constants)  \
    X(count) X(decl) X(defaults) X(doc) X(element) X(entries) X(entry) X(enums) X(flags)           \
    X(forward) X(guard) X(has) X(has_init) X(has_max_value) X(has_min_value) X(heading) X(init)   \
    X(is_bits) X(is_integer) X(is_string) X(items) X(kind) X(long_strings) X(max_len)            \
    X(max_value) X(member) X(members) X(methods) X(methods_ref) X(min_len) X(min_value) X(name)   \
    X(namespace) X(nmethods) X(nparameters) X(nproperties) X(nqualifiers) X(origin)              \
    X(parameters) X(parameters_any) X(parameters_ref) X(presence) X(properties)                  \
    X(properties_ref) X(nby_value) X(rest) X(qualifier_lists) X(qualifiers) X(ref_class) X(return_type) X(scalars)     \
    X(superclass) X(superclass_ref) X(table) X(title) X(units) X(value) X(values)  \
    X(version) X(widen) X(target) X(targets) X(param_structs) X(struct_name)       \
    X(struct_title) X(struct_doc) X(pmembers) X(pprops) X(pprops_any) X(pnproperties)            \
    X(pproperties_ref) X(pby_name) X(pby_name_ref) X(in_ref) X(out_ref)

#define CG_KEY_ENUM(k) K_##k,
#define CG_KEY_NAME(k) #k,
enum cg_key { CG_KEYS(CG_KEY_ENUM) NKEYS };
static const char *const key_names[NKEYS] = {CG_KEYS(CG_KEY_NAME)};

static const char *const template_names[] = {"runtime.h.tpl", "class.h.tpl", "class.c.tpl",
                                             "all.h.tpl", "cimxml.c.tpl", "json.c.tpl"};

/* Strings longer than this become char arrays: ISO C only promises string
 * literals of 4095 characters, and -pedantic says so. */
enum { LONG_STRING = 4000 };

/* Names of one class that its subclasses reuse. */
struct class_names {
    const char *ident;          /* the C name of the class */
    const char **member;        /* by property slot */
    const char **has;           /* by property slot; NULL: the member's pointer tells */
};

struct cgen {
    const struct mofc_model *m;
    const struct cg_c_options *o;
    struct cg_report *r;
    struct tpl_set *tpl;
    struct cg_pool names;       /* the whole run */
    struct cg_pool pool;        /* one class */
    struct cg_buf out, tmp;
    struct cg_buf scalars;      /* the class's qualifier values, one table */
    size_t taken;               /* length of what take() returned last */
    struct cn_scope scope;
    struct class_names *cn;     /* by class index */

    /* When set, every file-scope name a class defines is recorded here
     * (the collision check of classes named like A and A_B). */
    struct symbols *symbols;

    /* The class being rendered. */
    const struct mofc_class *c;
    struct tpl_obj *root;
    bool *targeted;             /* by class index: its header is included (class.c) */
    bool *forwarded;            /* by class index: its struct is declared (class.h) */
    unsigned nlong, nqlists;
    size_t nscalars;
};

/* ---- small helpers ---- */

/* The bytes written to g->tmp since `from`, copied into the class pool. */
static const char *take(struct cgen *g, size_t from)
{
    g->taken = g->tmp.len - from;
    return cg_take(&g->pool, &g->tmp, from);
}

/* Sets `key` of `o` to what was written to g->tmp since `from`. */
static void set_taken(struct cgen *g, struct tpl_obj *o, unsigned key, size_t from)
{
    const char *s = take(g, from);
    tpl_text(&g->pool, o, key, s, g->taken);
}

static const char *pf(struct cgen *g, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static const char *pf(struct cgen *g, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    const char *s = cg_pool_vprintf(&g->pool, fmt, ap);
    va_end(ap);
    return s ? s : "";
}

/* Decimal digits of `v`, without printf (the hot paths write many). */
static void put_dec(struct cg_buf *b, uint64_t v)
{
    char digits[24];
    size_t n = sizeof digits;
    do {
        digits[--n] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    cg_put(b, digits + n, sizeof digits - n);
}

static const char *num(struct cgen *g, uint64_t v)
{
    size_t from = g->tmp.len;
    put_dec(&g->tmp, v);
    return take(g, from);
}

/* The concatenation of the strings given, in the pool: join(g, a, b...). */
static const char *join_strings(struct cgen *g, ...)
{
    size_t from = g->tmp.len;
    va_list ap;
    va_start(ap, g);
    for (const char *s; (s = va_arg(ap, const char *));)
        cg_puts(&g->tmp, s);
    va_end(ap);
    return take(g, from);
}
#define join(g, ...) join_strings((g), __VA_ARGS__, (const char *)NULL)

/* ---- names defined at file scope, for the collision check ---- */

struct symbol {
    char *name;
    uint32_t cls;           /* index of the class defining it */
};

struct symbols {
    struct symbol *items;
    size_t count, cap;
    bool oom;
};

static void declare(struct cgen *g, const char *name)
{
    struct symbols *s = g->symbols;
    if (!s || s->oom)
        return;
    if (s->count == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 256;
        struct symbol *t = realloc(s->items, cap * sizeof *t);
        if (!t) {
            s->oom = true;
            return;
        }
        s->items = t;
        s->cap = cap;
    }
    char *copy = strdup(name);
    if (!copy) {
        s->oom = true;
        return;
    }
    s->items[s->count++] = (struct symbol){copy, g->c->index};
}

/* The name `prefix` + `suffix`, declared. */
static void declare2(struct cgen *g, const char *prefix, const char *suffix)
{
    if (!g->symbols)
        return;
    char buf[512];
    snprintf(buf, sizeof buf, "%s%s", prefix, suffix);
    declare(g, buf);
}

/* Per CIM type: its cim_type constant, the C type of a scalar, and the
 * runtime's array type. */
static const struct {
    const char *tag, *scalar, *array;
} ctypes[] = {
    [MOFC_TYPE_NONE] = {"CIM_VOID", "void", "cim_object_array"},
    [MOFC_TYPE_BOOLEAN] = {"CIM_BOOLEAN", "bool", "cim_boolean_array"},
    [MOFC_TYPE_UINT8] = {"CIM_UINT8", "uint8_t", "cim_uint8_array"},
    [MOFC_TYPE_SINT8] = {"CIM_SINT8", "int8_t", "cim_sint8_array"},
    [MOFC_TYPE_UINT16] = {"CIM_UINT16", "uint16_t", "cim_uint16_array"},
    [MOFC_TYPE_SINT16] = {"CIM_SINT16", "int16_t", "cim_sint16_array"},
    [MOFC_TYPE_UINT32] = {"CIM_UINT32", "uint32_t", "cim_uint32_array"},
    [MOFC_TYPE_SINT32] = {"CIM_SINT32", "int32_t", "cim_sint32_array"},
    [MOFC_TYPE_UINT64] = {"CIM_UINT64", "uint64_t", "cim_uint64_array"},
    [MOFC_TYPE_SINT64] = {"CIM_SINT64", "int64_t", "cim_sint64_array"},
    [MOFC_TYPE_REAL32] = {"CIM_REAL32", "float", "cim_real32_array"},
    [MOFC_TYPE_REAL64] = {"CIM_REAL64", "double", "cim_real64_array"},
    [MOFC_TYPE_CHAR16] = {"CIM_CHAR16", "uint16_t", "cim_char16_array"},
    [MOFC_TYPE_STRING] = {"CIM_STRING", "const char *", "cim_string_array"},
    [MOFC_TYPE_DATETIME] = {"CIM_DATETIME", "cim_datetime", "cim_datetime_array"},
    [MOFC_TYPE_REFERENCE] = {"CIM_REFERENCE", "cim_ref", "cim_ref_array"},
    [MOFC_TYPE_OBJECT] = {"CIM_OBJECT", "const cim_object *", "cim_object_array"},
};

/* An embedded object or instance: the member is a pointer to a struct. */
static bool is_object(const struct mofc_typeinfo *t, unsigned flags)
{
    return t->type == MOFC_TYPE_OBJECT ||
           (flags & (MOFC_PROP_EMBEDDED_OBJECT | MOFC_PROP_EMBEDDED_INSTANCE));
}

/* Scalars the C type cannot make NULL get a has_ flag. */
static bool needs_flag(const struct mofc_typeinfo *t, unsigned flags)
{
    if (t->is_array || is_object(t, flags))
        return false;
    switch (t->type) {
    case MOFC_TYPE_STRING:
    case MOFC_TYPE_DATETIME:
    case MOFC_TYPE_REFERENCE:
        return false;
    default:
        return true;
    }
}

static bool is_signed_type(enum mofc_type t)
{
    return t == MOFC_TYPE_SINT8 || t == MOFC_TYPE_SINT16 || t == MOFC_TYPE_SINT32 ||
           t == MOFC_TYPE_SINT64;
}

/* The class an embedded member points to, when it is generated too. */
static const struct mofc_class *embedded_target(const struct cgen *g,
                                                const struct mofc_typeinfo *t)
{
    const struct mofc_class *e = t->embedded_class;
    if (!e || (g->o->selected && !g->o->selected[e->index]))
        return NULL;
    return e;
}

/* ---- literals ---- */

/* `n` bytes as a char array initialiser with a final NUL, in the pool. */
static const char *byte_array(struct cgen *g, const char *s, size_t n)
{
    size_t from = g->tmp.len;
    cg_putc(&g->tmp, '{');
    for (size_t i = 0; i < n; i++) {
        cg_puts(&g->tmp, i % 20 ? " " : "\n    ");
        put_dec(&g->tmp, (unsigned char)s[i]);
        cg_putc(&g->tmp, ',');
    }
    cg_puts(&g->tmp, " 0\n}");
    return take(g, from);
}

/* A string as a C expression: a literal, or the name of a char array
 * (long strings) the class's .c file defines. */
static void put_string(struct cgen *g, struct cg_buf *b, const char *s, size_t n)
{
    if (n < LONG_STRING) {
        cn_string(b, s, n);
        return;
    }
    const char *name = pf(g, "%s_text%u_", g->cn[g->c->index].ident, g->nlong++);
    declare(g, name);
    struct tpl_obj *it = tpl_item(&g->pool, g->root, K_long_strings);
    tpl_str(&g->pool, it, K_name, name);
    tpl_str(&g->pool, it, K_bytes, byte_array(g, s, n));
    cg_puts(b, name);
}

static const char *string_lit(struct cgen *g, const char *s)
{
    if (!s)
        return "NULL";
    size_t from = g->tmp.len;
    put_string(g, &g->tmp, s, strlen(s));
    return take(g, from);
}

/* A scalar value as an initialiser of the member's C type. */
static void put_scalar(struct cgen *g, struct cg_buf *b, const struct mofc_value *v,
                       enum mofc_type t)
{
    if (v->is_null) {
        cg_puts(b, t == MOFC_TYPE_DATETIME ? "{NULL, false, 0, 0, 0, 0, 0, 0, 0, 0}"
                   : t == MOFC_TYPE_REFERENCE ? "{NULL}"
                   : t == MOFC_TYPE_STRING || t == MOFC_TYPE_OBJECT ? "NULL"
                   : t == MOFC_TYPE_BOOLEAN ? "false"
                                            : "0");
        return;
    }
    switch (v->type) {
    case MOFC_TYPE_BOOLEAN:
        cg_puts(b, v->v.boolean ? "true" : "false");
        break;
    case MOFC_TYPE_REAL32:
    case MOFC_TYPE_REAL64:
        cn_real(b, v->v.real, t == MOFC_TYPE_REAL32);
        break;
    case MOFC_TYPE_CHAR16:
        cg_printf(b, "%u", (unsigned)v->v.char16);
        break;
    case MOFC_TYPE_STRING:
        put_string(g, b, v->v.string.text, v->v.string.len);
        break;
    case MOFC_TYPE_DATETIME: {
        const struct mofc_datetime *d = v->v.datetime;
        cg_putc(b, '{');
        cn_string(b, d->text, strlen(d->text));
        cg_printf(b, ", %s, %d, %d, %d, %d, %d, %d, %d, %d}", d->is_interval ? "true" : "false",
                  (int)d->year, (int)d->month, (int)d->day, (int)d->hour, (int)d->minute,
                  (int)d->second, (int)d->microsecond,
                  d->utc_offset == INT32_MIN ? 0 : (int)d->utc_offset);
        break;
    }
    case MOFC_TYPE_REFERENCE:
        cg_putc(b, '{');
        put_string(g, b, v->v.ref.path.text, v->v.ref.path.len);
        cg_putc(b, '}');
        break;
    case MOFC_TYPE_OBJECT:
        cg_puts(b, "NULL");
        break;
    default:
        cn_integer(b, v->type, v->v.u, v->v.s);
    }
}

/* ---- names computed up front ---- */

/* The identifier of a CIM name; `fallback` when nothing of it is left.
 * One that stands alone must not start with a digit; one that follows a
 * prefix (enumerators) may. */
static const char *ident_part(struct cgen *g, struct cg_pool *pool, const char *name,
                              const char *fallback, bool alone)
{
    size_t from = g->tmp.len;
    size_t n = cn_ident(&g->tmp, name, strlen(name));
    const char *s;
    if (!n)
        s = fallback;
    else if (alone && g->tmp.data[from] >= '0' && g->tmp.data[from] <= '9')
        s = cg_pool_printf(pool, "_%s", g->tmp.data + from);
    else
        s = cg_pool_strndup(pool, g->tmp.data + from, n);
    g->tmp.len = from;
    return s ? s : fallback;
}

static const char *ident_of(struct cgen *g, struct cg_pool *pool, const char *name,
                            const char *fallback)
{
    return ident_part(g, pool, name, fallback, true);
}

/* Member names of every class: a subclass keeps its superclass's names
 * for the inherited slots, so its struct starts with the same layout. */
static void name_classes(struct cgen *g)
{
    const struct mofc_model *m = g->m;
    for (size_t i = 0; i < m->nclasses; i++) {
        const struct mofc_class *c = m->classes[i];
        struct class_names *cn = &g->cn[c->index];
        cn->ident = ident_of(g, &g->names, c->name, "Class_");
        cn->member = cg_pool_alloc(&g->names, (c->nproperties + 1) * sizeof *cn->member);
        cn->has = cg_pool_alloc(&g->names, (c->nproperties + 1) * sizeof *cn->has);
        if (!cn->member || !cn->has)
            return;
        cn_scope_reset(&g->scope);
        cn_claim(&g->scope, &g->names, "descriptor_");
        size_t inherited = c->superclass ? c->superclass->nproperties : 0;
        const struct class_names *sn = c->superclass ? &g->cn[c->superclass->index] : NULL;
        for (size_t k = 0; k < c->nproperties; k++) {
            const struct mofc_property *p = c->properties[k];
            if (k < inherited) {
                cn->member[k] = sn->member[k];
                cn->has[k] = sn->has[k];
                cn_claim(&g->scope, &g->names, cn->member[k]);
                if (cn->has[k])
                    cn_claim(&g->scope, &g->names, cn->has[k]);
                continue;
            }
            const char *id = ident_of(g, &g->names, p->name, "property_");
            cn->member[k] = cn_claim(&g->scope, &g->names, id);
            cn->has[k] = needs_flag(&p->t, p->flags)
                             ? cn_claim(&g->scope, &g->names,
                                        cg_pool_printf(&g->names, "has_%s", cn->member[k]))
                             : NULL;
        }
    }
}

/* The definition that states the map of `p` (its bit map with `bits`):
 * the model gives an override that inherits a map the very same object,
 * so walk up while the overridden definition holds it too. */
static const struct mofc_property *map_definition(const struct mofc_property *p, bool bits)
{
    while (p->overridden && (bits ? p->overridden->bitmap == p->bitmap
                                   : p->overridden->valuemap == p->valuemap))
        p = p->overridden;
    return p;
}

static const struct mofc_method *method_map_definition(const struct mofc_method *m)
{
    while (m->overridden && m->overridden->valuemap == m->valuemap)
        m = m->overridden;
    return m;
}

static const char *method_ident(struct cgen *g, const struct mofc_method *m)
{
    return ident_of(g, &g->pool, m->name, "method_");
}

/* Enum prefixes: <Class>_<Property>, <Class>_<Method>, <Class>_<Method>_<Param>;
 * a bit map beside a value map on one property is <Class>_<Property>_Bits.
 * A property keeps its slot, and so its member name, in every class that
 * has it: `member` is the defining class's too. */
static const char *property_enum(struct cgen *g, const struct mofc_property *p,
                                 const char *member, bool bits)
{
    const struct mofc_class *owner = map_definition(p, bits)->owner;
    return join(g, g->cn[owner->index].ident, "_", member, bits && p->valuemap ? "_Bits" : "");
}

static const char *method_enum(struct cgen *g, const struct mofc_method *m)
{
    const struct mofc_method *d = method_map_definition(m);
    return pf(g, "%s_%s", g->cn[d->owner->index].ident, method_ident(g, d));
}

/* The method whose parameter `*k` states the map an override inherits:
 * an inherited map is the very object of the overridden parameter. */
static const struct mofc_method *param_map_definition(const struct mofc_method *m, size_t *k,
                                                      bool bits)
{
    for (;;) {
        const struct mofc_parameter *p = &m->params[*k];
        const struct mofc_method *o = m->overridden;
        size_t j = 0;
        while (o && j < o->nparams && mofc_name_cmp(o->params[j].name, p->name) != 0)
            j++;
        if (!o || j == o->nparams ||
            (bits ? o->params[j].bitmap != p->bitmap : o->params[j].valuemap != p->valuemap))
            return m;
        m = o;
        *k = j;
    }
}

static const char *param_enum(struct cgen *g, const struct mofc_method *m, size_t k, bool bits)
{
    m = param_map_definition(m, &k, bits);
    const struct mofc_parameter *p = &m->params[k];
    return pf(g, "%s_%s_%s%s", g->cn[m->owner->index].ident, method_ident(g, m),
              ident_of(g, &g->pool, p->name, "parameter_"),
              bits && p->valuemap ? "_Bits" : "");
}

/* ---- doc comments ---- */

static const struct mofc_qualifier *local_qualifier(const struct mofc_qualifier_list *l,
                                                    const char *name)
{
    const struct mofc_qualifier *q = mofc_qualifiers_find(l, name);
    return q && !q->propagated ? q : NULL;
}

/* The text of a string qualifier, NUL bytes and all. */
static struct mofc_string qualifier_string(const struct mofc_qualifier *q)
{
    struct mofc_string none = {NULL, 0};
    if (!q || q->value.is_null || q->value.is_array || q->value.type != MOFC_TYPE_STRING)
        return none;
    return q->value.v.string;
}

/* PUnit (DSP0004 2.6) or the older Units, NULL if neither. */
static const char *units_in(const struct mofc_qualifier_list *l)
{
    const char *units = qualifier_string(mofc_qualifiers_find(l, "PUnit")).text;
    return units ? units : qualifier_string(mofc_qualifiers_find(l, "Units")).text;
}

static const char *units_of(const struct mofc_property *p)
{
    return units_in(&p->qualifiers);
}

/* A doc comment from `text` (`n` bytes, which may hold NUL) plus an
 * optional facts line; "" for none. */
static const char *doc_comment_n(struct cgen *g, const char *indent, const char *text, size_t n,
                                 const char *facts)
{
    bool has_text = text && n, has_facts = facts && *facts;
    if (!has_text && !has_facts)
        return "";
    size_t from = g->tmp.len;
    if (has_text && has_facts) {
        size_t flen = strlen(facts);
        char *both = cg_pool_alloc(&g->pool, n + 1 + flen + 1);
        if (!both)
            return "";
        memcpy(both, text, n);
        both[n] = '\n';
        memcpy(both + n + 1, facts, flen + 1);
        cn_comment(&g->tmp, indent, "/**", both, n + 1 + flen);
    } else if (has_text) {
        cn_comment(&g->tmp, indent, "/**", text, n);
    } else {
        cn_comment(&g->tmp, indent, "/**", facts, strlen(facts));
    }
    return take(g, from);
}

static const char *doc_comment(struct cgen *g, const char *indent, const char *text,
                               const char *facts)
{
    return doc_comment_n(g, indent, text, text ? strlen(text) : 0, facts);
}

/* "Key. Read/write. MaxLen 64. Units: seconds." */
static const char *property_facts(struct cgen *g, const struct mofc_property *p)
{
    size_t from = g->tmp.len;
    struct cg_buf *b = &g->tmp;
    if (p->flags & MOFC_PROP_KEY)
        cg_puts(b, "Key. ");
    if (p->flags & MOFC_PROP_REQUIRED)
        cg_puts(b, "Required. ");
    if (p->flags & MOFC_PROP_WRITE)
        cg_puts(b, p->flags & MOFC_PROP_READ ? "Read/write. " : "Write-only. ");
    else if (p->flags & MOFC_PROP_READ)
        cg_puts(b, "Read-only. ");
    if (p->max_len)
        cg_printf(b, "MaxLen %" PRIu32 ". ", p->max_len);
    if (p->min_len)
        cg_printf(b, "MinLen %" PRIu32 ". ", p->min_len);
    if (p->has_min_value)
        cg_printf(b, "MinValue %" PRId64 ". ", p->min_value);
    if (p->has_max_value)
        cg_printf(b, "MaxValue %" PRId64 ". ", p->max_value);
    const char *units = units_of(p);
    if (units)
        cg_printf(b, "Units: %s. ", units);
    if (p->flags & MOFC_PROP_DEPRECATED)
        cg_puts(b, "Deprecated. ");
    if (p->t.type == MOFC_TYPE_REFERENCE && p->t.ref_class)
        cg_printf(b, "Refers to %s. ", p->t.ref_class->name);
    if (p->t.embedded_name)
        cg_printf(b, "Embedded %s. ", p->t.embedded_name);
    if (g->tmp.len > from)
        g->tmp.len--;   /* the last space */
    return take(g, from);
}

/* ---- enums ---- */

struct sort_ctx {
    const struct mofc_valuemap *vm;
    const char *const *names;
};

/* qsort has no context argument in C; classes render on several threads. */
static _Thread_local struct sort_ctx sort_ctx;

static int by_value_cmp(const void *a, const void *b)
{
    uint32_t i = *(const uint32_t *)a, k = *(const uint32_t *)b;
    const struct mofc_valuemap *vm = sort_ctx.vm;
    const struct mofc_valuemap_entry *x = &vm->entries[i], *y = &vm->entries[k];
    int c;
    if (vm->is_string)
        c = strcmp(x->raw ? x->raw : sort_ctx.names[i], y->raw ? y->raw : sort_ctx.names[k]);
    else if (is_signed_type(vm->type))
        c = x->lo.s < y->lo.s ? -1 : x->lo.s > y->lo.s;
    else
        c = x->lo.u < y->lo.u ? -1 : x->lo.u > y->lo.u;
    return c ? c : (i > k) - (i < k);
}

static int by_name_cmp(const void *a, const void *b)
{
    uint32_t i = *(const uint32_t *)a, k = *(const uint32_t *)b;
    /* Names equal but for case: ValueMap order, so a lookup finds the first. */
    int c = mofc_name_cmp(sort_ctx.names[i], sort_ctx.names[k]);
    return c ? c : (i > k) - (i < k);
}

static const char *index_list(struct cgen *g, const uint32_t *idx, size_t n)
{
    size_t from = g->tmp.len;
    cg_putc(&g->tmp, '{');
    for (size_t i = 0; i < n; i++) {
        if (i)
            cg_puts(&g->tmp, i % 16 ? ", " : ",\n    ");
        put_dec(&g->tmp, idx[i]);
    }
    cg_putc(&g->tmp, '}');
    return take(g, from);
}

static void put_u64(struct cg_buf *b, uint64_t u, bool is_signed)
{
    if (is_signed && (int64_t)u < 0) {
        if ((int64_t)u == INT64_MIN)
            cg_puts(b, "(uint64_t)(-INT64_C(9223372036854775807) - 1)");
        else
            cg_printf(b, "(uint64_t)INT64_C(%" PRId64 ")", (int64_t)u);
    } else {
        cg_put(b, "UINT64_C(", 9);
        put_dec(b, u);
        cg_putc(b, ')');
    }
}

/* Which ValueMap/Values entry texts to use for names. */
static const char *entry_name(const struct mofc_valuemap_entry *e)
{
    if (e->name)
        return e->name;
    if (e->raw)
        return e->raw;
    return "";
}

/* The name of entry i in the language-neutral MOF: with --locale the
 * Values may come translated from an amendment, and the identifiers (and
 * the names the lookups take) must not change with the locale. */
static const char *neutral_entry_name(const struct mofc_valuemap *vm, size_t i)
{
    const struct mofc_qualifier *n = vm->values ? vm->values->neutral : NULL;
    if (n && n->value.is_array && !n->value.is_null && n->value.type == MOFC_TYPE_STRING &&
        n->value.count == vm->count && !n->value.elements[i].is_null)
        return n->value.elements[i].v.string.text;
    return entry_name(&vm->entries[i]);
}

/* The per-value texts a WMI map may carry (ValueDescriptions,
 * BitValueDescriptions... not standard DMTF, but common). */
static const struct mofc_qualifier *value_descriptions(const struct mofc_qualifier_list *l,
                                                       bool bits)
{
    const struct mofc_qualifier *q =
        mofc_qualifiers_find(l, bits ? "BitValueDescriptions" : "ValueDescriptions");
    if (!q || q->value.is_null || !q->value.is_array || q->value.type != MOFC_TYPE_STRING)
        return NULL;
    return q;
}

/* One enum: constants in the header, tables and lookups in the source. */
static void add_enum(struct cgen *g, const char *name, const char *title,
                     const struct mofc_valuemap *vm, bool bits, const char *c_type,
                     const struct mofc_qualifier_list *quals, const char *about)
{
    if (!vm || !vm->count || vm->count > UINT32_MAX)
        return;
    if (bits && !mofc_type_is_integer(vm->type))
        return;
    if (!bits && !vm->is_string && !mofc_type_is_integer(vm->type))
        return;
    struct tpl_obj *e = tpl_item(&g->pool, g->root, K_enums);
    bool is_string = !bits && vm->is_string;
    bool is_signed = is_signed_type(vm->type);
    tpl_str(&g->pool, e, K_name, name);
    tpl_str(&g->pool, e, K_table, join(g, name, "_enum"));
    static const char *const enum_names[] = {"",         "_enum",      "_entries",
                                             "_by_value", "_by_name",   "_to_name",
                                             "_from_name", "_to_string", "_from_string",
                                             "_decode"};
    for (size_t i = 0; i < sizeof enum_names / sizeof *enum_names; i++)
        declare2(g, name, enum_names[i]);
    tpl_str(&g->pool, e, K_title, title);
    tpl_str(&g->pool, e, K_cim_name, string_lit(g, title));
    tpl_str(&g->pool, e, K_cim_type, ctypes[vm->type].tag);
    tpl_str(&g->pool, e, K_kind,
            bits ? "CIM_ENUM_BITS" : is_string ? "CIM_ENUM_STRING" : "CIM_ENUM_INTEGER");
    tpl_str(&g->pool, e, K_count, num(g, vm->count));
    tpl_str(&g->pool, e, K_c_type, is_string ? name : c_type);
    tpl_str(&g->pool, e, K_widen, is_signed ? "(uint64_t)(int64_t)" : "(uint64_t)");
    tpl_bool(&g->pool, e, K_is_string, is_string);
    tpl_bool(&g->pool, e, K_is_bits, bits);
    tpl_bool(&g->pool, e, K_is_integer, !bits && !is_string);

    const struct mofc_qualifier *descs = value_descriptions(quals, bits);
    const char **names = cg_pool_alloc(&g->pool, vm->count * sizeof *names);
    uint32_t *by_value = cg_pool_alloc(&g->pool, vm->count * sizeof *by_value);
    uint32_t *by_name = cg_pool_alloc(&g->pool, vm->count * sizeof *by_name);
    if (!names || !by_value || !by_name)
        return;

    /* Constants: every single value (every entry of a string map); the
     * names of the lookups beside them are taken first. */
    static const char *const taken[] = {"enum", "to_name", "from_name", "to_string",
                                        "from_string", "decode", "property", "default",
                                        "Bits", "method"};
    cn_scope_reset(&g->scope);
    for (size_t i = 0; i < sizeof taken / sizeof *taken; i++)
        cn_claim(&g->scope, &g->pool, taken[i]);
    /* Enumerators must fit an int (ISO C); a map with wider values gets
     * typed macros instead. */
    bool fits_int = true;
    size_t nconstants = 0;
    for (size_t i = 0; i < vm->count; i++) {
        const struct mofc_valuemap_entry *x = &vm->entries[i];
        if (!is_string && x->kind != MOFC_VM_VALUE)
            continue;
        nconstants++;
        if (bits)
            fits_int = fits_int && x->lo.u < 31;
        else if (!is_string)
            fits_int = fits_int && (is_signed ? x->lo.s >= INT32_MIN && x->lo.s <= INT32_MAX
                                              : x->lo.u <= INT32_MAX);
    }
    bool as_enum = nconstants && (is_string || fits_int);
    tpl_bool(&g->pool, e, K_as_enum, as_enum);
    tpl_bool(&g->pool, e, K_as_macros, nconstants && !as_enum);

    struct cg_buf ranges = {0};
    for (size_t i = 0; i < vm->count; i++) {
        const struct mofc_valuemap_entry *x = &vm->entries[i];
        names[i] = neutral_entry_name(vm, i);
        by_value[i] = by_name[i] = (uint32_t)i;
        if (!is_string && x->kind != MOFC_VM_VALUE) {
            cg_printf(&ranges, "%s\"%s\": %s", ranges.len ? "; " : "", x->raw ? x->raw : "..",
                      names[i]);
            continue;
        }
        if (bits && x->lo.u >= 64)
            continue;
        const char *id = ident_part(g, &g->pool, names[i], "", false);
        if (!*id)   /* no identifier characters at all: named by its value */
            id = is_string ? pf(g, "Value_%zu", i)
                 : is_signed && x->lo.s < 0 ? pf(g, "Value_minus_%" PRIu64, -(uint64_t)x->lo.u)
                                           : pf(g, "Value_%" PRIu64, x->lo.u);
        const char *constant = join(g, name, "_", cn_claim(&g->scope, &g->pool, id));
        declare(g, constant);
        size_t from = g->tmp.len;
        uint64_t v = is_string ? i : x->lo.u;
        bool hex = x->raw && x->raw[0] == '0' && (x->raw[1] == 'x' || x->raw[1] == 'X') &&
                   (!is_signed || x->lo.s >= 0);
        if (!as_enum)
            cg_printf(&g->tmp, "((%s)", c_type);
        if (bits)
            cg_printf(&g->tmp, as_enum ? "0x%" PRIX64 : "UINT64_C(0x%" PRIX64 ")",
                      (uint64_t)1 << v);
        else if (is_string)
            put_dec(&g->tmp, i);
        else if (hex)
            cg_printf(&g->tmp, as_enum ? "0x%" PRIX64 : "UINT64_C(0x%" PRIX64 ")", v);
        else if (as_enum && is_signed)
            cg_printf(&g->tmp, "%" PRId64, x->lo.s);
        else if (as_enum)
            put_dec(&g->tmp, v);
        else
            cn_integer(&g->tmp, is_signed ? MOFC_TYPE_SINT64 : MOFC_TYPE_UINT64, x->lo.u,
                       x->lo.s);
        if (!as_enum)
            cg_putc(&g->tmp, ')');
        const char *value = take(g, from);
        struct tpl_obj *k = tpl_item(&g->pool, e, K_constants);
        tpl_str(&g->pool, k, K_constant, constant);
        tpl_str(&g->pool, k, K_value, value);
        /* The per-value text; else the name as written when the
         * identifier had to change it. */
        struct mofc_string text = {NULL, 0};
        if (descs && i < descs->value.count && !descs->value.elements[i].is_null)
            text = descs->value.elements[i].v.string;
        if (!text.text && strcmp(id, names[i]) != 0) {
            text.text = join(g, "\"", names[i], "\"");
            text.len = strlen(text.text);
        }
        tpl_str(&g->pool, k, K_doc, doc_comment_n(g, "    ", text.text, text.len, NULL));
    }

    struct cg_buf about_buf = {0};
    cg_puts(&about_buf, about);
    if (ranges.len) {
        cg_puts(&about_buf, "\nRanges, in the table but not constants: ");
        cg_put(&about_buf, ranges.data, ranges.len);
        cg_putc(&about_buf, '.');
    }
    tpl_str(&g->pool, e, K_doc,
            doc_comment(g, "", about_buf.data ? about_buf.data : "", NULL));
    cg_buf_free(&about_buf);
    cg_buf_free(&ranges);

    /* The table, ValueMap order. */
    size_t from = g->tmp.len;
    for (size_t i = 0; i < vm->count; i++) {
        const struct mofc_valuemap_entry *x = &vm->entries[i];
        cg_put(&g->tmp, "    {", 5);
        put_string(g, &g->tmp, names[i], strlen(names[i]));
        cg_puts(&g->tmp, ", ");
        const char *wire = x->raw ? x->raw : is_string ? names[i] : NULL;
        if (wire)
            put_string(g, &g->tmp, wire, strlen(wire));
        else
            cg_puts(&g->tmp, "NULL");
        cg_puts(&g->tmp, ", ");
        put_u64(&g->tmp, is_string ? i : x->lo.u, is_signed);
        cg_puts(&g->tmp, ", ");
        put_u64(&g->tmp, is_string ? i : x->hi.u, is_signed);
        cg_put(&g->tmp, "},\n", 3);
    }
    set_taken(g, e, K_entries, from);
    /* A lone ".." claims every value the others leave: it overlaps them,
     * so it stays out of the sorted ranges and is the fallback. */
    size_t unclaimed = 0, rest = SIZE_MAX, nby_value = 0;
    for (size_t i = 0; i < vm->count; i++)
        if (vm->entries[i].kind == MOFC_VM_UNCLAIMED) {
            unclaimed++;
            rest = i;
        }
    if (unclaimed != 1 || is_string)
        rest = SIZE_MAX;
    for (size_t i = 0; i < vm->count; i++)
        if (i != rest)
            by_value[nby_value++] = (uint32_t)i;
    sort_ctx = (struct sort_ctx){vm, names};
    qsort(by_value, nby_value, sizeof *by_value, by_value_cmp);
    qsort(by_name, vm->count, sizeof *by_name, by_name_cmp);
    tpl_str(&g->pool, e, K_nby_value, num(g, nby_value));
    tpl_str(&g->pool, e, K_rest,
            rest == SIZE_MAX ? "NULL" : pf(g, "&%s_entries[%zu]", name, rest));
    tpl_str(&g->pool, e, K_by_value, index_list(g, by_value, nby_value ? nby_value : 1));
    tpl_str(&g->pool, e, K_by_name, index_list(g, by_name, vm->count));
}

/* ---- qualifiers ---- */

/* One row of the class's cim_scalar table. */
static void put_scalar_row(struct cgen *g, struct cg_buf *b, const struct mofc_value *v)
{
    cg_put(b, "    ", 4);
    switch (v->type) {
    case MOFC_TYPE_BOOLEAN:
        cg_printf(b, "{%d, 0, 0, NULL}", v->v.boolean ? 1 : 0);
        break;
    case MOFC_TYPE_REAL32:
    case MOFC_TYPE_REAL64:
        cg_puts(b, "{0, 0, ");
        cn_real(b, v->v.real, false);
        cg_puts(b, ", NULL}");
        break;
    case MOFC_TYPE_CHAR16:
        cg_printf(b, "{%u, 0, 0, NULL}", (unsigned)v->v.char16);
        break;
    case MOFC_TYPE_STRING:
        cg_puts(b, "{0, 0, 0, ");
        put_string(g, b, v->v.string.text, v->v.string.len);
        cg_putc(b, '}');
        break;
    case MOFC_TYPE_DATETIME:
        cg_puts(b, "{0, 0, 0, ");
        cn_string(b, v->v.datetime->text, strlen(v->v.datetime->text));
        cg_putc(b, '}');
        break;
    case MOFC_TYPE_REFERENCE:
        cg_puts(b, "{0, 0, 0, ");
        put_string(g, b, v->v.ref.path.text, v->v.ref.path.len);
        cg_putc(b, '}');
        break;
    case MOFC_TYPE_OBJECT:
        cg_puts(b, "{0, 0, 0, NULL}");
        break;
    default:
        if (is_signed_type(v->type)) {
            cg_puts(b, "{0, ");
            cn_integer(b, MOFC_TYPE_SINT64, 0, v->v.s);
            cg_puts(b, ", 0, NULL}");
        } else {
            cg_puts(b, "{");
            cn_integer(b, MOFC_TYPE_UINT64, v->v.u, 0);
            cg_puts(b, ", 0, 0, NULL}");
        }
    }
    cg_put(b, ",\n", 2);
}

/* Adds the qualifier list to the class's tables; returns its name, or
 * "NULL" for an empty list. */
static const char *qualifier_list(struct cgen *g, const struct mofc_qualifier_list *l)
{
    if (!l->count)
        return "NULL";
    const char *name = pf(g, "%s_qualifiers%u_", g->cn[g->c->index].ident, g->nqlists++);
    declare(g, name);
    struct tpl_obj *list = tpl_item(&g->pool, g->root, K_qualifier_lists);
    tpl_str(&g->pool, list, K_name, name);
    size_t from = g->tmp.len;
    for (size_t i = 0; i < l->count; i++) {
        const struct mofc_qualifier *q = &l->items[i];
        const struct mofc_value *v = &q->value;
        size_t first = g->nscalars;
        size_t count = 0;
        if (!v->is_null) {
            count = v->is_array ? v->count : 1;
            for (size_t k = 0; k < count; k++)
                put_scalar_row(g, &g->scalars, v->is_array ? &v->elements[k] : v);
            g->nscalars += count;
        }
        cg_put(&g->tmp, "    {", 5);
        cn_string(&g->tmp, q->name, strlen(q->name));
        cg_put(&g->tmp, ", ", 2);
        cg_puts(&g->tmp, ctypes[q->decl ? q->decl->type : v->type].tag);
        cg_puts(&g->tmp, v->is_array ? ", true, " : ", false, ");
        put_dec(&g->tmp, count);
        if (count) {
            cg_put(&g->tmp, ", &", 3);
            cg_puts(&g->tmp, g->cn[g->c->index].ident);
            cg_put(&g->tmp, "_scalars_[", 10);
            put_dec(&g->tmp, first);
            cg_put(&g->tmp, "]},\n", 4);
        } else
            cg_puts(&g->tmp, ", NULL},\n");
    }
    set_taken(g, list, K_items, from);
    return name;
}

/* Sets the `nqualifiers` and `qualifiers` fields of `o`. */
static void add_qualifiers(struct cgen *g, struct tpl_obj *o,
                           const struct mofc_qualifier_list *l)
{
    tpl_str(&g->pool, o, K_nqualifiers, num(g, l->count));
    tpl_str(&g->pool, o, K_qualifiers, qualifier_list(g, l));
}

/* ---- properties ---- */

/* " | " unless nothing was written since `from`. */
static struct cg_buf *cg_puts_sep(struct cg_buf *b, size_t from)
{
    if (b->len > from)
        cg_put(b, " | ", 3);
    return b;
}

struct flag_name {
    unsigned bit;
    const char *name;
};

/* "A | B" for the bits of `flags` named in `table`, "0" for none. */
static const char *flag_names(struct cgen *g, const struct flag_name *table, size_t n,
                              unsigned flags)
{
    size_t from = g->tmp.len;
    for (size_t i = 0; i < n; i++)
        if (flags & table[i].bit)
            cg_puts(cg_puts_sep(&g->tmp, from), table[i].name);
    if (g->tmp.len == from)
        cg_putc(&g->tmp, '0');
    return take(g, from);
}

enum { FLAG_ARRAY = 1u << 31 };  /* not a model flag: the element is an array */

static const char *flags_expr(struct cgen *g, unsigned flags, bool array)
{
    static const struct flag_name table[] = {
        {MOFC_PROP_KEY, "CIM_FLAG_KEY"},
        {MOFC_PROP_READ, "CIM_FLAG_READ"},
        {MOFC_PROP_WRITE, "CIM_FLAG_WRITE"},
        {MOFC_PROP_REQUIRED, "CIM_FLAG_REQUIRED"},
        {MOFC_PROP_STATIC, "CIM_FLAG_STATIC"},
        {MOFC_PROP_DEPRECATED, "CIM_FLAG_DEPRECATED"},
        {MOFC_PROP_EXPERIMENTAL, "CIM_FLAG_EXPERIMENTAL"},
        {MOFC_PROP_EMBEDDED_OBJECT, "CIM_FLAG_EMBEDDED_OBJECT"},
        {MOFC_PROP_EMBEDDED_INSTANCE, "CIM_FLAG_EMBEDDED_INSTANCE"},
        {MOFC_PROP_IN, "CIM_FLAG_IN"},
        {MOFC_PROP_OUT, "CIM_FLAG_OUT"},
        {FLAG_ARRAY, "CIM_FLAG_ARRAY"},
    };
    return flag_names(g, table, sizeof table / sizeof *table, flags | (array ? FLAG_ARRAY : 0));
}

/* The member declaration: "uint32_t LogonType", "cim_string_array Roles". */
static const char *member_decl(struct cgen *g, const struct mofc_typeinfo *t, unsigned flags,
                               const char *member)
{
    if (is_object(t, flags)) {
        const struct mofc_class *e = embedded_target(g, t);
        const char *target = e ? g->cn[e->index].ident : NULL;
        if (!t->is_array)
            return target ? pf(g, "const struct %s *%s", target, member)
                          : pf(g, "const cim_object *%s", member);
        return target ? pf(g, "struct {\n        const struct %s *const *items;\n        "
                              "size_t count;\n    } %s",
                           target, member)
                      : pf(g, "cim_object_array %s", member);
    }
    if (t->is_array)
        return join(g, ctypes[t->type].array, " ", member);
    const char *c = ctypes[t->type].scalar;
    return join(g, c, c[strlen(c) - 1] == '*' ? "" : " ", member);
}

/* The element type of a default array (as in the runtime's array types). */
static const char *element_type(const struct mofc_property *p)
{
    static const char *const elem[] = {
        [MOFC_TYPE_STRING] = "char *const",
        [MOFC_TYPE_DATETIME] = "cim_datetime",
        [MOFC_TYPE_REFERENCE] = "cim_ref",
    };
    enum mofc_type t = p->t.type;
    if (t <= MOFC_TYPE_OBJECT && t < sizeof elem / sizeof *elem && elem[t])
        return elem[t];
    return ctypes[t].scalar;
}

/* The initialiser of a member (the MOF default, or NULL) and its flag. */
static void member_init(struct cgen *g, struct tpl_obj *it, const struct mofc_property *p,
                        const char *member, const char *has)
{
    const struct mofc_value *v = &p->default_value;
    const struct mofc_typeinfo *t = &p->t;
    if (has)
        tpl_str(&g->pool, it, K_has_init, v->is_null ? "false" : "true");
    size_t from = g->tmp.len;
    if (is_object(t, p->flags)) {
        cg_puts(&g->tmp, t->is_array ? "{NULL, 0}" : "NULL");
    } else if (t->is_array) {
        if (v->is_null) {
            cg_puts(&g->tmp, "{NULL, 0}");
        } else {
            /* The owner's .c defines the elements once; subclasses point there. */
            const struct mofc_class *owner = p->owner;
            cg_printf(&g->tmp, "{%s_%s_default, %zu}", g->cn[owner->index].ident, member,
                      v->count);
        }
    } else if (t->type == MOFC_TYPE_STRING && !v->is_null && v->v.string.len >= LONG_STRING) {
        cg_printf(&g->tmp, "%s_%s_default", g->cn[p->owner->index].ident, member);
    } else {
        put_scalar(g, &g->tmp, v, t->type);
    }
    set_taken(g, it, K_init, from);
}

/* Default arrays (and long default strings) a property owns. */
static void add_default(struct cgen *g, const struct mofc_property *p, const char *member)
{
    const struct mofc_value *v = &p->default_value;
    if (v->is_null || is_object(&p->t, p->flags))
        return;
    bool long_string = !p->t.is_array && p->t.type == MOFC_TYPE_STRING &&
                       v->v.string.len >= LONG_STRING;
    if (!p->t.is_array && !long_string)
        return;
    struct tpl_obj *d = tpl_item(&g->pool, g->root, K_defaults);
    const char *dname = pf(g, "%s_%s_default", g->cn[g->c->index].ident, member);
    declare(g, dname);
    tpl_str(&g->pool, d, K_name, dname);
    size_t from = g->tmp.len;
    if (long_string) {
        tpl_str(&g->pool, d, K_element, "char");
        tpl_str(&g->pool, d, K_count, num(g, v->v.string.len + 1));
        tpl_str(&g->pool, d, K_values, byte_array(g, v->v.string.text, v->v.string.len));
        return;
    }
    tpl_str(&g->pool, d, K_element, element_type(p));
    /* An empty array still needs an element, so `items` is not NULL. */
    tpl_str(&g->pool, d, K_count, pf(g, "%zu", v->count ? v->count : 1));
    cg_puts(&g->tmp, "{");
    if (!v->count) {
        struct mofc_value null = {.type = p->t.type, .is_null = true};
        put_scalar(g, &g->tmp, &null, p->t.type);
    }
    for (size_t i = 0; i < v->count; i++) {
        cg_puts(&g->tmp, i ? ", " : "");
        put_scalar(g, &g->tmp, &v->elements[i], p->t.type);
    }
    cg_puts(&g->tmp, "}");
    set_taken(g, d, K_values, from);
}

static const char *ref_name(const struct mofc_typeinfo *t)
{
    if (t->type == MOFC_TYPE_REFERENCE && t->ref_class)
        return t->ref_class->name;
    return t->embedded_name;
}

static const char *enum_ref(struct cgen *g, const char *prefix)
{
    return prefix ? join(g, "&", prefix, "_enum") : "NULL";
}

/* `struct <Class>;` in the header, once per class. */
static void forward_decl(struct cgen *g, const struct mofc_class *e)
{
    if (!g->forwarded)
        g->forwarded = cg_pool_alloc(&g->pool, g->m->nclasses + 1);
    if (g->forwarded && !g->forwarded[e->index]) {
        g->forwarded[e->index] = true;
        tpl_str(&g->pool, tpl_item(&g->pool, g->root, K_forward), K_name, g->cn[e->index].ident);
    }
}

/* The descriptor of the generated class an embedded instance or a
 * reference points to, "NULL" if none is generated; the class's .c
 * includes that class's header. */
static const char *target_ref(struct cgen *g, const struct mofc_typeinfo *t, unsigned flags)
{
    const struct mofc_class *e = NULL;
    if (is_object(t, flags))
        e = embedded_target(g, t);
    else if (t->type == MOFC_TYPE_REFERENCE && t->ref_class &&
             (!g->o->selected || g->o->selected[t->ref_class->index]))
        e = t->ref_class;
    if (!e)
        return "NULL";
    if (!g->targeted)
        g->targeted = cg_pool_alloc(&g->pool, g->m->nclasses + 1);
    if (g->targeted && !g->targeted[e->index]) {
        g->targeted[e->index] = true;
        if (e != g->c)
            tpl_str(&g->pool, tpl_item(&g->pool, g->root, K_targets), K_name,
                    g->cn[e->index].ident);
    }
    return join(g, "&", g->cn[e->index].ident, "_class");
}

/* The descriptor of a property this class declares. */
static void add_property(struct cgen *g, const struct mofc_property *p, size_t slot)
{
    const struct mofc_class *c = g->c;
    const struct class_names *cn = &g->cn[c->index];
    const char *member = cn->member[slot];
    struct tpl_obj *o = tpl_item(&g->pool, g->root, K_properties);
    const char *pname = join(g, cn->ident, "_", member, "_property");
    declare(g, pname);
    tpl_str(&g->pool, o, K_name, pname);
    tpl_str(&g->pool, o, K_cim_name, string_lit(g, p->name));
    tpl_str(&g->pool, o, K_cim_type, ctypes[p->t.type].tag);
    tpl_str(&g->pool, o, K_flags, flags_expr(g, p->flags, p->t.is_array));
    tpl_str(&g->pool, o, K_member, member);
    tpl_str(&g->pool, o, K_presence,
            cn->has[slot] ? join(g, "offsetof(", cn->ident, ", ", cn->has[slot], ")")
                          : "CIM_NO_PRESENCE");
    tpl_str(&g->pool, o, K_origin, string_lit(g, p->origin ? p->origin->name : c->name));
    tpl_str(&g->pool, o, K_ref_class, string_lit(g, ref_name(&p->t)));
    tpl_str(&g->pool, o, K_target, target_ref(g, &p->t, p->flags));
    tpl_str(&g->pool, o, K_array_size, num(g, p->t.array_size));
    tpl_str(&g->pool, o, K_max_len, num(g, p->max_len));
    tpl_str(&g->pool, o, K_min_len, num(g, p->min_len));
    tpl_str(&g->pool, o, K_has_max_value, p->has_max_value ? "true" : "false");
    tpl_str(&g->pool, o, K_has_min_value, p->has_min_value ? "true" : "false");
    size_t from = g->tmp.len;
    cn_integer(&g->tmp, MOFC_TYPE_SINT64, 0, p->has_max_value ? p->max_value : 0);
    set_taken(g, o, K_max_value, from);
    cn_integer(&g->tmp, MOFC_TYPE_SINT64, 0, p->has_min_value ? p->min_value : 0);
    set_taken(g, o, K_min_value, from);
    tpl_str(&g->pool, o, K_units, string_lit(g, units_of(p)));
    bool values = p->valuemap && p->valuemap->count &&
                  (p->valuemap->is_string || mofc_type_is_integer(p->valuemap->type));
    bool bits = p->bitmap && p->bitmap->count && mofc_type_is_integer(p->bitmap->type);
    tpl_str(&g->pool, o, K_values, enum_ref(g, values ? property_enum(g, p, member, false) : NULL));
    tpl_str(&g->pool, o, K_bits, enum_ref(g, bits ? property_enum(g, p, member, true) : NULL));
    add_qualifiers(g, o, &p->qualifiers);

    /* Its enums, when this definition states the qualifiers. */
    const char *title = join(g, c->name, ".", p->name);
    const char *ctype = ctypes[p->t.type].scalar;
    if (values && map_definition(p, false) == p)
        add_enum(g, property_enum(g, p, member, false), title, p->valuemap, false, ctype,
                 &p->qualifiers,
                 pf(g, "%s of %s (%s%s).", p->valuemap->is_string ? "ValueMap strings"
                                                                   : "ValueMap/Values",
                    title, mofc_type_name(p->t.type), p->t.is_array ? "[]" : ""));
    if (bits && map_definition(p, true) == p)
        add_enum(g, property_enum(g, p, member, true), title, p->bitmap, true, ctype, &p->qualifiers,
                 pf(g, "BitMap/BitValues of %s: bit masks.", title));
    add_default(g, p, member);
}

/* ---- methods ---- */

/* One member of a parameter struct, and its descriptor. */
struct param_member {
    const char *cim_name;
    const struct mofc_typeinfo *t;
    unsigned flags;
    uint32_t max_len, min_len;
    const char *values, *bits;          /* enum prefixes, or NULL */
    const struct mofc_qualifier_list *qualifiers;
    const char *qualifier_list;         /* its table, already made, or "NULL" */
};

static _Thread_local const struct param_member *sort_members;

static int member_name_cmp(const void *a, const void *b)
{
    uint32_t i = *(const uint32_t *)a, k = *(const uint32_t *)b;
    int c = mofc_name_cmp(sort_members[i].cim_name, sort_members[k].cim_name);
    return c ? c : (i > k) - (i < k);
}

/* The initialiser of a NULL member. */
static const char *null_init(struct cgen *g, const struct mofc_typeinfo *t, unsigned flags)
{
    if (t->is_array)
        return "{NULL, 0}";
    if (is_object(t, flags))
        return "NULL";
    struct mofc_value null = {.type = t->type, .is_null = true};
    size_t from = g->tmp.len;
    put_scalar(g, &g->tmp, &null, t->type);
    return take(g, from);
}

/* <Class>_<Method>_In or _Out: a struct laid out like a class's, with a
 * descriptor whose properties are the parameters (and ReturnValue), so
 * the generic serializers and validator take it as they take instances. */
static void add_param_struct(struct cgen *g, struct tpl_obj *method, const struct mofc_method *m,
                             const char *prefix, bool out, const struct param_member *all,
                             size_t nall)
{
    const struct mofc_class *c = g->c;
    const char *sname = join(g, prefix, out ? "_Out" : "_In");
    static const char *const suffixes[] = {"",           "_class",       "_init",
                                           "_init_any_", "_properties_", "_by_name_",
                                           "_to_json",   "_from_json",   "_release"};
    for (size_t i = 0; i < sizeof suffixes / sizeof *suffixes; i++)
        declare2(g, sname, suffixes[i]);
    tpl_str(&g->pool, method, out ? K_out_ref : K_in_ref, join(g, "&", sname, "_class"));
    struct tpl_obj *st = tpl_item(&g->pool, g->root, K_param_structs);
    tpl_str(&g->pool, st, K_struct_name, sname);
    tpl_str(&g->pool, st, K_struct_title,
            string_lit(g, pf(g, "%s.%s.%s", c->name, m->name, out ? "Out" : "In")));
    tpl_str(&g->pool, st, K_struct_doc,
            doc_comment(g, "",
                        pf(g, "The %s parameters of %s.%s()%s.", out ? "OUT" : "IN", c->name,
                           m->name,
                           out && m->ret.type != MOFC_TYPE_NONE ? ", and its ReturnValue" : ""),
                        NULL));
    const struct param_member **chosen = cg_pool_alloc(&g->pool, (nall + 1) * sizeof *chosen);
    uint32_t *idx = cg_pool_alloc(&g->pool, (nall + 1) * sizeof *idx);
    struct param_member *sorted = cg_pool_alloc(&g->pool, (nall + 1) * sizeof *sorted);
    if (!chosen || !idx || !sorted)
        return;
    cn_scope_reset(&g->scope);
    cn_claim(&g->scope, &g->pool, "descriptor_");
    size_t n = 0;
    for (size_t k = 0; k < nall; k++) {
        const struct param_member *pm = &all[k];
        bool is_return = k + 1 == nall && m->ret.type != MOFC_TYPE_NONE;
        if (is_return ? !out : !(pm->flags & (out ? MOFC_PROP_OUT : MOFC_PROP_IN)))
            continue;
        const char *member =
            cn_claim(&g->scope, &g->pool, ident_of(g, &g->pool, pm->cim_name, "parameter_"));
        const char *has = needs_flag(pm->t, pm->flags)
                              ? cn_claim(&g->scope, &g->pool, join(g, "has_", member))
                              : NULL;
        struct tpl_obj *it = tpl_item(&g->pool, st, K_pmembers);
        if (has) {
            tpl_str(&g->pool, it, K_has, has);
            tpl_str(&g->pool, it, K_has_init, "false");
        }
        tpl_str(&g->pool, it, K_decl, member_decl(g, pm->t, pm->flags, member));
        tpl_str(&g->pool, it, K_init, null_init(g, pm->t, pm->flags));
        const struct mofc_class *e = is_object(pm->t, pm->flags) ? embedded_target(g, pm->t) : NULL;
        if (e)
            forward_decl(g, e);

        struct tpl_obj *o = tpl_item(&g->pool, st, K_pprops);
        const char *pname = join(g, sname, "_", member, "_property");
        declare(g, pname);
        tpl_str(&g->pool, o, K_name, pname);
        tpl_str(&g->pool, o, K_cim_name, string_lit(g, pm->cim_name));
        tpl_str(&g->pool, o, K_cim_type, ctypes[pm->t->type].tag);
        tpl_str(&g->pool, o, K_flags, flags_expr(g, pm->flags, pm->t->is_array));
        tpl_str(&g->pool, o, K_member, member);
        tpl_str(&g->pool, o, K_presence,
                has ? join(g, "offsetof(", sname, ", ", has, ")") : "CIM_NO_PRESENCE");
        tpl_str(&g->pool, o, K_origin, string_lit(g, c->name));
        tpl_str(&g->pool, o, K_ref_class, string_lit(g, ref_name(pm->t)));
        tpl_str(&g->pool, o, K_target, target_ref(g, pm->t, pm->flags));
        tpl_str(&g->pool, o, K_array_size, num(g, pm->t->array_size));
        tpl_str(&g->pool, o, K_max_len, num(g, pm->max_len));
        tpl_str(&g->pool, o, K_min_len, num(g, pm->min_len));
        tpl_str(&g->pool, o, K_units,
                string_lit(g, pm->qualifiers ? units_in(pm->qualifiers) : NULL));
        tpl_str(&g->pool, o, K_values, enum_ref(g, pm->values));
        tpl_str(&g->pool, o, K_bits, enum_ref(g, pm->bits));
        tpl_str(&g->pool, o, K_nqualifiers, num(g, pm->qualifiers ? pm->qualifiers->count : 0));
        tpl_str(&g->pool, o, K_qualifiers, pm->qualifier_list);
        sorted[n] = *pm;
        idx[n] = (uint32_t)n;
        n++;
    }
    tpl_bool(&g->pool, st, K_pprops_any, n > 0);
    tpl_str(&g->pool, st, K_pnproperties, num(g, n));
    tpl_str(&g->pool, st, K_pproperties_ref, n ? join(g, sname, "_properties_") : "NULL");
    tpl_str(&g->pool, st, K_pby_name_ref, n ? join(g, sname, "_by_name_") : "NULL");
    if (n) {
        sort_members = sorted;
        qsort(idx, n, sizeof *idx, member_name_cmp);
        tpl_str(&g->pool, st, K_pby_name, index_list(g, idx, n));
    }
}

static void add_method(struct cgen *g, const struct mofc_method *m)
{
    const struct mofc_class *c = g->c;
    const char *mid = method_ident(g, m);
    const char *name = pf(g, "%s_%s_method", g->cn[c->index].ident, mid);
    declare(g, name);
    declare2(g, name, "_parameters_");
    struct tpl_obj *o = tpl_item(&g->pool, g->root, K_methods);
    tpl_str(&g->pool, o, K_name, name);
    tpl_str(&g->pool, o, K_cim_name, string_lit(g, m->name));
    tpl_str(&g->pool, o, K_return_type, ctypes[m->ret.type].tag);
    tpl_str(&g->pool, o, K_flags, flags_expr(g, m->flags, m->ret.is_array));
    tpl_str(&g->pool, o, K_origin, string_lit(g, m->origin ? m->origin->name : c->name));
    bool values = m->valuemap && m->valuemap->count &&
                  (m->valuemap->is_string || mofc_type_is_integer(m->valuemap->type));
    tpl_str(&g->pool, o, K_values, enum_ref(g, values ? method_enum(g, m) : NULL));
    add_qualifiers(g, o, &m->qualifiers);
    if (values && method_map_definition(m) == m)
        add_enum(g, method_enum(g, m), pf(g, "%s.%s", c->name, m->name), m->valuemap, false,
                 ctypes[m->ret.type].scalar, &m->qualifiers,
                 pf(g, "Return values of %s.%s().", c->name, m->name));

    tpl_bool(&g->pool, o, K_parameters_any, m->nparams > 0);
    tpl_str(&g->pool, o, K_nparameters, pf(g, "%zu", m->nparams));
    tpl_str(&g->pool, o, K_parameters_ref, m->nparams ? pf(g, "%s_parameters_", name) : "NULL");
    struct param_member *members = cg_pool_alloc(&g->pool, (m->nparams + 2) * sizeof *members);
    if (!members)
        return;
    for (size_t k = 0; k < m->nparams; k++) {
        const struct mofc_parameter *p = &m->params[k];
        bool pv = p->valuemap && p->valuemap->count &&
                  (p->valuemap->is_string || mofc_type_is_integer(p->valuemap->type));
        bool pb = p->bitmap && p->bitmap->count && mofc_type_is_integer(p->bitmap->type);
        const char *title = pf(g, "%s.%s.%s", c->name, m->name, p->name);
        /* An override that inherits a parameter's map uses the owner's enum. */
        size_t kv = k, kb = k;
        bool own_v = pv && param_map_definition(m, &kv, false) == m;
        bool own_b = pb && param_map_definition(m, &kb, true) == m;
        if (own_v)
            add_enum(g, param_enum(g, m, k, false), title, p->valuemap, false,
                     ctypes[p->t.type].scalar, &p->qualifiers,
                     pf(g, "ValueMap/Values of parameter %s of %s.%s().", p->name, c->name,
                        m->name));
        if (own_b)
            add_enum(g, param_enum(g, m, k, true), title, p->bitmap, true, ctypes[p->t.type].scalar,
                     &p->qualifiers,
                     pf(g, "BitMap/BitValues of parameter %s of %s.%s().", p->name, c->name,
                        m->name));
        const char *quals = qualifier_list(g, &p->qualifiers);
        members[k] = (struct param_member){p->name,
                                           &p->t,
                                           p->flags,
                                           p->max_len,
                                           p->min_len,
                                           pv ? param_enum(g, m, k, false) : NULL,
                                           pb ? param_enum(g, m, k, true) : NULL,
                                           &p->qualifiers,
                                           quals};
        size_t from = g->tmp.len;
        cg_putc(&g->tmp, '{');
        cn_string(&g->tmp, p->name, strlen(p->name));
        cg_printf(&g->tmp, ", %s, %s, %s, %" PRIu32 ", %s, %s, %zu, %s}", ctypes[p->t.type].tag,
                  flags_expr(g, p->flags, p->t.is_array), string_lit(g, ref_name(&p->t)),
                  p->t.array_size,
                  enum_ref(g, pv ? param_enum(g, m, k, false) : NULL),
                  enum_ref(g, pb ? param_enum(g, m, k, true) : NULL), p->qualifiers.count,
                  quals);
        set_taken(g, tpl_item(&g->pool, o, K_parameters), K_entry, from);
    }
    size_t nall = m->nparams;
    if (m->ret.type != MOFC_TYPE_NONE)
        members[nall++] = (struct param_member){"ReturnValue",
                                                &m->ret,
                                                MOFC_PROP_OUT,
                                                0,
                                                0,
                                                values ? method_enum(g, m) : NULL,
                                                NULL,
                                                NULL,
                                                "NULL"};
    const char *prefix = pf(g, "%s_%s", g->cn[c->index].ident, mid);
    add_param_struct(g, o, m, prefix, false, members, nall);
    add_param_struct(g, o, m, prefix, true, members, nall);
}

/* ---- classes ---- */

static const char *class_flags(struct cgen *g, unsigned flags)
{
    static const struct flag_name table[] = {
        {MOFC_CLASS_ASSOCIATION, "CIM_CLASS_ASSOCIATION"},
        {MOFC_CLASS_INDICATION, "CIM_CLASS_INDICATION"},
        {MOFC_CLASS_ABSTRACT, "CIM_CLASS_ABSTRACT"},
        {MOFC_CLASS_TERMINAL, "CIM_CLASS_TERMINAL"},
        {MOFC_CLASS_AGGREGATION, "CIM_CLASS_AGGREGATION"},
        {MOFC_CLASS_EXCEPTION, "CIM_CLASS_EXCEPTION"},
        {MOFC_CLASS_DEPRECATED, "CIM_CLASS_DEPRECATED"},
        {MOFC_CLASS_EXPERIMENTAL, "CIM_CLASS_EXPERIMENTAL"},
    };
    return flag_names(g, table, sizeof table / sizeof *table, flags);
}

static const char *basename_of(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

static const char *banner(struct cgen *g, const char *file, const char *what, const char *from)
{
    size_t start = g->tmp.len;
    cg_printf(&g->tmp, "%s - %s", file, what);
    if (from)
        cg_printf(&g->tmp, " (from %s)", from);
    cg_printf(&g->tmp, ".\nGenerated by mofc %s; do not edit.", MOFC_VERSION);
    const char *text = take(g, start);
    cn_comment(&g->tmp, "", "/*", text, strlen(text));
    return take(g, start);
}

static _Thread_local const struct mofc_class *by_name_class;

static int prop_name_cmp(const void *a, const void *b)
{
    uint32_t i = *(const uint32_t *)a, k = *(const uint32_t *)b;
    return mofc_name_cmp(by_name_class->properties[i]->name,
                         by_name_class->properties[k]->name);
}

static int emit_file(struct cgen *g, const char *name, const char *tpl, const struct tpl_obj *root,
                     cg_file_fn *emit, void *user)
{
    g->out.len = 0;
    tpl_render(g->tpl, tpl, root, &g->out);
    if (g->out.oom || g->pool.oom || g->tmp.oom || g->scalars.oom)
        return 2;
    return emit(user, name, g->out.data ? g->out.data : "", g->out.len);
}

static int render_class(struct cgen *g, const struct mofc_class *c, cg_file_fn *emit, void *user)
{
    const struct class_names *cn = &g->cn[c->index];
    cg_pool_reset(&g->pool);
    g->c = c;
    g->targeted = g->forwarded = NULL;
    g->nlong = g->nqlists = 0;
    g->nscalars = 0;
    g->scalars.len = 0;
    struct tpl_obj *root = g->root = tpl_obj(&g->pool);
    if (!root)
        return 2;
    const char *from = c->loc.file ? basename_of(c->loc.file) : NULL;
    static const char *const class_names[] = {"",          "_class",     "_INIT",
                                              "_init",     "_validate",  "_H",
                                              "_properties_", "_by_name_", "_methods_",
                                              "_scalars_", "_init_any_", "_to_cimxml",
                                              "_to_json", "_from_json", "_release"};
    for (size_t i = 0; i < sizeof class_names / sizeof *class_names; i++)
        declare2(g, cn->ident, class_names[i]);
    tpl_str(&g->pool, root, K_version, MOFC_VERSION);
    tpl_str(&g->pool, root, K_class, cn->ident);
    tpl_str(&g->pool, root, K_cim_name, string_lit(g, c->name));
    tpl_str(&g->pool, root, K_guard, pf(g, "%s_H", cn->ident));
    if (c->superclass) {
        tpl_str(&g->pool, root, K_superclass, g->cn[c->superclass->index].ident);
        tpl_str(&g->pool, root, K_superclass_ref,
                pf(g, "&%s_class", g->cn[c->superclass->index].ident));
    } else {
        tpl_str(&g->pool, root, K_superclass_ref, "NULL");
    }
    tpl_str(&g->pool, root, K_namespace, string_lit(g, c->namespace_name));
    tpl_str(&g->pool, root, K_class_flags, class_flags(g, c->flags));

    /* The struct: members root-first, grouped by the class that introduced them. */
    struct mofc_string description =
        qualifier_string(local_qualifier(&c->qualifiers, "Description"));
    tpl_str(&g->pool, root, K_doc,
            doc_comment_n(g, "", description.text, description.len,
                          c->superclass ? pf(g, "Superclass: %s.", c->superclass->name) : NULL));
    const struct mofc_class *group = NULL;
    for (size_t k = 0; k < c->nproperties; k++) {
        const struct mofc_property *p = c->properties[k];
        struct tpl_obj *it = tpl_item(&g->pool, root, K_members);
        const struct mofc_class *origin = p->origin ? p->origin : p->owner;
        if (origin != group) {
            tpl_str(&g->pool, it, K_heading, origin->name);
            group = origin;
        }
        /* The full text where the property is declared; the heading
         * names the class to look in for inherited ones. */
        struct mofc_string text =
            qualifier_string(mofc_qualifiers_find(&p->qualifiers, "Description"));
        tpl_str(&g->pool, it, K_doc,
                p->owner == c ? doc_comment_n(g, "    ", text.text, text.len, property_facts(g, p))
                              : "");
        if (cn->has[k])
            tpl_str(&g->pool, it, K_has, cn->has[k]);
        tpl_str(&g->pool, it, K_decl, member_decl(g, &p->t, p->flags, cn->member[k]));
        member_init(g, it, p, cn->member[k], cn->has[k]);
        const struct mofc_class *e = is_object(&p->t, p->flags) ? embedded_target(g, &p->t) : NULL;
        if (e)
            forward_decl(g, e);
        if (p->owner == c)
            add_property(g, p, k);
    }

    /* Methods this class declares; the descriptor lists all. */
    for (size_t k = 0; k < c->nmethods; k++)
        if (c->methods[k]->owner == c)
            add_method(g, c->methods[k]);

    tpl_bool(&g->pool, root, K_all_properties_any, c->nproperties > 0);
    tpl_str(&g->pool, root, K_nproperties, pf(g, "%zu", c->nproperties));
    tpl_str(&g->pool, root, K_properties_ref,
            c->nproperties ? pf(g, "%s_properties_", cn->ident) : "NULL");
    tpl_str(&g->pool, root, K_by_name_ref,
            c->nproperties ? pf(g, "%s_by_name_", cn->ident) : "NULL");
    if (c->nproperties) {
        uint32_t *idx = cg_pool_alloc(&g->pool, c->nproperties * sizeof *idx);
        if (!idx)
            return 2;
        for (size_t k = 0; k < c->nproperties; k++) {
            const struct mofc_property *p = c->properties[k];
            idx[k] = (uint32_t)k;
            tpl_str(&g->pool, tpl_item(&g->pool, root, K_all_properties), K_name,
                    join(g, g->cn[p->owner->index].ident, "_", cn->member[k], "_property"));
        }
        by_name_class = c;
        qsort(idx, c->nproperties, sizeof *idx, prop_name_cmp);
        tpl_str(&g->pool, root, K_by_name, index_list(g, idx, c->nproperties));
    }
    tpl_bool(&g->pool, root, K_all_methods_any, c->nmethods > 0);
    tpl_str(&g->pool, root, K_nmethods, pf(g, "%zu", c->nmethods));
    tpl_str(&g->pool, root, K_methods_ref, c->nmethods ? pf(g, "%s_methods_", cn->ident) : "NULL");
    for (size_t k = 0; k < c->nmethods; k++) {
        const struct mofc_method *m = c->methods[k];
        tpl_str(&g->pool, tpl_item(&g->pool, root, K_all_methods), K_name,
                pf(g, "%s_%s_method", g->cn[m->owner->index].ident, method_ident(g, m)));
    }
    add_qualifiers(g, root, &c->qualifiers);
    tpl_text(&g->pool, root, K_scalars,
             g->scalars.len ? cg_pool_strndup(&g->pool, g->scalars.data, g->scalars.len) : NULL,
             g->scalars.len);

    if (!emit)      /* names only (the collision check) */
        return g->pool.oom || g->tmp.oom ? 2 : 0;
    int rc;
    const char *h = pf(g, "%s.h", cn->ident);
    tpl_str(&g->pool, root, K_banner,
            banner(g, h, pf(g, "C binding of the CIM class %s", c->name), from));
    rc = emit_file(g, h, "class.h.tpl", root, emit, user);
    if (rc)
        return rc;
    const char *cfile = pf(g, "%s.c", cn->ident);
    tpl_str(&g->pool, root, K_banner,
            banner(g, cfile, pf(g, "tables and functions of the CIM class %s", c->name), from));
    return emit_file(g, cfile, "class.c.tpl", root, emit, user);
}

/* ---- names two classes would both define ---- */

struct ident_ref {
    const char *ident;
    uint32_t index;
};

static int ident_ref_cmp(const void *a, const void *b)
{
    return strcmp(((const struct ident_ref *)a)->ident, ((const struct ident_ref *)b)->ident);
}

static int symbol_cmp(const void *a, const void *b)
{
    const struct symbol *x = a, *y = b;
    int c = strcmp(x->name, y->name);
    return c ? c : (x->cls > y->cls) - (x->cls < y->cls);
}

/* Every file-scope name a class defines starts with its C name and "_", so
 * two classes can only meet when one's name followed by "_" begins the
 * other's (A and A_B: A's property B_C and A_B's property C).  Such classes
 * are built without writing anything and their names compared; a name
 * both would define is an error, before any file is written. */
static bool names_are_distinct(struct cgen *g)
{
    const struct mofc_model *m = g->m;
    struct ident_ref *refs = calloc(m->nclasses + 1, sizeof *refs);
    bool *suspect = calloc(m->nclasses + 1, sizeof *suspect);
    if (!refs || !suspect) {
        free(refs);
        free(suspect);
        return true;    /* out of memory shows up later, with its own message */
    }
    size_t n = 0;
    for (size_t i = 0; i < m->nclasses; i++)
        if (!g->o->selected || g->o->selected[m->classes[i]->index])
            refs[n++] = (struct ident_ref){g->cn[m->classes[i]->index].ident,
                                           m->classes[i]->index};
    qsort(refs, n, sizeof *refs, ident_ref_cmp);
    bool any = false;
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(refs[i].ident);
        for (size_t j = i + 1; j < n && strncmp(refs[j].ident, refs[i].ident, len) == 0; j++)
            if (refs[j].ident[len] == '_')
                any = suspect[refs[i].index] = suspect[refs[j].index] = true;
    }
    bool ok = true;
    if (any) {
        struct symbols syms = {NULL, 0, 0, false};
        g->symbols = &syms;
        for (size_t i = 0; i < m->nclasses; i++)
            if (suspect[m->classes[i]->index])
                (void)render_class(g, m->classes[i], NULL, NULL);
        g->symbols = NULL;
        qsort(syms.items, syms.count, sizeof *syms.items, symbol_cmp);
        /* One error per pair of classes: the first name they share, and
         * how many more. */
        struct clash {
            uint32_t a, b;
            const char *first;
            size_t more;
        } clashes[16];
        size_t nclashes = 0;
        for (size_t k = 1; k < syms.count; k++) {
            const struct symbol *x = &syms.items[k - 1], *y = &syms.items[k];
            if (x->cls == y->cls || strcmp(x->name, y->name) != 0)
                continue;
            size_t c = 0;
            while (c < nclashes && !(clashes[c].a == x->cls && clashes[c].b == y->cls))
                c++;
            if (c < nclashes)
                clashes[c].more++;
            else if (nclashes < sizeof clashes / sizeof *clashes)
                clashes[nclashes++] = (struct clash){x->cls, y->cls, y->name, 0};
        }
        for (size_t c = 0; c < nclashes; c++) {
            char more[48] = "";
            if (clashes[c].more)
                snprintf(more, sizeof more, " (and %zu more)", clashes[c].more);
            cg_error(g->r, &m->classes[clashes[c].b]->loc,
                     "classes '%s' and '%s' would both define the C name '%s'%s; rename a "
                     "class, property, method or value so that they differ",
                     m->classes[clashes[c].a]->name, m->classes[clashes[c].b]->name,
                     clashes[c].first, more);
            ok = false;
        }
        for (size_t k = 0; k < syms.count; k++)
            free(syms.items[k].name);
        free(syms.items);
    }
    free(refs);
    free(suspect);
    return ok;
}

static void cgen_free_scratch(struct cgen *g)
{
    cg_buf_free(&g->scalars);
    cn_scope_free(&g->scope);
    cg_pool_free(&g->pool);
    cg_buf_free(&g->out);
    cg_buf_free(&g->tmp);
}

/* Classes render independently once the names are fixed, so they are
 * shared out over the processors: every worker takes every n-th class
 * with scratch space of its own.  Bytes do not depend on the split. */
struct worker {
    struct cgen g;
    size_t first, step;
    cg_file_fn *emit;
    void *user;
    atomic_int *stop;
    int rc;
    pthread_t thread;
};

static void *work(void *arg)
{
    struct worker *w = arg;
    const struct mofc_model *m = w->g.m;
    for (size_t i = w->first; i < m->nclasses && !w->rc; i += w->step) {
        if (atomic_load(w->stop))
            break;
        const struct mofc_class *c = m->classes[i];
        if (!w->g.o->selected || w->g.o->selected[c->index])
            w->rc = render_class(&w->g, c, w->emit, w->user);
    }
    if (w->rc)
        atomic_store(w->stop, 1);
    return NULL;
}

static int render_classes(struct cgen *g, size_t count, cg_file_fn *emit, void *user)
{
    enum { MAX_WORKERS = 8, CLASSES_PER_WORKER = 64 };
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    size_t n = cpus > 1 ? (size_t)cpus : 1;
    if (n > MAX_WORKERS)
        n = MAX_WORKERS;
    if (n > count / CLASSES_PER_WORKER)
        n = count / CLASSES_PER_WORKER ? count / CLASSES_PER_WORKER : 1;
    struct worker w[MAX_WORKERS];
    memset(w, 0, sizeof w);
    atomic_int stop = 0;
    size_t started = 0;
    for (size_t i = 0; i < n; i++) {
        w[i].g.m = g->m;
        w[i].g.o = g->o;
        w[i].g.r = g->r;
        w[i].g.tpl = g->tpl;
        w[i].g.cn = g->cn;
        w[i].first = i;
        w[i].step = n;
        w[i].emit = emit;
        w[i].user = user;
        w[i].stop = &stop;
    }
    /* Worker 0 is this thread; a worker that cannot start is done here. */
    for (size_t i = 1; i < n; i++) {
        if (pthread_create(&w[i].thread, NULL, work, &w[i]) != 0)
            break;
        started = i;
    }
    work(&w[0]);
    for (size_t i = started + 1; i < n; i++)
        work(&w[i]);
    for (size_t i = 1; i <= started; i++)
        pthread_join(w[i].thread, NULL);
    int rc = 0;
    for (size_t i = 0; i < n; i++) {
        if (!rc && w[i].rc)
            rc = w[i].rc;
        cgen_free_scratch(&w[i].g);
    }
    return rc;
}

int cg_c(const struct mofc_model *m, const struct cg_c_options *o, struct cg_report *r,
         cg_file_fn *emit, void *user)
{
    struct cgen g = {0};
    g.m = m;
    g.o = o;
    g.r = r;
    int rc = 1;
    size_t errors = r->nerrors;
    g.tpl = tpl_set_new(key_names, NKEYS, NULL);
    g.cn = calloc(m->nclasses + 1, sizeof *g.cn);
    if (!g.tpl || !g.cn) {
        rc = 2;
        goto out;
    }
    for (size_t i = 0; i < sizeof template_names / sizeof *template_names; i++)
        tpl_load(g.tpl, "c", template_names[i], o->template_dir, r);
    if (r->nerrors != errors || !tpl_link(g.tpl, r))
        goto out;
    name_classes(&g);
    if (g.names.oom) {
        rc = 2;
        goto out;
    }
    if (!names_are_distinct(&g))
        goto out;   /* rc is 1 */

    /* The runtime header and the header including all. */
    struct tpl_obj *root = g.root = tpl_obj(&g.pool);
    tpl_str(&g.pool, root, K_version, MOFC_VERSION);
    tpl_str(&g.pool, root, K_banner,
            banner(&g, "cim_runtime.h", "shared types of the generated CIM bindings", NULL));
    rc = emit_file(&g, "cim_runtime.h", "runtime.h.tpl", root, emit, user);
    if (rc)
        goto out;
    /* The serializers: generic code, the same for every schema. */
    static const struct {
        const char *file, *tpl, *what;
    } runtime_sources[] = {
        {"cim_cimxml.c", "cimxml.c.tpl", "the CIM-XML writer of the generated CIM bindings"},
        {"cim_json.c", "json.c.tpl", "the JSON writer and reader of the generated CIM bindings (json-c)"},
    };
    for (size_t i = 0; i < sizeof runtime_sources / sizeof *runtime_sources; i++) {
        tpl_str(&g.pool, root, K_banner,
                banner(&g, runtime_sources[i].file, runtime_sources[i].what, NULL));
        rc = emit_file(&g, runtime_sources[i].file, runtime_sources[i].tpl, root, emit, user);
        if (rc)
            goto out;
    }
    cg_pool_reset(&g.pool);
    root = g.root = tpl_obj(&g.pool);
    size_t count = 0;
    for (size_t i = 0; i < m->nclasses; i++) {
        const struct mofc_class *c = m->classes[i];
        if (o->selected && !o->selected[c->index])
            continue;
        tpl_str(&g.pool, tpl_item(&g.pool, root, K_classes), K_name, g.cn[c->index].ident);
        count++;
    }
    tpl_str(&g.pool, root, K_count, pf(&g, "%zu", count));
    tpl_str(&g.pool, root, K_version, MOFC_VERSION);
    tpl_str(&g.pool, root, K_banner,
            banner(&g, "cim_classes.h", "includes every generated class", NULL));
    rc = emit_file(&g, "cim_classes.h", "all.h.tpl", root, emit, user);
    if (rc)
        goto out;

    rc = render_classes(&g, count, emit, user);
out:
    if (!rc && (g.pool.oom || g.names.oom || g.tmp.oom || g.out.oom || g.scalars.oom))
        rc = 2;
    tpl_set_free(g.tpl);
    free(g.cn);
    cg_pool_free(&g.names);
    cgen_free_scratch(&g);
    return rc;
}
