/*
 * options.h - the command line shared by every subcommand.
 */
#ifndef MOFC_CLI_OPTIONS_H
#define MOFC_CLI_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "mofc/mofc.h"

enum diag_format { FORMAT_TEXT, FORMAT_JSON, FORMAT_SARIF };

struct cli_options {
    struct mofc_options lib;        /* what libmofc needs */
    const char **include_dirs;      /* storage for lib.include_dirs */
    const char **packs;             /* storage for lib.packs */
    const char **inputs;
    size_t ninputs;
    const char *output;             /* -o */
    bool depfile;                   /* -MD */
    const char *depfile_path;       /* -MF */
    const char *dep_target;         /* -MT */
    bool verbose;                   /* -v */
    bool flatten;                   /* xml: --flatten */
    bool no_qualifiers;             /* xml: --no-qualifiers */
    const char *template_dir;       /* c, doc: --template-dir */
    const char **classes;           /* --class NAME (repeatable) */
    size_t nclasses;
    int color;                      /* 0 never, 1 always, -1 auto */
    enum diag_format format;
    const char *diagnostics_file;   /* --diagnostics-file FILE */
    /* doc, split */
    bool doc_html;                  /* --format=html (default md) */
    const char *mfl;                /* split: --mfl FILE */
    const char *stamp;              /* --stamp FILE: touched after every successful run */
    bool list_outputs;              /* c, doc: --list-outputs */
    bool help;                      /* SUB --help: print SUB's usage, exit 0 */
    /* wmi-header */
    bool wmi_methods;               /* -m */
    bool wmi_fixed_strings;         /* -u */
    char **cpp_args;                /* storage for lib.cpp_args: "-DNAME=V", "-UNAME" */
};

/* Parses argv after the subcommand.  Returns 0, or 2 after printing a
 * usage error. */
int cli_parse(struct cli_options *o, int argc, char **argv, const char *subcommand);
void cli_options_free(struct cli_options *o);

/* The options that apply to `subcommand` (NULL: all, each marked with
 * where it applies), one per line; and a subcommand's whole usage. */
void cli_usage_options(FILE *f, const char *subcommand);
void cli_usage_subcommand(FILE *f, const char *subcommand, const char *summary);

/* Closest candidate by edit distance, or NULL. */
const char *cli_suggest(const char *word, const char *const *candidates);

#endif
