/*
 * render.c - diagnostic output.
 *
 * Text follows gcc: "file:line:col: severity: message [-Wcat]", the source
 * line under a gutter, a caret under the first column and tildes under
 * the rest of the span.  Columns count characters, so the marker line
 * advances one column per UTF-8 character and copies tabs, which keeps it
 * aligned however the terminal expands them.  A very long line is shown
 * as a window around the span.
 */
#include "render.h"

#include <json.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag_json.h"
#include "output.h"

#define BOLD "\033[1m"
#define RED "\033[1;31m"
#define MAGENTA "\033[1;35m"
#define CYAN "\033[1;36m"
#define GREEN "\033[1;32m"
#define RESET "\033[0m"

static const char *severity_color(enum mofc_severity s)
{
    return s == MOFC_NOTE ? CYAN : s == MOFC_WARNING ? MAGENTA : RED;
}

/* ---- text ---- */

static void text_header(struct renderer *r, const struct mofc_span *sp, enum mofc_severity sev,
                        const char *message, const char *flag)
{
    FILE *f = r->out;
    if (r->color)
        fputs(BOLD, f);
    if (sp->begin.file && !sp->begin.line)
        fprintf(f, "%s: offset 0x%x: ", sp->begin.file, sp->begin.column);
    else if (sp->begin.file)
        fprintf(f, "%s:%u:%u: ", sp->begin.file, sp->begin.line, sp->begin.column);
    else if (sev != MOFC_NOTE)
        fputs("mofc: ", f);
    if (r->color)
        fprintf(f, RESET "%s%s:" RESET " ", severity_color(sev), mofc_severity_name(sev));
    else
        fprintf(f, "%s: ", mofc_severity_name(sev));
    fputs(message, f);
    if (flag)
        fprintf(f, " [%s]", flag);
    fputc('\n', f);
}

/* The byte where character column `col` (1-based) of `line` starts. */
static const char *column_at(const char *line, uint32_t col)
{
    const char *p = line;
    for (uint32_t c = 1; *p && c < col; c++) {
        p++;
        while (((unsigned char)*p & 0xC0) == 0x80)
            p++;
    }
    return p;
}

/* Lines longer than this show a window of it around the span, with "..."
 * where text was left out (generated MOF can put kilobytes on one line). */
enum { QUOTE_WIDTH = 100, QUOTE_LEAD = 40 };

static void text_quote(struct renderer *r, const struct mofc_span *sp, const char *line)
{
    FILE *f = r->out;
    uint32_t n = 0;
    for (const char *p = line; *p; p++)
        n += ((unsigned char)*p & 0xC0) != 0x80;
    uint32_t first = 1, last = n;
    if (n > QUOTE_WIDTH) {
        first = sp->begin.column > QUOTE_LEAD ? sp->begin.column - QUOTE_LEAD : 1;
        if (first + QUOTE_WIDTH - 1 > n)
            first = n - QUOTE_WIDTH + 1;
        last = first + QUOTE_WIDTH - 1;
    }
    const char *from = column_at(line, first), *to = column_at(from, last - first + 2);
    fprintf(f, "%5u | %s%.*s%s\n      | %s", sp->begin.line, first > 1 ? "..." : "",
            (int)(to - from), from, last < n ? "..." : "", first > 1 ? "   " : "");
    uint32_t col = first;
    const char *p = from;
    while (*p && col < sp->begin.column) {
        fputc(*p == '\t' ? '\t' : ' ', f);
        p++;
        while (((unsigned char)*p & 0xC0) == 0x80)
            p++;
        col++;
    }
    if (r->color)
        fputs(GREEN, f);
    fputc('^', f);
    for (uint32_t c = sp->begin.column + 1; c < sp->end_column && c <= last; c++)
        fputc('~', f);
    if (r->color)
        fputs(RESET, f);
    fputc('\n', f);
}

static void render_text(struct renderer *r, const struct mofc_diagnostic *d)
{
    FILE *f = r->out;
    /* Like gcc: the file that includes this one first, the outermost last. */
    for (size_t i = 0; i < d->nincludes; i++) {
        const struct mofc_include_step *s = &d->includes[i];
        fprintf(f, "%s %s:%u:%u%s\n", i == 0 ? "In file included from" : "                 from",
                s->file, s->line, s->column, i + 1 == d->nincludes ? ":" : ",");
    }
    char flag[64];
    const char *fl = NULL;
    if (d->category != MOFC_W_NONE) {
        snprintf(flag, sizeof flag, d->promoted ? "-Werror=%s" : "-W%s",
                 mofc_wcat_name(d->category));
        fl = flag;
    }
    text_header(r, &d->span, d->severity, d->message, fl);
    if (d->span.begin.file && d->source_line)
        text_quote(r, &d->span, d->source_line);
    for (size_t i = 0; i < d->nnotes; i++)
        text_header(r, &d->notes[i].span, MOFC_NOTE, d->notes[i].message, NULL);
}

/* ---- JSON Lines and SARIF ---- */

static const int JSON_FLAGS = JSON_C_TO_STRING_NOSLASHESCAPE;

static void render_json(struct renderer *r, const struct mofc_diagnostic *d)
{
    struct json_object *o = diag_json_record(d);
    const char *s = o ? json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN | JSON_FLAGS)
                      : NULL;
    if (!s) {
        fputs("mofc: out of memory\n", stderr);
        exit(2);
    }
    fputs(s, r->out);
    fputc('\n', r->out);
    json_object_put(o);
}

static void save(struct renderer *r, const struct mofc_diagnostic *d)
{
    if (r->nsaved == r->cap) {
        r->cap = r->cap ? r->cap * 2 : 16;
        r->saved = realloc(r->saved, r->cap * sizeof *r->saved);
        if (!r->saved) {
            fputs("mofc: out of memory\n", stderr);
            exit(2);
        }
    }
    r->saved[r->nsaved++] = d;
}

static void render_sarif(struct renderer *r, int exit_status)
{
    struct json_object *log = diag_sarif_log(r->saved, r->nsaved, exit_status);
    const char *s = log ? json_object_to_json_string_ext(
                              log, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED | JSON_FLAGS)
                        : NULL;
    if (!s) {
        fputs("mofc: out of memory\n", stderr);
        exit(2);
    }
    fputs(s, r->sarif_out);
    fputc('\n', r->sarif_out);
    json_object_put(log);
}

/* ---- routing ---- */

void render_init(struct renderer *r, enum diag_format format, int color, const char *file,
                 bool stdout_taken)
{
    memset(r, 0, sizeof *r);
    r->format = format;
    r->out = stderr;
    r->sarif_out = stdout_taken ? stderr : stdout;
    if (file) {
        r->file = file;
        r->out = r->sarif_out = open_memstream(&r->buf, &r->buflen);
        if (!r->out) {
            fputs("mofc: out of memory\n", stderr);
            exit(2);
        }
        color = 0;
    }
    if (color < 0)
        color = isatty(fileno(stderr)) && !getenv("NO_COLOR");
    r->color = color && format == FORMAT_TEXT;
    pthread_mutex_init(&r->lock, NULL);
}

void render_diagnostic(const struct mofc_diagnostic *d, void *user)
{
    struct renderer *r = user;
    switch (r->format) {
    case FORMAT_TEXT:
        render_text(r, d);
        break;
    case FORMAT_JSON:
        render_json(r, d);
        break;
    case FORMAT_SARIF:
        save(r, d);
        break;
    }
}

/* A back end's error, as a diagnostic of its own; the copy lives until
 * render_finish() (the SARIF log is written then). */
struct owned_diagnostic {
    struct mofc_diagnostic d;
    struct owned_diagnostic *next;
    char text[];                  /* the message, then the file name */
};

void render_backend_error(struct renderer *r, const struct mofc_location *loc,
                          const char *message)
{
    const char *file = loc && loc->file ? loc->file : NULL;
    size_t ml = strlen(message) + 1, fl = file ? strlen(file) + 1 : 0;
    struct owned_diagnostic *o = calloc(1, sizeof *o + ml + fl);
    if (!o) {
        fputs("mofc: out of memory\n", stderr);
        exit(2);
    }
    memcpy(o->text, message, ml);
    o->d.severity = MOFC_ERROR;
    o->d.id = "output-error";
    o->d.message = o->text;
    if (file) {
        memcpy(o->text + ml, file, fl);
        o->d.span.begin.file = o->text + ml;
        struct mofc_position at = mofc_location_position(loc);
        o->d.span.begin.line = at.line;
        o->d.span.begin.column = at.column;
        o->d.span.end_column = at.column;
    }
    /* Back ends may report from their worker threads. */
    pthread_mutex_lock(&r->lock);
    o->next = r->owned;
    r->owned = o;
    render_diagnostic(&o->d, r);
    pthread_mutex_unlock(&r->lock);
}

int render_finish(struct renderer *r, int exit_status)
{
    if (r->format == FORMAT_SARIF)
        render_sarif(r, exit_status);
    free(r->saved);
    r->saved = NULL;
    while (r->owned) {
        struct owned_diagnostic *next = r->owned->next;
        free(r->owned);
        r->owned = next;
    }
    pthread_mutex_destroy(&r->lock);
    if (r->file) {
        bool ok = fclose(r->out) == 0;
        r->out = r->sarif_out = NULL;
        int rc = ok ? output_write(r->file, r->buf, r->buflen, false) : 2;
        if (!ok)
            fputs("mofc: out of memory\n", stderr);
        free(r->buf);
        r->buf = NULL;
        if (rc)
            return rc;
    } else if (r->sarif_out == stdout && fflush(stdout) != 0) {
        fputs("mofc: error: cannot write to standard output\n", stderr);
        return 2;
    }
    return exit_status;
}
