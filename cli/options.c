/*
 * options.c - command-line parsing, by hand: compiler-style options such
 * as -MD, -MF FILE, -Wno-pragma and -Werror=range do not fit getopt.
 * Options may come before or after the input files.
 */
#include "options.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("mofc: error: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputs("\nmofc: try 'mofc --help'\n", stderr);
    va_end(ap);
}

const char *cli_suggest(const char *word, const char *const *candidates)
{
    size_t n = 0;
    while (candidates[n])
        n++;
    return mofc_suggest(word, candidates, n);
}

/* -W<cat> / -Wno-<cat> / -Werror=<cat>: the category, or a usage error. */
static int category(const char *name, enum mofc_wcat *out)
{
    *out = mofc_wcat_from_name(name);
    if (*out != MOFC_W_COUNT_)
        return 0;
    const char *names[MOFC_W_COUNT_];
    size_t n = 0;
    for (int c = 1; c < MOFC_W_COUNT_; c++)
        names[n++] = mofc_wcat_name((enum mofc_wcat)c);
    names[n] = NULL;
    const char *hint = cli_suggest(name, names);
    if (hint) {
        fprintf(stderr, "mofc: error: unknown warning category '%s'; did you mean '%s'?\n", name,
                hint);
    } else {
        fprintf(stderr, "mofc: error: unknown warning category '%s'; categories:", name);
        for (size_t i = 0; i < n; i++)
            fprintf(stderr, " %s", names[i]);
        fputc('\n', stderr);
    }
    return 2;
}

/* The value of an option written "-X VALUE" or "-XVALUE" / "--x=VALUE". */
static const char *value_of(int argc, char **argv, int *i, const char *opt)
{
    const char *a = argv[*i];
    size_t n = strlen(opt);
    if (a[n] == '=')
        return a + n + 1;
    if (a[n] != '\0')
        return a + n;
    if (*i + 1 >= argc) {
        usage_error("option '%s' needs a value", opt);
        return NULL;
    }
    return argv[++*i];
}

int cli_parse(struct cli_options *o, int argc, char **argv, const char *subcommand)
{
    memset(o, 0, sizeof *o);
    o->lib.max_errors = 20;
    o->color = -1;
    o->include_dirs = calloc((size_t)argc + 1, sizeof *o->include_dirs);
    o->packs = calloc((size_t)argc + 1, sizeof *o->packs);
    o->inputs = calloc((size_t)argc + 1, sizeof *o->inputs);
    o->classes = calloc((size_t)argc + 1, sizeof *o->classes);
    o->cpp_args = calloc((size_t)argc + 1, sizeof *o->cpp_args);
    if (!o->include_dirs || !o->packs || !o->inputs || !o->classes || !o->cpp_args) {
        fputs("mofc: out of memory\n", stderr);
        exit(2);
    }
    bool only_files = false;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        const char *v;
        if (only_files || a[0] != '-' || a[1] == '\0') {
            o->inputs[o->ninputs++] = a;
        } else if (strcmp(a, "--") == 0) {
            only_files = true;
        } else if (strncmp(a, "-I", 2) == 0) {
            if (!(v = value_of(argc, argv, &i, "-I")))
                return 2;
            o->include_dirs[o->lib.ninclude_dirs++] = v;
        } else if (strcmp(a, "-o") == 0 || (strncmp(a, "-o", 2) == 0 && a[2] != '\0')) {
            if (!(v = value_of(argc, argv, &i, "-o")))
                return 2;
            o->output = v;
        } else if (strcmp(a, "-MD") == 0) {
            o->depfile = true;
        } else if (strncmp(a, "-MF", 3) == 0) {
            if (!(v = value_of(argc, argv, &i, "-MF")))
                return 2;
            o->depfile_path = v;
            o->depfile = true;
        } else if (strncmp(a, "-MT", 3) == 0) {
            if (!(v = value_of(argc, argv, &i, "-MT")))
                return 2;
            o->dep_target = v;
        } else if (strcmp(a, "--cpp") == 0 || strncmp(a, "--cpp=", 6) == 0) {
            /* The C preprocessor: --cpp=PROGRAM, else $MOFC_CPP, else cpp. */
            const char *env = getenv("MOFC_CPP");
            o->lib.cpp = a[5] == '=' ? a + 6 : env && *env ? env : "cpp";
            if (!*o->lib.cpp) {
                usage_error("--cpp= needs a program");
                return 2;
            }
        } else if ((a[1] == 'D' || a[1] == 'U') && a[2] != '-') {
            char opt[3] = {'-', a[1], '\0'};
            if (!(v = value_of(argc, argv, &i, opt)))
                return 2;
            if (!*v || *v == '=') {
                usage_error("%s needs a macro name", opt);
                return 2;
            }
            char *w = malloc(strlen(v) + 3);
            if (!w) {
                fputs("mofc: out of memory\n", stderr);
                exit(2);
            }
            sprintf(w, "%s%s", opt, v);
            o->cpp_args[o->lib.ncpp_args++] = w;
        } else if (strcmp(a, "-v") == 0 || strcmp(a, "--verbose") == 0) {
            o->verbose = true;
        } else if (strncmp(a, "--class", 7) == 0 && (a[7] == '=' || a[7] == '\0')) {
            if (!(v = value_of(argc, argv, &i, "--class")))
                return 2;
            o->classes[o->nclasses++] = v;
        } else if (strncmp(a, "--template-dir", 14) == 0 && (a[14] == '=' || a[14] == '\0')) {
            if (!(v = value_of(argc, argv, &i, "--template-dir")))
                return 2;
            o->template_dir = v;
        } else if (strcmp(a, "--flatten") == 0) {
            o->flatten = true;
        } else if (strcmp(a, "--no-qualifiers") == 0) {
            o->no_qualifiers = true;
        } else if (strncmp(a, "--dialect", 9) == 0 && (a[9] == '=' || a[9] == '\0')) {
            if (!(v = value_of(argc, argv, &i, "--dialect")))
                return 2;
            if (strcmp(v, "dmtf") == 0) {
                o->lib.dialect = MOFC_DIALECT_DMTF;
            } else if (strcmp(v, "wmi") == 0) {
                o->lib.dialect = MOFC_DIALECT_WMI;
            } else {
                usage_error("unknown dialect '%s' (dmtf or wmi)", v);
                return 2;
            }
        } else if (strncmp(a, "--with", 6) == 0 && (a[6] == '=' || a[6] == '\0')) {
            if (!(v = value_of(argc, argv, &i, "--with")))
                return 2;
            const char *const *known = mofc_pack_names();
            bool ok = false;
            for (size_t k = 0; known[k]; k++)
                ok |= strcmp(known[k], v) == 0;
            if (!ok) {
                usage_error("unknown base-schema pack '%s' (wmi or dsc)", v);
                return 2;
            }
            o->packs[o->lib.npacks++] = v;
        } else if (strncmp(a, "--namespace", 11) == 0 && (a[11] == '=' || a[11] == '\0')) {
            if (!(v = value_of(argc, argv, &i, "--namespace")))
                return 2;
            o->lib.default_namespace = v;
        } else if (strncmp(a, "--max-errors", 12) == 0 && (a[12] == '=' || a[12] == '\0')) {
            if (!(v = value_of(argc, argv, &i, "--max-errors")))
                return 2;
            char *end;
            unsigned long n = strtoul(v, &end, 10);
            if (*end || !*v || n > 1000000) {
                usage_error("--max-errors needs a number, not '%s'", v);
                return 2;
            }
            o->lib.max_errors = (unsigned)n;
        } else if (strncmp(a, "--color", 7) == 0 && (a[7] == '=' || a[7] == '\0')) {
            v = a[7] == '=' ? a + 8 : "always";
            if (strcmp(v, "always") == 0) {
                o->color = 1;
            } else if (strcmp(v, "never") == 0) {
                o->color = 0;
            } else if (strcmp(v, "auto") == 0) {
                o->color = -1;
            } else {
                usage_error("--color takes auto, always or never, not '%s'", v);
                return 2;
            }
        } else if (strncmp(a, "--diagnostics-format", 20) == 0 && (a[20] == '=' || !a[20])) {
            if (!(v = value_of(argc, argv, &i, "--diagnostics-format")))
                return 2;
            if (strcmp(v, "text") == 0) {
                o->format = FORMAT_TEXT;
            } else if (strcmp(v, "json") == 0) {
                o->format = FORMAT_JSON;
            } else if (strcmp(v, "sarif") == 0) {
                o->format = FORMAT_SARIF;
            } else {
                usage_error("--diagnostics-format takes text, json or sarif, not '%s'", v);
                return 2;
            }
        } else if (strncmp(a, "--diagnostics-file", 18) == 0 && (a[18] == '=' || !a[18])) {
            if (!(v = value_of(argc, argv, &i, "--diagnostics-file")))
                return 2;
            o->diagnostics_file = v;
        } else if (strncmp(a, "--format", 8) == 0 && (a[8] == '=' || a[8] == '\0')) {
            if (!(v = value_of(argc, argv, &i, "--format")))
                return 2;
            if (strcmp(v, "md") == 0 || strcmp(v, "html") == 0) {
                o->doc_html = v[0] == 'h';
            } else {
                usage_error("--format takes md or html, not '%s'", v);
                return 2;
            }
        } else if (strncmp(a, "--locale", 8) == 0 && (a[8] == '=' || a[8] == '\0')) {
            if (!(v = value_of(argc, argv, &i, "--locale")))
                return 2;
            if (!mofc_locale_lcid(v)) {
                usage_error("unknown locale '%s' (a language such as fr or fr_FR, or an LCID "
                            "such as 0x40c)", v);
                return 2;
            }
            o->lib.locale = v;
        } else if (strncmp(a, "--mfl", 5) == 0 && (a[5] == '=' || a[5] == '\0')) {
            if (!(v = value_of(argc, argv, &i, "--mfl")))
                return 2;
            o->mfl = v;
        } else if (strcmp(subcommand, "wmi-header") == 0 && strcmp(a, "-m") == 0) {
            o->wmi_methods = true;
        } else if (strcmp(subcommand, "wmi-header") == 0 && strcmp(a, "-u") == 0) {
            o->wmi_fixed_strings = true;
        } else if (strcmp(a, "-Werror") == 0) {
            o->lib.warnings_are_errors = true;
        } else if (strcmp(a, "-Wall") == 0) {
            for (int c = 1; c < MOFC_W_COUNT_; c++)
                if (o->lib.wcat_state[c] == 0)
                    o->lib.wcat_state[c] = 1;
        } else if (strncmp(a, "-Werror=", 8) == 0) {
            enum mofc_wcat c;
            if (category(a + 8, &c))
                return 2;
            o->lib.wcat_state[c] = 3;
        } else if (strncmp(a, "-Wno-", 5) == 0) {
            enum mofc_wcat c;
            if (category(a + 5, &c))
                return 2;
            o->lib.wcat_state[c] = 2;
        } else if (strncmp(a, "-W", 2) == 0 && a[2]) {
            enum mofc_wcat c;
            if (category(a + 2, &c))
                return 2;
            o->lib.wcat_state[c] = 1;
        } else {
            usage_error("unknown option '%s'", a);
            return 2;
        }
    }
    o->lib.include_dirs = o->include_dirs;
    o->lib.packs = o->packs;
    o->lib.cpp_args = (const char *const *)o->cpp_args;
    if (o->lib.ncpp_args && !o->lib.cpp) {
        usage_error("-D and -U are options of the C preprocessor: add --cpp");
        return 2;
    }
    if (o->ninputs == 0 && strcmp(subcommand, "lsp") != 0) {
        usage_error("%s: no input files", subcommand);
        return 2;
    }
    return 0;
}

void cli_options_free(struct cli_options *o)
{
    free(o->include_dirs);
    free(o->packs);
    free(o->inputs);
    free(o->classes);
    for (size_t i = 0; o->cpp_args && i < o->lib.ncpp_args; i++)
        free(o->cpp_args[i]);
    free(o->cpp_args);
}
