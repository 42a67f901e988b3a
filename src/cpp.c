/*
 * cpp.c - the system C preprocessor in front of the MOF parser (--cpp).
 *
 * WMI driver MOFs use #define and #include and are built by running the C
 * compiler's preprocessor before mofcomp.  mofc runs the program itself
 * (posix_spawnp, no shell: every file name and -D value is one argument),
 * keeps its line markers (`# N "file" flags`, `#line N "file"`) and uses
 * them to report everything in the files the user wrote:
 *
 *  - each line of the output records the original file and line; the
 *    original files are read as well, with their include chain;
 *  - a column is found by aligning the output line with the original one
 *    while skipping blanks (the preprocessor squeezes them); a spot inside
 *    a macro expansion is reported at the name written in the original;
 *  - the preprocessor's own messages (`file:line:col: error: ...`) become
 *    mofc diagnostics at their place.
 *
 * The preprocessor reads bytes, so an input that is not plain UTF-8 (a
 * BOM, UTF-16) is handed over decoded, through a temporary file.
 */
#include "cpp.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "context.h"
#include "diag/diag.h"
#include "util/strbuf.h"

extern char **environ;

/* A file the line markers name, one per inclusion. */
struct marked_file {
    char *name;                 /* as the markers spell it, unescaped */
    int32_t parent;             /* index in run.files; -1 for the input's level */
    int32_t file;               /* index in m->files; -1 while it has none */
    bool synthetic;             /* no file of that name: its lines are kept here */
    struct strbuf text;
    uint32_t text_lines;
};

struct level {
    int32_t rec;                /* index in run.files */
    uint32_t line;              /* the line number of the next output line */
};

typedef VEC(char *) argv_vec;
typedef VEC(struct line_origin) origin_vec;
typedef VEC(int32_t) rec_vec;

struct run {
    struct mofc *m;
    struct source_file *input;
    const char *cpp_name;       /* the name the preprocessor knows the input by */
    VEC(struct marked_file) files;
    VEC(struct level) stack;
    bool failed;
};

/* ---- running the program ---- */

static void split_words(const char *s, argv_vec *argv)
{
    while (*s) {
        while (*s == ' ' || *s == '\t')
            s++;
        size_t n = strcspn(s, " \t");
        if (n) {
            char *w = xmalloc(n + 1);
            memcpy(w, s, n);
            w[n] = '\0';
            VEC_PUSH(*argv, w);
        }
        s += n;
    }
}

static void set_cloexec(int fd)
{
    int fl = fcntl(fd, F_GETFD);
    if (fl >= 0)
        fcntl(fd, F_SETFD, fl | FD_CLOEXEC);
}

/* Runs argv with stdin from /dev/null and stdout, stderr captured.
 * Returns the wait status, or -1 with errno set if it could not start. */
static int run_captured(char **argv, struct strbuf *out, struct strbuf *err)
{
    int po[2], pe[2];
    if (pipe(po) != 0)
        return -1;
    if (pipe(pe) != 0) {
        int e = errno;
        close(po[0]);
        close(po[1]);
        errno = e;
        return -1;
    }
    set_cloexec(po[0]);
    set_cloexec(po[1]);
    set_cloexec(pe[0]);
    set_cloexec(pe[1]);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&fa, po[1], 1);
    posix_spawn_file_actions_adddup2(&fa, pe[1], 2);
    pid_t pid;
    int rc = posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    close(po[1]);
    close(pe[1]);
    if (rc != 0) {
        close(po[0]);
        close(pe[0]);
        errno = rc;
        return -1;
    }
    struct pollfd fds[2] = {{po[0], POLLIN, 0}, {pe[0], POLLIN, 0}};
    struct strbuf *bufs[2] = {out, err};
    int open_fds = 2;
    char chunk[65536];
    while (open_fds > 0) {
        if (poll(fds, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        for (int i = 0; i < 2; i++) {
            if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            ssize_t r = read(fds[i].fd, chunk, sizeof chunk);
            if (r < 0 && errno == EINTR)
                continue;
            if (r <= 0) {
                close(fds[i].fd);
                fds[i].fd = -1;
                open_fds--;
            } else {
                sb_putn(bufs[i], chunk, (size_t)r);
            }
        }
    }
    for (int i = 0; i < 2; i++)
        if (fds[i].fd >= 0)
            close(fds[i].fd);
    int st;
    while (waitpid(pid, &st, 0) < 0) {
        if (errno != EINTR)
            return -1;
    }
    return st;
}

/* ---- line markers ---- */

static bool is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* Reads a marker name written as a C string literal; returns the end or NULL. */
static const char *read_quoted(const char *p, const char *end, struct strbuf *name)
{
    if (p >= end || *p != '"')
        return NULL;
    for (p++; p < end && *p != '"'; p++) {
        if (*p != '\\' || p + 1 >= end) {
            sb_putc(name, *p);
            continue;
        }
        p++;
        if (*p >= '0' && *p <= '7') {
            unsigned v = 0;
            for (int k = 0; k < 3 && p < end && *p >= '0' && *p <= '7'; k++, p++)
                v = v * 8 + (unsigned)(*p - '0');
            p--;
            sb_putc(name, (char)v);
        } else {
            sb_putc(name, *p == 'n' ? '\n' : *p == 't' ? '\t' : *p);
        }
    }
    return p < end ? p + 1 : NULL;
}

struct marker {
    uint32_t line;
    bool has_name;
    bool enter, leave;
};

/* `# N "file" flags` or `#line N "file"`: true and *mk filled. */
static bool parse_marker(const char *p, const char *end, struct marker *mk, struct strbuf *name)
{
    if (p >= end || *p != '#')
        return false;
    p++;
    while (p < end && is_blank(*p))
        p++;
    if (end - p >= 4 && memcmp(p, "line", 4) == 0) {
        p += 4;
        if (p >= end || !is_blank(*p))
            return false;
        while (p < end && is_blank(*p))
            p++;
    }
    if (p >= end || *p < '0' || *p > '9')
        return false;
    uint64_t n = 0;
    while (p < end && *p >= '0' && *p <= '9') {
        n = n * 10 + (uint64_t)(*p++ - '0');
        if (n > UINT32_MAX / 2)
            return false;
    }
    memset(mk, 0, sizeof *mk);
    mk->line = (uint32_t)n;
    sb_reset(name);
    while (p < end && is_blank(*p))
        p++;
    if (p < end && *p == '"') {
        p = read_quoted(p, end, name);
        if (!p)
            return false;
        mk->has_name = true;
    }
    while (p < end) {
        if (is_blank(*p)) {
            p++;
        } else if (*p >= '1' && *p <= '4' && (p + 1 == end || is_blank(p[1]))) {
            mk->enter |= *p == '1';
            mk->leave |= *p == '2';
            p++;
        } else {
            return false;
        }
    }
    return true;
}

static bool not_a_file_name(const char *name)
{
    size_t n = strlen(name);
    return n == 0 || (name[0] == '<' && name[n - 1] == '>');
}

/* Offset of the first non-blank character of 1-based `line` in f, and the
 * length of the rest of that line. */
static uint32_t line_start(struct source_file *f, uint32_t line, uint32_t *rest)
{
    uint32_t b = source_line_offset(f, line), e = source_line_end(f, b);
    uint32_t s = b;
    while (s < e && is_blank(f->text[s]))
        s++;
    if (rest)
        *rest = e - s;
    return s;
}

/* A new record for an inclusion (or a renaming) of `name`; loads the file
 * when there is one. */
static int32_t add_file(struct run *r, const char *name, int32_t parent, uint32_t include_line)
{
    struct mofc *m = r->m;
    struct marked_file mf;
    memset(&mf, 0, sizeof mf);
    mf.name = xstrdup(name);
    mf.parent = parent;
    mf.file = -1;
    if (parent < 0 && strcmp(name, r->cpp_name) == 0) {
        mf.file = (int32_t)r->input->index;
    } else if (!not_a_file_name(name)) {
        char *bytes;
        size_t len;
        struct source_file *pf = NULL;
        struct loc at = {0, 0, 0};
        if (parent >= 0 && r->files.items[parent].file >= 0 &&
            !r->files.items[parent].synthetic) {
            pf = m->files.items[r->files.items[parent].file];
            at.file = pf->index;
            at.off = line_start(pf, include_line, &at.len);
        }
        if (source_read_file(name, &bytes, &len, NULL)) {
            struct source_file *f = source_load(m, name, bytes, len, true,
                                                pf ? (int32_t)pf->index : -1, pf ? &at : NULL,
                                                r->input->origin);
            if (f) {
                mf.file = (int32_t)f->index;
                if (f->encoding == ENC_UTF16LE || f->encoding == ENC_UTF16BE) {
                    struct diag_rec *d = diag_error(
                        m, pf ? &at : NULL, "cpp-utf16-include",
                        "'%s' is UTF-16, which the C preprocessor reads as bytes", name);
                    diag_note(m, d, NULL, "convert it to UTF-8, or include it with "
                                          "#pragma include, which mofc reads itself");
                    r->failed = true;
                }
            }
        }
    }
    mf.synthetic = mf.file < 0;
    VEC_PUSH(r->files, mf);
    return (int32_t)r->files.len - 1;
}

static void apply_marker(struct run *r, const struct marker *mk, const char *name)
{
    struct level *top = r->stack.len ? &r->stack.items[r->stack.len - 1] : NULL;
    if (!mk->has_name) {
        if (top)
            top->line = mk->line;
        return;
    }
    if (mk->enter && top) {
        struct level lv = {add_file(r, name, top->rec, top->line), mk->line};
        VEC_PUSH(r->stack, lv);
        return;
    }
    /* Back to an enclosing file, or the same one renumbered. */
    for (size_t i = r->stack.len; i-- > 0;) {
        if (strcmp(r->files.items[r->stack.items[i].rec].name, name) == 0) {
            r->stack.len = i + 1;
            r->stack.items[i].line = mk->line;
            return;
        }
    }
    /* A new name at this level (#line "x", <built-in>...): the record of
     * that name under the same parent, if there is one. */
    int32_t parent = top ? r->files.items[top->rec].parent : -1;
    int32_t rec = -1;
    for (size_t i = 0; i < r->files.len; i++)
        if (r->files.items[i].parent == parent && strcmp(r->files.items[i].name, name) == 0)
            rec = (int32_t)i;
    if (rec < 0)
        rec = add_file(r, name, parent, 0);
    struct level lv = {rec, mk->line};
    if (top)
        *top = lv;
    else
        VEC_PUSH(r->stack, lv);
}

static int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
        return (c | 0x20) - 'a' + 10;
    return -1;
}

/* Copies one output line, turning the universal character names GCC
 * writes for non-ASCII letters of names (N\U000000e4me) back into UTF-8;
 * strings, char literals and comments are copied as they are. */
static void copy_line(struct strbuf *out, const char *p, const char *end, bool *in_comment)
{
    char quote = 0;
    while (p < end) {
        char c = *p;
        if (*in_comment) {
            if (c == '*' && p + 1 < end && p[1] == '/') {
                sb_putn(out, p, 2);
                p += 2;
                *in_comment = false;
                continue;
            }
        } else if (quote) {
            if (c == '\\' && p + 1 < end) {
                sb_putn(out, p, 2);
                p += 2;
                continue;
            }
            if (c == quote)
                quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '/' && p + 1 < end && p[1] == '/') {
            sb_putn(out, p, (size_t)(end - p));
            return;
        } else if (c == '/' && p + 1 < end && p[1] == '*') {
            sb_putn(out, p, 2);
            p += 2;
            *in_comment = true;
            continue;
        } else if (c == '\\' && p + 1 < end && (p[1] == 'u' || p[1] == 'U')) {
            int digits = p[1] == 'u' ? 4 : 8;
            uint32_t cp = 0;
            int k = 0;
            for (; k < digits && p + 2 + k < end && hex_value(p[2 + k]) >= 0; k++)
                cp = cp * 16 + (uint32_t)hex_value(p[2 + k]);
            if (k == digits && cp >= 0xA0 && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF)) {
                sb_put_utf8(out, cp);
                p += 2 + digits;
                continue;
            }
        }
        sb_putc(out, c);
        p++;
    }
}

/* The output with its markers blanked, and the origin of every line. */
static void read_output(struct run *r, const char *t, size_t len, struct strbuf *view,
                        origin_vec *origins, rec_vec *origin_recs)
{
    struct strbuf name = STRBUF_INIT;
    bool in_comment = false;
    const char *p = t, *end = t + len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        struct marker mk;
        bool is_marker = parse_marker(p, le, &mk, &name);
        if (is_marker)
            apply_marker(r, &mk, name.data ? name.data : "");
        if (!r->stack.len) {
            /* Text before any marker: the input's own lines. */
            struct level lv = {add_file(r, r->cpp_name, -1, 0), 1};
            VEC_PUSH(r->stack, lv);
        }
        struct level *top = &r->stack.items[r->stack.len - 1];
        struct marked_file *mf = &r->files.items[top->rec];
        uint32_t line = top->line ? top->line : 1;
        if (!is_marker) {
            size_t from = view->len;
            copy_line(view, p, le, &in_comment);
            p = view->data + from;
            le = view->data + view->len;
            bool blank = true;
            for (const char *q = p; q < le && blank; q++)
                blank = is_blank(*q);
            if (mf->synthetic && !blank) {
                /* Keep the line at its number where that is cheap. */
                if (line > mf->text_lines && line - mf->text_lines < 100000) {
                    while (mf->text_lines + 1 < line) {
                        sb_putc(&mf->text, '\n');
                        mf->text_lines++;
                    }
                } else {
                    line = mf->text_lines + 1;
                }
                sb_putn(&mf->text, p, (size_t)(le - p));
                sb_putc(&mf->text, '\n');
                mf->text_lines++;
            }
            top->line++;
        }
        struct line_origin o = {0, line};
        VEC_PUSH(*origins, o);
        VEC_PUSH(*origin_recs, top->rec);
        if (nl)
            sb_putc(view, '\n');
        p = nl ? nl + 1 : end;
    }
    sb_free(&name);
}

/* ---- the preprocessor's messages ---- */

/* `file:line[:col]: severity: message` */
static bool parse_message(const char *s, size_t n, struct strbuf *file, uint32_t *line,
                          uint32_t *col, enum mofc_severity *sev, const char **msg, size_t *msglen)
{
    static const struct {
        const char *tag;
        enum mofc_severity sev;
    } tags[] = {{": fatal error: ", MOFC_ERROR},
                {": error: ", MOFC_ERROR},
                {": warning: ", MOFC_WARNING},
                {": note: ", MOFC_NOTE}};
    const char *best = NULL;
    size_t best_tag = 0;
    for (size_t i = 0; i < sizeof tags / sizeof *tags; i++) {
        const char *at = NULL;
        size_t tl = strlen(tags[i].tag);
        for (const char *q = s; q + tl <= s + n; q++)
            if (memcmp(q, tags[i].tag, tl) == 0) {
                at = q;
                break;
            }
        if (at && (!best || at < best)) {
            best = at;
            best_tag = i;
        }
    }
    if (!best)
        return false;
    *sev = tags[best_tag].sev;
    *msg = best + strlen(tags[best_tag].tag);
    *msglen = (size_t)(s + n - *msg);
    /* The prefix ends in :LINE or :LINE:COL. */
    uint32_t nums[2];
    int k = 0;
    const char *e = best;
    while (k < 2) {
        const char *d = e;
        while (d > s && d[-1] >= '0' && d[-1] <= '9')
            d--;
        if (d == e || d == s || d[-1] != ':' || e - d > 9)
            break;
        nums[k++] = (uint32_t)strtoul(d, NULL, 10);
        e = d - 1;
    }
    sb_reset(file);
    if (k == 0) {
        sb_putn(file, s, (size_t)(best - s));
        *line = *col = 0;
        return true;
    }
    sb_putn(file, s, (size_t)(e - s));
    *line = k == 2 ? nums[1] : nums[0];
    *col = k == 2 ? nums[0] : 0;
    return true;
}

/* The span a preprocessor column points at: a quoted or bracketed name, an
 * identifier, or one character. */
static struct loc message_loc(struct source_file *f, uint32_t line, uint32_t col)
{
    uint32_t b = source_line_offset(f, line), e = source_line_end(f, b);
    uint32_t off = col > 0 && col - 1 <= e - b ? b + col - 1 : line_start(f, line, NULL);
    struct loc l = {f->index, off, 0};
    const char *t = f->text;
    if (off < e && (t[off] == '"' || t[off] == '<')) {
        char close = t[off] == '"' ? '"' : '>';
        uint32_t q = off + 1;
        while (q < e && t[q] != close)
            q++;
        l.len = (q < e ? q + 1 : q) - off;
    } else {
        uint32_t q = off;
        while (q < e && (t[q] == '_' || (t[q] >= '0' && t[q] <= '9') ||
                         ((t[q] | 0x20) >= 'a' && (t[q] | 0x20) <= 'z')))
            q++;
        l.len = q > off ? q - off : (off < e ? 1 : 0);
    }
    return l;
}

/* Reports the preprocessor's stderr; returns the number of errors. */
static size_t report_messages(struct run *r, const char *text, size_t len, const char *temp_name)
{
    struct mofc *m = r->m;
    struct strbuf file = STRBUF_INIT;
    struct diag_rec *last = NULL;
    size_t errors = 0;
    const char *p = text, *end = text + len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        uint32_t line, col;
        enum mofc_severity sev;
        const char *msg;
        size_t msglen;
        if (parse_message(p, (size_t)(le - p), &file, &line, &col, &sev, &msg, &msglen)) {
            const char *fname = file.data ? file.data : "";
            if (temp_name && strcmp(fname, temp_name) == 0)
                fname = r->cpp_name;
            struct source_file *f = NULL;
            for (size_t i = r->files.len; i-- > 0 && !f;)
                if (strcmp(r->files.items[i].name, fname) == 0 && r->files.items[i].file >= 0)
                    f = m->files.items[r->files.items[i].file];
            /* A UTF-16 include is refused already; cpp's complaints about
             * its bytes say nothing more. */
            if (f && f != r->input &&
                (f->encoding == ENC_UTF16LE || f->encoding == ENC_UTF16BE)) {
                p = nl ? nl + 1 : end;
                continue;
            }
            struct loc l = {0, 0, 0};
            bool located = f && line > 0;
            if (located)
                l = message_loc(f, line, col);
            static const char missing[] = ": No such file or directory";
            size_t ml = sizeof missing - 1;
            if (sev == MOFC_NOTE) {
                diag_note(m, last, located ? &l : NULL, "%.*s", (int)msglen, msg);
            } else if (sev == MOFC_ERROR && msglen > ml &&
                       memcmp(msg + msglen - ml, missing, ml) == 0) {
                last = diag_error(m, located ? &l : NULL, "include-not-found",
                                  "cannot find included file '%.*s'", (int)(msglen - ml), msg);
                diag_note(m, last, NULL,
                          m->opts.ninclude_dirs ? "the C preprocessor searched next to the "
                                                  "including file and in the -I directories"
                                                : "the C preprocessor searched next to the "
                                                  "including file; add -I DIR to search more "
                                                  "directories");
                errors++;
            } else if (sev == MOFC_ERROR) {
                last = diag_error(m, located ? &l : NULL, "cpp-error", "%.*s%s",
                                  (int)msglen, msg, located ? "" : " (C preprocessor)");
                errors++;
            } else {
                last = diag_warning(m, MOFC_W_SYNTAX, located ? &l : NULL, "cpp-warning",
                                    "%.*s (C preprocessor)", (int)msglen, msg);
            }
        }
        p = nl ? nl + 1 : end;
    }
    sb_free(&file);
    return errors;
}

/* ---- the input handed over decoded ---- */

struct temp_input {
    char *dir;
    char *path;
};

static bool write_temp(struct mofc *m, struct source_file *f, struct temp_input *t)
{
    const char *tmp = getenv("TMPDIR");
    if (!tmp || !*tmp)
        tmp = "/tmp";
    struct strbuf sb = STRBUF_INIT;
    sb_printf(&sb, "%s/mofc-cpp-XXXXXX", tmp);
    t->dir = sb.data;
    t->path = NULL;
    if (!mkdtemp(t->dir)) {
        diag_error(m, NULL, "cpp-temp", "cannot create a temporary directory in '%s': %s", tmp,
                   strerror(errno));
        free(t->dir);
        t->dir = NULL;
        return false;
    }
    const char *base = strrchr(f->path, '/');
    base = base ? base + 1 : f->path;
    if (!*base || strcmp(base, ".") == 0 || strcmp(base, "..") == 0)
        base = "input.mof";
    struct strbuf pb = STRBUF_INIT;
    sb_printf(&pb, "%s/%s", t->dir, base);
    t->path = pb.data;
    int fd = open(t->path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    bool ok = fd >= 0;
    for (size_t done = 0; ok && done < f->len;) {
        ssize_t w = write(fd, f->text + done, f->len - done);
        if (w < 0 && errno == EINTR)
            continue;
        ok = w > 0;
        if (ok)
            done += (size_t)w;
    }
    if (fd >= 0 && close(fd) != 0)
        ok = false;
    if (!ok)
        diag_error(m, NULL, "cpp-temp", "cannot write the temporary file '%s': %s", t->path,
                   strerror(errno));
    return ok;
}

static void remove_temp(struct temp_input *t)
{
    if (t->path)
        unlink(t->path);
    if (t->dir)
        rmdir(t->dir);
    free(t->path);
    free(t->dir);
}

/* ---- the entry point ---- */

struct source_file *cpp_preprocess(struct mofc *m, struct source_file *f, const char *disk_path)
{
    struct temp_input temp = {NULL, NULL};
    if (!disk_path || f->encoding != ENC_UTF8) {
        if (!write_temp(m, f, &temp)) {
            remove_temp(&temp);
            m->io_failed = true;
            return NULL;
        }
    }
    const char *given = temp.path ? temp.path : disk_path;

    argv_vec argv = {0};
    split_words(m->opts.cpp, &argv);
    if (!argv.len)
        VEC_PUSH(argv, xstrdup("cpp"));
    /* C, comments kept (columns line up with the original), no predefined
     * system macros (`unix` is a fine MOF name), no system headers. */
    static const char *const fixed[] = {"-x", "c", "-C", "-undef", "-nostdinc"};
    for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++)
        VEC_PUSH(argv, xstrdup(fixed[i]));
    if (temp.path) {
        /* Quote includes as from the input's own directory. */
        const char *slash = strrchr(f->path, '/');
        VEC_PUSH(argv, xstrdup("-iquote"));
        if (!slash)
            VEC_PUSH(argv, xstrdup("."));
        else if (slash == f->path)
            VEC_PUSH(argv, xstrdup("/"));
        else {
            char *d = xmalloc((size_t)(slash - f->path) + 1);
            memcpy(d, f->path, (size_t)(slash - f->path));
            d[slash - f->path] = '\0';
            VEC_PUSH(argv, d);
        }
    }
    for (size_t i = 0; i < m->opts.ninclude_dirs; i++) {
        VEC_PUSH(argv, xstrdup("-I"));
        VEC_PUSH(argv, xstrdup(m->opts.include_dirs[i]));
    }
    for (size_t i = 0; i < m->opts.ncpp_args; i++)
        VEC_PUSH(argv, xstrdup(m->opts.cpp_args[i]));
    /* A name starting with '-' would read as an option. */
    struct strbuf in_arg = STRBUF_INIT;
    sb_printf(&in_arg, "%s%s", given[0] == '-' ? "./" : "", given);
    VEC_PUSH(argv, in_arg.data);
    VEC_PUSH(argv, NULL);

    struct strbuf out = STRBUF_INIT, err = STRBUF_INIT;
    int st = run_captured(argv.items, &out, &err);
    int spawn_errno = errno;

    struct run r;
    memset(&r, 0, sizeof r);
    r.m = m;
    r.input = f;
    r.cpp_name = argv.items[argv.len - 2];
    struct source_file *view = NULL;
    struct strbuf text = STRBUF_INIT;
    origin_vec origins = {0};
    rec_vec recs = {0};

    if (st < 0) {
        diag_error(m, NULL, "cpp-failed", "cannot run the C preprocessor '%s': %s",
                   argv.items[0], strerror(spawn_errno));
        m->io_failed = true;
        goto done;
    }
    read_output(&r, out.data ? out.data : "", out.len, &text, &origins, &recs);
    /* Names without a file keep the lines the markers gave them. */
    for (size_t i = 0; i < r.files.len; i++) {
        struct marked_file *mf = &r.files.items[i];
        if (!mf->synthetic || !mf->text_lines)
            continue;
        struct source_file *sf = source_load(m, mf->name, mf->text.data, mf->text.len, false,
                                             -1, NULL, f->origin);
        if (sf) {
            sf->virtual_file = true;
            mf->file = (int32_t)sf->index;
        }
    }
    size_t errors = report_messages(&r, err.data ? err.data : "", err.len, temp.path);
    bool exited_ok = WIFEXITED(st) && WEXITSTATUS(st) == 0;
    if (!exited_ok && !errors) {
        const char *e = err.data ? err.data : "";
        int n = (int)strcspn(e, "\n");
        if (WIFEXITED(st))
            diag_error(m, NULL, "cpp-failed",
                       "the C preprocessor '%s' failed with exit status %d on '%s'%s%.*s",
                       argv.items[0], WEXITSTATUS(st), f->path, n ? ": " : "", n, e);
        else
            diag_error(m, NULL, "cpp-failed", "the C preprocessor '%s' was killed by signal %d",
                       argv.items[0], WIFSIGNALED(st) ? WTERMSIG(st) : 0);
    }
    if (!exited_ok || r.failed)
        goto done;

    sb_reserve(&text, 2);
    char *bytes = text.data ? text.data : xcalloc(1, 3);
    size_t len = text.len;
    text = (struct strbuf)STRBUF_INIT;
    view = source_load_unreported(m, f->path, bytes, len, f->origin);
    if (!view)
        goto done;
    view->virtual_file = true;
    /* The line table now, before the scanner puts its NULs into the text. */
    source_line_offset(view, 1);
    for (size_t i = 0; i < origins.len; i++) {
        struct marked_file *mf = &r.files.items[recs.items[i]];
        if (mf->file >= 0) {
            origins.items[i].file = (uint32_t)mf->file;
        } else {
            /* A name that gave no text (<built-in>): the input's first line. */
            origins.items[i].file = f->index;
            origins.items[i].line = 1;
        }
    }
    view->origins = origins.items;
    view->norigins = (uint32_t)origins.len;
    origins.items = NULL;

done:
    for (size_t i = 0; i < r.files.len; i++) {
        free(r.files.items[i].name);
        sb_free(&r.files.items[i].text);
    }
    VEC_FREE(r.files);
    VEC_FREE(r.stack);
    VEC_FREE(origins);
    VEC_FREE(recs);
    sb_free(&text);
    sb_free(&out);
    sb_free(&err);
    for (size_t i = 0; i + 1 < argv.len; i++)
        free(argv.items[i]);
    VEC_FREE(argv);
    remove_temp(&temp);
    return view;
}

/* ---- positions in the output, in the original ---- */

/* NUL too: while the scanner runs, it holds one NUL in the text after the
 * token it read last. */
static bool is_space(char c)
{
    return is_blank(c) || c == '\n' || c == '\0';
}

static bool is_ident(char c)
{
    return c == '_' || (unsigned char)c >= 0x80 || (c >= '0' && c <= '9') ||
           ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* Where offset p of output line P falls in original line O, matching the
 * two from either end with blanks skipped.  *expanded: p lies where the
 * two differ (a macro's expansion), and the result is where they start to
 * differ in O. */
static uint32_t align(const char *P, uint32_t plen, const char *O, uint32_t olen, uint32_t p,
                      bool *expanded)
{
    *expanded = false;
    if (p > plen)
        p = plen;
    uint32_t i = 0, j = 0;
    for (;;) {
        if (i == p)
            return j;
        uint32_t i2 = i, j2 = j;
        while (i2 < plen && is_space(P[i2]))
            i2++;
        while (j2 < olen && is_space(O[j2]))
            j2++;
        if (p < i2)
            return j;           /* among the blanks after a match */
        i = i2;
        j = j2;
        if (i == p)
            return j;
        if (i >= plen || j >= olen || P[i] != O[j])
            break;
        i++;
        j++;
    }
    uint32_t pi = i, oj = j;    /* where the two part */
    uint32_t ie = plen, je = olen;
    for (;;) {
        uint32_t ie2 = ie, je2 = je;
        while (ie2 > pi && is_space(P[ie2 - 1]))
            ie2--;
        while (je2 > oj && is_space(O[je2 - 1]))
            je2--;
        if (p >= ie2 && p <= ie)
            return je2 + (p - ie2 < je - je2 ? p - ie2 : je - je2);
        ie = ie2;
        je = je2;
        if (ie <= pi || je <= oj || P[ie - 1] != O[je - 1])
            break;
        ie--;
        je--;
        if (ie == p)
            return je;
    }
    *expanded = true;
    return oj;
}

/* Offset and length of the line of f holding `off`. */
static uint32_t line_of(struct source_file *f, uint32_t off, uint32_t *lineno, uint32_t *len)
{
    uint32_t col;
    source_position(f, off, lineno, &col);
    uint32_t b = source_line_offset(f, *lineno);
    *len = source_line_end(f, b) - b;
    return b;
}

bool cpp_map_loc(struct mofc *m, struct loc *l, const char **macro)
{
    if (macro)
        *macro = NULL;
    if (!l || l->file >= m->files.len)
        return false;
    struct source_file *v = m->files.items[l->file];
    if (!v->origins || !v->norigins)
        return false;
    uint32_t vline, vlen;
    uint32_t vb = line_of(v, l->off, &vline, &vlen);
    struct line_origin o = v->origins[(vline <= v->norigins ? vline : v->norigins) - 1];
    struct source_file *f = m->files.items[o.file];
    uint32_t ob = source_line_offset(f, o.line), oe = source_line_end(f, ob);
    bool expanded;
    uint32_t start = align(v->text + vb, vlen, f->text + ob, oe - ob, l->off - vb, &expanded);
    uint32_t len = 0;
    if (expanded) {
        /* Point at the name written where the expansion begins. */
        uint32_t q = start;
        while (ob + q < oe && is_ident(f->text[ob + q]))
            q++;
        len = q - start;
        if (macro && len)
            *macro = arena_strndup(&m->arena, f->text + ob + start, len);
    } else if (l->len) {
        uint32_t end = l->off + l->len;
        if (end <= vb + vlen) {
            bool e2;
            uint32_t stop = align(v->text + vb, vlen, f->text + ob, oe - ob, end - vb, &e2);
            len = !e2 && stop > start ? stop - start : 0;
        } else {
            len = oe - ob - start;  /* runs on: underline to the end of the line */
            if (!len)
                len = 1;
        }
    }
    l->file = f->index;
    l->off = ob + start;
    l->len = len;
    return true;
}
