/*
 * backends.h - the code generators.  Each reads only the resolved model
 * (include/mofc/model.h) and writes into memory; the CLI decides where the
 * bytes go (atomically) and how problems are shown.
 */
#ifndef MOFC_BACKENDS_H
#define MOFC_BACKENDS_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#include "mofc/model.h"

/* Where a back end reports what it cannot express; returns nothing, the
 * back end carries on and its caller sees the count. */
struct cg_report {
    void (*error)(void *user, const struct mofc_location *loc, const char *message);
    void *user;
    size_t nerrors;
};

/* Counts an error and hands it, formatted, to r->error (loc may be NULL). */
void cg_error(struct cg_report *r, const struct mofc_location *loc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void cg_verror(struct cg_report *r, const struct mofc_location *loc, const char *fmt,
               va_list ap) __attribute__((format(printf, 3, 0)));

struct cg_xml_options {
    bool flatten;              /* inherited members too, with PROPAGATED/CLASSORIGIN */
    bool no_qualifiers;        /* leave qualifiers and their declarations out */
    const bool *selected;      /* by class index; NULL: every class */
};

/* The classes named and everything they need: superclasses, reference
 * targets, embedded-instance classes, recursively.  Returns a malloc'ed
 * array indexed by mofc_class.index, or NULL after reporting a name that
 * is not a class (with a "did you mean"). */
bool *cg_class_closure(const struct mofc_model *m, const char *const *names, size_t n,
                       struct cg_report *r);

/* Writes the CIM-XML declaration document (DSP0201) of every class and
 * instance of the model.  Returns a malloc'ed, NUL-terminated buffer and its
 * length, or NULL if libxml2 failed. */
char *cg_cimxml(const struct mofc_model *m, const struct cg_xml_options *o,
                struct cg_report *r, size_t *len);

/* Prints the model back as canonical MOF (see mofprint.c).  Returns a
 * malloc'ed, NUL-terminated buffer, or NULL when out of memory. */
char *cg_mof(const struct mofc_model *m, const bool *selected, struct cg_report *r,
             size_t *len);

/* Binary MOF as `mofcomp -B` writes it (see bmf.c): the classes and
 * instances, DS-compressed behind the FOMB header.  Returns a malloc'ed
 * buffer, or NULL when out of memory; what binary MOF cannot hold (a NUL
 * in a string, a NULL array element) is reported through `r`. */
char *cg_bmf(const struct mofc_model *m, const bool *selected, struct cg_report *r,
             size_t *len);
/* The DS compression of binary MOF (ds_compress.c); malloc'ed, NULL when
 * out of memory. */
uint8_t *cg_ds_compress(const uint8_t *in, size_t n, size_t *outlen);

/* The C back end (cgen.c): <Class>.h and <Class>.c per class, cim_runtime.h
 * and cim_classes.h, handed one by one to `file` (0 to go on; a non-zero
 * value stops the run and is returned).  Returns 0, 1 after errors
 * reported through `r` (templates), 2 when out of memory, or what `file`
 * returned. */
typedef int cg_file_fn(void *user, const char *name, const char *data, size_t len);

struct cg_c_options {
    const bool *selected;       /* by class index; NULL: every class */
    const char *template_dir;   /* replaces templates/c/ files it holds; NULL: none */
};

int cg_c(const struct mofc_model *m, const struct cg_c_options *o, struct cg_report *r,
         cg_file_fn *file, void *user);

/* mofcomp's -MOF/-MFL split: the canonical MOF without the amended
 * qualifiers, and the locale amendment holding them (classes in the child
 * namespace ms_<lcid>, marked Locale(0x<lcid>) as mofcomp does, with only
 * the members that have amended qualifiers, and their keys).  Both malloc'ed; false when out of memory. */
bool cg_mof_split(const struct mofc_model *m, const bool *selected, unsigned lcid,
                  struct cg_report *r, char **neutral, size_t *nlen, char **amendment,
                  size_t *alen);

/* Reference pages (see doc.c): one per class, index.EXT, qualifiers.EXT
 * and, for HTML, mofc.css, each handed to `emit` when complete. */
enum cg_doc_format { CG_DOC_MD, CG_DOC_HTML };

struct cg_doc_options {
    enum cg_doc_format format;
    const char *lang;          /* language of the labels ("en", "fr"); NULL: en */
    const char *locale;        /* the locale asked for, shown on the pages; NULL: neutral */
    const char *template_dir;  /* overrides templates/doc/; NULL: built in */
    const bool *selected;      /* by class index; NULL: every class of the user's files */
    cg_file_fn *emit;          /* 0 to go on; non-zero stops, and cg_doc returns it */
    void *user;
};

/* Returns 0, 1 after reporting template problems, 2 when out of memory,
 * or what `emit` returned. */
int cg_doc(const struct mofc_model *m, const struct cg_doc_options *o, struct cg_report *r);

/* The WMI driver header (see wmihdr.c): what wmimofck -h writes for every
 * class with a guid.  Returns a malloc'ed buffer, or NULL when out of
 * memory; names the MOF gives that cannot be C are reported through `r`. */
struct cg_wmihdr_options {
    bool method_structs;       /* -m: _IN/_OUT structs of the method parameters */
    bool fixed_strings;        /* -u: a string with MaxLen(n) is WCHAR[n + 1] */
    const char *guard;         /* base of the include guard (the file name); NULL: wmi_header */
    const bool *selected;      /* by class index; NULL: every class of the user's files */
};

char *cg_wmi_header(const struct mofc_model *m, const struct cg_wmihdr_options *o,
                    struct cg_report *r, size_t *len);

#endif
