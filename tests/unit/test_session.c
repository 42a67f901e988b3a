/* test_session.c - the incremental front end behind `mofc lsp`: only
 * changed files are parsed again, and the diagnostics are those of a
 * whole compilation of the same text. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "compile.h"
#include "mofc/session.h"
#include "test.h"

static char dir[256];

static void write_file(const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

static const char *at(const char *name)
{
    static char path[4][512];
    static int k;
    k = (k + 1) % 4;
    snprintf(path[k], sizeof path[k], "%s/%s", dir, name);
    return path[k];
}

static void make_dir(void)
{
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/mofc-session-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(dir))
        abort();
    write_file("root.mof", "#pragma include (\"base.mof\")\n#pragma include (\"leaf.mof\")\n");
    write_file("base.mof", "class Test_Base {\n    [Key] string Name;\n    uint8 Small = 3;\n};\n");
    write_file("leaf.mof", "class Test_Leaf : Test_Base {\n    [MaxLen(2)] string S = \"abc\";\n"
                           "    uint32 Count;\n};\n");
}

/* "file:line:col: id" of every diagnostic, in one string. */
static void diag_list(struct mofc_session *s, char *out, size_t cap)
{
    out[0] = '\0';
    for (size_t i = 0; i < mofc_session_diagnostic_count(s); i++) {
        const struct mofc_diagnostic *d = mofc_session_diagnostic(s, i);
        const char *file = d->span.begin.file ? strrchr(d->span.begin.file, '/') + 1 : "-";
        size_t n = strlen(out);
        snprintf(out + n, cap - n, "%s:%u:%u: %s\n", file, d->span.begin.line,
                 d->span.begin.column, d->id);
    }
}

TEST(only_the_changed_file_is_parsed_again)
{
    make_dir();
    struct mofc_session *s = mofc_session_create(NULL);
    const char *in[] = {at("root.mof")};
    mofc_session_set_inputs(s, in, 1);
    CHECK_EQ_INT(mofc_session_compile(s), 0);
    CHECK_EQ_INT(mofc_session_parsed_count(s), 3);
    CHECK_EQ_INT(mofc_session_file_count(s), 3);
    char list[2048];
    diag_list(s, list, sizeof list);
    CHECK_EQ_STR(list, "leaf.mof:2:28: default-maxlen\n");
    REQUIRE(mofc_session_model(s) != NULL);
    CHECK(mofc_model_find_class(mofc_session_model(s), "Test_Leaf") != NULL);

    /* The editor breaks the base class: one file parsed, the leaf's
     * superclass is gone and its own warning is still there. */
    const char *broken = "class Test_Bas {\n    [Key] string Name;\n};\n";
    mofc_session_set_text(s, at("base.mof"), broken, strlen(broken));
    CHECK_EQ_INT(mofc_session_compile(s), 1);
    CHECK_EQ_INT(mofc_session_parsed_count(s), 1);
    diag_list(s, list, sizeof list);
    CHECK(strstr(list, "leaf.mof:1:19: superclass-not-found\n") != NULL);

    /* Nothing changed: nothing parsed, same diagnostics. */
    char again[2048];
    CHECK_EQ_INT(mofc_session_compile(s), 1);
    CHECK_EQ_INT(mofc_session_parsed_count(s), 0);
    diag_list(s, again, sizeof again);
    CHECK_EQ_STR(again, list);

    /* Back to the disk's text. */
    mofc_session_set_text(s, at("base.mof"), NULL, 0);
    CHECK_EQ_INT(mofc_session_compile(s), 0);
    CHECK_EQ_INT(mofc_session_parsed_count(s), 1);
    mofc_session_destroy(s);
}

/* Parse errors of a file that is not parsed again are kept with it. */
TEST(parse_diagnostics_are_kept)
{
    make_dir();
    write_file("leaf.mof", "class Test_Leaf : Test_Base {\n    uint32 Count\n};\n");
    struct mofc_session *s = mofc_session_create(NULL);
    const char *in[] = {at("root.mof")};
    mofc_session_set_inputs(s, in, 1);
    mofc_session_compile(s);
    char first[2048], second[2048];
    diag_list(s, first, sizeof first);
    CHECK(strstr(first, "leaf.mof:2:17: missing-semicolon") != NULL);
    const char *other = "class Test_Base {\n    [Key] string Name;\n};\n";
    mofc_session_set_text(s, at("base.mof"), other, strlen(other));
    mofc_session_compile(s);
    CHECK_EQ_INT(mofc_session_parsed_count(s), 1);
    diag_list(s, second, sizeof second);
    CHECK_EQ_STR(second, first);
    mofc_session_destroy(s);
}

/* The same diagnostics as one mofc_compile() of the same files. */
TEST(same_diagnostics_as_check)
{
    make_dir();
    write_file("leaf.mof", "class Test_Leaf : Test_Bsae {\n    [Frob] uint32 Count;\n"
                           "    [Key] string Name;\n};\nclass Test_Base { };\n");
    struct mofc_options o;
    memset(&o, 0, sizeof o);
    struct mofc *m = mofc_create(&o);
    struct compiled c;
    memset(&c, 0, sizeof c);
    mofc_set_diag_sink(m, compiled_sink_, &c);
    mofc_add_file(m, at("root.mof"));
    mofc_compile(m);
    struct mofc_session *s = mofc_session_create(&o);
    const char *in[] = {at("root.mof")};
    mofc_session_set_inputs(s, in, 1);
    CHECK_EQ_INT(mofc_session_compile(s), (long)mofc_error_count(m));
    CHECK_EQ_INT(mofc_session_diagnostic_count(s), c.ndiags);
    for (int i = 0; i < c.ndiags; i++) {
        int found = 0;
        for (size_t k = 0; k < mofc_session_diagnostic_count(s); k++) {
            const struct mofc_diagnostic *d = mofc_session_diagnostic(s, k);
            char line[192];
            static const char *const sev[] = {"note", "warning", "error", "fatal"};
            snprintf(line, sizeof line, "%u:%u: %s: %s: %s", d->span.begin.line,
                     d->span.begin.column, sev[d->severity], d->id, d->message);
            found |= strcmp(line, c.diags[i]) == 0;
        }
        if (!CHECK(found))
            fprintf(stderr, "missing: %s\n", c.diags[i]);
    }
    mofc_destroy(m);
    mofc_session_destroy(s);
}

TEST(occurrences)
{
    make_dir();
    write_file("leaf.mof", "class Test_Leaf : Test_Base {\n    [Description(\"d\")] uint32 Count;\n"
                           "    Test_Base REF Other;\n    uint32 Go([In] uint32 How);\n};\n"
                           "instance of Test_Leaf as $L { Count = 1; };\n");
    struct mofc_session *s = mofc_session_create(NULL);
    const char *in[] = {at("root.mof")};
    mofc_session_set_inputs(s, in, 1);
    mofc_session_compile(s);
    const struct mofc_occurrence *o;
    size_t n = mofc_session_occurrences(s, at("leaf.mof"), &o);
    char list[4096] = "";
    static const char *const kinds[] = {"class", "property", "method", "parameter",
                                        "qualifier", "alias", "include"};
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(list);
        snprintf(list + len, sizeof list - len, "%u:%u-%u %s%s %s%s%s%s%s\n", o[i].line,
                 o[i].column, o[i].end_column, o[i].is_decl ? "decl " : "", kinds[o[i].kind],
                 o[i].name, o[i].scope ? " in " : "", o[i].scope ? o[i].scope : "",
                 o[i].member ? " on " : "", o[i].member ? o[i].member : "");
    }
    CHECK_EQ_STR(list, "1:7-16 decl class Test_Leaf\n"
                       "1:19-28 class Test_Base\n"
                       "2:6-17 qualifier Description in Test_Leaf on Count\n"
                       "2:31-36 decl property Count in Test_Leaf\n"
                       "3:5-14 class Test_Base\n"
                       "3:19-24 decl property Other in Test_Leaf\n"
                       "4:12-14 decl method Go in Test_Leaf\n"
                       "4:16-18 qualifier In in Test_Leaf on How\n"
                       "4:27-30 decl parameter How in Test_Leaf\n"
                       "6:13-22 class Test_Leaf\n"
                       "6:26-28 decl alias L\n"
                       "6:31-36 property Count in Test_Leaf\n");
    n = mofc_session_occurrences(s, at("root.mof"), &o);
    CHECK_EQ_INT(n, 2);
    CHECK(n == 2 && o[0].kind == MOFC_OCC_INCLUDE && strcmp(o[0].name, at("base.mof")) == 0);
    mofc_session_destroy(s);
}

/* An include cycle and a file included twice end; each file is read once. */
TEST(include_cycle_ends)
{
    make_dir();
    write_file("root.mof", "#pragma include (\"base.mof\")\n#pragma include (\"base.mof\")\n");
    write_file("base.mof", "#pragma include (\"root.mof\")\nclass Test_Base { };\n");
    struct mofc_session *s = mofc_session_create(NULL);
    const char *in[] = {at("root.mof")};
    mofc_session_set_inputs(s, in, 1);
    CHECK_EQ_INT(mofc_session_compile(s), 0);
    CHECK_EQ_INT(mofc_session_file_count(s), 2);
    CHECK(mofc_session_has_file(s, at("base.mof")));
    mofc_session_destroy(s);
}

/* Old trees of edited files pile up in the context until it is rebuilt
 * (past the limit of bytes parsed): the results stay the same across
 * rebuilds, and after one only the edited file is parsed again. */
TEST(rebuild_after_many_edits)
{
    make_dir();
    size_t cap = 100000, len = 0;
    char *big = malloc(cap + 256);
    REQUIRE(big != NULL);
    for (int i = 0; len < cap; i++)
        len += (size_t)sprintf(big + len, "class Test_C%d : Test_Base { uint32 P%d; };\n", i, i);
    struct mofc_session *s = mofc_session_create(NULL);
    const char *in[] = {at("root.mof")};
    mofc_session_set_inputs(s, in, 1);
    mofc_session_set_rebuild_limit(s, 1 << 20);
    mofc_session_compile(s);
    size_t nclasses = mofc_session_model(s)->nclasses, nparsed[2] = {0, 0};
    for (int round = 0; round < 25; round++) {
        big[len] = round & 1 ? ' ' : '\n';
        mofc_session_set_text(s, at("leaf.mof"), big, len + 1);
        CHECK_EQ_INT(mofc_session_compile(s), 0);
        if (round == 0)
            nclasses = mofc_session_model(s)->nclasses;
        CHECK_EQ_INT(mofc_session_model(s)->nclasses, nclasses);
        CHECK(mofc_model_find_class(mofc_session_model(s), "Test_C7") != NULL);
        /* 3 files after a rebuild, else the edited one. */
        nparsed[mofc_session_parsed_count(s) == 3]++;
        CHECK(mofc_session_parsed_count(s) == 1 || mofc_session_parsed_count(s) == 3);
    }
    CHECK(nclasses > 1000);
    CHECK(nparsed[1] >= 2 && nparsed[0] >= 15);
    free(big);
    mofc_session_destroy(s);
}

TEST(paths_are_normalised)
{
    char *p = mofc_session_normalize_path("/a/./b//c/../d.mof");
    CHECK_EQ_STR(p, "/a/b/d.mof");
    free(p);
    p = mofc_session_normalize_path("/../x");
    CHECK_EQ_STR(p, "/x");
    free(p);
}

TEST_MAIN()
