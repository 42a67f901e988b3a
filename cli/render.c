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

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define BOLD "\033[1m"
#define RED "\033[1;31m"
#define MAGENTA "\033[1;35m"
#define CYAN "\033[1;36m"
#define GREEN "\033[1;32m"
#define RESET "\033[0m"

void render_init(struct renderer *r, enum diag_format format, int color)
{
    memset(r, 0, sizeof *r);
    r->format = format;
    r->out = stderr;
    if (color < 0)
        color = isatty(fileno(stderr)) && !getenv("NO_COLOR");
    r->color = color && format == FORMAT_TEXT;
}

static const char *severity_name(enum mofc_severity s)
{
    switch (s) {
    case MOFC_NOTE: return "note";
    case MOFC_WARNING: return "warning";
    case MOFC_ERROR: return "error";
    default: return "fatal error";
    }
}

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
        fprintf(f, RESET "%s%s:" RESET " ", severity_color(sev), severity_name(sev));
    else
        fprintf(f, "%s: ", severity_name(sev));
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

/* ---- JSON ---- */

static void json_string(FILE *f, const char *s)
{
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
        switch (*p) {
        case '"': fputs("\\\"", f); break;
        case '\\': fputs("\\\\", f); break;
        case '\n': fputs("\\n", f); break;
        case '\r': fputs("\\r", f); break;
        case '\t': fputs("\\t", f); break;
        default:
            if (*p < 0x20)
                fprintf(f, "\\u%04x", *p);
            else
                fputc(*p, f);
        }
    }
    fputc('"', f);
}

static void render_json(struct renderer *r, const struct mofc_diagnostic *d)
{
    FILE *f = r->out;
    fputs("{\"severity\":", f);
    json_string(f, severity_name(d->severity));
    fputs(",\"id\":", f);
    json_string(f, d->id);
    fputs(",\"category\":", f);
    if (d->category != MOFC_W_NONE)
        json_string(f, mofc_wcat_name(d->category));
    else
        fputs("null", f);
    fprintf(f, ",\"promoted\":%s,\"message\":", d->promoted ? "true" : "false");
    json_string(f, d->message);
    if (d->span.begin.file) {
        fputs(",\"file\":", f);
        json_string(f, d->span.begin.file);
        fprintf(f, ",\"line\":%u,\"column\":%u,\"end_column\":%u", d->span.begin.line,
                d->span.begin.column, d->span.end_column);
    }
    fputs(",\"includes\":[", f);
    for (size_t i = 0; i < d->nincludes; i++) {
        fputs(i ? ",{\"file\":" : "{\"file\":", f);
        json_string(f, d->includes[i].file);
        fprintf(f, ",\"line\":%u,\"column\":%u}", d->includes[i].line, d->includes[i].column);
    }
    fputs("],\"notes\":[", f);
    for (size_t i = 0; i < d->nnotes; i++) {
        const struct mofc_diag_note *n = &d->notes[i];
        fputs(i ? ",{\"message\":" : "{\"message\":", f);
        json_string(f, n->message);
        if (n->span.begin.file) {
            fputs(",\"file\":", f);
            json_string(f, n->span.begin.file);
            fprintf(f, ",\"line\":%u,\"column\":%u", n->span.begin.line, n->span.begin.column);
        }
        fputc('}', f);
    }
    fputs("]}\n", f);
}

/* ---- SARIF ---- */

static void sarif_location(FILE *f, const struct mofc_span *s)
{
    fputs("{\"physicalLocation\":{\"artifactLocation\":{\"uri\":", f);
    json_string(f, s->begin.file);
    if (!s->begin.line) {
        /* A place in a binary MOF: the byte offset is the column. */
        fprintf(f, "},\"region\":{\"byteOffset\":%u,\"byteLength\":%u}}}", s->begin.column,
                s->end_column > s->begin.column ? s->end_column - s->begin.column : 1);
        return;
    }
    fprintf(f, "},\"region\":{\"startLine\":%u,\"startColumn\":%u,\"endColumn\":%u}}}",
            s->begin.line, s->begin.column,
            s->end_column > s->begin.column ? s->end_column : s->begin.column + 1);
}

void render_finish(struct renderer *r)
{
    if (r->format != FORMAT_SARIF)
        return;
    FILE *f = stdout;
    fputs("{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\","
          "\"runs\":[{\"tool\":{\"driver\":{\"name\":\"mofc\",\"version\":\"" MOFC_VERSION
          "\",\"rules\":[",
          f);
    /* One rule per distinct id, in first-seen order. */
    size_t nrules = 0;
    for (size_t i = 0; i < r->nsaved; i++) {
        const char *id = r->saved[i]->id;
        bool seen = false;
        for (size_t k = 0; k < i && !seen; k++)
            seen = strcmp(r->saved[k]->id, id) == 0;
        if (seen)
            continue;
        fputs(nrules++ ? ",{\"id\":" : "{\"id\":", f);
        json_string(f, id);
        fputs(",\"shortDescription\":{\"text\":", f);
        json_string(f, id);
        fputs("}}", f);
    }
    fputs("]}},\"results\":[", f);
    for (size_t i = 0; i < r->nsaved; i++) {
        const struct mofc_diagnostic *d = r->saved[i];
        fputs(i ? ",{\"ruleId\":" : "{\"ruleId\":", f);
        json_string(f, d->id);
        fputs(",\"level\":", f);
        json_string(f, d->severity == MOFC_NOTE      ? "note"
                       : d->severity == MOFC_WARNING ? "warning"
                                                     : "error");
        fputs(",\"message\":{\"text\":", f);
        json_string(f, d->message);
        fputc('}', f);
        if (d->span.begin.file) {
            fputs(",\"locations\":[", f);
            sarif_location(f, &d->span);
            fputc(']', f);
        }
        size_t nrel = 0;
        for (size_t k = 0; k < d->nnotes; k++) {
            if (!d->notes[k].span.begin.file)
                continue;
            fputs(nrel++ ? "," : ",\"relatedLocations\":[", f);
            /* A location with its own message: the note's text. */
            fprintf(f, "{\"id\":%zu,\"message\":{\"text\":", nrel);
            json_string(f, d->notes[k].message);
            fputs("},\"physicalLocation\":", f);
            fputs("{\"artifactLocation\":{\"uri\":", f);
            json_string(f, d->notes[k].span.begin.file);
            fprintf(f, "},\"region\":{\"startLine\":%u,\"startColumn\":%u}}}",
                    d->notes[k].span.begin.line, d->notes[k].span.begin.column);
        }
        if (nrel)
            fputc(']', f);
        fputc('}', f);
    }
    fputs("]}]}\n", f);
    free(r->saved);
    r->saved = NULL;
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
        if (r->nsaved == r->cap) {
            r->cap = r->cap ? r->cap * 2 : 16;
            r->saved = realloc(r->saved, r->cap * sizeof *r->saved);
            if (!r->saved) {
                fputs("mofc: out of memory\n", stderr);
                exit(2);
            }
        }
        r->saved[r->nsaved++] = d;
        break;
    }
}
