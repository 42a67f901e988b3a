/*
 * wmihdr.c - the WMI driver header back end (`mofc wmi-header`): for every
 * class with a `guid` qualifier, the C header wmimofck -h writes, so a
 * driver's data blocks stay in step with its MOF.
 *
 * Per class: the GUID as an initializer macro (GuidName1, else <Class>Guid)
 * and as DEFINE_GUID (GuidName2, else <Class>_GUID); the method ids
 * (WmiMethodId) and, with -m, a struct for the in and for the out
 * parameters of each method; then the struct of the data block, named by
 * HeaderName (else the class), with the WmiDataId items in id order.  Every
 * item has <S>_<P>_ID and, when fixed-size, <S>_<P>_SIZE (DefineDataId
 * replaces <S>_<P>); a struct ending in a fixed-size item has <S>_SIZE.
 * The wire format of a WMI data block is the items in WmiDataId order at
 * their natural alignment, which is what a C compiler gives the struct.
 *
 * A variable-length item (a string, a WmiSizeIs array) has no offset for
 * what follows it, so it may only come last: a string becomes
 * `CHAR VariableData[1]`, an array `TYPE Name[1]`.  A class wmimofck cannot
 * lay out (no items, a variable item before others, a reference, an array
 * without size) gets its fall-back: a warning comment and a struct holding
 * only `char VariableData[1]`.  With -u a string with MaxLen(n) is fixed:
 * `WCHAR Name[n + 1]` (the length word and n characters).
 *
 * Embedded classes are written before their first user, so the header
 * compiles; one without a guid gets its struct only.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backends.h"
#include "cgbuf.h"
#include "cnames.h"

/* One data item (a property, or a method parameter) placed in a struct. */
struct item {
    const char *name;
    uint64_t id;
    const struct mofc_typeinfo *t;
    const struct mofc_qualifier_list *quals;
    uint32_t max_len;
    const struct mofc_location *loc;
};

enum item_kind {
    ITEM_FIXED,        /* a scalar or fixed array: _SIZE, and something may follow */
    ITEM_VARIABLE,     /* a string or sized array: only as the last item */
    ITEM_IMPOSSIBLE,   /* no layout at all */
};

struct gen {
    const struct mofc_model *m;
    const struct cg_wmihdr_options *o;
    struct cg_report *r;
    struct cg_buf b;
    unsigned char *state;      /* by class index: 0 not yet, 1 being written, 2 written */
    const struct mofc_class **by_struct;   /* the classes written, to find a struct name twice */
    size_t nwritten;
};

/* ---- qualifier values ---- */

static const struct mofc_qualifier *qual(const struct mofc_qualifier_list *l, const char *name)
{
    const struct mofc_qualifier *q = mofc_qualifiers_find(l, name);
    return q && !q->value.is_null ? q : NULL;
}

static const char *qual_string(const struct mofc_qualifier_list *l, const char *name)
{
    const struct mofc_qualifier *q = qual(l, name);
    if (!q || q->value.is_array || q->value.type != MOFC_TYPE_STRING)
        return NULL;
    return q->value.v.string.text;
}

static bool qual_uint(const struct mofc_qualifier_list *l, const char *name, uint64_t *out)
{
    const struct mofc_qualifier *q = qual(l, name);
    if (!q || q->value.is_array)
        return false;
    const struct mofc_value *v = &q->value;
    if (mofc_type_is_integer(v->type)) {
        if (mofc_type_is_signed(v->type) && v->v.s < 0)
            return false;
        *out = mofc_type_is_signed(v->type) ? (uint64_t)v->v.s : v->v.u;
        return true;
    }
    if (v->type == MOFC_TYPE_STRING) {
        char *end;
        unsigned long long n = strtoull(v->v.string.text, &end, 0);
        if (*v->v.string.text && !*end) {
            *out = n;
            return true;
        }
    }
    return false;
}

/* The i-th element of a string-array qualifier, or NULL. */
static const char *qual_element(const struct mofc_qualifier_list *l, const char *name, size_t i)
{
    const struct mofc_qualifier *q = qual(l, name);
    if (!q)
        return NULL;
    if (!q->value.is_array)
        return i == 0 && q->value.type == MOFC_TYPE_STRING ? q->value.v.string.text : NULL;
    if (i >= q->value.count || q->value.elements[i].is_null ||
        q->value.elements[i].type != MOFC_TYPE_STRING)
        return NULL;
    return q->value.elements[i].v.string.text;
}

static size_t qual_count(const struct mofc_qualifier_list *l, const char *name)
{
    const struct mofc_qualifier *q = qual(l, name);
    return !q ? 0 : q->value.is_array ? q->value.count : 1;
}

static bool is_c_identifier(const char *s)
{
    if (!s || !*s || (*s >= '0' && *s <= '9'))
        return false;
    for (; *s; s++)
        if (!(*s == '_' || (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
              (*s >= '0' && *s <= '9')))
            return false;
    return true;
}

/* A C keyword, or a name the C library defines as a macro, cannot name a
 * struct, member or macro of the header; cn_ident() marks them with '_'. */
static bool is_reserved(const char *s)
{
    struct cg_buf b = {0};
    cn_ident(&b, s, strlen(s));
    bool reserved = !b.oom && b.len && strcmp(b.data, s) != 0;
    cg_buf_free(&b);
    return reserved;
}

/* A MOF name that becomes a C name in the header as it is. */
static void check_c_name(struct gen *g, const char *name, const struct mofc_location *loc,
                         const char *what)
{
    if (is_reserved(name))
        cg_error(g->r, loc, "%s '%s' would be a C keyword or C library name in the header",
                 what, name);
}

/* A name the MOF gives (HeaderName, GuidName1, DefineDataId...): it must be
 * a C identifier, since it becomes one. */
static const char *name_qual(struct gen *g, const struct mofc_qualifier_list *l, const char *q,
                             const struct mofc_location *loc, const char *owner)
{
    const char *s = qual_string(l, q);
    if (s && (!is_c_identifier(s) || is_reserved(s))) {
        cg_error(g->r, loc, "%s(\"%s\") of '%s' is not a C identifier%s", q, s, owner,
                 is_c_identifier(s) ? " the header can use (a C keyword or library name)" : "");
        return NULL;
    }
    return s;
}

/* The class's name in the header: HeaderName, else the class name. */
static const char *header_name(const struct mofc_class *c)
{
    const char *h = qual_string(&c->qualifiers, "HeaderName");
    return is_c_identifier(h) && !is_reserved(h) ? h : c->name;
}

/* ---- text ---- */

/* A MOF text as the rest of a // comment: line breaks become spaces, and
 * nothing can continue the comment (a final backslash) or form a trigraph. */
static void put_comment_text(struct cg_buf *b, const char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v')
            c = ' ';
        cg_putc(b, c);
        if (c == '?' && s[i + 1] == '?')
            cg_putc(b, ' ');
    }
    if (n && s[n - 1] == '\\')
        cg_putc(b, ' ');
}

/* "{05901221-D566-11d1-B2F0-00A0C9062910}" (braces optional) into 16 bytes. */
static bool parse_guid(const char *s, unsigned char out[16])
{
    static const int group[] = {8, 4, 4, 4, 12};
    const char *p = s;
    bool brace = *p == '{';
    if (brace)
        p++;
    int k = 0;
    for (int gi = 0; gi < 5; gi++) {
        if (gi && *p++ != '-')
            return false;
        for (int d = 0; d < group[gi]; d += 2) {
            unsigned v = 0;
            for (int h = 0; h < 2; h++, p++) {
                char c = *p;
                unsigned x;
                if (c >= '0' && c <= '9')
                    x = (unsigned)(c - '0');
                else if (c >= 'a' && c <= 'f')
                    x = (unsigned)(c - 'a' + 10);
                else if (c >= 'A' && c <= 'F')
                    x = (unsigned)(c - 'A' + 10);
                else
                    return false;
                v = v * 16 + x;
            }
            out[k++] = (unsigned char)v;
        }
    }
    if (brace && *p++ != '}')
        return false;
    return *p == '\0';
}

/* ---- items ---- */

static const char *scalar_type(enum mofc_type t)
{
    switch (t) {
    case MOFC_TYPE_BOOLEAN: return "BOOLEAN";
    case MOFC_TYPE_UINT8: return "UCHAR";
    case MOFC_TYPE_SINT8: return "CHAR";
    case MOFC_TYPE_UINT16: return "USHORT";
    case MOFC_TYPE_SINT16: return "SHORT";
    case MOFC_TYPE_UINT32: return "ULONG";
    case MOFC_TYPE_SINT32: return "LONG";
    case MOFC_TYPE_UINT64: return "ULONGLONG";
    case MOFC_TYPE_SINT64: return "LONGLONG";
    case MOFC_TYPE_REAL32: return "FLOAT";
    case MOFC_TYPE_REAL64: return "DOUBLE";
    case MOFC_TYPE_CHAR16: return "WCHAR";
    default: return NULL;
    }
}

static bool class_layout_ok(struct gen *g, const struct mofc_class *c);

/* How an item is laid out: its C type and array length (0: scalar), and
 * whether it is fixed-size.  `why` says what is missing when impossible. */
static enum item_kind item_layout(struct gen *g, const struct item *it, const char **ctype,
                                  uint64_t *dim, const char **why)
{
    const struct mofc_typeinfo *t = it->t;
    *dim = 0;
    *why = NULL;
    bool sized = qual_string(it->quals, "WmiSizeIs") != NULL;
    if (t->is_array && !t->array_size && !sized) {
        *why = "a variable-length array without WmiSizeIs";
        return ITEM_IMPOSSIBLE;
    }
    /* An EmbeddedInstance("C") string is the class C, as `C X` is. */
    enum mofc_type type = t->type == MOFC_TYPE_STRING && t->embedded_class ? MOFC_TYPE_OBJECT
                                                                           : t->type;
    switch (type) {
    case MOFC_TYPE_STRING:
        if (!t->is_array && g->o->fixed_strings && it->max_len) {
            *ctype = "WCHAR";
            *dim = (uint64_t)it->max_len + 1;
            return ITEM_FIXED;
        }
        *ctype = "WCHAR";
        *dim = 1;
        return ITEM_VARIABLE;
    case MOFC_TYPE_DATETIME:
        if (t->is_array) {
            *why = "an array of datetime";
            return ITEM_IMPOSSIBLE;
        }
        *ctype = "WCHAR";
        *dim = 25;
        return ITEM_FIXED;
    case MOFC_TYPE_REFERENCE:
        *why = "a reference";
        return ITEM_IMPOSSIBLE;
    case MOFC_TYPE_OBJECT:
        if (!t->embedded_class) {
            *why = "an embedded object of no known class";
            return ITEM_IMPOSSIBLE;
        }
        if (!class_layout_ok(g, t->embedded_class)) {
            *why = "an embedded class that cannot be laid out";
            return ITEM_IMPOSSIBLE;
        }
        *ctype = header_name(t->embedded_class);
        break;
    default:
        *ctype = scalar_type(t->type);
        if (!*ctype) {
            *why = "a type with no C equivalent";
            return ITEM_IMPOSSIBLE;
        }
    }
    if (!t->is_array)
        return ITEM_FIXED;
    if (sized || !t->array_size) {
        *dim = 1;
        return ITEM_VARIABLE;
    }
    *dim = t->array_size;
    return ITEM_FIXED;
}

static int cmp_items(const void *a, const void *b)
{
    const struct item *x = a, *y = b;
    return x->id < y->id ? -1 : x->id > y->id;
}

/* The WmiDataId properties of a class, sorted by id; NULL if none (or out
 * of memory, with *n = 0 either way). */
static struct item *class_items(const struct mofc_class *c, size_t *n)
{
    *n = 0;
    struct item *items = calloc(c->nproperties + 1, sizeof *items);
    if (!items)
        return NULL;
    for (size_t i = 0; i < c->nproperties; i++) {
        const struct mofc_property *p = c->properties[i];
        uint64_t id;
        if (!qual_uint(&p->qualifiers, "WmiDataId", &id))
            continue;
        items[*n] = (struct item){p->name, id, &p->t, &p->qualifiers, p->max_len, &p->loc};
        (*n)++;
    }
    qsort(items, *n, sizeof *items, cmp_items);
    return items;
}

/* True if every item has a layout and only the last may be variable; else
 * *why says what is wrong and *bad is the item (NULL: there are none). */
static bool items_layout_ok(struct gen *g, const struct item *items, size_t n, const char **why,
                            const struct item **bad)
{
    *bad = NULL;
    if (!n) {
        *why = "no WmiDataId items";
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        const char *ctype;
        uint64_t dim;
        *bad = &items[i];
        enum item_kind k = item_layout(g, &items[i], &ctype, &dim, why);
        if (k == ITEM_IMPOSSIBLE)
            return false;
        if (k == ITEM_VARIABLE && i + 1 < n) {
            *why = "variable length, and not the last item";
            return false;
        }
    }
    return true;
}

static bool class_layout_ok(struct gen *g, const struct mofc_class *c)
{
    if (g->state[c->index] == 1)
        return false;      /* a class embedding itself has no layout */
    unsigned char saved = g->state[c->index];
    g->state[c->index] = 1;
    size_t n;
    struct item *items = class_items(c, &n);
    const char *why;
    const struct item *bad;
    bool ok = items && items_layout_ok(g, items, n, &why, &bad);
    free(items);
    g->state[c->index] = saved;
    return ok;
}

/* DefineValues: a #define per value, named by the entry and valued by the
 * ValueMap entry at the same place (else the index), with the Values text
 * as its comment. */
static void put_define_values(struct gen *g, const struct item *it)
{
    struct cg_buf *b = &g->b;
    size_t nvalues = qual_count(it->quals, "DefineValues");
    if (!nvalues)
        return;
    cg_putc(b, '\n');
    for (size_t v = 0; v < nvalues; v++) {
        const char *define = qual_element(it->quals, "DefineValues", v);
        if (!is_c_identifier(define)) {
            cg_error(g->r, it->loc, "DefineValues entry \"%s\" of '%s' is not a C identifier",
                     define ? define : "", it->name);
            continue;
        }
        const char *text = qual_element(it->quals, "Values", v);
        const char *value = qual_element(it->quals, "ValueMap", v);
        if (text) {
            cg_puts(b, "// ");
            put_comment_text(b, text);
            cg_putc(b, '\n');
        }
        char *end;
        if (value && *value && (strtoll(value, &end, 0), !*end))
            cg_printf(b, "#define %s %s\n", define, value);
        else
            cg_printf(b, "#define %s %zu\n", define, v);
    }
    cg_putc(b, '\n');
}

/* The struct S of `items`, its macros and <S>_SIZE; the fall-back struct
 * when it has no layout. */
static void put_struct(struct gen *g, const char *s, const struct item *items, size_t n)
{
    struct cg_buf *b = &g->b;
    const char *why;
    const struct item *bad;
    if (!items_layout_ok(g, items, n, &why, &bad)) {
        cg_printf(b, "// Warning: Header for class %s cannot be created\n", s);
        if (bad)
            cg_printf(b, "// (%s: %s)\n", bad->name, why);
        else
            cg_printf(b, "// (%s)\n", why);
        cg_printf(b, "typedef struct _%s\n{\n    char VariableData[1];\n\n} %s, *P%s;\n\n", s, s, s);
        return;
    }
    cg_printf(b, "typedef struct _%s\n{\n", s);
    char prefix[512], last_prefix[512] = "";
    const char *last_member = NULL;
    for (size_t i = 0; i < n; i++) {
        const struct item *it = &items[i];
        const char *ctype;
        uint64_t dim;
        enum item_kind k = item_layout(g, it, &ctype, &dim, &why);
        put_define_values(g, it);
        cg_puts(b, "    // ");
        const char *desc = qual_string(it->quals, "Description");
        if (desc)
            put_comment_text(b, desc);
        cg_putc(b, '\n');
        const char *member = it->name;
        check_c_name(g, it->name, it->loc, "item");
        if (it->t->type == MOFC_TYPE_STRING && !it->t->embedded_class && k == ITEM_VARIABLE &&
            !it->t->is_array) {
            ctype = "CHAR";
            member = "VariableData";
        }
        const char *data_id = name_qual(g, it->quals, "DefineDataId", it->loc, it->name);
        if (data_id)
            snprintf(prefix, sizeof prefix, "%s", data_id);
        else
            snprintf(prefix, sizeof prefix, "%s_%s", s, it->name);
        if (dim)
            cg_printf(b, "    %s %s[%llu];\n", ctype, member, (unsigned long long)dim);
        else
            cg_printf(b, "    %s %s;\n", ctype, member);
        if (k == ITEM_FIXED && dim)
            cg_printf(b, "    #define %s_SIZE sizeof(%s[%llu])\n", prefix, ctype,
                      (unsigned long long)dim);
        else if (k == ITEM_FIXED)
            cg_printf(b, "    #define %s_SIZE sizeof(%s)\n", prefix, ctype);
        cg_printf(b, "    #define %s_ID %llu\n\n", prefix, (unsigned long long)it->id);
        last_member = k == ITEM_FIXED ? member : NULL;
        snprintf(last_prefix, sizeof last_prefix, "%s", prefix);
    }
    cg_printf(b, "} %s, *P%s;\n\n", s, s);
    /* The size of the block: where a fixed-size last item ends. */
    if (last_member)
        cg_printf(b, "#define %s_SIZE (FIELD_OFFSET(%s, %s) + %s_SIZE)\n\n", s, s, last_member,
                  last_prefix);
}

/* Item ids must be distinct: two items at one id have no order. */
static bool check_ids(struct gen *g, const struct item *items, size_t n, const char *owner)
{
    for (size_t i = 1; i < n; i++)
        if (items[i].id == items[i - 1].id) {
            cg_error(g->r, items[i].loc, "'%s' and '%s' of '%s' have the same WmiDataId(%llu)",
                     items[i - 1].name, items[i].name, owner, (unsigned long long)items[i].id);
            return false;
        }
    return true;
}

/* ---- methods ---- */

/* The in (dir_in) or out parameters of a method as items: WmiDataId, else
 * ID (mofcomp numbers the parameters in declaration order), else the
 * position. */
static struct item *method_items(const struct mofc_method *me, bool dir_in, size_t *n)
{
    *n = 0;
    struct item *items = calloc(me->nparams + 2, sizeof *items);
    if (!items)
        return NULL;
    for (size_t i = 0; i < me->nparams; i++) {
        const struct mofc_parameter *p = &me->params[i];
        /* As mofcomp: in when written [in] or with no direction, out when
         * written [out]; In's DMTF default (true) does not make [out] in. */
        const struct mofc_qualifier *qin = qual(&p->qualifiers, "In");
        const struct mofc_qualifier *qout = qual(&p->qualifiers, "Out");
        bool is_in = qin ? qin->value.type == MOFC_TYPE_BOOLEAN && qin->value.v.boolean : !qout;
        bool is_out = qout && qout->value.type == MOFC_TYPE_BOOLEAN && qout->value.v.boolean;
        if (dir_in ? !is_in : !is_out)
            continue;
        uint64_t id = i + 1;
        if (!qual_uint(&p->qualifiers, "WmiDataId", &id))
            qual_uint(&p->qualifiers, "ID", &id);
        items[*n] = (struct item){p->name, id, &p->t, &p->qualifiers, p->max_len, &p->loc};
        (*n)++;
    }
    if (!dir_in && me->ret.type != MOFC_TYPE_NONE) {
        static const struct mofc_qualifier_list none = {0, NULL};
        items[*n] = (struct item){"ReturnValue", me->nparams + 1, &me->ret, &none, 0, &me->loc};
        (*n)++;
    }
    qsort(items, *n, sizeof *items, cmp_items);
    return items;
}

static bool put_methods(struct gen *g, const struct mofc_class *c)
{
    struct cg_buf *b = &g->b;
    bool any = false;
    for (size_t i = 0; i < c->nmethods; i++) {
        const struct mofc_method *me = c->methods[i];
        uint64_t id;
        if (!qual_uint(&me->qualifiers, "WmiMethodId", &id))
            continue;
        if (!any)
            cg_printf(b, "//\n// Method id definitions for %s\n", c->name);
        any = true;
        check_c_name(g, me->name, &me->loc, "method");
        cg_printf(b, "#define %s     %llu\n", me->name, (unsigned long long)id);
        if (!g->o->method_structs)
            continue;
        for (int dir = 1; dir >= 0; dir--) {
            size_t n;
            struct item *items = method_items(me, dir, &n);
            if (!items) {
                b->oom = true;
                return any;
            }
            if (n) {
                char s[512];
                snprintf(s, sizeof s, "%s_%s", me->name, dir ? "IN" : "OUT");
                if (check_ids(g, items, n, s))
                    put_struct(g, s, items, n);
            }
            free(items);
        }
    }
    if (any)
        cg_putc(b, '\n');
    return any;
}

/* ---- classes ---- */

static void put_class(struct gen *g, const struct mofc_class *c);

/* Embedded classes first, so the struct compiles where it is written. */
static void put_embedded(struct gen *g, const struct mofc_typeinfo *t)
{
    if ((t->type == MOFC_TYPE_OBJECT || t->type == MOFC_TYPE_STRING) && t->embedded_class &&
        !g->state[t->embedded_class->index])
        put_class(g, t->embedded_class);
}

static void put_class(struct gen *g, const struct mofc_class *c)
{
    struct cg_buf *b = &g->b;
    g->state[c->index] = 1;
    size_t n;
    struct item *items = class_items(c, &n);
    if (!items) {
        b->oom = true;
        return;
    }
    for (size_t i = 0; i < n; i++)
        put_embedded(g, items[i].t);
    if (g->o->method_structs)
        for (size_t i = 0; i < c->nmethods; i++)
            for (size_t k = 0; k < c->methods[i]->nparams; k++)
                put_embedded(g, &c->methods[i]->params[k].t);

    const char *s = header_name(c);
    if (!name_qual(g, &c->qualifiers, "HeaderName", &c->loc, c->name))
        check_c_name(g, c->name, &c->loc, "class");
    for (size_t i = 0; i < g->nwritten; i++)
        if (strcmp(header_name(g->by_struct[i]), s) == 0)
            cg_error(g->r, &c->loc, "classes '%s' and '%s' both have the struct name '%s' "
                     "(give one another HeaderName)", g->by_struct[i]->name, c->name, s);
    g->by_struct[g->nwritten++] = c;
    cg_printf(b, "// %s - %s\n", c->name, s);
    const char *desc = qual_string(&c->qualifiers, "Description");
    if (desc) {
        cg_puts(b, "// ");
        put_comment_text(b, desc);
        cg_putc(b, '\n');
    }
    const char *guid = qual_string(&c->qualifiers, "guid");
    unsigned char u[16];
    if (guid && !parse_guid(guid, u)) {
        cg_error(g->r, &c->loc, "guid(\"%s\") of class '%s' is not a GUID "
                 "(xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)", guid, c->name);
        guid = NULL;
    }
    if (guid) {
        const char *g1 = name_qual(g, &c->qualifiers, "GuidName1", &c->loc, c->name);
        const char *g2 = name_qual(g, &c->qualifiers, "GuidName2", &c->loc, c->name);
        if (g1)
            cg_printf(b, "#define %s \\\n", g1);
        else
            cg_printf(b, "#define %sGuid \\\n", c->name);
        cg_printf(b, "    { 0x%02x%02x%02x%02x,0x%02x%02x,0x%02x%02x, { 0x%02x,0x%02x,0x%02x,0x%02x,"
                     "0x%02x,0x%02x,0x%02x,0x%02x } }\n\n",
                  u[0], u[1], u[2], u[3], u[4], u[5], u[6], u[7], u[8], u[9], u[10], u[11], u[12],
                  u[13], u[14], u[15]);
        if (g2)
            cg_printf(b, "DEFINE_GUID(%s, \\\n", g2);
        else
            cg_printf(b, "DEFINE_GUID(%s_GUID, \\\n", c->name);
        cg_printf(b, "            0x%02x%02x%02x%02x,0x%02x%02x,0x%02x%02x,0x%02x,0x%02x,0x%02x,"
                     "0x%02x,0x%02x,0x%02x,0x%02x,0x%02x);\n\n",
                  u[0], u[1], u[2], u[3], u[4], u[5], u[6], u[7], u[8], u[9], u[10], u[11], u[12],
                  u[13], u[14], u[15]);
        if (!put_methods(g, c))
            cg_putc(b, '\n');
    } else {
        cg_putc(b, '\n');
    }
    if (check_ids(g, items, n, c->name))
        put_struct(g, s, items, n);
    free(items);
    g->state[c->index] = 2;
}

static int cmp_source_order(const void *a, const void *b)
{
    const struct mofc_class *x = *(const struct mofc_class *const *)a;
    const struct mofc_class *y = *(const struct mofc_class *const *)b;
    /* Within one file the byte offset orders the classes as written (a
     * location without a loaded source carries its line and column). */
    if (!x->loc.source && !y->loc.source && x->loc.fixed_line != y->loc.fixed_line)
        return x->loc.fixed_line < y->loc.fixed_line ? -1 : 1;
    if (!x->loc.source && !y->loc.source)
        return x->loc.fixed_column < y->loc.fixed_column ? -1
                                                         : x->loc.fixed_column > y->loc.fixed_column;
    return x->loc.offset < y->loc.offset ? -1 : x->loc.offset > y->loc.offset;
}

/* _<name>_ with every character no identifier may hold as '_'. */
static void put_guard(struct cg_buf *b, const char *name)
{
    cg_putc(b, '_');
    for (const char *p = name; *p; p++) {
        char c = *p;
        bool ok = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                  (c >= '0' && c <= '9');
        cg_putc(b, ok ? c : '_');
    }
    cg_putc(b, '_');
}

char *cg_wmi_header(const struct mofc_model *m, const struct cg_wmihdr_options *o,
                    struct cg_report *r, size_t *len)
{
    struct gen g = {m, o, r, {0}, calloc(m->nclasses + 1, 1),
                    calloc(m->nclasses + 1, sizeof *g.by_struct), 0};
    const struct mofc_class **order = calloc(m->nclasses + 1, sizeof *order);
    if (!g.state || !order || !g.by_struct) {
        free(g.state);
        free(g.by_struct);
        free(order);
        return NULL;
    }
    size_t n = 0;
    for (size_t i = 0; i < m->nclasses; i++) {
        const struct mofc_class *c = m->classes[i];
        if (c->origin == MOFC_ORIGIN_USER && (!o->selected || o->selected[c->index]) &&
            qual_string(&c->qualifiers, "guid"))
            order[n++] = c;
    }
    /* The file's order, as wmimofck writes it; the file table order decides
     * between files. */
    for (size_t i = 0; i < n; i++)
        for (size_t k = i + 1; k < n; k++) {
            const struct mofc_class *x = order[i], *y = order[k];
            size_t fx = m->nfiles, fy = m->nfiles;
            for (size_t f = 0; f < m->nfiles; f++) {
                if (fx == m->nfiles && x->loc.file && strcmp(m->files[f], x->loc.file) == 0)
                    fx = f;
                if (fy == m->nfiles && y->loc.file && strcmp(m->files[f], y->loc.file) == 0)
                    fy = f;
            }
            bool swap = fx != fy ? fy < fx : cmp_source_order(&x, &y) > 0;
            if (swap) {
                order[i] = y;
                order[k] = x;
            }
        }
    cg_puts(&g.b, "// Generated by mofc wmi-header: the WMI data blocks of the MOF.  Do not edit.\n");
    cg_puts(&g.b, "#ifndef ");
    put_guard(&g.b, o->guard ? o->guard : "wmi_header");
    cg_puts(&g.b, "\n#define ");
    put_guard(&g.b, o->guard ? o->guard : "wmi_header");
    cg_puts(&g.b, "\n\n");
    for (size_t i = 0; i < n; i++)
        if (!g.state[order[i]->index])
            put_class(&g, order[i]);
    cg_puts(&g.b, "#endif\n");
    free(g.state);
    free(g.by_struct);
    free(order);
    if (g.b.oom) {
        cg_buf_free(&g.b);
        return NULL;
    }
    *len = g.b.len;
    return g.b.data;
}
