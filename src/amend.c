/*
 * amend.c - locale amendments (WMI .mfl files) merged onto the neutral
 * classes before anything is declared.
 *
 * An amendment class is a class declared in a namespace whose last
 * component is "ms_<LCID in hex>" (root/cimv2/ms_40c, or mofcomp's
 * \\.\root\cimv2\ms_40c): the child namespace WMI keeps localized class
 * texts in.  Amendment classes never become classes of the model.  Those
 * of the locale the compilation asks for (mofc_options.locale) lend their
 * qualifiers to the neutral class of the same name: class, property,
 * method and parameter qualifiers replace the neutral ones of the same
 * name, or are added, and remember the locale (mofc_qualifier.locale).
 * Key, Locale and Amendment, which an amendment restates about itself,
 * are not merged.  Amendments of other locales are dropped.
 *
 * Working on the syntax tree keeps every later phase unchanged: a merged
 * qualifier is checked against its declaration, propagated and frozen like
 * any other.  The Amended flavor an .mfl writes is kept in the WMI dialect
 * and dropped in the DMTF one, which has no such flavor.
 */
#include <stdlib.h>
#include <string.h>

#include "amend.h"
#include "context.h"
#include "diag/diag.h"
#include "util/intern.h"

/* The LCID of an amendment namespace, 0 if `ns` is not one; *base_len is
 * the length of the neutral namespace before the separator. */
static unsigned amendment_lcid(const char *ns, size_t *base_len)
{
    size_t n = strlen(ns);
    size_t k = n;
    while (k > 0 && ns[k - 1] != '/' && ns[k - 1] != '\\')
        k--;
    const char *last = ns + k;
    if (!((last[0] == 'm' || last[0] == 'M') && (last[1] == 's' || last[1] == 'S') &&
          last[2] == '_' && last[3]))
        return 0;
    for (const char *p = last + 3; *p; p++)
        if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f') || (*p >= 'A' && *p <= 'F')))
            return 0;
    size_t b = k;
    while (b > 0 && (ns[b - 1] == '/' || ns[b - 1] == '\\'))
        b--;
    *base_len = b;
    return mofc_locale_lcid(last);
}

static bool not_merged(const struct name *n)
{
    static const char *const self[] = {"Key", "Locale", "Amendment"};
    for (size_t i = 0; i < sizeof self / sizeof *self; i++)
        if (fold_ncmp(n->text, n->len, self[i], strlen(self[i])) == 0)
            return true;
    return false;
}

/* Merges the qualifiers `from` of an amendment element into `*list`. */
static void merge_quals(struct mofc *m, struct ast_qualifier **list, const struct ast_qualifier *from,
                        const char *locale)
{
    for (const struct ast_qualifier *aq = from; aq; aq = aq->next) {
        if (not_merged(aq->name))
            continue;
        struct ast_qualifier *q = ARENA_NEW(&m->arena, struct ast_qualifier);
        *q = *aq;
        q->locale = locale;
        if (m->opts.dialect != MOFC_DIALECT_WMI)
            q->flavors &= ~(unsigned)MOFC_FLAVOR_AMENDED;
        struct ast_qualifier **at = list;
        while (*at && (*at)->name->key != aq->name->key)
            at = &(*at)->next;
        q->neutral = !*at ? NULL : (*at)->locale ? (*at)->neutral : *at;
        q->next = *at ? (*at)->next : NULL;
        *at = q;
    }
}

static struct ast_feature *find_feature(struct ast_class *c, const struct ast_feature *f)
{
    for (struct ast_feature *g = c->features; g; g = g->next)
        if (g->kind == f->kind && g->name->key == f->name->key)
            return g;
    return NULL;
}

static void merge_class(struct mofc *m, struct ast_class *neutral, const struct ast_class *am,
                        const char *locale)
{
    merge_quals(m, &neutral->quals, am->quals, locale);
    for (const struct ast_feature *f = am->features; f; f = f->next) {
        if (f->kind == AF_ERROR)
            continue;
        struct ast_feature *g = find_feature(neutral, f);
        if (!g) {
            struct diag_rec *r = diag_error(
                m, &f->loc, "amendment-member",
                "amendment of class '%s' (locale %s) names %s '%s', which the language-neutral "
                "class does not declare", am->name->text, locale,
                f->kind == AF_METHOD ? "method" : "property", f->name->text);
            diag_note(m, r, &neutral->loc, "the language-neutral class is here");
            continue;
        }
        merge_quals(m, &g->quals, f->quals, locale);
        for (const struct ast_param *p = f->params; p; p = p->next) {
            struct ast_param *q = g->params;
            while (q && q->name->key != p->name->key)
                q = q->next;
            if (!q) {
                diag_error(m, &p->loc, "amendment-member",
                           "amendment of method '%s.%s' names parameter '%s', which the "
                           "language-neutral method does not declare", am->name->text,
                           f->name->text, p->name->text);
                continue;
            }
            merge_quals(m, &q->quals, p->quals, locale);
        }
    }
}

void amend_merge(struct mofc *m)
{
    unsigned want = m->opts.locale ? mofc_locale_lcid(m->opts.locale) : 0;
    struct ast_unit *u = &m->unit;
    struct ast_class *amendments = NULL, **atail = &amendments;
    struct ast_class **at = &u->classes;
    u->classes_tail = &u->classes;
    while (*at) {
        struct ast_class *c = *at;
        size_t bl;
        unsigned lcid = amendment_lcid(c->ns->text, &bl);
        if (lcid) {
            /* Out of the model either way; kept only for the locale asked for. */
            *at = c->next;
            c->next = NULL;
            if (want && lcid == want) {
                *atail = c;
                atail = &c->next;
            }
        } else {
            at = &c->next;
            u->classes_tail = at;
        }
    }
    if (want && !amendments)
        /* Asked for a language the input has no texts in: say so rather
         * than quietly produce the neutral ones. */
        diag_warning(m, MOFC_W_LOCALE, NULL, "locale-no-amendment",
                     "--locale %s: no amendment of locale ms_%x in the input; the "
                     "language-neutral texts are used", m->opts.locale, want);
    const char *locale = amendments ? arena_printf(&m->arena, "ms_%x", want) : NULL;
    for (struct ast_class *am = amendments; am; am = am->next) {
        size_t bl = 0;
        (void)amendment_lcid(am->ns->text, &bl);    /* the neutral namespace's length */
        struct ast_class *neutral = NULL;
        for (struct ast_class *c = u->classes; c; c = c->next) {
            if (c->name->key != am->name->key)
                continue;
            bool same_ns = strlen(c->ns->text) == bl &&
                           strncmp(c->ns->text, am->ns->text, bl) == 0;
            if (!neutral || same_ns)
                neutral = c;
            if (same_ns)
                break;
        }
        if (!neutral) {
            diag_error(m, &am->loc, "amendment-class",
                       "amendment class '%s' (locale %s) has no language-neutral class of that "
                       "name", am->name->text, locale);
            continue;
        }
        merge_class(m, neutral, am, locale);
    }
}
