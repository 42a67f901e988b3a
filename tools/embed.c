/*
 * embed.c - build-time helper: turns data files into C definitions so the
 * library carries them (DMTF qualifier declarations, schema packs) and needs
 * no data files at run time.
 *
 *     embed -o build/embedded.c -p schemas/ schemas/qualifiers/a.mof ...
 *
 * For each input it emits a `static const unsigned char` array holding the
 * bytes plus a terminating NUL, then the table
 *
 *     const struct embedded_file mofc_embedded_files[] = {
 *         {"qualifiers/a.mof", (const char *)embed_data_0, 1234},
 *         ...
 *         {NULL, NULL, 0}       (sentinel, not counted)
 *     };
 *     const size_t mofc_embedded_count = N;
 *
 * matching src/embedded.h.  Choices a newcomer needs:
 *
 *  - Arrays of byte values, not string literals: ISO C only guarantees
 *    string literals of 4095 characters *after* adjacent literals are
 *    joined, so splitting a big file into pieces does not help, and
 *    -pedantic warns (-Woverlength-strings).  An initializer list has no
 *    such limit.  Decimal values are the shortest spelling (about 3.6
 *    output bytes per input byte); the arrays are unsigned char so bytes
 *    above 127 need no implementation-defined conversion.
 *  - Deterministic: inputs are sorted by their embedded name (byte order,
 *    not locale), and nothing depends on time, host or absolute paths, so
 *    two builds produce identical files.
 *  - The output includes the header that declares the table, so the
 *    compiler checks the two agree.
 *  - The output is written to a temporary file and renamed, so an
 *    interrupted build never leaves a half-written source behind.
 *
 * Options: -o OUT (default stdout), -p PREFIX (stripped from each path to
 * form the name; a path without it keeps its full name), -n SYMBOL-PREFIX
 * (default "mofc_embedded": <prefix>_files, <prefix>_count), -i HEADER
 * (default "embedded.h"), -t STRUCT-TAG (default "embedded_file").
 *
 * Plain C99 with POSIX rename(); built with the host compiler before
 * anything else.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct input {
    const char *path; /* as given on the command line */
    const char *name; /* path with the prefix removed */
};

static const char *progname = "embed";
static char *tmppath; /* the output being written, removed on failure */

#if defined(__GNUC__)
#define DIE_ATTRS __attribute__((format(printf, 1, 2), noreturn))
#else
#define DIE_ATTRS
#endif
static void die(const char *fmt, ...) DIE_ATTRS;

static void die(const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "%s: ", progname);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    if (tmppath)
        remove(tmppath);
    exit(1);
}

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        die("out of memory");
    return p;
}

static int cmp_input(const void *a, const void *b)
{
    const struct input *x = a, *y = b;
    return strcmp(x->name, y->name);
}

/* A C string literal for a file name: printable ASCII except `"`, `\` and
 * `?` (trigraphs) as is; everything else as a three-digit octal escape,
 * which cannot swallow a following digit the way \x can. */
static void put_cstring(FILE *out, const char *s)
{
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p >= 0x20 && *p < 0x7f && *p != '"' && *p != '\\' && *p != '?')
            fputc(*p, out);
        else
            fprintf(out, "\\%03o", *p);
    }
    fputc('"', out);
}

/* Read a whole file; *len gets its size. */
static unsigned char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        die("cannot open %s: %s", path, strerror(errno));
    size_t cap = 1 << 16, n = 0;
    unsigned char *buf = xmalloc(cap);
    for (;;) {
        if (n == cap) {
            cap *= 2;
            unsigned char *nb = realloc(buf, cap);
            if (!nb)
                die("out of memory reading %s", path);
            buf = nb;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    if (ferror(f))
        die("cannot read %s: %s", path, strerror(errno));
    fclose(f);
    *len = n;
    return buf;
}

/* The bytes as a decimal initializer list, lines kept under 100 columns,
 * followed by the terminating NUL. */
static void put_bytes(FILE *out, const unsigned char *data, size_t len)
{
    int col = 0;
    for (size_t i = 0; i <= len; i++) {
        unsigned v = i < len ? data[i] : 0;
        if (col == 0) {
            fputs("    ", out);
            col = 4;
        }
        col += fprintf(out, "%u,", v);
        if (col > 95 || i == len) {
            fputc('\n', out);
            col = 0;
        }
    }
}

static void usage(void)
{
    fprintf(stderr,
            "usage: %s [-o OUT.c] [-p STRIP-PREFIX] [-n SYMBOL-PREFIX] [-i HEADER] "
            "[-t STRUCT-TAG] FILE...\n",
            progname);
    exit(2);
}

int main(int argc, char **argv)
{
    const char *outpath = NULL, *prefix = "", *sym = "mofc_embedded";
    const char *header = "embedded.h", *tag = "embedded_file";
    int i = 1;

    if (argc > 0 && argv[0][0])
        progname = argv[0];
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        const char *opt = argv[i];
        if (strcmp(opt, "--") == 0) {
            i++;
            break;
        }
        if (strlen(opt) != 2 || !strchr("opnit", opt[1]) || i + 1 >= argc)
            usage();
        const char *val = argv[++i];
        switch (opt[1]) {
        case 'o':
            outpath = val;
            break;
        case 'p':
            prefix = val;
            break;
        case 'n':
            sym = val;
            break;
        case 'i':
            header = val;
            break;
        case 't':
            tag = val;
            break;
        }
    }

    size_t n = (size_t)(argc - i);
    struct input *in = xmalloc(n * sizeof *in);
    size_t plen = strlen(prefix);
    for (size_t k = 0; k < n; k++) {
        in[k].path = argv[i + (int)k];
        in[k].name = in[k].path;
        if (plen && strncmp(in[k].path, prefix, plen) == 0 && in[k].path[plen])
            in[k].name = in[k].path + plen;
    }
    qsort(in, n, sizeof *in, cmp_input);
    for (size_t k = 1; k < n; k++)
        if (strcmp(in[k - 1].name, in[k].name) == 0)
            die("duplicate name %s", in[k].name);

    /* Write next to the target, then rename over it. */
    FILE *out = stdout;
    if (outpath) {
        tmppath = xmalloc(strlen(outpath) + 5);
        sprintf(tmppath, "%s.tmp", outpath);
        out = fopen(tmppath, "wb");
        if (!out)
            die("cannot create %s: %s", tmppath, strerror(errno));
    }

    fputs("/* Generated by tools/embed.c. DO NOT EDIT. */\n", out);
    fputs("#include <stddef.h>\n\n#include ", out);
    put_cstring(out, header);
    fputs("\n", out);

    for (size_t k = 0; k < n; k++) {
        size_t len;
        unsigned char *data = read_file(in[k].path, &len);
        fprintf(out, "\n/* ");
        /* The name in a comment only if it cannot end the comment. */
        if (!strstr(in[k].name, "*/"))
            fputs(in[k].name, out);
        fprintf(out, " (%zu bytes) */\nstatic const unsigned char embed_data_%zu[%zu] = {\n", len,
                k, len + 1);
        put_bytes(out, data, len);
        fputs("};\n", out);
        free(data);
    }

    fprintf(out, "\nconst struct %s %s_files[] = {\n", tag, sym);
    for (size_t k = 0; k < n; k++) {
        fputs("    {", out);
        put_cstring(out, in[k].name);
        fprintf(out, ", (const char *)embed_data_%zu, sizeof embed_data_%zu - 1},\n", k, k);
    }
    fputs("    {NULL, NULL, 0}\n};\n\n", out);
    fprintf(out, "const size_t %s_count = %zu;\n", sym, n);

    if (fflush(out) != 0 || ferror(out))
        die("error writing %s", outpath ? tmppath : "standard output");
    if (outpath) {
        if (fclose(out) != 0)
            die("error writing %s", tmppath);
        if (rename(tmppath, outpath) != 0)
            die("cannot rename to %s: %s", outpath, strerror(errno));
    }
    free(tmppath);
    tmppath = NULL;
    free(in);
    return 0;
}
