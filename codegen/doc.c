/*
 * doc.c - reference pages from the qualifiers (`mofc doc`).
 *
 * One page per class, an index (classes by schema prefix and the
 * inheritance tree) and a page of the qualifier declarations, in Markdown
 * (CommonMark with GFM tables) or static HTML.  The layout is in the
 * templates of templates/doc/; this file only gathers the facts of each
 * page into template data and chooses the escaper of the format, so every
 * MOF string reaches the page as text (HTML entities, or Markdown
 * backslash escapes).  Labels ("Data type", "Read-only", ...) come from a
 * small table per language; texts of the model come as they are, and when
 * a locale was asked for, a text the locale's amendment did not provide
 * is marked as the neutral one.
 *
 * Pages are rendered one at a time into one reused buffer and handed to
 * the caller's emit function, so memory stays at one page.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backends.h"
#include "cgbuf.h"
#include "mofvalue.h"
#include "template.h"

/* ---- template names ---- */

#define KEYS(X)                                                                                    \
    X(lang) X(title) X(css) X(ext) X(index_href) X(quals_href) X(name) X(href) X(anchor)          \
    X(paras) X(text) X(neutral) X(locale) X(super) X(super_href) X(subclasses) X(syntax)          \
    X(fence) X(properties) X(methods) X(type) X(type_href) X(access) X(quals) X(qvalue)           \
    X(inherited) X(from) X(from_href) X(values) X(bits) X(value) X(vname) X(vdesc) X(has_vdesc)   \
    X(mc) X(params) X(dir) X(reqs) X(rkey) X(rval) X(see_also) X(groups) X(prefix) X(classes)     \
    X(summary) X(tree) X(depth) X(indent) X(decls) X(scopes) X(flavors) X(dflt) X(count)          \
    X(abstract) X(l_syntax) X(l_syntax_note) X(l_members) X(l_members_pre) X(l_members_post)      \
    X(l_properties) X(l_props_post) X(l_methods) X(l_methods_post) X(l_data_type)                 \
    X(l_access_type) X(l_qualifiers) X(l_inherited) X(l_method_inherited) X(l_value) X(l_vname)   \
    X(l_description) X(l_bit) X(l_parameters) X(l_return_type) X(l_return_values)                 \
    X(l_direction) X(l_requirements) X(l_requirement) X(l_see_also) X(l_superclass)               \
    X(l_subclasses) X(l_model_corr) X(l_neutral) X(l_locale_note) X(l_index) X(l_by_prefix)       \
    X(l_tree) X(l_qual_title) X(l_name) X(l_type) X(l_scope) X(l_flavors) X(l_default)           \
    X(l_abstract) X(l_nclasses) X(has_properties) X(has_methods) X(has_subclasses)            \
    X(has_quals) X(has_values) X(has_bits) X(has_mc) X(has_params) X(has_see_also) X(has_paras) X(l_colon)   \
    X(letters) X(letter) X(l_filter) X(l_az)

#define KEY_ENUM(k) K_##k,
#define KEY_NAME(k) #k,
enum { KEYS(KEY_ENUM) NKEYS };
static const char *const key_names[NKEYS] = {KEYS(KEY_NAME)};

/* ---- labels ---- */

enum {
    L_ACCESS_RO = NKEYS, L_ACCESS_RW, L_ACCESS_WO, L_DIR_IN, L_DIR_OUT, L_DIR_INOUT,
    L_REQ_NAMESPACE, L_REQ_MOF, L_REQ_PROVIDER, L_REQ_LOCALE, L_CLASS_TITLE, L_INDEX_TITLE,
    L_QUALS_TITLE, L_END
};

struct label {
    int id;
    const char *en, *fr;
};

static const struct label labels[] = {
    {K_l_colon, ":", "\u00a0:"},
    {K_l_syntax, "Syntax", "Syntaxe"},
    {K_l_syntax_note,
     "The syntax below is simplified MOF and includes every inherited property, those of "
     "the superclasses first. Within each class, properties and methods are listed in "
     "alphabetical order, not in MOF order.",
     "La syntaxe ci-dessous est du MOF simplifié et comprend toutes les propriétés héritées, "
     "celles des superclasses d'abord. Dans chaque classe, les propriétés et les méthodes "
     "sont rangées par ordre alphabétique, et non dans l'ordre du MOF."},
    {K_l_members, "Members", "Membres"},
    {K_l_members_pre, "The", "La classe"},
    {K_l_members_post, "class has these types of members:",
     "possède les types de membres suivants :"},
    {K_l_properties, "Properties", "Propriétés"},
    {K_l_props_post, "class has these properties.", "a les propriétés suivantes."},
    {K_l_methods, "Methods", "Méthodes"},
    {K_l_methods_post, "class has these methods.", "a les méthodes suivantes."},
    {K_l_data_type, "Data type", "Type de données"},
    {K_l_access_type, "Access type", "Type d'accès"},
    {K_l_qualifiers, "Qualifiers", "Qualificateurs"},
    {K_l_inherited, "This property is inherited from", "Cette propriété est héritée de"},
    {K_l_method_inherited, "This method is inherited from", "Cette méthode est héritée de"},
    {K_l_value, "Value", "Valeur"},
    {K_l_vname, "Name", "Nom"},
    {K_l_description, "Description", "Description"},
    {K_l_bit, "Bit", "Bit"},
    {K_l_parameters, "Parameters", "Paramètres"},
    {K_l_return_type, "Return type", "Type de retour"},
    {K_l_return_values, "Return values", "Valeurs de retour"},
    {K_l_direction, "Direction", "Sens"},
    {K_l_requirements, "Requirements", "Configuration requise"},
    {K_l_requirement, "Requirement", "Condition requise"},
    {K_l_see_also, "See also", "Voir aussi"},
    {K_l_superclass, "Superclass", "Superclasse"},
    {K_l_subclasses, "Subclasses", "Sous-classes"},
    {K_l_model_corr, "Corresponding elements", "Éléments correspondants"},
    {K_l_neutral, "(not translated)", "(non traduit)"},
    {K_l_locale_note,
     "Texts come from the schema's amendment for this language where it has them; elsewhere "
     "the language-neutral text is shown and marked (not translated).",
     "Les textes viennent de l'amendement du schéma pour cette langue quand il les fournit ; "
     "ailleurs le texte neutre est affiché, marqué (non traduit)."},
    {K_l_index, "Index", "Index"},
    {K_l_by_prefix, "Classes by schema", "Classes par schéma"},
    {K_l_tree, "Inheritance tree", "Arbre d'héritage"},
    {K_l_az, "Classes A–Z", "Classes de A à Z"},
    {K_l_filter, "Filter classes by name", "Filtrer les classes par nom"},
    {K_l_qual_title, "Qualifier declarations", "Déclarations de qualificateurs"},
    {K_l_name, "Name", "Nom"},
    {K_l_type, "Type", "Type"},
    {K_l_scope, "Scope", "Portée"},
    {K_l_flavors, "Flavors", "Saveurs"},
    {K_l_default, "Default", "Valeur par défaut"},
    {K_l_abstract, "Abstract class.", "Classe abstraite."},
    {K_l_nclasses, "classes", "classes"},
    {L_ACCESS_RO, "Read-only", "Lecture seule"},
    {L_ACCESS_RW, "Read/write", "Lecture/écriture"},
    {L_ACCESS_WO, "Write-only", "Écriture seule"},
    {L_DIR_IN, "In", "Entrée"},
    {L_DIR_OUT, "Out", "Sortie"},
    {L_DIR_INOUT, "In/Out", "Entrée/sortie"},
    {L_REQ_NAMESPACE, "Namespace", "Espace de noms"},
    {L_REQ_MOF, "MOF", "MOF"},
    {L_REQ_PROVIDER, "Provider", "Fournisseur"},
    {L_REQ_LOCALE, "Locale", "Paramètres régionaux"},
    {L_CLASS_TITLE, "%s class", "Classe %s"},
    {L_INDEX_TITLE, "Classes", "Classes"},
    {L_QUALS_TITLE, "Qualifier declarations", "Déclarations de qualificateurs"},
};

/* ---- escapers ---- */

static void html_escape(struct cg_buf *out, const char *s, size_t n)
{
    size_t from = 0;
    for (size_t i = 0; i < n; i++) {
        const char *rep;
        switch (s[i]) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        case '\0': rep = "\xEF\xBF\xBD"; break;
        default: continue;
        }
        cg_put(out, s + from, i - from);
        cg_puts(out, rep);
        from = i + 1;
    }
    cg_put(out, s + from, n - from);
}

/* What md_escape does to each byte: 1 = backslash before it, 2 = write a
 * space instead.  A table, not strchr() per byte: every text of every page
 * goes through here, and a call per character made Markdown pages cost
 * half as much again as HTML ones. */
static const unsigned char md_action[256] = {
    ['\\'] = 1, ['`'] = 1, ['*'] = 1, ['_'] = 1, ['['] = 1, [']'] = 1, ['<'] = 1, ['>'] = 1,
    ['#'] = 1,  ['|'] = 1, ['&'] = 1, ['!'] = 1, ['~'] = 1, ['{'] = 1, ['}'] = 1,
    ['\n'] = 2, ['\r'] = 2, ['\t'] = 2, ['\0'] = 2,
};

/* Markdown inline text: every character CommonMark could read as markup
 * is backslash-escaped, line breaks become spaces (a value never starts a
 * block), and a leading list or heading marker is escaped too. */
static void md_escape(struct cg_buf *out, const char *s, size_t n)
{
    size_t i = 0;
    /* "1." or "1)" at the start would open an ordered list. */
    size_t d = 0;
    while (d < n && d < 9 && s[d] >= '0' && s[d] <= '9')
        d++;
    if (d && d < n && (s[d] == '.' || s[d] == ')')) {
        cg_put(out, s, d);
        cg_putc(out, '\\');
        i = d;
    } else if (n && (s[0] == '-' || s[0] == '+' || s[0] == '=')) {
        cg_putc(out, '\\');
    }
    size_t from = i;
    for (; i < n; i++) {
        unsigned char act = md_action[(unsigned char)s[i]];
        if (!act)
            continue;
        cg_put(out, s + from, i - from);
        if (act == 1) {
            cg_putc(out, '\\');
            cg_putc(out, s[i]);
        } else {
            cg_putc(out, ' ');
        }
        from = i + 1;
    }
    cg_put(out, s + from, n - from);
}

/* ---- page state ---- */

struct doc {
    const struct mofc_model *m;
    const struct cg_doc_options *o;
    struct cg_report *r;
    struct tpl_set *set;
    struct cg_pool pool;
    struct cg_buf buf;
    struct cg_buf tmp;         /* scratch for texts built piece by piece (cg_take) */
    const char *ext;           /* "md" or "html" */
    bool fr;
    const char **page;         /* by class index: the page file name, NULL if not written */
};

static const char *label(const struct doc *d, int id)
{
    for (size_t i = 0; i < sizeof labels / sizeof *labels; i++)
        if (labels[i].id == id)
            return d->fr ? labels[i].fr : labels[i].en;
    return "";
}

static void put_labels(struct doc *d, struct tpl_obj *root)
{
    for (size_t i = 0; i < sizeof labels / sizeof *labels; i++)
        if (labels[i].id < NKEYS)
            tpl_str(&d->pool, root, (unsigned)labels[i].id, d->fr ? labels[i].fr : labels[i].en);
}

/* Page file of a class: lower case, '_' as '-', like the WMI reference. */
static char *page_name(const char *cls, const char *ext)
{
    size_t n = strlen(cls);
    char *s = malloc(n + strlen(ext) + 2);
    if (!s)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        char c = cls[i];
        s[i] = c == '_' ? '-' : (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
    }
    s[n] = '.';
    strcpy(s + n + 1, ext);
    return s;
}

static const char *href_of(const struct doc *d, const struct mofc_class *c)
{
    return c ? d->page[c->index] : NULL;
}

static char *lower_dup(struct doc *d, const char *s)
{
    char *r = cg_pool_strndup(&d->pool, s, strlen(s));
    for (char *p = r; p && *p; p++)
        if (*p >= 'A' && *p <= 'Z')
            *p = (char)(*p - 'A' + 'a');
    return r;
}

/* ---- values as text ---- */

/* Values as the pages show them to a reader: strings as written, without
 * MOF's escapes, booleans in lower case.  The syntax block, which is MOF,
 * uses the MOF printer instead (mofvalue.h). */
static void put_scalar(struct cg_buf *b, const struct mofc_value *v)
{
    if (v->is_null) {
        cg_puts(b, "NULL");
        return;
    }
    switch (v->type) {
    case MOFC_TYPE_BOOLEAN:
        cg_puts(b, v->v.boolean ? "true" : "false");
        break;
    case MOFC_TYPE_REAL32:
    case MOFC_TYPE_REAL64:
        cg_printf(b, "%.17g", v->v.real);
        break;
    case MOFC_TYPE_CHAR16:
        if (v->v.char16 >= 0x20 && v->v.char16 < 0x7f)
            cg_printf(b, "'%c'", (char)v->v.char16);
        else
            cg_printf(b, "'\\x%04X'", (unsigned)v->v.char16);
        break;
    case MOFC_TYPE_STRING:
        cg_putc(b, '"');
        cg_put(b, v->v.string.text, v->v.string.len);
        cg_putc(b, '"');
        break;
    case MOFC_TYPE_DATETIME:
        cg_printf(b, "\"%s\"", v->v.datetime->text);
        break;
    case MOFC_TYPE_REFERENCE:
        cg_putc(b, '"');
        if (v->v.ref.path.text)
            cg_put(b, v->v.ref.path.text, v->v.ref.path.len);
        cg_putc(b, '"');
        break;
    case MOFC_TYPE_OBJECT:
        cg_puts(b, "instance");
        break;
    default:
        if (mofc_type_is_signed(v->type))
            cg_printf(b, "%lld", (long long)v->v.s);
        else
            cg_printf(b, "%llu", (unsigned long long)v->v.u);
    }
}

/* An array as its elements, comma-separated, without MOF's braces: the
 * page shows MappingStrings ("MIF.DMTF|ComponentID|001.5") as the WMI
 * reference does.  An empty array shows as {}, which is never ambiguous. */
static void put_value(struct cg_buf *b, const struct mofc_value *v)
{
    if (!v->is_array || v->is_null) {
        put_scalar(b, v);
        return;
    }
    if (!v->count)
        cg_puts(b, "{}");
    for (size_t i = 0; i < v->count; i++) {
        if (i)
            cg_puts(b, ", ");
        put_scalar(b, &v->elements[i]);
    }
}

static const char *value_text(struct doc *d, const struct mofc_value *v)
{
    size_t from = d->tmp.len;
    put_value(&d->tmp, v);
    return cg_take(&d->pool, &d->tmp, from);
}

static const char *type_text(struct doc *d, const struct mofc_typeinfo *t)
{
    const char *base;
    if (t->type == MOFC_TYPE_REFERENCE)
        base = cg_pool_printf(&d->pool, "%s REF", t->ref_class ? t->ref_class->name : "object");
    else if (t->type == MOFC_TYPE_OBJECT)
        base = t->embedded_name ? t->embedded_name : "object";
    else if (t->type == MOFC_TYPE_NONE)
        base = "void";
    else
        base = mofc_type_name(t->type);
    if (t->is_array)
        return t->array_size ? cg_pool_printf(&d->pool, "%s[%u]", base, (unsigned)t->array_size)
                             : cg_pool_printf(&d->pool, "%s[]", base);
    return base;
}

static void put_type_link(struct doc *d, struct tpl_obj *o, const struct mofc_typeinfo *t)
{
    tpl_str(&d->pool, o, K_type, type_text(d, t));
    const struct mofc_class *target = t->ref_class ? t->ref_class : t->embedded_class;
    const char *h = href_of(d, target);
    tpl_str(&d->pool, o, K_type_href, h ? h : "");
}

/* ---- texts ---- */

static const struct mofc_qualifier *qual(const struct mofc_qualifier_list *l, const char *name)
{
    return mofc_qualifiers_find(l, name);
}

/* Description paragraphs (one per line of the text) and whether the text
 * is the neutral one although a locale was asked for. */
static void put_description(struct doc *d, struct tpl_obj *o, const struct mofc_qualifier_list *l)
{
    const struct mofc_qualifier *q = qual(l, "Description");
    tpl_bool(&d->pool, o, K_neutral, false);
    tpl_bool(&d->pool, o, K_has_paras, false);
    if (!q || q->value.is_null || q->value.type != MOFC_TYPE_STRING || q->value.is_array)
        return;
    const char *s = q->value.v.string.text;
    size_t n = q->value.v.string.len;
    size_t i = 0;
    bool any = false;
    while (i < n) {
        size_t j = i;
        while (j < n && s[j] != '\n')
            j++;
        size_t a = i, b = j;
        while (a < b && (s[a] == ' ' || s[a] == '\t' || s[a] == '\r'))
            a++;
        while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t' || s[b - 1] == '\r'))
            b--;
        if (b > a) {
            tpl_text(&d->pool, tpl_item(&d->pool, o, K_paras), K_text, s + a, b - a);
            any = true;
        }
        i = j + 1;
    }
    tpl_bool(&d->pool, o, K_has_paras, any);
    tpl_bool(&d->pool, o, K_neutral, any && d->o->locale && !q->locale);
}

/* The first sentence of a class description, for the index. */
static void put_summary(struct doc *d, struct tpl_obj *o, const struct mofc_class *c)
{
    const struct mofc_qualifier *q = qual(&c->qualifiers, "Description");
    if (!q || q->value.is_null || q->value.type != MOFC_TYPE_STRING || q->value.is_array)
        return;
    const char *s = q->value.v.string.text;
    size_t n = q->value.v.string.len, k = 0;
    while (k < n && s[k] != '\n' && !(s[k] == '.' && (k + 1 == n || s[k + 1] == ' ')))
        k++;
    if (k < n && s[k] == '.')
        k++;
    tpl_text(&d->pool, o, K_summary, s, k);
}

/* ---- qualifiers shown on a member ---- */

static const char *const shown_qualifiers[] = {
    "Key", "Required", "Static", "Fixed", "MaxLen", "MinLen", "MaxValue", "MinValue",
    "DisplayName", "MappingStrings", "Units", "PUnit", "Deprecated", "Experimental",
    "EmbeddedInstance", "EmbeddedObject", "Propagated", "Weak", "Min", "Max", "Counter",
    "Gauge", "Privileges", "Octetstring", "Override", "Aggregate", "Nullable",
};

static bool is_shown(const char *name)
{
    for (size_t i = 0; i < sizeof shown_qualifiers / sizeof *shown_qualifiers; i++)
        if (mofc_name_cmp(name, shown_qualifiers[i]) == 0)
            return true;
    return false;
}

static void put_quals(struct doc *d, struct tpl_obj *o, const struct mofc_qualifier_list *l)
{
    bool any = false;
    for (size_t i = 0; i < l->count; i++) {
        const struct mofc_qualifier *q = &l->items[i];
        if (!is_shown(q->name))
            continue;
        const struct mofc_value *v = &q->value;
        if (q->decl->type == MOFC_TYPE_BOOLEAN && !v->is_array && !v->is_null && !v->v.boolean)
            continue;
        struct tpl_obj *it = tpl_item(&d->pool, o, K_quals);
        any = true;
        tpl_str(&d->pool, it, K_name, q->name);
        tpl_str(&d->pool, it, K_anchor, cg_pool_printf(&d->pool, "q-%s", lower_dup(d, q->name)));
        bool plain_true = q->decl->type == MOFC_TYPE_BOOLEAN && !v->is_array && !v->is_null;
        tpl_str(&d->pool, it, K_qvalue, plain_true ? "" : value_text(d, v));
    }
    tpl_bool(&d->pool, o, K_has_quals, any);
}

/* ModelCorrespondence targets, "Class.Member", linked where the class
 * has a page. */
static void put_mc(struct doc *d, struct tpl_obj *o, const struct mofc_qualifier_list *l)
{
    const struct mofc_qualifier *q = qual(l, "ModelCorrespondence");
    tpl_bool(&d->pool, o, K_has_mc, false);
    if (!q || q->value.is_null || !q->value.is_array || q->value.type != MOFC_TYPE_STRING)
        return;
    for (size_t i = 0; i < q->value.count; i++) {
        const struct mofc_value *e = &q->value.elements[i];
        if (e->is_null)
            continue;
        const char *t = e->v.string.text;
        struct tpl_obj *it = tpl_item(&d->pool, o, K_mc);
        tpl_bool(&d->pool, o, K_has_mc, true);
        tpl_str(&d->pool, it, K_text, t);
        const char *dot = strchr(t, '.');
        char *cname = cg_pool_strndup(&d->pool, t, dot ? (size_t)(dot - t) : strlen(t));
        const struct mofc_class *c = cname ? mofc_model_find_class(d->m, cname) : NULL;
        const char *h = href_of(d, c);
        if (h && dot)
            h = cg_pool_printf(&d->pool, "%s#%s", h, lower_dup(d, dot + 1));
        tpl_str(&d->pool, it, K_href, h ? h : "");
    }
}

/* Value tables: ValueMap/Values (with ValueDescriptions when it pairs
 * one to one) or BitMap/BitValues. */
static void put_valuemap(struct doc *d, struct tpl_obj *o, unsigned key,
                         const struct mofc_valuemap *vm, const struct mofc_qualifier_list *l,
                         bool bits)
{
    tpl_bool(&d->pool, o, bits ? K_has_bits : K_has_values, vm && vm->count);
    if (!bits)
        tpl_bool(&d->pool, o, K_has_vdesc, false);
    if (!vm || !vm->count)
        return;
    const struct mofc_qualifier *vd = bits ? NULL : qual(l, "ValueDescriptions");
    if (vd && (vd->value.is_null || !vd->value.is_array || vd->value.count != vm->count ||
               vd->value.type != MOFC_TYPE_STRING))
        vd = NULL;
    if (vd)
        tpl_bool(&d->pool, o, K_has_vdesc, true);
    for (size_t i = 0; i < vm->count; i++) {
        const struct mofc_valuemap_entry *e = &vm->entries[i];
        struct tpl_obj *it = tpl_item(&d->pool, o, key);
        const char *val = e->raw;
        if (!val)
            val = cg_pool_printf(&d->pool, "%zu", i);
        tpl_str(&d->pool, it, K_value, val);
        tpl_str(&d->pool, it, K_vname, e->name ? e->name : "");
        if (vd && !vd->value.elements[i].is_null)
            tpl_str(&d->pool, it, K_vdesc, vd->value.elements[i].v.string.text);
        else
            tpl_str(&d->pool, it, K_vdesc, "");
    }
}

/* ---- class page ---- */

static int cmp_prop(const void *a, const void *b)
{
    const struct mofc_property *x = *(const struct mofc_property *const *)a;
    const struct mofc_property *y = *(const struct mofc_property *const *)b;
    return mofc_name_cmp(x->name, y->name);
}

static int cmp_method(const void *a, const void *b)
{
    const struct mofc_method *x = *(const struct mofc_method *const *)a;
    const struct mofc_method *y = *(const struct mofc_method *const *)b;
    return mofc_name_cmp(x->name, y->name);
}

/* The syntax block's order, the WMI reference's: members of the root class
 * first, then those each subclass introduced, down to the class itself;
 * alphabetical within each class. */
static int cmp_prop_inherited(const void *a, const void *b)
{
    const struct mofc_property *x = *(const struct mofc_property *const *)a;
    const struct mofc_property *y = *(const struct mofc_property *const *)b;
    if (x->origin->depth != y->origin->depth)
        return x->origin->depth < y->origin->depth ? -1 : 1;
    return mofc_name_cmp(x->name, y->name);
}

static int cmp_method_inherited(const void *a, const void *b)
{
    const struct mofc_method *x = *(const struct mofc_method *const *)a;
    const struct mofc_method *y = *(const struct mofc_method *const *)b;
    if (x->origin->depth != y->origin->depth)
        return x->origin->depth < y->origin->depth ? -1 : 1;
    return mofc_name_cmp(x->name, y->name);
}

/* Qualifiers of the syntax block: the class's own, not its texts. */
static bool syntax_qualifier(const struct mofc_qualifier *q)
{
    if (q->propagated)
        return false;
    if (q->flavors & (MOFC_FLAVOR_TRANSLATABLE | MOFC_FLAVOR_AMENDED))
        return false;
    static const char *const texts[] = {"Description", "DisplayName", "ValueDescriptions",
                                        "Locale"};
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
        if (mofc_name_cmp(q->name, texts[i]) == 0)
            return false;
    return true;
}

/* What a property and a method show alike: name and anchor, type,
 * qualifiers, description, the class it is inherited from, value and bit
 * maps.  Returns the new item of list `key`. */
static struct tpl_obj *put_member(struct doc *d, struct tpl_obj *root, unsigned key,
                                  const char *name, const struct mofc_typeinfo *t,
                                  const struct mofc_qualifier_list *q,
                                  const struct mofc_class *owner, bool inherited,
                                  const struct mofc_valuemap *vm, const struct mofc_valuemap *bm)
{
    struct cg_pool *p = &d->pool;
    struct tpl_obj *it = tpl_item(p, root, key);
    tpl_str(p, it, K_name, name);
    tpl_str(p, it, K_anchor, lower_dup(d, name));
    put_type_link(d, it, t);
    put_quals(d, it, q);
    put_description(d, it, q);
    tpl_bool(p, it, K_inherited, inherited);
    if (inherited) {
        tpl_str(p, it, K_from, owner->name);
        const char *h = href_of(d, owner);
        tpl_str(p, it, K_from_href, h ? h : "");
    }
    put_valuemap(d, it, K_values, vm, q, false);
    put_valuemap(d, it, K_bits, bm, q, true);
    return it;
}

static const char *syntax_block(struct doc *d, const struct mofc_class *c,
                                const struct mofc_property **props,
                                const struct mofc_method **meths)
{
    struct cg_buf *b = &d->tmp;
    size_t from = b->len;
    size_t nq = 0;
    for (size_t i = 0; i < c->qualifiers.count; i++) {
        const struct mofc_qualifier *q = &c->qualifiers.items[i];
        if (!syntax_qualifier(q))
            continue;
        cg_puts(b, nq++ ? ", " : "[");
        cg_mof_qualifier(b, q);
    }
    if (nq)
        cg_puts(b, "]\n");
    cg_printf(b, "class %s", c->name);
    if (c->superclass)
        cg_printf(b, " : %s", c->superclass->name);
    cg_puts(b, "\n{\n");
    size_t width = 0;
    for (size_t i = 0; i < c->nproperties; i++) {
        size_t w = strlen(type_text(d, &props[i]->t));
        if (w > width)
            width = w;
    }
    for (size_t i = 0; i < c->nproperties; i++) {
        const struct mofc_property *p = props[i];
        const char *t = type_text(d, &p->t);
        const char *br = strchr(t, '[');
        size_t tl = br ? (size_t)(br - t) : strlen(t);
        cg_puts(b, "  ");
        cg_put(b, t, tl);
        for (size_t k = tl; k < width + 1; k++)
            cg_putc(b, ' ');
        cg_puts(b, p->name);
        if (br)
            cg_puts(b, br);
        cg_puts(b, ";\n");
    }
    for (size_t i = 0; i < c->nmethods; i++) {
        const struct mofc_method *mt = meths[i];
        cg_printf(b, "  %s %s(", type_text(d, &mt->ret), mt->name);
        for (size_t k = 0; k < mt->nparams; k++) {
            const struct mofc_parameter *p = &mt->params[k];
            const char *dir = (p->flags & MOFC_PROP_IN) && (p->flags & MOFC_PROP_OUT) ? "in, out"
                              : (p->flags & MOFC_PROP_OUT)                             ? "out"
                                                                                       : "in";
            const char *t = type_text(d, &p->t);
            const char *br = strchr(t, '[');
            cg_printf(b, "%s[%s] %.*s %s%s", k ? ", " : "", dir,
                      (int)(br ? (size_t)(br - t) : strlen(t)), t, p->name, br ? br : "");
        }
        cg_puts(b, ");\n");
    }
    cg_puts(b, "};");
    return cg_take(&d->pool, b, from);
}

static const char *fence_for(struct doc *d, const char *s)
{
    size_t run = 0, best = 0;
    for (const char *p = s; *p; p++) {
        run = *p == '`' ? run + 1 : 0;
        if (run > best)
            best = run;
    }
    size_t fl = best < 3 ? 3 : best + 1;
    char *fence = cg_pool_alloc(&d->pool, fl + 1);
    if (fence)
        memset(fence, '`', fl);
    return fence ? fence : "```";
}

static const char *access_text(const struct doc *d, unsigned flags)
{
    bool r = flags & MOFC_PROP_READ, w = flags & MOFC_PROP_WRITE;
    if (r && w)
        return label(d, L_ACCESS_RW);
    if (w)
        return label(d, L_ACCESS_WO);
    if (r)
        return label(d, L_ACCESS_RO);
    return "";
}

static const char *base_name(const char *path)
{
    const char *s = path;
    for (const char *p = path; *p; p++)
        if (*p == '/' || *p == '\\')
            s = p + 1;
    return s;
}

/* A namespace as the reference pages name it: mofcomp's \\.\Root\CIMV2
 * (the host, then the path) shows as Root\CIMV2; a DMTF root/cimv2 as it
 * is. */
static const char *namespace_text(const char *ns)
{
    if ((ns[0] == '\\' && ns[1] == '\\') || (ns[0] == '/' && ns[1] == '/')) {
        const char *p = ns + 2;
        while (*p && *p != '\\' && *p != '/')
            p++;
        if (*p)
            return p + 1;
    }
    return ns;
}

static void put_page_common(struct doc *d, struct tpl_obj *root, const char *title)
{
    put_labels(d, root);
    tpl_str(&d->pool, root, K_lang, d->o->lang ? d->o->lang : "en");
    tpl_str(&d->pool, root, K_title, title);
    tpl_str(&d->pool, root, K_css, "mofc.css");
    tpl_str(&d->pool, root, K_ext, d->ext);
    tpl_str(&d->pool, root, K_index_href, cg_pool_printf(&d->pool, "index.%s", d->ext));
    tpl_str(&d->pool, root, K_quals_href, cg_pool_printf(&d->pool, "qualifiers.%s", d->ext));
    if (d->o->locale)
        tpl_str(&d->pool, root, K_locale, d->o->locale);
}

static void class_page(struct doc *d, const struct mofc_class *c, struct tpl_obj *root)
{
    struct cg_pool *p = &d->pool;
    const char *tt = label(d, L_CLASS_TITLE), *at = strstr(tt, "%s");
    put_page_common(d, root, cg_pool_printf(p, "%.*s%s%s", (int)(at - tt), tt, c->name, at + 2));
    tpl_str(p, root, K_name, c->name);
    tpl_bool(p, root, K_abstract, (c->flags & MOFC_CLASS_ABSTRACT) != 0);
    put_description(d, root, &c->qualifiers);
    if (c->superclass) {
        tpl_str(p, root, K_super, c->superclass->name);
        const char *h = href_of(d, c->superclass);
        tpl_str(p, root, K_super_href, h ? h : "");
    }
    bool any_subclass = false;
    for (size_t i = 0; i < c->nsubclasses; i++) {
        const struct mofc_class *s = c->subclasses[i];
        const char *href = href_of(d, s);
        if (!href)
            continue;
        struct tpl_obj *it = tpl_item(p, root, K_subclasses);
        tpl_str(p, it, K_name, s->name);
        tpl_str(p, it, K_href, href);
        any_subclass = true;
    }
    tpl_bool(p, root, K_has_subclasses, any_subclass);

    const struct mofc_property **props =
        cg_pool_alloc(p, (c->nproperties + 1) * sizeof *props);
    const struct mofc_method **meths = cg_pool_alloc(p, (c->nmethods + 1) * sizeof *meths);
    if (!props || !meths)
        return;
    /* (An empty member array may be NULL: no memcpy/qsort on it.) */
    if (c->nproperties) {
        memcpy(props, c->properties, c->nproperties * sizeof *props);
        qsort(props, c->nproperties, sizeof *props, cmp_prop);
    }
    if (c->nmethods) {
        memcpy(meths, c->methods, c->nmethods * sizeof *meths);
        qsort(meths, c->nmethods, sizeof *meths, cmp_method);
    }

    tpl_bool(p, root, K_has_properties, c->nproperties != 0);
    tpl_bool(p, root, K_has_methods, c->nmethods != 0);
    /* The syntax block sorts its own copies (props and meths stay
     * alphabetical for the member lists). */
    const struct mofc_property **sprops =
        cg_pool_alloc(p, (c->nproperties + 1) * sizeof *sprops);
    const struct mofc_method **smeths = cg_pool_alloc(p, (c->nmethods + 1) * sizeof *smeths);
    if (!sprops || !smeths)
        return;
    if (c->nproperties) {
        memcpy(sprops, props, c->nproperties * sizeof *sprops);
        qsort(sprops, c->nproperties, sizeof *sprops, cmp_prop_inherited);
    }
    if (c->nmethods) {
        memcpy(smeths, meths, c->nmethods * sizeof *smeths);
        qsort(smeths, c->nmethods, sizeof *smeths, cmp_method_inherited);
    }
    const char *syntax = syntax_block(d, c, sprops, smeths);
    tpl_str(p, root, K_syntax, syntax);
    tpl_str(p, root, K_fence, fence_for(d, syntax));

    for (size_t i = 0; i < c->nproperties; i++) {
        const struct mofc_property *pr = props[i];
        struct tpl_obj *it = put_member(d, root, K_properties, pr->name, &pr->t, &pr->qualifiers,
                                        pr->owner, mofc_property_propagated(pr, c),
                                        pr->valuemap, pr->bitmap);
        tpl_str(p, it, K_access, access_text(d, pr->flags));
        put_mc(d, it, &pr->qualifiers);
    }
    for (size_t i = 0; i < c->nmethods; i++) {
        const struct mofc_method *mt = meths[i];
        struct tpl_obj *it = put_member(d, root, K_methods, mt->name, &mt->ret, &mt->qualifiers,
                                        mt->owner, mofc_method_propagated(mt, c), mt->valuemap,
                                        mt->bitmap);
        tpl_bool(p, it, K_has_params, mt->nparams != 0);
        for (size_t k = 0; k < mt->nparams; k++) {
            const struct mofc_parameter *pa = &mt->params[k];
            struct tpl_obj *pi = tpl_item(p, it, K_params);
            tpl_str(p, pi, K_name, pa->name);
            put_type_link(d, pi, &pa->t);
            bool in = pa->flags & MOFC_PROP_IN, out = pa->flags & MOFC_PROP_OUT;
            tpl_str(p, pi, K_dir,
                    label(d, in && out ? L_DIR_INOUT : out ? L_DIR_OUT : L_DIR_IN));
            put_quals(d, pi, &pa->qualifiers);
            put_description(d, pi, &pa->qualifiers);
            put_valuemap(d, pi, K_values, pa->valuemap, &pa->qualifiers, false);
            put_valuemap(d, pi, K_bits, pa->bitmap, &pa->qualifiers, true);
        }
    }

    struct tpl_obj *rq = tpl_item(p, root, K_reqs);
    tpl_str(p, rq, K_rkey, label(d, L_REQ_NAMESPACE));
    tpl_str(p, rq, K_rval, c->namespace_name ? namespace_text(c->namespace_name) : "");
    if (c->loc.file) {
        rq = tpl_item(p, root, K_reqs);
        tpl_str(p, rq, K_rkey, label(d, L_REQ_MOF));
        tpl_str(p, rq, K_rval, base_name(c->loc.file));
    }
    const struct mofc_qualifier *prov = qual(&c->qualifiers, "Provider");
    if (prov && prov->value.type == MOFC_TYPE_STRING && !prov->value.is_null &&
        !prov->value.is_array) {
        rq = tpl_item(p, root, K_reqs);
        tpl_str(p, rq, K_rkey, label(d, L_REQ_PROVIDER));
        tpl_str(p, rq, K_rval, prov->value.v.string.text);
    }
    if (d->o->locale) {
        rq = tpl_item(p, root, K_reqs);
        tpl_str(p, rq, K_rkey, label(d, L_REQ_LOCALE));
        tpl_str(p, rq, K_rval, d->o->locale);
    }

    /* See also: the superclass, then the classes this one refers to. */
    const struct mofc_class **seen = cg_pool_alloc(p, (c->nproperties + 2) * sizeof *seen);
    size_t nseen = 0;
    if (!seen)
        return;
    seen[nseen++] = c;
    if (c->superclass && href_of(d, c->superclass))
        seen[nseen++] = c->superclass;
    for (size_t i = 0; i < c->nproperties; i++) {
        const struct mofc_class *t = c->properties[i]->t.ref_class;
        if (!t)
            t = c->properties[i]->t.embedded_class;
        if (!t || !href_of(d, t))
            continue;
        size_t k;
        for (k = 0; k < nseen && seen[k] != t; k++)
            ;
        if (k == nseen)
            seen[nseen++] = t;
    }
    for (size_t i = 1; i < nseen; i++) {
        struct tpl_obj *it = tpl_item(p, root, K_see_also);
        tpl_bool(p, root, K_has_see_also, true);
        tpl_str(p, it, K_name, seen[i]->name);
        tpl_str(p, it, K_href, href_of(d, seen[i]));
    }
}

/* ---- index ---- */

static int cmp_class(const void *a, const void *b)
{
    const struct mofc_class *x = *(const struct mofc_class *const *)a;
    const struct mofc_class *y = *(const struct mofc_class *const *)b;
    return mofc_name_cmp(x->name, y->name);
}

static size_t prefix_len(const char *name)
{
    const char *us = strchr(name, '_');
    return us && us != name ? (size_t)(us - name) : 0;
}

static bool same_prefix(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char x = a[i], y = b[i];
        if (x >= 'a' && x <= 'z')
            x = (char)(x - 'a' + 'A');
        if (y >= 'a' && y <= 'z')
            y = (char)(y - 'a' + 'A');
        if (x != y)
            return false;
    }
    return true;
}

/* The A-Z list files a class under the first letter of its name after the
 * schema prefix (CIM_ComputerSystem under C: every CIM class starts with
 * "CIM_"), '#' when that is not a letter. */
static char az_letter(const char *name)
{
    size_t pl = prefix_len(name);
    char c = name[pl ? pl + 1 : 0];
    if (c >= 'a' && c <= 'z')
        c = (char)(c - 'a' + 'A');
    return c >= 'A' && c <= 'Z' ? c : '#';
}

static int cmp_az(const void *a, const void *b)
{
    const struct mofc_class *x = *(const struct mofc_class *const *)a;
    const struct mofc_class *y = *(const struct mofc_class *const *)b;
    char lx = az_letter(x->name), ly = az_letter(y->name);
    if (lx != ly)
        return lx == '#' ? 1 : ly == '#' ? -1 : lx < ly ? -1 : 1;
    size_t px = prefix_len(x->name), py = prefix_len(y->name);
    int c = mofc_name_cmp(x->name + (px ? px + 1 : 0), y->name + (py ? py + 1 : 0));
    return c ? c : mofc_name_cmp(x->name, y->name);
}

static void tree_add(struct doc *d, struct tpl_obj *root, const struct mofc_class *c,
                     unsigned depth)
{
    if (!href_of(d, c))
        return;
    struct tpl_obj *it = tpl_item(&d->pool, root, K_tree);
    tpl_str(&d->pool, it, K_name, c->name);
    tpl_str(&d->pool, it, K_href, href_of(d, c));
    tpl_str(&d->pool, it, K_depth, cg_pool_printf(&d->pool, "%u", depth));
    char *ind = cg_pool_alloc(&d->pool, 2 * depth + 1);
    if (ind)
        memset(ind, ' ', 2 * depth);
    tpl_str(&d->pool, it, K_indent, ind ? ind : "");
    for (size_t i = 0; i < c->nsubclasses; i++)
        tree_add(d, root, c->subclasses[i], depth + 1);
}

static void index_page(struct doc *d, struct tpl_obj *root)
{
    struct cg_pool *p = &d->pool;
    put_page_common(d, root, label(d, L_INDEX_TITLE));
    const struct mofc_model *m = d->m;
    const struct mofc_class **cls = cg_pool_alloc(p, (m->nclasses + 1) * sizeof *cls);
    if (!cls)
        return;
    size_t n = 0;
    for (size_t i = 0; i < m->nclasses; i++)
        if (d->page[i])
            cls[n++] = m->classes[i];
    qsort(cls, n, sizeof *cls, cmp_class);
    tpl_str(p, root, K_count, cg_pool_printf(p, "%zu", n));
    struct tpl_obj *g = NULL;
    const char *gp = NULL;
    size_t gl = 0;
    for (size_t i = 0; i < n; i++) {
        size_t pl = prefix_len(cls[i]->name);
        if (!g || pl != gl || !same_prefix(gp, cls[i]->name, pl)) {
            g = tpl_item(p, root, K_groups);
            gp = cls[i]->name;
            gl = pl;
            tpl_text(p, g, K_prefix, pl ? gp : "-", pl ? pl : 1);
        }
        struct tpl_obj *it = tpl_item(p, g, K_classes);
        tpl_str(p, it, K_name, cls[i]->name);
        tpl_str(p, it, K_href, d->page[cls[i]->index]);
        put_summary(d, it, cls[i]);
    }
    qsort(cls, n, sizeof *cls, cmp_az);
    struct tpl_obj *l = NULL;
    char lc = 0;
    for (size_t i = 0; i < n; i++) {
        char c = az_letter(cls[i]->name);
        if (!l || c != lc) {
            l = tpl_item(p, root, K_letters);
            lc = c;
            tpl_str(p, l, K_letter, cg_pool_strndup(p, &lc, 1));
            tpl_str(p, l, K_anchor,
                    c == '#' ? "az-other" : cg_pool_printf(p, "az-%c", c - 'A' + 'a'));
        }
        struct tpl_obj *it = tpl_item(p, l, K_classes);
        tpl_str(p, it, K_name, cls[i]->name);
        tpl_str(p, it, K_href, d->page[cls[i]->index]);
    }
    for (size_t i = 0; i < m->nclasses; i++) {
        const struct mofc_class *c = m->classes[i];
        /* Roots of the tree: classes whose superclass has no page. */
        if (d->page[i] && !(c->superclass && d->page[c->superclass->index]))
            tree_add(d, root, c, 0);
    }
}

/* ---- qualifier declarations ---- */

static void quals_page(struct doc *d, struct tpl_obj *root)
{
    struct cg_pool *p = &d->pool;
    put_page_common(d, root, label(d, L_QUALS_TITLE));
    for (size_t i = 0; i < d->m->nqualifier_decls; i++) {
        const struct mofc_qualifier_decl *q = d->m->qualifier_decls[i];
        struct tpl_obj *it = tpl_item(p, root, K_decls);
        tpl_str(p, it, K_name, q->name);
        tpl_str(p, it, K_anchor, cg_pool_printf(p, "q-%s", lower_dup(d, q->name)));
        tpl_str(p, it, K_type,
                q->is_array ? cg_pool_printf(p, "%s[]", mofc_type_name(q->type))
                            : mofc_type_name(q->type));
        struct cg_buf *b = &d->tmp;
        size_t from = b->len;
        if ((q->scopes & MOFC_SCOPE_ANY) == MOFC_SCOPE_ANY) {
            cg_puts(b, "any");
        } else {
            for (size_t k = 0; k < 7; k++)
                if (q->scopes & mofc_scope_names[k].bit)
                    cg_printf(b, "%s%s", b->len > from ? ", " : "", mofc_scope_names[k].mof);
        }
        tpl_str(p, it, K_scopes, cg_take(p, b, from));
        cg_puts(b, q->flavors & MOFC_FLAVOR_DISABLEOVERRIDE ? "DisableOverride"
                                                            : "EnableOverride");
        cg_puts(b, q->flavors & MOFC_FLAVOR_RESTRICTED ? ", Restricted" : ", ToSubclass");
        if (q->flavors & MOFC_FLAVOR_TRANSLATABLE)
            cg_puts(b, ", Translatable");
        if (q->flavors & MOFC_FLAVOR_AMENDED)
            cg_puts(b, ", Amended");
        tpl_str(p, it, K_flavors, cg_take(p, b, from));
        tpl_str(p, it, K_dflt, q->default_value.is_null ? "" : value_text(d, &q->default_value));
    }
}

/* ---- driver ---- */

static int render_page(struct doc *d, const char *tpl, const char *file,
                       void (*fill)(struct doc *, struct tpl_obj *, const void *),
                       const void *arg)
{
    cg_pool_reset(&d->pool);
    d->buf.len = 0;
    if (d->buf.data)
        d->buf.data[0] = '\0';
    struct tpl_obj *root = tpl_obj(&d->pool);
    fill(d, root, arg);
    tpl_render(d->set, tpl, root, &d->buf);
    if (d->pool.oom || d->buf.oom)
        return 2;
    return d->o->emit(d->o->user, file, d->buf.data ? d->buf.data : "", d->buf.len);
}

static void fill_class(struct doc *d, struct tpl_obj *root, const void *arg)
{
    class_page(d, arg, root);
}

static void fill_index(struct doc *d, struct tpl_obj *root, const void *arg)
{
    (void)arg;
    index_page(d, root);
}

static void fill_quals(struct doc *d, struct tpl_obj *root, const void *arg)
{
    (void)arg;
    quals_page(d, root);
}

static void fill_none(struct doc *d, struct tpl_obj *root, const void *arg)
{
    (void)d;
    (void)root;
    (void)arg;
}

int cg_doc(const struct mofc_model *m, const struct cg_doc_options *o, struct cg_report *r)
{
    struct doc d = {0};
    d.m = m;
    d.o = o;
    d.r = r;
    d.ext = o->format == CG_DOC_HTML ? "html" : "md";
    d.fr = o->lang && strncmp(o->lang, "fr", 2) == 0;
    d.set = tpl_set_new(key_names, NKEYS, o->format == CG_DOC_HTML ? html_escape : md_escape);
    if (!d.set)
        return 2;
    char name[32];
    static const char *const pages[] = {"class", "index", "qualifiers"};
    bool ok = true;
    for (size_t i = 0; i < 3; i++) {
        snprintf(name, sizeof name, "%s.%s.tpl", pages[i], d.ext);
        ok &= tpl_load(d.set, "doc", name, o->template_dir, r);
    }
    if (o->format == CG_DOC_HTML) {
        ok &= tpl_load(d.set, "doc", "head.html.tpl", o->template_dir, r);
        ok &= tpl_load(d.set, "doc", "foot.html.tpl", o->template_dir, r);
        ok &= tpl_load(d.set, "doc", "mofc.css", o->template_dir, r);
    }
    if (!ok || !tpl_link(d.set, r)) {
        tpl_set_free(d.set);
        return 1;
    }
    int rc = 0;
    d.page = calloc(m->nclasses + 1, sizeof *d.page);
    if (!d.page)
        rc = 2;
    for (size_t i = 0; !rc && i < m->nclasses; i++) {
        const struct mofc_class *c = m->classes[i];
        if (c->origin != MOFC_ORIGIN_USER && !o->selected)
            continue;
        if (o->selected && !o->selected[i])
            continue;
        d.page[i] = page_name(c->name, d.ext);
        if (!d.page[i])
            rc = 2;
    }
    for (size_t i = 0; !rc && i < m->nclasses; i++)
        if (d.page[i])
            rc = render_page(&d, d.ext[0] == 'h' ? "class.html.tpl" : "class.md.tpl", d.page[i],
                             fill_class, m->classes[i]);
    if (!rc)
        rc = render_page(&d, d.ext[0] == 'h' ? "index.html.tpl" : "index.md.tpl",
                         d.ext[0] == 'h' ? "index.html" : "index.md", fill_index, NULL);
    if (!rc)
        rc = render_page(&d, d.ext[0] == 'h' ? "qualifiers.html.tpl" : "qualifiers.md.tpl",
                         d.ext[0] == 'h' ? "qualifiers.html" : "qualifiers.md", fill_quals, NULL);
    if (!rc && o->format == CG_DOC_HTML)
        rc = render_page(&d, "mofc.css", "mofc.css", fill_none, NULL);
    if (d.page)
        for (size_t i = 0; i < m->nclasses; i++)
            free((char *)d.page[i]);
    free(d.page);
    cg_pool_free(&d.pool);
    cg_buf_free(&d.buf);
    cg_buf_free(&d.tmp);
    tpl_set_free(d.set);
    return rc;
}
