/*
 * mofprint.c - the canonical MOF back end: the resolved model printed
 * back as MOF in one layout, so two spellings of one schema print alike.
 *
 * Order is the model's (qualifier declarations by name, classes superclass
 * first, instances as declared); each class shows what it declares itself
 * with the qualifiers written on it, so compiling the output gives the same
 * model.  Literals are normalised: decimal integers, reals that read back
 * to the same bits, one string literal per value with the MOF escapes,
 * TRUE/FALSE/NULL.  Shipped qualifier declarations are not printed: mofc
 * knows them already.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backends.h"

/* What a split run prints (cg_mof_split); SPLIT_NONE for `mofc mof`. */
enum split_part { SPLIT_NONE = 0, SPLIT_NEUTRAL, SPLIT_AMENDMENT };

struct out {
    char *buf;
    size_t len, cap;
    bool oom;
    enum split_part part;
    unsigned lcid;              /* SPLIT_AMENDMENT: written as Locale(0x...) on each class */
    bool class_level;           /* put_qualifiers is writing a class's qualifiers */
};

static void put(struct out *o, const char *s, size_t n)
{
    if (o->oom)
        return;
    if (o->len + n + 1 > o->cap) {
        size_t cap = o->cap ? o->cap : 65536;
        while (o->len + n + 1 > cap)
            cap *= 2;
        char *b = realloc(o->buf, cap);
        if (!b) {
            o->oom = true;
            return;
        }
        o->buf = b;
        o->cap = cap;
    }
    memcpy(o->buf + o->len, s, n);
    o->len += n;
    o->buf[o->len] = '\0';
}

static void puts_(struct out *o, const char *s)
{
    put(o, s, strlen(s));
}

static void putf(struct out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void putf(struct out *o, const char *fmt, ...)
{
    char tmp[128];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n > 0)
        put(o, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

/* ---- literals ---- */

static void put_string(struct out *o, const char *s, size_t n)
{
    put(o, "\"", 1);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '"': puts_(o, "\\\""); break;
        case '\\': puts_(o, "\\\\"); break;
        case '\n': puts_(o, "\\n"); break;
        case '\t': puts_(o, "\\t"); break;
        case '\r': puts_(o, "\\r"); break;
        case '\b': puts_(o, "\\b"); break;
        case '\f': puts_(o, "\\f"); break;
        default:
            if (c < 0x20 || c == 0x7F)
                putf(o, "\\x%04X", c);
            else
                put(o, (const char *)&s[i], 1);
        }
    }
    put(o, "\"", 1);
}

/* A real that MOF reads back exactly: digits, a point, a digit after it. */
static void put_real(struct out *o, double d, bool single)
{
    char b[48];
    snprintf(b, sizeof b, single ? "%.9G" : "%.17G", d);
    char *e = strchr(b, 'E');
    char mant[48], exp[16] = "";
    if (e) {
        snprintf(exp, sizeof exp, "%s", e);
        *e = '\0';
    }
    snprintf(mant, sizeof mant, "%s", b);
    if (!strchr(mant, '.'))
        strcat(mant, ".0");
    puts_(o, mant);
    puts_(o, exp);
}

static void put_scalar(struct out *o, const struct mofc_value *v);

static void put_instance_body(struct out *o, const struct mofc_instance *in, int indent);

static void put_scalar(struct out *o, const struct mofc_value *v)
{
    if (v->is_null) {
        puts_(o, "NULL");
        return;
    }
    switch (v->type) {
    case MOFC_TYPE_BOOLEAN:
        puts_(o, v->v.boolean ? "TRUE" : "FALSE");
        break;
    case MOFC_TYPE_REAL32:
    case MOFC_TYPE_REAL64:
        put_real(o, v->v.real, v->type == MOFC_TYPE_REAL32);
        break;
    case MOFC_TYPE_CHAR16: {
        unsigned c = v->v.char16;
        if (c >= 0x20 && c < 0x7F && c != '\'' && c != '\\')
            putf(o, "'%c'", (char)c);
        else
            putf(o, "'\\x%04X'", c);
        break;
    }
    case MOFC_TYPE_STRING:
        put_string(o, v->v.string.text, v->v.string.len);
        break;
    case MOFC_TYPE_DATETIME:
        put_string(o, v->v.datetime->text, strlen(v->v.datetime->text));
        break;
    case MOFC_TYPE_REFERENCE:
        if (v->v.ref.instance && v->v.ref.instance->alias)
            putf(o, "$%s", v->v.ref.instance->alias);
        else
            put_string(o, v->v.ref.path.text ? v->v.ref.path.text : "",
                       v->v.ref.path.text ? v->v.ref.path.len : 0);
        break;
    case MOFC_TYPE_OBJECT:
        if (v->v.object && v->v.object->alias && !v->v.object->embedded)
            putf(o, "$%s", v->v.object->alias);
        else if (v->v.object)
            put_instance_body(o, v->v.object, 2);
        else
            puts_(o, "NULL");
        break;
    default:
        if (mofc_type_is_signed(v->type))
            putf(o, "%lld", (long long)v->v.s);
        else
            putf(o, "%llu", (unsigned long long)v->v.u);
    }
}

static void put_value(struct out *o, const struct mofc_value *v)
{
    if (!v->is_array || v->is_null) {
        put_scalar(o, v);
        return;
    }
    puts_(o, "{");
    for (size_t i = 0; i < v->count; i++) {
        if (i)
            puts_(o, ", ");
        put_scalar(o, &v->elements[i]);
    }
    puts_(o, "}");
}

/* ---- qualifiers ---- */

static void put_flavors(struct out *o, unsigned f)
{
    puts_(o, f & MOFC_FLAVOR_DISABLEOVERRIDE ? "DisableOverride" : "EnableOverride");
    puts_(o, f & MOFC_FLAVOR_RESTRICTED ? ", Restricted" : ", ToSubclass");
    if (f & MOFC_FLAVOR_TRANSLATABLE)
        puts_(o, ", Translatable");
    if (f & MOFC_FLAVOR_TOINSTANCE)
        puts_(o, ", ToInstance");
}

/* Use-site flavors: only where they differ from the declaration's. */
static void put_use_flavors(struct out *o, const struct mofc_qualifier *q)
{
    unsigned d = q->decl->flavors, f = q->flavors;
    static const struct {
        unsigned bit;
        const char *name;
    } names[] = {
        {MOFC_FLAVOR_ENABLEOVERRIDE, "EnableOverride"}, {MOFC_FLAVOR_DISABLEOVERRIDE, "DisableOverride"},
        {MOFC_FLAVOR_TOSUBCLASS, "ToSubclass"},         {MOFC_FLAVOR_RESTRICTED, "Restricted"},
        {MOFC_FLAVOR_TRANSLATABLE, "Translatable"},     {MOFC_FLAVOR_TOINSTANCE, "ToInstance"},
        {MOFC_FLAVOR_AMENDED, "Amended"},               {MOFC_FLAVOR_NOTTOINSTANCE, "NotToInstance"},
    };
    bool first = true;
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        if ((f & names[i].bit) && !(d & names[i].bit)) {
            puts_(o, first ? " : " : " ");
            puts_(o, names[i].name);
            first = false;
        }
    }
}

static bool is_amended(const struct mofc_qualifier *q)
{
    return (q->flavors & MOFC_FLAVOR_AMENDED) != 0;
}

/* Split runs: the neutral part drops amended qualifiers; the amendment
 * keeps them, and Key so a reader sees which instance a text is for. */
static bool split_keeps(const struct out *o, const struct mofc_qualifier *q)
{
    if (o->part == SPLIT_NEUTRAL)
        return !is_amended(q);
    if (o->part == SPLIT_AMENDMENT)
        return is_amended(q) || mofc_name_cmp(q->name, "Key") == 0;
    return true;
}

/* Whether a qualifier list has an amended qualifier of its own. */
static bool has_amended(const struct mofc_qualifier_list *l)
{
    for (size_t i = 0; i < l->count; i++)
        if (!l->items[i].propagated && is_amended(&l->items[i]))
            return true;
    return false;
}

/* The qualifiers written on an element, "[A, B(1), C {"x"}]", then `sep`;
 * nothing when there are none. */
static void put_qualifiers(struct out *o, const struct mofc_qualifier_list *l, const char *sep)
{
    size_t n = 0;
    if (o->part == SPLIT_AMENDMENT && o->class_level) {
        putf(o, "[Locale(0x%x)", o->lcid);
        n++;
    }
    for (size_t i = 0; i < l->count; i++) {
        const struct mofc_qualifier *q = &l->items[i];
        if (q->propagated || !split_keeps(o, q))
            continue;
        puts_(o, n++ ? ", " : "[");
        puts_(o, q->name);
        const struct mofc_value *v = &q->value;
        bool plain_true = q->decl->type == MOFC_TYPE_BOOLEAN && !v->is_array && !v->is_null &&
                          v->v.boolean;
        if (v->is_array && !v->is_null) {
            puts_(o, " ");
            put_value(o, v);
        } else if (!plain_true) {
            puts_(o, "(");
            put_scalar(o, v);
            puts_(o, ")");
        }
        put_use_flavors(o, q);
    }
    if (n) {
        puts_(o, "]");
        puts_(o, sep);
    }
}

/* ---- declarations ---- */

static void put_type(struct out *o, const struct mofc_typeinfo *t)
{
    if (t->type == MOFC_TYPE_REFERENCE) {
        puts_(o, t->ref_class ? t->ref_class->name : "object");
        puts_(o, " REF");
    } else if (t->type == MOFC_TYPE_OBJECT) {
        puts_(o, t->embedded_name ? t->embedded_name : "object");
    } else if (t->type == MOFC_TYPE_NONE) {
        puts_(o, "void");
    } else {
        puts_(o, mofc_type_name(t->type));
    }
}

static void put_array(struct out *o, const struct mofc_typeinfo *t)
{
    if (!t->is_array)
        return;
    if (t->array_size)
        putf(o, "[%u]", t->array_size);
    else
        puts_(o, "[]");
}

static void put_qualifier_decl(struct out *o, const struct mofc_qualifier_decl *d)
{
    putf(o, "Qualifier %s : %s", d->name, mofc_type_name(d->type));
    if (d->is_array && d->array_size)
        putf(o, "[%u]", d->array_size);
    else if (d->is_array)
        puts_(o, "[]");
    if (!d->default_value.is_null) {
        puts_(o, " = ");
        put_value(o, &d->default_value);
    }
    puts_(o, ",\n    Scope(");
    if ((d->scopes & MOFC_SCOPE_ANY) == MOFC_SCOPE_ANY) {
        puts_(o, "any");
    } else {
        bool first = true;
        for (size_t i = 0; i < 7; i++) {
            if (d->scopes & mofc_scope_names[i].bit) {
                puts_(o, first ? "" : ", ");
                puts_(o, mofc_scope_names[i].mof);
                first = false;
            }
        }
    }
    puts_(o, "),\n    Flavor(");
    put_flavors(o, d->flavors);
    puts_(o, ");\n\n");
}

/* "[quals] type name[n] = default": a property or a parameter. */
static void put_element(struct out *o, const struct mofc_qualifier_list *q, const char *sep,
                        const struct mofc_typeinfo *t, const char *name,
                        const struct mofc_value *dflt)
{
    put_qualifiers(o, q, sep);
    put_type(o, t);
    putf(o, " %s", name);
    put_array(o, t);
    if (!dflt->is_null) {
        puts_(o, " = ");
        put_value(o, dflt);
    }
}

static bool method_amended(const struct mofc_method *mt)
{
    if (has_amended(&mt->qualifiers))
        return true;
    for (size_t k = 0; k < mt->nparams; k++)
        if (has_amended(&mt->params[k].qualifiers))
            return true;
    return false;
}

/* Whether class c has anything for the amendment part. */
static bool class_amended(const struct mofc_class *c)
{
    if (has_amended(&c->qualifiers))
        return true;
    for (size_t i = 0; i < c->nproperties; i++)
        if (c->properties[i]->owner == c && has_amended(&c->properties[i]->qualifiers))
            return true;
    for (size_t i = 0; i < c->nmethods; i++)
        if (c->methods[i]->owner == c && method_amended(c->methods[i]))
            return true;
    return false;
}

static void put_class(struct out *o, const struct mofc_class *c)
{
    static const struct mofc_value no_default = {.is_null = true};
    bool am = o->part == SPLIT_AMENDMENT;
    o->class_level = true;
    put_qualifiers(o, &c->qualifiers, "\n");
    o->class_level = false;
    putf(o, "class %s", c->name);
    if (c->superclass)
        putf(o, " : %s", c->superclass->name);
    puts_(o, " {\n");
    for (size_t i = 0; i < c->nproperties; i++) {
        const struct mofc_property *p = c->properties[i];
        if (p->owner != c || (am && !has_amended(&p->qualifiers)))
            continue;
        puts_(o, "    ");
        put_element(o, &p->qualifiers, "\n    ", &p->t, p->name,
                    am ? &no_default : &p->default_value);
        puts_(o, ";\n");
    }
    for (size_t i = 0; i < c->nmethods; i++) {
        const struct mofc_method *mt = c->methods[i];
        if (mt->owner != c || (am && !method_amended(mt)))
            continue;
        puts_(o, "    ");
        put_qualifiers(o, &mt->qualifiers, "\n    ");
        put_type(o, &mt->ret);
        if (mt->ret.is_array)
            puts_(o, "[]");
        putf(o, " %s(", mt->name);
        for (size_t k = 0; k < mt->nparams; k++) {
            const struct mofc_parameter *p = &mt->params[k];
            puts_(o, k ? ",\n        " : "\n        ");
            put_element(o, &p->qualifiers, " ", &p->t, p->name,
                        am ? &no_default : &p->default_value);
        }
        puts_(o, ");\n");
    }
    puts_(o, "};\n\n");
}

static void put_instance_body(struct out *o, const struct mofc_instance *in, int indent)
{
    putf(o, "instance of %s", in->cls->name);
    if (in->alias && !in->embedded)
        putf(o, " as $%s", in->alias);
    puts_(o, " {\n");
    for (size_t i = 0; i < in->nvalues; i++) {
        const struct mofc_property_value *pv = &in->values[i];
        putf(o, "%*s", indent * 4, "");
        put_qualifiers(o, &pv->qualifiers, " ");
        putf(o, "%s = ", pv->property->name);
        put_value(o, &pv->value);
        puts_(o, ";\n");
    }
    putf(o, "%*s}", (indent - 1) * 4, "");
}

static char *print_model(const struct mofc_model *m, const bool *selected, enum split_part part,
                         unsigned lcid, size_t *len)
{
    struct out o = {NULL, 0, 0, false, part, lcid, false};
    if (part == SPLIT_AMENDMENT)
        putf(&o, "// Locale amendment 0x%x written by mofc split: the amended qualifiers.\n\n",
             lcid);
    else
        puts_(&o, "// Canonical MOF written by mofc.\n\n");
    for (size_t i = 0; i < m->nqualifier_decls && part != SPLIT_AMENDMENT; i++)
        if (m->qualifier_decls[i]->origin == MOFC_ORIGIN_USER)
            put_qualifier_decl(&o, m->qualifier_decls[i]);
    const char *ns = NULL, *locale = NULL;
    for (size_t i = 0; i < m->nclasses + m->ninstances; i++) {
        bool is_class = i < m->nclasses;
        const char *cns = is_class ? m->classes[i]->namespace_name
                                   : m->instances[i - m->nclasses]->namespace_name;
        if (is_class && (m->classes[i]->origin != MOFC_ORIGIN_USER ||
                         (selected && !selected[m->classes[i]->index])))
            continue;
        if (!is_class && selected && !selected[m->instances[i - m->nclasses]->cls->index])
            continue;
        if (part == SPLIT_AMENDMENT && (!is_class || !class_amended(m->classes[i])))
            continue;
        if (!ns || strcmp(ns, cns) != 0) {
            puts_(&o, "#pragma namespace (");
            if (part == SPLIT_AMENDMENT) {
                char *full = malloc(strlen(cns) + 16);
                if (!full) {
                    o.oom = true;
                    break;
                }
                /* The child namespace in the parent's spelling: root/x/ms_40c or
                 * mofcomp's \\.\root\x\ms_40c. */
                bool bs = strchr(cns, '\\') && !strchr(cns, '/');
                sprintf(full, "%s%cms_%x", cns, bs ? '\\' : '/', lcid);
                put_string(&o, full, strlen(full));
                free(full);
            } else {
                put_string(&o, cns, strlen(cns));
            }
            puts_(&o, ")\n\n");
            ns = cns;
        }
        const char *cl = is_class ? m->classes[i]->locale : NULL;
        if (cl && (!locale || strcmp(locale, cl) != 0)) {
            puts_(&o, "#pragma locale (");
            put_string(&o, cl, strlen(cl));
            puts_(&o, ")\n\n");
            locale = cl;
        }
        if (is_class) {
            put_class(&o, m->classes[i]);
        } else {
            put_instance_body(&o, m->instances[i - m->nclasses], 1);
            puts_(&o, ";\n\n");
        }
    }
    if (o.oom) {
        free(o.buf);
        return NULL;
    }
    *len = o.len;
    if (!o.buf) {
        o.buf = calloc(1, 1);
        if (!o.buf)
            return NULL;
    }
    return o.buf;
}

char *cg_mof(const struct mofc_model *m, const bool *selected, struct cg_report *r,
             size_t *len)
{
    (void)r;
    return print_model(m, selected, SPLIT_NONE, 0, len);
}

bool cg_mof_split(const struct mofc_model *m, const bool *selected, unsigned lcid,
                  struct cg_report *r, char **neutral, size_t *nlen, char **amendment,
                  size_t *alen)
{
    (void)r;
    *neutral = print_model(m, selected, SPLIT_NEUTRAL, lcid, nlen);
    *amendment = print_model(m, selected, SPLIT_AMENDMENT, lcid, alen);
    if (*neutral && *amendment)
        return true;
    free(*neutral);
    free(*amendment);
    *neutral = *amendment = NULL;
    return false;
}
