/* test_template.c - the template language of the back ends, and the C
 * spellings (identifiers, literals, comments) of the C back end. */
#include "test.h"

#include "../../codegen/cnames.h"
#include "../../codegen/template.h"

enum { K_NAME, K_ITEMS, K_FLAG, K_TITLE, K_HTML, NKEYS };
static const char *const keys[NKEYS] = {"name", "items", "flag", "title", "html"};

struct errors {
    int n;
    char last[512];
};

static void on_error(void *user, const struct mofc_location *loc, const char *message)
{
    struct errors *e = user;
    e->n++;
    if (loc) {
        struct mofc_position at = mofc_location_position(loc);
        snprintf(e->last, sizeof e->last, "%s:%u:%u: %s", loc->file, at.line, at.column,
                 message);
    }
    else
        snprintf(e->last, sizeof e->last, "%s", message);
}

static char dir[256];

/* Writes template `name` with `text` into a scratch directory. */
static void put_template(const char *name, const char *text)
{
    if (!dir[0]) {
        const char *tmp = getenv("TMPDIR");
        snprintf(dir, sizeof dir, "%s/tplXXXXXX", tmp ? tmp : "/tmp");
        if (!mkdtemp(dir))
            abort();
    }
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (!f)
        abort();
    fputs(text, f);
    fclose(f);
}

static void html_escape(struct cg_buf *out, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] == '<')
            cg_puts(out, "&lt;");
        else
            cg_putc(out, s[i]);
}

/* Renders `text` (as template t.tpl) over a small data set. */
static char *render(const char *text, struct errors *e)
{
    static int serial;
    char name[32];
    snprintf(name, sizeof name, "t%d.tpl", serial++);
    put_template(name, text);
    struct tpl_set *s = tpl_set_new(keys, NKEYS, html_escape);
    struct cg_report r = {on_error, e, 0};
    char *result = NULL;
    if (tpl_load(s, "test", name, dir, &r) && tpl_link(s, &r)) {
        struct cg_pool pool = {0};
        struct tpl_obj *root = tpl_obj(&pool);
        tpl_str(&pool, root, K_TITLE, "T");
        tpl_str(&pool, root, K_HTML, "<b>");
        tpl_bool(&pool, root, K_FLAG, true);
        const char *names[] = {"a", "b", "c"};
        for (int i = 0; i < 3; i++)
            tpl_str(&pool, tpl_item(&pool, root, K_ITEMS), K_NAME, names[i]);
        struct cg_buf out = {0};
        tpl_render(s, name, root, &out);
        result = strdup(out.data ? out.data : "");
        cg_buf_free(&out);
        cg_pool_free(&pool);
    }
    tpl_set_free(s);
    return result;
}

static void check_render(const char *text, const char *want)
{
    struct errors e = {0, ""};
    char *got = render(text, &e);
    CHECK_EQ_INT(e.n, 0);
    if (got)
        CHECK_EQ_STR(got, want);
    free(got);
}

TEST(variables_sections_and_escaping)
{
    check_render("{{title}}:{{#items}}[{{name}}{{title}}]{{/items}}", "T:[aT][bT][cT]");
    check_render("{{html}} {{{html}}} {{&html}}", "&lt;b> <b> <b>");
    check_render("{{#items}}{{name}}{{^-last}}, {{/-last}}{{/items}}", "a, b, c");
    check_render("{{#items}}{{#-first}}>{{/-first}}{{name}}{{/items}}", ">abc");
    check_render("{{#flag}}yes{{/flag}}{{^flag}}no{{/flag}}", "yes");
    check_render("{{^name}}none{{/name}}{{#name}}x{{/name}}", "none");
    check_render("a{{! a comment }}b", "ab");
}

TEST(standalone_tags_leave_no_lines)
{
    check_render("list:\n{{#items}}\n  - {{name}}\n{{/items}}\nend\n",
                 "list:\n  - a\n  - b\n  - c\nend\n");
    check_render("  {{! note }}\nx\n", "x\n");
    /* Not alone on its line: kept as is. */
    check_render("x {{#flag}}y{{/flag}}\n", "x y\n");
}

TEST(partials)
{
    put_template("part.tpl", "<{{name}}>");
    struct errors e = {0, ""};
    put_template("main.tpl", "{{#items}}{{>part.tpl}}{{/items}}");
    struct tpl_set *s = tpl_set_new(keys, NKEYS, NULL);
    struct cg_report r = {on_error, &e, 0};
    REQUIRE(tpl_load(s, "test", "main.tpl", dir, &r));
    CHECK(!tpl_link(s, &r));    /* part.tpl is not loaded yet */
    CHECK(strstr(e.last, "part.tpl") != NULL);
    REQUIRE(tpl_load(s, "test", "part.tpl", dir, &r));
    CHECK(tpl_link(s, &r));
    struct cg_pool pool = {0};
    struct tpl_obj *root = tpl_obj(&pool);
    tpl_str(&pool, tpl_item(&pool, root, K_ITEMS), K_NAME, "x");
    struct cg_buf out = {0};
    tpl_render(s, "main.tpl", root, &out);
    CHECK_EQ_STR(out.data, "<x>");
    cg_buf_free(&out);
    cg_pool_free(&pool);
    tpl_set_free(s);
}

static void check_error(const char *text, const char *want)
{
    struct errors e = {0, ""};
    char *got = render(text, &e);
    CHECK(got == NULL);
    CHECK_EQ_INT(e.n, 1);
    if (!strstr(e.last, want)) {
        fprintf(stderr, "error was: %s\n", e.last);
        CHECK(strstr(e.last, want) != NULL);
    }
    free(got);
}

TEST(template_errors_are_located)
{
    check_error("ok\n  {{nmae}}", ":2:5: unknown name 'nmae' in template; did you mean 'name'?");
    check_error("{{#items}}x", "section 'items' is not closed");
    check_error("{{#items}}{{/flag}}", "'{{/flag}}' closes section 'items'");
    check_error("{{/flag}}", "closes no section");
    check_error("{{name", "unterminated tag");
    check_error("{{}}", "empty tag");
}

TEST(embedded_templates_and_fallback)
{
    struct errors e = {0, ""};
    struct cg_report r = {on_error, &e, 0};
    static const char *const ckeys[] = {"banner", "classes", "name"};
    struct tpl_set *s = tpl_set_new(ckeys, 3, NULL);
    /* Not in the directory: the built-in copy. */
    REQUIRE(tpl_load(s, "c", "all.h.tpl", dir, &r));
    CHECK_EQ_STR(tpl_origin(s, "all.h.tpl"), "built-in");
    CHECK(!tpl_load(s, "c", "no-such.tpl", NULL, &r));
    CHECK(strstr(e.last, "no template 'c/no-such.tpl'") != NULL);
    tpl_set_free(s);
}

/* ---- C spellings ---- */

static void check_ident(const char *in, const char *want)
{
    struct cg_buf b = {0};
    cn_ident(&b, in, strlen(in));
    CHECK_EQ_STR(b.data ? b.data : "", want);
    cg_buf_free(&b);
}

TEST(identifiers)
{
    check_ident("Pred Fail", "Pred_Fail");
    check_ident("Non-Recoverable  Error", "Non_Recoverable_Error");
    check_ident(" (leading and trailing) ", "leading_and_trailing");
    check_ident("class", "class_");
    check_ident("NULL", "NULL_");
    check_ident("delete", "delete_");
    check_ident("Delete", "Delete");
    check_ident("Caf\xc3\xa9 au lait", "Caf_au_lait");
    check_ident("under_score__kept", "under_score__kept");
    check_ident("*/", "");
}

TEST(scopes_ignore_case)
{
    struct cn_scope s = {0};
    struct cg_pool pool = {0};
    CHECK_EQ_STR(cn_claim(&s, &pool, "Other"), "Other");
    CHECK_EQ_STR(cn_claim(&s, &pool, "other"), "other_2");
    CHECK_EQ_STR(cn_claim(&s, &pool, "OTHER"), "OTHER_3");
    CHECK_EQ_STR(cn_claim(&s, &pool, "Other_2"), "Other_2_2");
    for (int i = 0; i < 200; i++)   /* the table grows */
        cn_claim(&s, &pool, cg_pool_printf(&pool, "n%d", i));
    CHECK(cn_taken(&s, "N199"));
    CHECK(!cn_taken(&s, "n200"));
    cn_scope_free(&s);
    cg_pool_free(&pool);
}

TEST(string_literals_are_inert)
{
    struct cg_buf b = {0};
    /* "?" "?/" : a trigraph must not form in this file either. */
    cn_string(&b, "a\"b\\c?" "?/\n\0" "1\xc3\xa9", 13);
    CHECK_EQ_STR(b.data, "\"a\\\"b\\\\c\\?\\?/\\n\\0001\\303\\251\"");
    cg_buf_free(&b);
}

TEST(string_literal_bytes)
{
    /* Every byte: kept as is exactly when printable ASCII other than the
     * three that need care. */
    for (int c = 0; c < 256; c++) {
        char in = (char)c;
        struct cg_buf b = {0};
        cn_string(&b, &in, 1);
        bool plain = c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '?';
        if (plain)
            CHECK(b.len == 3 && b.data[1] == in);
        else
            CHECK(b.len > 3 && b.data[1] == '\\');
        cg_buf_free(&b);
    }
}

TEST(comments_are_inert_and_wrapped)
{
    struct cg_buf b = {0};
    const char *text = "ends */ here, opens /* there, ?" "?/ trigraph, back\\";
    cn_comment(&b, "", "/**", text, strlen(text));
    CHECK_EQ_STR(b.data, "/** ends *\\/ here, opens /\\* there, ?\\?/ trigraph, back\\  */");
    cg_buf_free(&b);
    char long_text[400];
    memset(long_text, 0, sizeof long_text);
    for (int i = 0; i < 60; i++)
        strcat(long_text, "word ");
    cn_comment(&b, "    ", "/**", long_text, strlen(long_text));
    CHECK(strncmp(b.data, "    /**\n     * word", 19) == 0);
    for (char *line = b.data; line; line = strchr(line, '\n')) {
        line += *line == '\n';
        char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) : strlen(line);
        CHECK(len <= 79);
    }
    CHECK(strcmp(b.data + b.len - 8, "\n     */") == 0);
    cg_buf_free(&b);
}

TEST(integer_and_real_literals)
{
    struct cg_buf b = {0};
    cn_integer(&b, MOFC_TYPE_SINT32, 0, INT32_MIN);
    cg_putc(&b, ' ');
    cn_integer(&b, MOFC_TYPE_UINT64, UINT64_MAX, 0);
    cg_putc(&b, ' ');
    cn_integer(&b, MOFC_TYPE_SINT64, 0, INT64_MIN);
    cg_putc(&b, ' ');
    cn_integer(&b, MOFC_TYPE_UINT32, 4294967295u, 0);
    cg_putc(&b, ' ');
    cn_real(&b, 1.0, false);
    cg_putc(&b, ' ');
    cn_real(&b, 0.5, true);
    CHECK_EQ_STR(b.data, "(-2147483647 - 1) UINT64_C(18446744073709551615) "
                         "(-INT64_C(9223372036854775807) - 1) 4294967295u 1.0 0.5f");
    cg_buf_free(&b);
}

TEST_MAIN()
