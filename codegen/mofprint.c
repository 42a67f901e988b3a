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
#include "cgbuf.h"
#include "mofvalue.h"

/* What a split run prints (cg_mof_split); SPLIT_NONE for `mofc mof`. */
enum split_part { SPLIT_NONE = 0, SPLIT_NEUTRAL, SPLIT_AMENDMENT };

struct out {
    struct cg_buf b;
    enum split_part part;
    unsigned lcid;              /* SPLIT_AMENDMENT: written as Locale(0x...) on each class */
    bool class_level;           /* put_qualifiers is writing a class's qualifiers */
};

/* ---- literals ---- */

static void put_string(struct cg_buf *b, const char *s, size_t n)
{
    cg_putc(b, '"');
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '"': cg_puts(b, "\\\""); break;
        case '\\': cg_puts(b, "\\\\"); break;
        case '\n': cg_puts(b, "\\n"); break;
        case '\t': cg_puts(b, "\\t"); break;
        case '\r': cg_puts(b, "\\r"); break;
        case '\b': cg_puts(b, "\\b"); break;
        case '\f': cg_puts(b, "\\f"); break;
        default:
            if (c < 0x20 || c == 0x7F)
                cg_printf(b, "\\x%04X", c);
            else
                cg_put(b, (const char *)&s[i], 1);
        }
    }
    cg_putc(b, '"');
}

/* A real that MOF reads back exactly: digits, a point, a digit after it. */
static void put_real(struct cg_buf *b, double d, bool single)
{
    char t[48];
    snprintf(t, sizeof t, single ? "%.9G" : "%.17G", d);
    char *e = strchr(t, 'E');
    char mant[48], exp[16] = "";
    if (e) {
        snprintf(exp, sizeof exp, "%s", e);
        *e = '\0';
    }
    snprintf(mant, sizeof mant, "%s", t);
    if (!strchr(mant, '.'))
        strcat(mant, ".0");
    cg_puts(b, mant);
    cg_puts(b, exp);
}

static void put_scalar(struct cg_buf *b, const struct mofc_value *v, cg_mof_object_fn *object,
                       void *ctx)
{
    if (v->is_null) {
        cg_puts(b, "NULL");
        return;
    }
    switch (v->type) {
    case MOFC_TYPE_BOOLEAN:
        cg_puts(b, v->v.boolean ? "TRUE" : "FALSE");
        break;
    case MOFC_TYPE_REAL32:
    case MOFC_TYPE_REAL64:
        put_real(b, v->v.real, v->type == MOFC_TYPE_REAL32);
        break;
    case MOFC_TYPE_CHAR16: {
        unsigned c = v->v.char16;
        if (c >= 0x20 && c < 0x7F && c != '\'' && c != '\\')
            cg_printf(b, "'%c'", (char)c);
        else
            cg_printf(b, "'\\x%04X'", c);
        break;
    }
    case MOFC_TYPE_STRING:
        put_string(b, v->v.string.text, v->v.string.len);
        break;
    case MOFC_TYPE_DATETIME:
        put_string(b, v->v.datetime->text, strlen(v->v.datetime->text));
        break;
    case MOFC_TYPE_REFERENCE:
        if (v->v.ref.instance && v->v.ref.instance->alias)
            cg_printf(b, "$%s", v->v.ref.instance->alias);
        else
            put_string(b, v->v.ref.path.text ? v->v.ref.path.text : "",
                       v->v.ref.path.text ? v->v.ref.path.len : 0);
        break;
    case MOFC_TYPE_OBJECT:
        if (!v->v.object)
            cg_puts(b, "NULL");
        else if (object)
            object(ctx, v->v.object);
        else
            cg_printf(b, "instance of %s", v->v.object->cls->name);
        break;
    default:
        if (mofc_type_is_signed(v->type))
            cg_printf(b, "%lld", (long long)v->v.s);
        else
            cg_printf(b, "%llu", (unsigned long long)v->v.u);
    }
}

void cg_mof_value(struct cg_buf *b, const struct mofc_value *v, cg_mof_object_fn *object,
                  void *ctx)
{
    if (!v->is_array || v->is_null) {
        put_scalar(b, v, object, ctx);
        return;
    }
    cg_putc(b, '{');
    for (size_t i = 0; i < v->count; i++) {
        if (i)
            cg_puts(b, ", ");
        put_scalar(b, &v->elements[i], object, ctx);
    }
    cg_putc(b, '}');
}

void cg_mof_qualifier(struct cg_buf *b, const struct mofc_qualifier *q)
{
    cg_puts(b, q->name);
    const struct mofc_value *v = &q->value;
    bool plain_true = q->decl->type == MOFC_TYPE_BOOLEAN && !v->is_array && !v->is_null &&
                      v->v.boolean;
    if (v->is_array && !v->is_null) {
        cg_putc(b, ' ');
        cg_mof_value(b, v, NULL, NULL);
    } else if (!plain_true) {
        cg_putc(b, '(');
        cg_mof_value(b, v, NULL, NULL);
        cg_putc(b, ')');
    }
}

static void put_instance_body(struct out *o, const struct mofc_instance *in, int indent);

/* An embedded instance: its alias when it has one of its own, else its body. */
static void put_object(void *ctx, const struct mofc_instance *in)
{
    struct out *o = ctx;
    if (in->alias && !in->embedded)
        cg_printf(&o->b, "$%s", in->alias);
    else
        put_instance_body(o, in, 2);
}

static void put_value(struct out *o, const struct mofc_value *v)
{
    cg_mof_value(&o->b, v, put_object, o);
}

/* ---- qualifiers ---- */

static void put_flavors(struct out *o, unsigned f)
{
    cg_puts(&o->b, f & MOFC_FLAVOR_DISABLEOVERRIDE ? "DisableOverride" : "EnableOverride");
    cg_puts(&o->b, f & MOFC_FLAVOR_RESTRICTED ? ", Restricted" : ", ToSubclass");
    if (f & MOFC_FLAVOR_TRANSLATABLE)
        cg_puts(&o->b, ", Translatable");
    if (f & MOFC_FLAVOR_TOINSTANCE)
        cg_puts(&o->b, ", ToInstance");
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
            cg_puts(&o->b, first ? " : " : " ");
            cg_puts(&o->b, names[i].name);
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
        cg_printf(&o->b, "[Locale(0x%x)", o->lcid);
        n++;
    }
    for (size_t i = 0; i < l->count; i++) {
        const struct mofc_qualifier *q = &l->items[i];
        if (q->propagated || !split_keeps(o, q))
            continue;
        cg_puts(&o->b, n++ ? ", " : "[");
        cg_mof_qualifier(&o->b, q);
        put_use_flavors(o, q);
    }
    if (n) {
        cg_puts(&o->b, "]");
        cg_puts(&o->b, sep);
    }
}

/* ---- declarations ---- */

static void put_type(struct out *o, const struct mofc_typeinfo *t)
{
    if (t->type == MOFC_TYPE_REFERENCE) {
        cg_puts(&o->b, t->ref_class ? t->ref_class->name : "object");
        cg_puts(&o->b, " REF");
    } else if (t->type == MOFC_TYPE_OBJECT) {
        cg_puts(&o->b, t->embedded_name ? t->embedded_name : "object");
    } else if (t->type == MOFC_TYPE_NONE) {
        cg_puts(&o->b, "void");
    } else {
        cg_puts(&o->b, mofc_type_name(t->type));
    }
}

static void put_array(struct out *o, const struct mofc_typeinfo *t)
{
    if (!t->is_array)
        return;
    if (t->array_size)
        cg_printf(&o->b, "[%u]", t->array_size);
    else
        cg_puts(&o->b, "[]");
}

static void put_qualifier_decl(struct out *o, const struct mofc_qualifier_decl *d)
{
    cg_printf(&o->b, "Qualifier %s : %s", d->name, mofc_type_name(d->type));
    if (d->is_array && d->array_size)
        cg_printf(&o->b, "[%u]", d->array_size);
    else if (d->is_array)
        cg_puts(&o->b, "[]");
    if (!d->default_value.is_null) {
        cg_puts(&o->b, " = ");
        put_value(o, &d->default_value);
    }
    cg_puts(&o->b, ",\n    Scope(");
    if ((d->scopes & MOFC_SCOPE_ANY) == MOFC_SCOPE_ANY) {
        cg_puts(&o->b, "any");
    } else {
        bool first = true;
        for (size_t i = 0; i < 7; i++) {
            if (d->scopes & mofc_scope_names[i].bit) {
                cg_puts(&o->b, first ? "" : ", ");
                cg_puts(&o->b, mofc_scope_names[i].mof);
                first = false;
            }
        }
    }
    cg_puts(&o->b, "),\n    Flavor(");
    put_flavors(o, d->flavors);
    cg_puts(&o->b, ");\n\n");
}

/* "[quals] type name[n] = default": a property or a parameter. */
static void put_element(struct out *o, const struct mofc_qualifier_list *q, const char *sep,
                        const struct mofc_typeinfo *t, const char *name,
                        const struct mofc_value *dflt)
{
    put_qualifiers(o, q, sep);
    put_type(o, t);
    cg_printf(&o->b, " %s", name);
    put_array(o, t);
    if (!dflt->is_null) {
        cg_puts(&o->b, " = ");
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
    cg_printf(&o->b, "class %s", c->name);
    if (c->superclass)
        cg_printf(&o->b, " : %s", c->superclass->name);
    cg_puts(&o->b, " {\n");
    for (size_t i = 0; i < c->nproperties; i++) {
        const struct mofc_property *p = c->properties[i];
        if (p->owner != c || (am && !has_amended(&p->qualifiers)))
            continue;
        cg_puts(&o->b, "    ");
        /* An override that writes no initializer inherits the default;
         * printing it would make it look declared here. */
        put_element(o, &p->qualifiers, "\n    ", &p->t, p->name,
                    am || !p->default_declared ? &no_default : &p->default_value);
        cg_puts(&o->b, ";\n");
    }
    for (size_t i = 0; i < c->nmethods; i++) {
        const struct mofc_method *mt = c->methods[i];
        if (mt->owner != c || (am && !method_amended(mt)))
            continue;
        cg_puts(&o->b, "    ");
        put_qualifiers(o, &mt->qualifiers, "\n    ");
        put_type(o, &mt->ret);
        if (mt->ret.is_array)
            cg_puts(&o->b, "[]");
        cg_printf(&o->b, " %s(", mt->name);
        for (size_t k = 0; k < mt->nparams; k++) {
            const struct mofc_parameter *p = &mt->params[k];
            cg_puts(&o->b, k ? ",\n        " : "\n        ");
            put_element(o, &p->qualifiers, " ", &p->t, p->name,
                        am ? &no_default : &p->default_value);
        }
        cg_puts(&o->b, ");\n");
    }
    cg_puts(&o->b, "};\n\n");
}

static void put_instance_body(struct out *o, const struct mofc_instance *in, int indent)
{
    cg_printf(&o->b, "instance of %s", in->cls->name);
    if (in->alias && !in->embedded)
        cg_printf(&o->b, " as $%s", in->alias);
    cg_puts(&o->b, " {\n");
    for (size_t i = 0; i < in->nvalues; i++) {
        const struct mofc_property_value *pv = &in->values[i];
        cg_printf(&o->b, "%*s", indent * 4, "");
        put_qualifiers(o, &pv->qualifiers, " ");
        cg_printf(&o->b, "%s = ", pv->property->name);
        put_value(o, &pv->value);
        cg_puts(&o->b, ";\n");
    }
    cg_printf(&o->b, "%*s}", (indent - 1) * 4, "");
}

static char *print_model(const struct mofc_model *m, const bool *selected, enum split_part part,
                         unsigned lcid, size_t *len)
{
    struct out o = {{NULL, 0, 0, false}, part, lcid, false};
    if (part == SPLIT_AMENDMENT)
        cg_printf(&o.b, "// Locale amendment 0x%x written by mofc split: the amended qualifiers.\n\n",
             lcid);
    else
        cg_puts(&o.b, "// Canonical MOF written by mofc.\n\n");
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
            cg_puts(&o.b, "#pragma namespace (");
            if (part == SPLIT_AMENDMENT) {
                char *full = malloc(strlen(cns) + 16);
                if (!full) {
                    o.b.oom = true;
                    break;
                }
                /* The child namespace in the parent's spelling: root/x/ms_40c or
                 * mofcomp's \\.\root\x\ms_40c. */
                bool bs = strchr(cns, '\\') && !strchr(cns, '/');
                sprintf(full, "%s%cms_%x", cns, bs ? '\\' : '/', lcid);
                put_string(&o.b, full, strlen(full));
                free(full);
            } else {
                put_string(&o.b, cns, strlen(cns));
            }
            cg_puts(&o.b, ")\n\n");
            ns = cns;
        }
        const char *cl = is_class ? m->classes[i]->locale : NULL;
        if (cl && (!locale || strcmp(locale, cl) != 0)) {
            cg_puts(&o.b, "#pragma locale (");
            put_string(&o.b, cl, strlen(cl));
            cg_puts(&o.b, ")\n\n");
            locale = cl;
        }
        if (is_class) {
            put_class(&o, m->classes[i]);
        } else {
            put_instance_body(&o, m->instances[i - m->nclasses], 1);
            cg_puts(&o.b, ";\n\n");
        }
    }
    if (o.b.oom) {
        cg_buf_free(&o.b);
        return NULL;
    }
    *len = o.b.len;
    if (!o.b.data) {
        o.b.data = calloc(1, 1);
        if (!o.b.data)
            return NULL;
    }
    return o.b.data;
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
