/*
 * depfile.c - Make depfiles (-MD) and the --stamp file.
 *
 * The depfile is one rule, "TARGET OTHER-OUTPUTS...: INPUTS... TEMPLATES...",
 * then an empty rule per input and template (as gcc -MP), so deleting a
 * file does not stop make.  Paths are escaped the way gcc does, which
 * both make and ninja read back: a space or tab gets a backslash (and the
 * backslashes before it are doubled), '#' becomes "\#", '$' becomes "$$".
 * A path holding a line break cannot be written and is an error.
 */
#include "depfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../codegen/templates_data.h"
#include "output.h"
#include "util/strbuf.h"

struct run_files run_outputs = {PTHREAD_MUTEX_INITIALIZER, NULL, 0, 0};

static void out_of_memory(void)
{
    fputs("mofc: out of memory\n", stderr);
    exit(2);
}

void run_file_add(struct run_files *l, const char *path)
{
    char *copy = strdup(path);
    if (!copy)
        out_of_memory();
    pthread_mutex_lock(&l->lock);
    if (l->count == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        char **grown = realloc(l->paths, cap * sizeof *grown);
        if (!grown)
            out_of_memory();
        l->paths = grown;
        l->cap = cap;
    }
    l->paths[l->count++] = copy;
    pthread_mutex_unlock(&l->lock);
}

static int by_path(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Threads hand files over in any order; the depfile must not depend on it. */
static void run_file_sort(struct run_files *l)
{
    if (l->count)
        qsort(l->paths, l->count, sizeof *l->paths, by_path);
}

int run_file_print(struct run_files *l, FILE *f)
{
    run_file_sort(l);
    for (size_t i = 0; i < l->count; i++)
        fprintf(f, "%s\n", l->paths[i]);
    if (fflush(f) != 0 || ferror(f)) {
        fputs("mofc: error: cannot write to standard output\n", stderr);
        return 2;
    }
    return 0;
}

void run_file_free(struct run_files *l)
{
    for (size_t i = 0; i < l->count; i++)
        free(l->paths[i]);
    free(l->paths);
    l->paths = NULL;
    l->count = l->cap = 0;
}

static bool has_output(const struct run_files *l, const char *path)
{
    for (size_t i = 0; i < l->count; i++)
        if (strcmp(l->paths[i], path) == 0)
            return true;
    return false;
}

/* ---- the text ---- */

/* One path, escaped; false if it holds a line break. */
static bool put_path(struct strbuf *t, const char *path)
{
    size_t backslashes = 0;
    for (const char *p = path; *p; p++) {
        switch (*p) {
        case '\n':
        case '\r':
            fprintf(stderr, "mofc: error: cannot write '%s' in a depfile: it holds a line "
                            "break\n", path);
            return false;
        case ' ':
        case '\t':
            /* 2N+1 backslashes before a blank: N backslashes and the blank. */
            for (size_t i = 0; i < backslashes + 1; i++)
                sb_putn(t, "\\", 1);
            sb_putn(t, p, 1);
            break;
        case '#':
            sb_putn(t, "\\#", 2);
            break;
        case '$':
            sb_putn(t, "$$", 2);
            break;
        default:
            sb_putn(t, p, 1);
            break;
        }
        backslashes = *p == '\\' ? backslashes + 1 : 0;
    }
    return true;
}

/* ---- target and templates ---- */

/* The depfile's target; *made is set when it had to be built (free it). */
static const char *target_of(const struct cli_options *o, const char *subcommand, char **made)
{
    *made = NULL;
    if (o->stamp)
        return o->stamp;
    if (o->dep_target)
        return o->dep_target;
    const char *file = NULL;
    if (o->output && strcmp(subcommand, "c") == 0)
        file = "cim_classes.h";    /* includes every class header */
    else if (o->output && strcmp(subcommand, "doc") == 0)
        file = o->doc_html ? "index.html" : "index.md";
    if (file) {
        size_t n = strlen(o->output) + strlen(file) + 2;
        if (!(*made = malloc(n)))
            out_of_memory();
        snprintf(*made, n, "%s/%s", o->output, file);
        return *made;
    }
    if (o->output)
        return o->output;
    /* check with -MF: a name for the rule only; nothing is written there. */
    size_t n = strlen(o->inputs[0]) + sizeof ".check";
    if (!(*made = malloc(n)))
        out_of_memory();
    snprintf(*made, n, "%s.check", o->inputs[0]);
    return *made;
}

/* Is this built-in template one the subcommand reads (doc: only the
 * format's own)? */
static bool template_used(const char *name, const char *subcommand, bool html)
{
    size_t n = strlen(subcommand);
    if (strncmp(name, subcommand, n) != 0 || name[n] != '/')
        return false;
    if (strcmp(subcommand, "doc") != 0)
        return true;
    size_t len = strlen(name);
    bool md = len > 7 && strcmp(name + len - 7, ".md.tpl") == 0;
    return html != md;
}

/* --template-dir files that replace a built-in template, as the back end
 * reads them (DIR/NAME when it exists). */
static void add_templates(const struct cli_options *o, const char *subcommand,
                          struct run_files *l)
{
    if (!o->template_dir)
        return;
    for (size_t i = 0; i < mofc_templates_count; i++) {
        const char *name = mofc_templates_files[i].name;
        if (!template_used(name, subcommand, o->doc_html))
            continue;
        const char *base = strchr(name, '/') + 1;
        size_t n = strlen(o->template_dir) + strlen(base) + 2;
        char *path = malloc(n);
        if (!path)
            out_of_memory();
        snprintf(path, n, "%s/%s", o->template_dir, base);
        struct stat st;
        if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
            run_file_add(l, path);
        free(path);
    }
}

int depfile_write(const struct cli_options *o, const char *subcommand, struct mofc *m)
{
    char *made;
    const char *target = target_of(o, subcommand, &made);
    char *path_made = NULL;
    const char *path = o->depfile_path;
    if (!path) {
        size_t n = strlen(target) + 3;
        if (!(path_made = malloc(n)))
            out_of_memory();
        snprintf(path_made, n, "%s.d", target);
        path = path_made;
    }
    struct run_files templates = {PTHREAD_MUTEX_INITIALIZER, NULL, 0, 0};
    add_templates(o, subcommand, &templates);
    run_file_sort(&run_outputs);

    struct strbuf t = STRBUF_INIT;
    bool ok = put_path(&t, target);
    for (size_t i = 0; ok && i < run_outputs.count; i++) {
        if (strcmp(run_outputs.paths[i], target) == 0)
            continue;
        sb_puts(&t, " \\\n ");
        ok = put_path(&t, run_outputs.paths[i]);
    }
    sb_puts(&t, ":");
    size_t n = mofc_file_count(m);
    for (size_t i = 0; ok && i < n; i++) {
        sb_puts(&t, " \\\n  ");
        ok = put_path(&t, mofc_file_path(m, i));
    }
    for (size_t i = 0; ok && i < templates.count; i++) {
        sb_puts(&t, " \\\n  ");
        ok = put_path(&t, templates.paths[i]);
    }
    sb_puts(&t, "\n");
    for (size_t i = 0; ok && i < n; i++) {
        sb_puts(&t, "\n");
        ok = put_path(&t, mofc_file_path(m, i));
        sb_puts(&t, ":\n");
    }
    for (size_t i = 0; ok && i < templates.count; i++) {
        sb_puts(&t, "\n");
        ok = put_path(&t, templates.paths[i]);
        sb_puts(&t, ":\n");
    }
    int rc = ok ? output_write(path, t.data, t.len, false) : 2;
    sb_free(&t);
    run_file_free(&templates);
    free(made);
    free(path_made);
    return rc;
}

int depfile_touch_target(const struct cli_options *o, const char *subcommand)
{
    if (o->stamp) {
        int fd = open(o->stamp, O_WRONLY | O_CREAT | O_NOCTTY | O_CLOEXEC, 0666);
        if (fd < 0 || futimens(fd, NULL) != 0) {
            fprintf(stderr, "mofc: error: cannot touch the stamp '%s': %s\n", o->stamp,
                    strerror(errno));
            if (fd >= 0)
                close(fd);
            return 2;
        }
        close(fd);
        return 0;
    }
    if (!o->depfile)
        return 0;
    char *made;
    const char *target = target_of(o, subcommand, &made);
    int rc = 0;
    /* An unchanged output keeps its mtime; as the target it must not. */
    if (has_output(&run_outputs, target) && utimensat(AT_FDCWD, target, NULL, 0) != 0) {
        fprintf(stderr, "mofc: error: cannot touch '%s': %s\n", target, strerror(errno));
        rc = 2;
    }
    free(made);
    return rc;
}
