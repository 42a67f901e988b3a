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

/* The subcommand being parsed, for the hint after a usage error. */
static const char *parsing = "";

static void usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("mofc: error: ", stderr);
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\nmofc: try 'mofc %s%s--help'\n", parsing, *parsing ? " " : "");
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

/* Every option, the subcommands it applies to and its help.  An option
 * given to a subcommand it does not apply to is a usage error; `mofc SUB
 * --help` lists the options that apply to SUB.  A new option is one row
 * here and one branch in cli_parse(). */
static const struct cli_option {
    const char *name;        /* as matched: "--class" also covers "--class=X" */
    const char *subcommands; /* space-separated; "!a b": all but a and b; NULL: all */
    const char *args;        /* as --help shows it; NULL: not listed */
    const char *help;
} option_table[] = {
    {"-I", NULL, "-I DIR", "search DIR for included files"},
    {"--cpp", NULL, "--cpp[=PROGRAM]", "run the inputs through the C preprocessor (MOFC_CPP, cpp)"},
    {"-D", NULL, "-D NAME[=VALUE], -U NAME", "--cpp: define or undefine a macro"},
    {"-U", NULL, NULL, NULL},
    {"--dialect", NULL, "--dialect=dmtf|wmi", "DSP0004 MOF (default) or the WMI mofcomp dialect"},
    {"--with", NULL, "--with PACK", "load a shipped base schema (wmi, dsc)"},
    {"--namespace", NULL, "--namespace NS", "default namespace (root/cimv2)"},
    {"--locale", NULL, "--locale LL", "merge the amendments of locale LL (fr, fr_FR, 0x40c)"},
    {"-W", NULL, "-W<cat>, -Wno-<cat>", "enable or disable a warning category; -Wall: all"},
    {"-Werror", NULL, "-Werror[=<cat>]", "make warnings (of a category) errors"},
    {"--portable", NULL, "--portable", "-Wportable: flag what other MOF compilers reject"},
    {"--max-errors", NULL, "--max-errors=N", "stop after N errors (20; 0: no limit)"},
    {"--color", NULL, "--color=auto|always|never", "colour diagnostics"},
    {"--diagnostics-format", NULL, "--diagnostics-format=F", "text, json (JSON Lines) or sarif"},
    {"--diagnostics-file", NULL, "--diagnostics-file FILE", "write the diagnostics to FILE"},
    {"-MD", NULL, "-MD [-MF FILE] [-MT TARGET]",
     "write a depfile: every output, file and template read"},
    {"-MF", NULL, NULL, NULL},
    {"-MT", NULL, NULL, NULL},
    {"--stamp", NULL, "--stamp FILE",
     "touch FILE after every successful run (the depfile's target)"},
    {"-o", "!check", "-o FILE", "output file (c, doc: output directory)"},
    {"--class", "xml mof bmf c doc split wmi-header", "--class NAME",
     "only NAME and the classes it needs (repeatable)"},
    {"--flatten", "xml", "--flatten", "every member, with CLASSORIGIN and PROPAGATED"},
    {"--no-qualifiers", "xml", "--no-qualifiers", "leave qualifiers and their declarations out"},
    {"--template-dir", "c doc", "--template-dir DIR", "templates in DIR replace the built-in ones"},
    {"--list-outputs", "c doc", "--list-outputs",
     "print the files -o DIR would get, write nothing"},
    {"--format", "doc", "--format=md|html", "Markdown (default) or HTML pages"},
    {"--mfl", "split", "--mfl FILE", "the localized MOF to write"},
    {"-m", "wmi-header", "-m", "structs of the method parameters"},
    {"-u", "wmi-header", "-u", "strings with MaxLen as fixed WCHAR arrays"},
    {"-v", "check c doc", "-v", "print a summary"},
    {"--verbose", "check c doc", NULL, NULL},
    {"--help", NULL, "--help", "this subcommand's usage"},
    {"-h", NULL, NULL, NULL},
};

/* Usage lines of the subcommands (the rest: "SUB [options] FILE..."). */
static const struct {
    const char *subcommand;
    const char *synopsis;
} synopses[] = {
    {"check", "check [options] FILE..."},
    {"xml", "xml [--flatten] [--no-qualifiers] [--class NAME]... [options] FILE... [-o OUT]"},
    {"mof", "mof [--class NAME]... [options] FILE... [-o OUT]"},
    {"bmf", "bmf [--class NAME]... [options] FILE... -o OUT.bmf"},
    {"c", "c [--class NAME]... [--template-dir DIR] [options] FILE... -o DIR"},
    {"doc", "doc [--format=md|html] [--locale LL] [--template-dir DIR] [--class NAME]... "
            "[options] FILE... -o DIR"},
    {"split", "split --locale LL [options] FILE... -o NEUTRAL.mof --mfl LOCALIZED.mfl"},
    {"wmi-header", "wmi-header [-m] [-u] [--class NAME]... [options] FILE... [-o OUT.h]"},
};

/* The table row for argument `a`: "--x", "--x=V", "-xV" for short ones. */
static const struct cli_option *option_row(const char *a)
{
    const struct cli_option *best = NULL;
    size_t best_len = 0;
    for (size_t i = 0; i < sizeof option_table / sizeof *option_table; i++) {
        const char *n = option_table[i].name;
        size_t len = strlen(n);
        if (strncmp(a, n, len) != 0)
            continue;
        bool short_opt = n[1] != '-';
        if (a[len] == '\0' || a[len] == '=' || short_opt) {
            if (len > best_len) {
                best = &option_table[i];
                best_len = len;
            }
        }
    }
    return best;
}

static bool applies(const struct cli_option *row, const char *subcommand)
{
    if (!row || !row->subcommands)
        return true;
    bool except = row->subcommands[0] == '!';
    size_t n = strlen(subcommand);
    for (const char *p = row->subcommands + except; *p;) {
        size_t w = strcspn(p, " ");
        if (w == n && strncmp(p, subcommand, n) == 0)
            return !except;
        p += w;
        p += *p == ' ';
    }
    return except;
}

void cli_usage_options(FILE *f, const char *subcommand)
{
    for (size_t i = 0; i < sizeof option_table / sizeof *option_table; i++) {
        const struct cli_option *row = &option_table[i];
        if (!row->args || (subcommand && !applies(row, subcommand)))
            continue;
        fprintf(f, "  %-27s %s", row->args, row->help);
        if (!subcommand && row->subcommands)
            fprintf(f, " [%s%s]", row->subcommands[0] == '!' ? "not " : "",
                    row->subcommands + (row->subcommands[0] == '!'));
        fputc('\n', f);
    }
}

void cli_usage_subcommand(FILE *f, const char *subcommand, const char *summary)
{
    const char *synopsis = NULL;
    for (size_t i = 0; i < sizeof synopses / sizeof *synopses; i++)
        if (strcmp(synopses[i].subcommand, subcommand) == 0)
            synopsis = synopses[i].synopsis;
    if (synopsis)
        fprintf(f, "usage: mofc %s\n", synopsis);
    else
        fprintf(f, "usage: mofc %s [options] FILE...\n", subcommand);
    if (summary)
        fprintf(f, "\n%s\n", summary);
    fputs("\noptions:\n", f);
    cli_usage_options(f, subcommand);
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

/* "--flatten applies only to xml, not to check"; lists as "c and doc",
 * "xml, mof, c, doc and split". */
static void usage_not_applicable(const char *subcommand, const char *a,
                                 const struct cli_option *row)
{
    char list[256] = "";
    size_t nwords = 1, at = 0, k = 0;
    for (const char *p = row->subcommands; *p; p++)
        nwords += *p == ' ';
    for (const char *p = row->subcommands; *p && at < sizeof list - 16; k++) {
        size_t w = strcspn(p, " ");
        const char *sep = k == 0 ? "" : k + 1 == nwords ? " and " : ", ";
        at += (size_t)snprintf(list + at, sizeof list - at, "%s%.*s", sep, (int)w, p);
        p += w;
        p += *p == ' ';
    }
    int n = (int)strcspn(a, "=");
    if (row->subcommands[0] == '!')
        usage_error("%.*s does not apply to %s", n, a, subcommand);
    else
        usage_error("%.*s applies only to %s, not to %s", n, a, list, subcommand);
}

int cli_parse(struct cli_options *o, int argc, char **argv, const char *subcommand)
{
    parsing = subcommand;
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
        } else if (!applies(option_row(a), subcommand)) {
            usage_not_applicable(subcommand, a, option_row(a));
            return 2;
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            o->help = true;
            return 0;
        } else if (strncmp(a, "--stamp", 7) == 0 && (a[7] == '=' || a[7] == '\0')) {
            if (!(v = value_of(argc, argv, &i, "--stamp")))
                return 2;
            o->stamp = v;
        } else if (strcmp(a, "--list-outputs") == 0) {
            o->list_outputs = true;
        } else if (strcmp(a, "--portable") == 0) {
            if (o->lib.wcat_state[MOFC_W_PORTABLE] == 0)
                o->lib.wcat_state[MOFC_W_PORTABLE] = 1;
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
    /* The depfile is named after the target; with nothing to name it
     * after but an input, it would land in the source tree. */
    if (o->depfile && !o->depfile_path && !o->dep_target && !o->stamp && !o->output) {
        usage_error("%s -MD needs -MF FILE, -MT TARGET or --stamp FILE: there is no "
                    "output to name the depfile after", subcommand);
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
