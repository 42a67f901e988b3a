/*
 * mofc.h - the libmofc context API.
 *
 * A context owns one compilation: options, the files it reads, one arena
 * for everything it builds, the diagnostics it records, and the resolved
 * model.  The library never prints; diagnostics go to a sink the client
 * sets (the CLI renders them as text, JSON or SARIF).
 *
 *     struct mofc *m = mofc_create(&opts);
 *     mofc_add_file(m, "schema.mof");
 *     if (mofc_compile(m) == 0) use(mofc_model(m));
 *     mofc_destroy(m);
 */
#ifndef MOFC_MOFC_H
#define MOFC_MOFC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "mofc/model.h"

#ifdef __cplusplus
extern "C" {
#endif

#define MOFC_VERSION "0.1.0"

enum mofc_dialect {
    MOFC_DIALECT_DMTF = 0,   /* DSP0004 v2: qualifiers must be declared */
    MOFC_DIALECT_WMI,        /* mofcomp: undeclared qualifiers are inferred */
};

enum mofc_severity {
    MOFC_NOTE = 0,
    MOFC_WARNING,
    MOFC_ERROR,
    MOFC_FATAL,              /* stops the compilation (too many errors, I/O) */
};

/* Warning categories; each can be enabled, disabled, or made an error.
 * Errors that are always errors use MOFC_W_NONE. */
enum mofc_wcat {
    MOFC_W_NONE = 0,
    MOFC_W_SYNTAX,            /* lenient syntax accepted (raw newline in string...) */
    MOFC_W_PRAGMA,            /* unknown or ignored pragma */
    MOFC_W_QUALIFIER,         /* qualifier use not matching its declaration */
    MOFC_W_OVERRIDE,          /* implicit override, loosened flavor */
    MOFC_W_VALUEMAP,          /* ValueMap/Values problems */
    MOFC_W_RANGE,             /* MaxLen/MinValue/... violated by a value */
    MOFC_W_KEY,               /* key rules that are advice */
    MOFC_W_ASSOCIATION,       /* association/reference advice */
    MOFC_W_DEPRECATED,        /* use of Deprecated elements */
    MOFC_W_CASE,              /* names differing only in case */
    MOFC_W_NAMING,            /* class name without schema prefix */
    MOFC_W_MODEL_CORRESPONDENCE, /* ModelCorrespondence to a missing target */
    MOFC_W_ALIAS,             /* forward alias use */
    MOFC_W_INSTANCE,          /* instance advice (missing key value...) */
    MOFC_W_ENCODING,          /* BOM in strict mode, odd bytes */
    MOFC_W_REDEFINITION,      /* WMI: a class declared again replaces the first */
    MOFC_W_LOCALE,            /* --locale names a locale the input has no amendment for */
    MOFC_W_PORTABLE,          /* what other compilers reject: built-in qualifiers relied on */
    MOFC_W_COUNT_
};

/* Name of a category as used in -W<name>, and the reverse. */
const char *mofc_wcat_name(enum mofc_wcat c);
/* "note", "warning", "error" or "fatal error", as diagnostics print it. */
const char *mofc_severity_name(enum mofc_severity s);
enum mofc_wcat mofc_wcat_from_name(const char *name);  /* MOFC_W_COUNT_ if unknown */

/* A rendered position: what a diagnostic reports. */
struct mofc_point {
    const char *file;
    uint32_t line;           /* 1-based */
    uint32_t column;         /* 1-based, in characters */
};

struct mofc_span {
    struct mofc_point begin;
    uint32_t end_column;     /* exclusive, on begin's line; == begin.column for a point */
};

struct mofc_diag_note {
    struct mofc_span span;   /* span.begin.file NULL: no location */
    const char *message;
};

/* One "In file included from" step, outermost last. */
struct mofc_include_step {
    const char *file;
    uint32_t line;
    uint32_t column;
};

struct mofc_diagnostic {
    enum mofc_severity severity;
    enum mofc_wcat category;     /* MOFC_W_NONE for plain errors */
    bool promoted;               /* warning turned into an error by -Werror */
    const char *id;              /* stable id, e.g. "superclass-not-found" */
    const char *message;
    struct mofc_span span;       /* span.begin.file NULL: no location */
    const char *source_line;     /* the line's text (UTF-8, no newline), or NULL */
    size_t nincludes;
    const struct mofc_include_step *includes;
    size_t nnotes;
    const struct mofc_diag_note *notes;
};

typedef void mofc_diag_sink(const struct mofc_diagnostic *d, void *user);

struct mofc_options {
    enum mofc_dialect dialect;
    size_t ninclude_dirs;
    const char *const *include_dirs;    /* -I, searched after the including file's dir */
    size_t npacks;
    const char *const *packs;           /* --with: "wmi", "dsc" */
    const char *default_namespace;      /* NULL: "root/cimv2" */
    unsigned max_errors;                /* 0: unlimited */
    bool warnings_are_errors;           /* -Werror */
    /* per-category state: 0 default, 1 enabled, 2 disabled, 3 error */
    unsigned char wcat_state[MOFC_W_COUNT_];
    bool no_builtin_qualifiers;         /* don't preload the shipped declarations */
    /* Locale amendments (classes in a namespace ending in "ms_<LCID hex>",
     * as a WMI .mfl file declares them): the amendments of this locale
     * ("fr", "fr_FR", "0x40c", "ms_40c") are merged onto the neutral
     * classes of the same name, the others are dropped.  NULL: every
     * amendment is dropped and the model is the neutral one. */
    const char *locale;
    /* --cpp: each MOF input goes through this C preprocessor program
     * first (words split at blanks, e.g. "cpp" or "clang -E"; it must take
     * GCC's options and write line markers); NULL: inputs are read as they
     * are.  cpp_args are passed to it in order ("-DNAME=V", "-UNAME"). */
    const char *cpp;
    size_t ncpp_args;
    const char *const *cpp_args;
};

struct mofc;

struct mofc *mofc_create(const struct mofc_options *opts);
void mofc_destroy(struct mofc *m);
void mofc_set_diag_sink(struct mofc *m, mofc_diag_sink *sink, void *user);

/* Queue inputs; nothing is read until mofc_compile(). */
void mofc_add_file(struct mofc *m, const char *path);
/* In-memory input (tests, fuzzers); `name` labels diagnostics.  The bytes
 * are copied. */
void mofc_add_buffer(struct mofc *m, const char *name, const char *data, size_t len);

/* Read, parse, declare, resolve, check.  Returns 0 if no error was
 * reported (warnings allowed unless promoted), 1 on errors in the input,
 * 2 on I/O or internal failure. */
int mofc_compile(struct mofc *m);

/* The model; NULL unless mofc_compile() returned 0. */
const struct mofc_model *mofc_model(const struct mofc *m);

/* Counts of what was reported (after promotion). */
size_t mofc_error_count(const struct mofc *m);
size_t mofc_warning_count(const struct mofc *m);

/* Every input file read, includes too (for -MD depfiles), in reading
 * order; mofc's built-in schemas are not files and are not listed. */
size_t mofc_file_count(const struct mofc *m);
const char *mofc_file_path(const struct mofc *m, size_t i);

/* The candidate closest to `word` by edit distance (ASCII case folded),
 * or NULL if none is close enough to be a likely misspelling. */
const char *mofc_suggest(const char *word, const char *const *candidates, size_t n);

/* Locale names: "fr", "fr_FR", "fr-FR" (mofc's table of the languages WMI
 * lists), "0x40c", "1036" or "ms_40c" to an LCID; 0 if not understood. */
unsigned mofc_locale_lcid(const char *name);
/* The language tag of an LCID ("fr", "pt-BR"), NULL if not in the table. */
const char *mofc_lcid_language(unsigned lcid);

/* Names of the shipped base-schema packs, NULL-terminated. */
const char *const *mofc_pack_names(void);

#ifdef __cplusplus
}
#endif
#endif /* MOFC_MOFC_H */
