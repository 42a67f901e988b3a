/*
 * diag_json.c - JSON Lines records and the SARIF log, built with json-c.
 *
 * SARIF choices (README "Diagnostics as JSON and SARIF"):
 * - URIs: a relative path stays relative, resolved against the base id
 *   %SRCROOT% (the working directory, given in originalUriBaseIds), which
 *   is what GitHub code scanning expects when mofc runs at the top of the
 *   repository; an absolute path becomes a file:/// URI.
 * - rules: one per id the run reports, first-seen order, with the title
 *   and help text of include/mofc/rules.h; results point at theirs with
 *   ruleIndex.
 * - partialFingerprints: a hash of the id, the file, the message and the
 *   text of the source line (not its number), so a result keeps its
 *   fingerprint when lines are added above it.
 * - notes: located ones are relatedLocations; the others are
 *   relatedLocations without a physical location and also end the
 *   message text, so a viewer that shows only the message shows them.
 * - diagnostics without a location (an unreadable input, "too many
 *   errors") are tool execution notifications, not results: a result
 *   needs a place in a file.
 */
#include "diag_json.h"

#include <json.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mofc/rules.h"

#define SARIF_SCHEMA \
    "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json"
#define SRCROOT "%SRCROOT%"
#define FINGERPRINT_KEY "mofcLineHash/v1"

/* Length of the valid UTF-8 sequence at s (1..4), or 0.  Stops at a NUL:
 * each continuation byte is tested before the next is read. */
static size_t utf8_seq(const unsigned char *s)
{
    unsigned c = s[0];
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        return (s[1] & 0xC0) == 0x80 ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if ((s[1] & 0xC0) != 0x80 || (c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] > 0x9F))
            return 0;
        return (s[2] & 0xC0) == 0x80 ? 3 : 0;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if ((s[1] & 0xC0) != 0x80 || (c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] > 0x8F))
            return 0;
        if ((s[2] & 0xC0) != 0x80)
            return 0;
        return (s[3] & 0xC0) == 0x80 ? 4 : 0;
    }
    return 0;
}

/* A JSON string of `s` with every byte that is not part of valid UTF-8
 * replaced by U+FFFD. */
static struct json_object *jstr(const char *s)
{
    if (!s)
        s = "";
    const unsigned char *p = (const unsigned char *)s;
    size_t bad = 0, len = 0;
    for (size_t n; p[len]; len += n ? n : 1)
        if (!(n = utf8_seq(p + len)))
            bad++;
    if (!bad)
        return json_object_new_string_len(s, (int)len);
    char *clean = malloc(len + 2 * bad + 1), *q = clean;
    if (!clean)
        return NULL;
    for (size_t i = 0, n; i < len; i += n ? n : 1) {
        if ((n = utf8_seq(p + i))) {
            memcpy(q, p + i, n);
            q += n;
        } else {
            memcpy(q, "\xEF\xBF\xBD", 3);
            q += 3;
        }
    }
    struct json_object *o = json_object_new_string_len(clean, (int)(q - clean));
    free(clean);
    return o;
}

static void put(struct json_object *obj, const char *key, struct json_object *value)
{
    json_object_object_add(obj, key, value);
}

static void put_str(struct json_object *obj, const char *key, const char *s)
{
    put(obj, key, jstr(s));
}

static void put_int(struct json_object *obj, const char *key, uint32_t v)
{
    put(obj, key, json_object_new_int64(v));
}

/* ---- URIs ---- */

static bool unreserved(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           c == '-' || c == '.' || c == '_' || c == '~';
}

/* `prefix` then `path` percent-encoded (RFC 3986 section 2.1, upper-case
 * hex); '/' separates segments and stays. */
static char *encode_path(const char *prefix, const char *path, const char *suffix)
{
    size_t pl = strlen(prefix), n = strlen(path), sl = strlen(suffix);
    char *out = malloc(pl + 3 * n + sl + 1);
    if (!out)
        return NULL;
    memcpy(out, prefix, pl);
    char *q = out + pl;
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if (unreserved(*p) || *p == '/') {
            *q++ = (char)*p;
        } else {
            *q++ = '%';
            *q++ = "0123456789ABCDEF"[*p >> 4];
            *q++ = "0123456789ABCDEF"[*p & 15];
        }
    }
    memcpy(q, suffix, sl + 1);
    return out;
}

/* "./a.mof" and "a.mof" name one file: one URI for both. */
static const char *strip_dot_slash(const char *path)
{
    while (path[0] == '.' && path[1] == '/')
        for (path += 2; *path == '/';)
            path++;
    return path;
}

char *diag_path_uri(const char *path)
{
    if (path[0] == '/')
        return encode_path("file://", path, "");
    return encode_path("", strip_dot_slash(path), "");
}

/* ---- JSON Lines ---- */

/* "file" (for people) and "uri" (the exact bytes) of a path. */
static void put_file(struct json_object *obj, const char *path)
{
    put_str(obj, "file", path);
    char *uri = diag_path_uri(path);
    put_str(obj, "uri", uri);
    free(uri);
}

struct json_object *diag_json_record(const struct mofc_diagnostic *d)
{
    struct json_object *o = json_object_new_object();
    if (!o)
        return NULL;
    put_str(o, "severity", mofc_severity_name(d->severity));
    put_str(o, "id", d->id);
    put(o, "category", d->category != MOFC_W_NONE ? jstr(mofc_wcat_name(d->category)) : NULL);
    put(o, "promoted", json_object_new_boolean(d->promoted));
    put_str(o, "message", d->message);
    if (d->span.begin.file) {
        put_file(o, d->span.begin.file);
        put_int(o, "line", d->span.begin.line);
        put_int(o, "column", d->span.begin.column);
        put_int(o, "end_column", d->span.end_column);
    }
    struct json_object *inc = json_object_new_array();
    for (size_t i = 0; i < d->nincludes; i++) {
        struct json_object *s = json_object_new_object();
        put_file(s, d->includes[i].file);
        put_int(s, "line", d->includes[i].line);
        put_int(s, "column", d->includes[i].column);
        json_object_array_add(inc, s);
    }
    put(o, "includes", inc);
    struct json_object *notes = json_object_new_array();
    for (size_t i = 0; i < d->nnotes; i++) {
        const struct mofc_diag_note *n = &d->notes[i];
        struct json_object *no = json_object_new_object();
        put_str(no, "message", n->message);
        if (n->span.begin.file) {
            put_file(no, n->span.begin.file);
            put_int(no, "line", n->span.begin.line);
            put_int(no, "column", n->span.begin.column);
        }
        json_object_array_add(notes, no);
    }
    put(o, "notes", notes);
    return o;
}

/* ---- SARIF ---- */

static const char *sarif_level(enum mofc_severity s)
{
    return s == MOFC_NOTE ? "note" : s == MOFC_WARNING ? "warning" : "error";
}

static struct json_object *sarif_message(const char *text)
{
    struct json_object *m = json_object_new_object();
    put_str(m, "text", text);
    return m;
}

struct sarif_run {
    bool relative_seen;           /* some URI needs %SRCROOT% */
    const char **rule_ids;        /* tool.driver.rules, first-seen order */
    size_t nrules;
};

static struct json_object *artifact_location(struct sarif_run *run, const char *path)
{
    struct json_object *a = json_object_new_object();
    char *uri = diag_path_uri(path);
    put_str(a, "uri", uri);
    free(uri);
    if (path[0] != '/') {
        put_str(a, "uriBaseId", SRCROOT);
        run->relative_seen = true;
    }
    return a;
}

static struct json_object *physical_location(struct sarif_run *run, const char *file,
                                             uint32_t line, uint32_t column, uint32_t end_column)
{
    struct json_object *pl = json_object_new_object();
    put(pl, "artifactLocation", artifact_location(run, file));
    struct json_object *region = json_object_new_object();
    if (!line) {
        /* A place in a binary MOF: the column is a byte offset. */
        put_int(region, "byteOffset", column);
        put_int(region, "byteLength", end_column > column ? end_column - column : 1);
        put(pl, "region", region);
        return pl;
    }
    put_int(region, "startLine", line);
    put_int(region, "startColumn", column);
    /* endColumn is exclusive; a point gets its one character. */
    put_int(region, "endColumn", end_column > column ? end_column : column + 1);
    put(pl, "region", region);
    return pl;
}

static size_t rule_index(struct sarif_run *run, const char *id)
{
    for (size_t i = 0; i < run->nrules; i++)
        if (strcmp(run->rule_ids[i], id) == 0)
            return i;
    run->rule_ids[run->nrules] = id;
    return run->nrules++;
}

static struct json_object *sarif_rule(const char *id)
{
    const struct mofc_rule *rule = mofc_rule_find(id);
    struct json_object *r = json_object_new_object();
    put_str(r, "id", id);
    put(r, "shortDescription", sarif_message(rule ? rule->title : id));
    if (rule) {
        put(r, "fullDescription", sarif_message(rule->help));
        put(r, "help", sarif_message(rule->help));
    }
    return r;
}

/* 64-bit FNV-1a: small, and enough to tell results apart in one file. */
static uint64_t fnv1a(uint64_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

/* The id, the file, the message and the source line without its
 * indentation and trailing blanks, each ended by a NUL. */
static uint64_t result_hash(const struct mofc_diagnostic *d)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    const char *line = d->source_line ? d->source_line : "";
    while (*line == ' ' || *line == '\t')
        line++;
    size_t n = strlen(line);
    while (n && (line[n - 1] == ' ' || line[n - 1] == '\t'))
        n--;
    const char *file = strip_dot_slash(d->span.begin.file);
    h = fnv1a(h, d->id, strlen(d->id) + 1);
    h = fnv1a(h, file, strlen(file) + 1);
    h = fnv1a(h, d->message, strlen(d->message) + 1);
    return fnv1a(h, line, n);
}

/* The message, then each note without a location as "note: ..." lines. */
static char *message_with_notes(const struct mofc_diagnostic *d)
{
    size_t len = strlen(d->message) + 1;
    for (size_t i = 0; i < d->nnotes; i++)
        if (!d->notes[i].span.begin.file)
            len += strlen(d->notes[i].message) + sizeof "\nnote: ";
    char *text = malloc(len), *q = text;
    if (!text)
        return NULL;
    q = stpcpy(q, d->message);
    for (size_t i = 0; i < d->nnotes; i++)
        if (!d->notes[i].span.begin.file)
            q = stpcpy(stpcpy(q, "\nnote: "), d->notes[i].message);
    return text;
}

static struct json_object *sarif_result(struct sarif_run *run, const struct mofc_diagnostic *d,
                                        uint64_t hash, size_t occurrence)
{
    struct json_object *r = json_object_new_object();
    put_str(r, "ruleId", d->id);
    put(r, "ruleIndex", json_object_new_int64((int64_t)rule_index(run, d->id)));
    put_str(r, "level", sarif_level(d->severity));
    char *text = message_with_notes(d);
    put(r, "message", sarif_message(text ? text : d->message));
    free(text);
    struct json_object *locs = json_object_new_array();
    struct json_object *loc = json_object_new_object();
    put(loc, "physicalLocation",
        physical_location(run, d->span.begin.file, d->span.begin.line, d->span.begin.column,
                          d->span.end_column));
    json_object_array_add(locs, loc);
    put(r, "locations", locs);
    char fp[40];
    snprintf(fp, sizeof fp, "%016llx:%zu", (unsigned long long)hash, occurrence);
    struct json_object *fps = json_object_new_object();
    put_str(fps, FINGERPRINT_KEY, fp);
    put(r, "partialFingerprints", fps);
    /* Notes, then the include chain (innermost first), as related places. */
    struct json_object *rel = json_object_new_array();
    int64_t id = 0;
    for (size_t i = 0; i < d->nnotes; i++) {
        const struct mofc_diag_note *n = &d->notes[i];
        struct json_object *l = json_object_new_object();
        put(l, "id", json_object_new_int64(id++));
        if (n->span.begin.file)
            put(l, "physicalLocation",
                physical_location(run, n->span.begin.file, n->span.begin.line,
                                  n->span.begin.column, n->span.end_column));
        put(l, "message", sarif_message(n->message));
        json_object_array_add(rel, l);
    }
    for (size_t i = 0; i < d->nincludes; i++) {
        const struct mofc_include_step *s = &d->includes[i];
        struct json_object *l = json_object_new_object();
        put(l, "id", json_object_new_int64(id++));
        put(l, "physicalLocation", physical_location(run, s->file, s->line, s->column, 0));
        put(l, "message", sarif_message("included from here"));
        json_object_array_add(rel, l);
    }
    if (id)
        put(r, "relatedLocations", rel);
    else
        json_object_put(rel);
    if (d->category != MOFC_W_NONE || d->promoted) {
        struct json_object *props = json_object_new_object();
        if (d->category != MOFC_W_NONE)
            put_str(props, "category", mofc_wcat_name(d->category));
        if (d->promoted)
            put(props, "promoted", json_object_new_boolean(true));
        put(r, "properties", props);
    }
    return r;
}

/* A diagnostic with no place in a file: about the run itself. */
static struct json_object *sarif_notification(struct sarif_run *run,
                                              const struct mofc_diagnostic *d)
{
    struct json_object *n = json_object_new_object();
    put_str(n, "level", sarif_level(d->severity));
    char *text = message_with_notes(d);
    put(n, "message", sarif_message(text ? text : d->message));
    free(text);
    struct json_object *rule = json_object_new_object();
    put_str(rule, "id", d->id);
    put(rule, "index", json_object_new_int64((int64_t)rule_index(run, d->id)));
    put(n, "associatedRule", rule);
    return n;
}

static struct json_object *working_directory_uri(void)
{
    size_t cap = 256;
    for (;;) {
        char *buf = malloc(cap);
        if (!buf)
            return NULL;
        if (getcwd(buf, cap)) {
            size_t n = strlen(buf);
            char *uri = encode_path("file://", buf, n && buf[n - 1] == '/' ? "" : "/");
            free(buf);
            struct json_object *o = json_object_new_object();
            put_str(o, "uri", uri);
            free(uri);
            return o;
        }
        free(buf);
        if (cap > 65536)
            return NULL;
        cap *= 4;
    }
}

struct json_object *diag_sarif_log(const struct mofc_diagnostic *const *diags, size_t n,
                                   int exit_status)
{
    struct sarif_run run = {0};
    run.rule_ids = malloc((n ? n : 1) * sizeof *run.rule_ids);
    uint64_t *hashes = malloc((n ? n : 1) * sizeof *hashes);
    if (!run.rule_ids || !hashes) {
        free(run.rule_ids);
        free(hashes);
        return NULL;
    }
    struct json_object *results = json_object_new_array();
    struct json_object *notifications = json_object_new_array();
    bool fatal = false;
    for (size_t i = 0; i < n; i++) {
        const struct mofc_diagnostic *d = diags[i];
        fatal |= d->severity == MOFC_FATAL;
        if (!d->span.begin.file) {
            json_object_array_add(notifications, sarif_notification(&run, d));
            continue;
        }
        /* Equal hashes (one mistake repeated on equal lines) are told
         * apart by their order in the file. */
        hashes[i] = result_hash(d);
        size_t occurrence = 1;
        for (size_t k = 0; k < i; k++)
            occurrence += diags[k]->span.begin.file && hashes[k] == hashes[i];
        json_object_array_add(results, sarif_result(&run, d, hashes[i], occurrence));
    }
    free(hashes);

    struct json_object *driver = json_object_new_object();
    put_str(driver, "name", "mofc");
    put_str(driver, "version", MOFC_VERSION);
    put_str(driver, "semanticVersion", MOFC_VERSION);
    struct json_object *rules = json_object_new_array();
    for (size_t i = 0; i < run.nrules; i++)
        json_object_array_add(rules, sarif_rule(run.rule_ids[i]));
    free(run.rule_ids);
    put(driver, "rules", rules);
    struct json_object *tool = json_object_new_object();
    put(tool, "driver", driver);

    struct json_object *inv = json_object_new_object();
    put(inv, "executionSuccessful", json_object_new_boolean(exit_status != 2 && !fatal));
    put(inv, "exitCode", json_object_new_int(exit_status));
    if (json_object_array_length(notifications))
        put(inv, "toolExecutionNotifications", notifications);
    else
        json_object_put(notifications);
    struct json_object *invocations = json_object_new_array();
    json_object_array_add(invocations, inv);

    struct json_object *r = json_object_new_object();
    put(r, "tool", tool);
    put(r, "invocations", invocations);
    struct json_object *cwd = run.relative_seen ? working_directory_uri() : NULL;
    if (cwd) {
        struct json_object *bases = json_object_new_object();
        put(bases, SRCROOT, cwd);
        put(r, "originalUriBaseIds", bases);
    }
    /* Columns count characters (code points), as in the text output. */
    put_str(r, "columnKind", "unicodeCodePoints");
    put(r, "results", results);
    struct json_object *runs = json_object_new_array();
    json_object_array_add(runs, r);

    struct json_object *log = json_object_new_object();
    put_str(log, "$schema", SARIF_SCHEMA);
    put_str(log, "version", "2.1.0");
    put(log, "runs", runs);
    return log;
}
