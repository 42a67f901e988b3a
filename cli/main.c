/*
 * main.c - the mofc command: subcommand dispatch over libmofc.
 *
 * Every subcommand follows one shape: parse options, create a context,
 * queue the inputs, compile, hand the model to its back end, render the
 * diagnostics, write the depfile, destroy.  Exit status: 0 clean
 * (warnings allowed), 1 errors in the input, 2 usage or I/O errors.
 */
#include <errno.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../codegen/backends.h"
#include "../lsp/lsp_main.h"
#include "mofc/mofc.h"
#include "options.h"
#include "output.h"
#include "render.h"

typedef int subcommand_fn(const struct cli_options *o, const struct mofc_model *m);

static int run_check(const struct cli_options *o, const struct mofc_model *m)
{
    if (o->verbose) {
        size_t nuser = 0;
        for (size_t i = 0; i < m->nqualifier_decls; i++)
            nuser += m->qualifier_decls[i]->origin == MOFC_ORIGIN_USER;
        printf("mofc: %zu file%s, %zu qualifier declaration%s (%zu built in), %zu class%s, "
               "%zu instance%s\n",
               m->nfiles, m->nfiles == 1 ? "" : "s", nuser, nuser == 1 ? "" : "s",
               m->nqualifier_decls - nuser, m->nclasses, m->nclasses == 1 ? "" : "es",
               m->ninstances, m->ninstances == 1 ? "" : "s");
    }
    return 0;
}

/* Back-end problems (what a format cannot express) go with the other
 * diagnostics, in their format. */
static struct renderer *diagnostics;

static void backend_error(void *user, const struct mofc_location *loc, const char *message)
{
    (void)user;
    render_backend_error(diagnostics, loc, message);
}

/* Bytes to -o atomically, or to standard output. */
static int emit(const struct cli_options *o, const char *data, size_t len)
{
    if (o->output)
        return output_write(o->output, data, len, false);
    if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0) {
        fputs("mofc: error: cannot write to standard output\n", stderr);
        return 2;
    }
    return 0;
}

/* --class: the selection, or NULL for every class; *rc set on error. */
static bool *selection(const struct cli_options *o, const struct mofc_model *m,
                       struct cg_report *r, int *rc)
{
    *rc = 0;
    if (!o->nclasses)
        return NULL;
    bool *sel = cg_class_closure(m, o->classes, o->nclasses, r);
    if (!sel)
        *rc = r->nerrors ? 1 : 2;
    return sel;
}

/* A back end renders the (selected) model into memory; NULL on failure. */
typedef char *render_fn(const struct cli_options *o, const struct mofc_model *m,
                        const bool *selected, struct cg_report *r, size_t *len);

static char *render_xml(const struct cli_options *o, const struct mofc_model *m,
                        const bool *selected, struct cg_report *r, size_t *len)
{
    struct cg_xml_options xo = {o->flatten, o->no_qualifiers, selected};
    return cg_cimxml(m, &xo, r, len);
}

static char *render_mof(const struct cli_options *o, const struct mofc_model *m,
                        const bool *selected, struct cg_report *r, size_t *len)
{
    (void)o;
    return cg_mof(m, selected, r, len);
}

/* Selection, rendering, then the bytes to -o or stdout: every back end. */
static int run_backend(const struct cli_options *o, const struct mofc_model *m,
                       render_fn *render, const char *what)
{
    struct cg_report r = {backend_error, NULL, 0};
    int rc;
    bool *sel = selection(o, m, &r, &rc);
    if (rc)
        return rc;
    size_t len = 0;
    char *out = render(o, m, sel, &r, &len);
    free(sel);
    if (!out) {
        /* A back end that said why (libxml2 missing) has said enough. */
        if (!r.nerrors)
            fprintf(stderr, "mofc: error: could not write the %s (out of memory?)\n", what);
        return 2;
    }
    rc = r.nerrors ? 1 : emit(o, out, len);
    free(out);
    return rc;
}

static int run_xml(const struct cli_options *o, const struct mofc_model *m)
{
    return run_backend(o, m, render_xml, "CIM-XML document");
}

static int run_mof(const struct cli_options *o, const struct mofc_model *m)
{
    return run_backend(o, m, render_mof, "MOF");
}

static char *render_bmf(const struct cli_options *o, const struct mofc_model *m,
                        const bool *selected, struct cg_report *r, size_t *len)
{
    (void)o;
    return cg_bmf(m, selected, r, len);
}

static int run_bmf(const struct cli_options *o, const struct mofc_model *m)
{
    return run_backend(o, m, render_bmf, "binary MOF");
}

/* Creates `dir` and its missing parents. */
static int make_dirs(const char *dir)
{
    char *path = strdup(dir);
    if (!path) {
        fputs("mofc: out of memory\n", stderr);
        return 2;
    }
    int rc = 0;
    for (char *p = path + 1;; p++) {
        if (*p != '/' && *p != '\0')
            continue;
        char c = *p;
        *p = '\0';
        if (mkdir(path, 0777) != 0 && errno != EEXIST) {
            fprintf(stderr, "mofc: error: cannot create directory '%s': %s\n", path,
                    strerror(errno));
            rc = 2;
            break;
        }
        *p = c;
        if (!c)
            break;
    }
    struct stat st;
    if (!rc && (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))) {
        fprintf(stderr, "mofc: error: '%s' is not a directory\n", dir);
        rc = 2;
    }
    free(path);
    return rc;
}

/* A back end writing a directory hands over its files one by one (the C
 * back end from several threads). */
struct dir_output {
    const char *dir;
    atomic_size_t files;
    atomic_int failed;      /* a write failed (and said why) */
};

static int write_generated(void *user, const char *name, const char *data, size_t len)
{
    struct dir_output *out = user;
    size_t n = strlen(out->dir) + strlen(name) + 2;
    char *path = malloc(n);
    int rc = 2;
    if (path) {
        snprintf(path, n, "%s/%s", out->dir, name);
        /* Unchanged files keep their mtime, so make rebuilds only what changed. */
        rc = output_write(path, data, len, true);
        free(path);
    } else {
        fputs("mofc: out of memory\n", stderr);
    }
    if (rc)
        atomic_store(&out->failed, 1);
    else
        atomic_fetch_add(&out->files, 1);
    return rc;
}

/* The back ends that write a directory (c, doc) share the setup: -o DIR
 * required and created, --template-dir checked, the --class selection,
 * the files written as they come, a failure said once. */
typedef int dir_backend_fn(const struct cli_options *o, const struct mofc_model *m,
                           const bool *selected, struct cg_report *r, struct dir_output *out);

static int run_dir_backend(const struct cli_options *o, const struct mofc_model *m,
                           const char *subcommand, dir_backend_fn *backend, const char *what)
{
    if (!o->output) {
        fprintf(stderr,
                "mofc: error: %s: -o DIR is required (the directory for the generated files)\n",
                subcommand);
        return 2;
    }
    struct stat st;
    if (o->template_dir && (stat(o->template_dir, &st) != 0 || !S_ISDIR(st.st_mode))) {
        fprintf(stderr, "mofc: error: --template-dir '%s' is not a directory\n", o->template_dir);
        return 2;
    }
    struct cg_report r = {backend_error, NULL, 0};
    int rc;
    bool *sel = selection(o, m, &r, &rc);
    if (rc)
        return rc;
    struct dir_output out;
    out.dir = o->output;
    atomic_init(&out.files, 0);
    atomic_init(&out.failed, 0);
    rc = make_dirs(o->output);
    if (!rc) {
        rc = backend(o, m, sel, &r, &out);
        if (rc == 2 && !r.nerrors && !atomic_load(&out.failed))
            fprintf(stderr, "mofc: error: could not write the %s (out of memory?)\n", what);
    }
    free(sel);
    if (!rc && o->verbose)
        printf("mofc: %zu files in %s\n", atomic_load(&out.files), o->output);
    return rc;
}

static int c_backend(const struct cli_options *o, const struct mofc_model *m,
                     const bool *selected, struct cg_report *r, struct dir_output *out)
{
    struct cg_c_options co = {selected, o->template_dir};
    return cg_c(m, &co, r, write_generated, out);
}

static int run_c(const struct cli_options *o, const struct mofc_model *m)
{
    return run_dir_backend(o, m, "c", c_backend, "C bindings");
}

static int doc_backend(const struct cli_options *o, const struct mofc_model *m,
                       const bool *selected, struct cg_report *r, struct dir_output *out)
{
    struct cg_doc_options d = {0};
    d.format = o->doc_html ? CG_DOC_HTML : CG_DOC_MD;
    /* The locale as the pages show it, one spelling for "fr", "fr_FR", "0x40c". */
    char shown[64];
    if (o->lib.locale) {
        unsigned lcid = mofc_locale_lcid(o->lib.locale);
        const char *lang = mofc_lcid_language(lcid);
        snprintf(shown, sizeof shown, "%s (0x%x)", lang ? lang : "?", lcid);
        d.locale = shown;
        d.lang = lang;
    } else {
        d.lang = "en";
    }
    d.template_dir = o->template_dir;
    d.selected = selected;
    d.emit = write_generated;
    d.user = out;
    return cg_doc(m, &d, r);
}

static int run_doc(const struct cli_options *o, const struct mofc_model *m)
{
    return run_dir_backend(o, m, "doc", doc_backend, "pages");
}

static int run_split(const struct cli_options *o, const struct mofc_model *m)
{
    if (!o->lib.locale || !o->output || !o->mfl) {
        fputs("mofc: error: split needs --locale LL, -o NEUTRAL.mof and --mfl LOCALIZED.mfl\n",
              stderr);
        return 2;
    }
    struct cg_report r = {backend_error, NULL, 0};
    int rc;
    bool *sel = selection(o, m, &r, &rc);
    if (rc)
        return rc;
    char *neutral, *amendment;
    size_t nlen, alen;
    bool ok = cg_mof_split(m, sel, mofc_locale_lcid(o->lib.locale), &r, &neutral, &nlen, &amendment,
                           &alen);
    free(sel);
    if (!ok) {
        fputs("mofc: error: could not write the split MOF (out of memory?)\n", stderr);
        return 2;
    }
    rc = r.nerrors ? 1 : output_write(o->output, neutral, nlen, false);
    if (!rc)
        rc = output_write(o->mfl, amendment, alen, false);
    free(neutral);
    free(amendment);
    return rc;
}

static char *render_wmi_header(const struct cli_options *o, const struct mofc_model *m,
                               const bool *selected, struct cg_report *r, size_t *len)
{
    /* The include guard is named after the header, as wmimofck does. */
    const char *guard = NULL;
    if (o->output) {
        guard = strrchr(o->output, '/');
        guard = guard ? guard + 1 : o->output;
    }
    struct cg_wmihdr_options wo = {o->wmi_methods, o->wmi_fixed_strings, guard, selected};
    return cg_wmi_header(m, &wo, r, len);
}

static int run_wmi_header(const struct cli_options *o, const struct mofc_model *m)
{
    return run_backend(o, m, render_wmi_header, "WMI header");
}

static const struct {
    const char *name;
    subcommand_fn *run;
    const char *summary;
} subcommands[] = {
    {"check", run_check, "check MOF files (syntax and CIM semantics)"},
    {"xml", run_xml, "write CIM-XML (DSP0201) declarations; --flatten, --no-qualifiers"},
    {"mof", run_mof, "print the resolved model back as canonical MOF"},
    {"bmf", run_bmf, "write binary MOF (mofcomp -B, DS-compressed) to -o OUT.bmf"},
    {"c", run_c, "write C bindings (structs, enums, descriptors) into -o DIR"},
    {"doc", run_doc, "write reference pages (Markdown or HTML) into the directory -o DIR"},
    {"split", run_split, "split out the amended qualifiers: -o NEUTRAL.mof --mfl LOCALIZED.mfl"},
    {"wmi-header", run_wmi_header, "write the WMI driver header of the guid classes (wmimofck -h)"},
};

static void usage(FILE *f)
{
    fputs("usage: mofc SUBCOMMAND [options] FILE...\n\nsubcommands:\n", f);
    for (size_t i = 0; i < sizeof subcommands / sizeof *subcommands; i++)
        fprintf(f, "  mofc %-10s %s\n", subcommands[i].name, subcommands[i].summary);
    fprintf(f, "  mofc %-10s %s\n", "lsp", "language server (LSP over standard input and output)");
    fputs("\noptions:\n"
          "  -I DIR                    search DIR for included files\n"
          "  --cpp[=PROGRAM]           run the inputs through the C preprocessor (MOFC_CPP, cpp)\n"
          "  -D NAME[=VALUE], -U NAME  --cpp: define or undefine a macro\n"
          "  --dialect=dmtf|wmi        DSP0004 MOF (default) or the WMI mofcomp dialect\n"
          "  --with PACK               load a shipped base schema (wmi, dsc)\n"
          "  --namespace NS            default namespace (root/cimv2)\n"
          "  -W<cat>, -Wno-<cat>       enable or disable a warning category; -Wall: all\n"
          "  -Werror[=<cat>]           make warnings (of a category) errors\n"
          "  --max-errors=N            stop after N errors (20; 0: no limit)\n"
          "  --color=auto|always|never colour diagnostics\n"
          "  --diagnostics-format=text|json|sarif\n"
          "  --diagnostics-file FILE   write the diagnostics to FILE (not stderr/stdout)\n"
          "  -MD [-MF FILE] [-MT TARGET] write a Make depfile of every file read\n"
          "  -o FILE                   output file (c, doc: output directory)\n"
          "  --class NAME              xml, mof, bmf, c, doc, split: only NAME and the classes it needs\n"
          "  --template-dir DIR        c, doc: templates in DIR replace the built-in ones\n"
          "  -v                        print a summary\n"
          "  --format=md|html          doc: Markdown (default) or HTML pages\n"
          "  --locale LL               doc, split: the locale (fr, fr_FR, 0x40c)\n"
          "  --mfl FILE                split: the localized MOF to write\n"
          "  -m                        wmi-header: structs of the method parameters\n"
          "  -u                        wmi-header: strings with MaxLen as fixed WCHAR arrays\n"
          "  --help, --version\n",
          f);
}

/* "TARGET: dep \" lines, then an empty rule per dependency (like gcc -MP)
 * so a deleted file does not break make. */
static int write_depfile(const struct cli_options *o, struct mofc *m)
{
    const char *target = o->dep_target ? o->dep_target : o->output;
    char *made = NULL;
    if (!target) {
        made = malloc(strlen(o->inputs[0]) + 8);
        if (!made)
            return 2;
        sprintf(made, "%s.check", o->inputs[0]);
        target = made;
    }
    const char *path = o->depfile_path;
    char *mpath = NULL;
    if (!path) {
        mpath = malloc(strlen(target) + 3);
        if (!mpath) {
            free(made);
            return 2;
        }
        sprintf(mpath, "%s.d", target);
        path = mpath;
    }
    size_t cap = 256, len = 0;
    char *buf = malloc(cap);
    int rc = 2;
    if (!buf)
        goto out;
#define PUT(s)                                                                                     \
    do {                                                                                           \
        size_t n_ = strlen(s);                                                                     \
        while (len + n_ + 1 > cap) {                                                               \
            char *nb_ = realloc(buf, cap *= 2);                                                    \
            if (!nb_)                                                                              \
                goto out;                                                                          \
            buf = nb_;                                                                             \
        }                                                                                          \
        memcpy(buf + len, s, n_);                                                                  \
        len += n_;                                                                                 \
    } while (0)
    PUT(target);
    PUT(":");
    size_t n = mofc_file_count(m);
    for (size_t i = 0; i < n; i++) {
        PUT(" \\\n  ");
        PUT(mofc_file_path(m, i));
    }
    PUT("\n");
    for (size_t i = 0; i < n; i++) {
        PUT("\n");
        PUT(mofc_file_path(m, i));
        PUT(":\n");
    }
#undef PUT
    rc = output_write(path, buf, len, false);
out:
    free(buf);
    free(made);
    free(mpath);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        usage(stdout);
        return 0;
    }
    if (strcmp(cmd, "--version") == 0) {
        printf("mofc %s\n", MOFC_VERSION);
        return 0;
    }
    /* The language server reads its settings from the client, not argv. */
    if (strcmp(cmd, "lsp") == 0)
        return lsp_main(argc - 2, argv + 2);
    subcommand_fn *run = NULL;
    const char *names[sizeof subcommands / sizeof *subcommands + 1];
    for (size_t i = 0; i < sizeof subcommands / sizeof *subcommands; i++) {
        names[i] = subcommands[i].name;
        if (strcmp(cmd, subcommands[i].name) == 0)
            run = subcommands[i].run;
    }
    names[sizeof subcommands / sizeof *subcommands] = NULL;
    if (!run) {
        const char *hint = cli_suggest(cmd, names);
        if (hint)
            fprintf(stderr, "mofc: error: unknown subcommand '%s'; did you mean '%s'?\n", cmd,
                    hint);
        else
            fprintf(stderr, "mofc: error: unknown subcommand '%s'\n", cmd);
        usage(stderr);
        return 2;
    }

    struct cli_options o;
    int rc = cli_parse(&o, argc - 2, argv + 2, cmd);
    if (rc) {
        cli_options_free(&o);
        return rc;
    }
    /* c writes a directory; its depfile names the header including all. */
    char *c_target = NULL;
    if (strcmp(cmd, "c") == 0 && o.depfile && !o.dep_target && o.output) {
        c_target = malloc(strlen(o.output) + sizeof "/cim_classes.h");
        if (c_target) {
            sprintf(c_target, "%s/cim_classes.h", o.output);
            o.dep_target = c_target;
        }
    }
    /* split's --locale names the amendment it writes: an input without one
     * is what split expects, not something to warn about. */
    if (strcmp(cmd, "split") == 0 && o.lib.wcat_state[MOFC_W_LOCALE] == 0)
        o.lib.wcat_state[MOFC_W_LOCALE] = 2;
    /* Only `check` has stdout to spare, and only without -v: elsewhere an
     * output without -o goes there, so a SARIF log may not. */
    bool stdout_taken = o.verbose || (!o.output && strcmp(cmd, "check") != 0);
    struct renderer r;
    render_init(&r, o.format, o.color, o.diagnostics_file, stdout_taken);
    diagnostics = &r;
    struct mofc *m = mofc_create(&o.lib);
    mofc_set_diag_sink(m, render_diagnostic, &r);
    for (size_t i = 0; i < o.ninputs; i++)
        mofc_add_file(m, o.inputs[i]);
    rc = mofc_compile(m);
    const struct mofc_model *model = mofc_model(m);
    if (rc == 0 && model)
        rc = run(&o, model);
    if (o.depfile && rc != 2) {
        int drc = write_depfile(&o, m);
        if (drc)
            rc = drc;
    }
    rc = render_finish(&r, rc);
    mofc_destroy(m);
    cli_options_free(&o);
    free(c_target);
    return rc;
}
