/*
 * test.h - the unit-test framework: one header, no library.
 *
 *     #include "test.h"
 *     #include "util/arena.h"          (any src/ header: -Isrc is set)
 *
 *     TEST(arena_grows)
 *     {
 *         struct arena a;
 *         arena_init(&a);
 *         REQUIRE(arena_alloc(&a, 16) != NULL);   (failure ends this test)
 *         CHECK(a.used >= 16);                     (failure is recorded, test goes on)
 *         CHECK_EQ_INT(a.nblocks, 1);              (actual, expected)
 *         CHECK_EQ_STR(intern_text(n), "Win32_Foo");
 *         CHECK_EQ_MEM(buf, "\0ab", 3);
 *         arena_free(&a);
 *     }
 *
 *     TEST_MAIN()
 *
 * A file tests/unit/test_<module>.c is all it takes: the Makefile links it
 * with libmofc into $(MOFC_BUILD)/tests/test_<module> and tests/run.sh runs
 * it.  TEST registers its function before main() (a constructor), so no
 * list can forget one; tests run in file order.
 *
 * Each test runs in a forked child, so a crash, an abort, a sanitizer
 * report or a leak fails that test alone and the others still run.
 * TEST_NOFORK=1 in the environment runs them in-process (for gdb).
 * Arguments select tests by exact name; -l lists them.
 *
 * Output: one line per failed check,
 *
 *     FAIL tests/unit/test_arena.c:12: arena_grows: CHECK_EQ_INT(a.nblocks, 1): expected 1, actual
 * 2
 *
 * then "N passed, N failed" (tests, not checks).  Exit status 1 if any
 * test failed.  The checks are expressions worth 1 (passed) or 0, so
 * `if (!CHECK(p)) return;` works too.
 */
#ifndef MOFC_TEST_H
#define MOFC_TEST_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

struct test_case {
    const char *name;
    void (*fn)(void);
    struct test_case *next;
};

/* A child's exit status when its checks failed; anything else non-zero
 * (1 from ASan/UBSan, 23 from LeakSanitizer...) means it died otherwise. */
#define TEST_EXIT_CHECKS_FAILED_ 86

static struct test_case *test_first_;
static struct test_case **test_tail_ = &test_first_;
static const char *test_current_; /* name of the running test */
static int test_current_failed_;  /* checks failed in it */

#define TEST(name)                                                                                 \
    static void test_fn_##name(void);                                                              \
    static struct test_case test_case_##name = {#name, test_fn_##name, NULL};                      \
    __attribute__((constructor)) static void test_register_##name(void)                            \
    {                                                                                              \
        *test_tail_ = &test_case_##name;                                                           \
        test_tail_ = &test_case_##name.next;                                                       \
    }                                                                                              \
    static void test_fn_##name(void)

#define CHECK(expr) test_check_(!!(expr), __FILE__, __LINE__, "CHECK(" #expr ")")

/* Inside a TEST only: on failure, the test returns at once. */
#define REQUIRE(expr)                                                                              \
    do {                                                                                           \
        if (!test_check_(!!(expr), __FILE__, __LINE__, "REQUIRE(" #expr ")"))                      \
            return;                                                                                \
    } while (0)

/* Integers of any type, compared as intmax_t. */
#define CHECK_EQ_INT(actual, expected)                                                             \
    test_eq_int_((intmax_t)(actual), (intmax_t)(expected), __FILE__, __LINE__,                     \
                 "CHECK_EQ_INT(" #actual ", " #expected ")")

/* NUL-terminated strings; NULL equals only NULL. */
#define CHECK_EQ_STR(actual, expected)                                                             \
    test_eq_mem_((actual), (expected), (size_t)-1, __FILE__, __LINE__,                             \
                 "CHECK_EQ_STR(" #actual ", " #expected ")")

/* n bytes. */
#define CHECK_EQ_MEM(actual, expected, n)                                                          \
    test_eq_mem_((const char *)(actual), (const char *)(expected), (size_t)(n), __FILE__,          \
                 __LINE__, "CHECK_EQ_MEM(" #actual ", " #expected ", " #n ")")

#define TEST_MAIN()                                                                                \
    int main(int argc, char **argv)                                                                \
    {                                                                                              \
        return test_main_(argc, argv);                                                             \
    }

static inline void test_report_(const char *file, int line, const char *what)
{
    test_current_failed_++;
    printf("FAIL %s:%d: %s: %s", file, line, test_current_ ? test_current_ : "?", what);
}

static inline int test_check_(int ok, const char *file, int line, const char *what)
{
    if (!ok) {
        test_report_(file, line, what);
        printf(": failed\n");
    }
    return ok;
}

static inline int test_eq_int_(intmax_t actual, intmax_t expected, const char *file, int line,
                               const char *what)
{
    if (actual == expected)
        return 1;
    test_report_(file, line, what);
    printf(": expected %jd, actual %jd\n", expected, actual);
    return 0;
}

/* A string as a C literal, so invisible differences show. */
static inline void test_print_quoted_(const char *s, size_t n)
{
    if (!s) {
        printf("NULL");
        return;
    }
    putchar('"');
    for (size_t i = 0; n == (size_t)-1 ? s[i] != '\0' : i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\')
            printf("\\%c", c);
        else if (c == '\n')
            printf("\\n");
        else if (c == '\t')
            printf("\\t");
        else if (c < 0x20 || c >= 0x7f)
            printf("\\x%02x", c);
        else
            putchar(c);
    }
    putchar('"');
}

/* n == (size_t)-1: compare as NUL-terminated strings. */
static inline int test_eq_mem_(const char *actual, const char *expected, size_t n, const char *file,
                               int line, const char *what)
{
    int ok;
    if (!actual || !expected)
        ok = actual == expected;
    else if (n == (size_t)-1)
        ok = strcmp(actual, expected) == 0;
    else
        ok = memcmp(actual, expected, n) == 0;
    if (ok)
        return 1;
    test_report_(file, line, what);
    printf(": expected ");
    test_print_quoted_(expected, n);
    printf(", actual ");
    test_print_quoted_(actual, n);
    printf("\n");
    return 0;
}

static inline int test_selected_(const char *name, int argc, char **argv)
{
    if (argc <= 1)
        return 1;
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], name) == 0)
            return 1;
    return 0;
}

/* Runs one test; returns 1 if it passed. */
static inline int test_run_one_(struct test_case *t, int nofork)
{
    test_current_ = t->name;
    test_current_failed_ = 0;
    if (nofork) {
        t->fn();
        fflush(stdout);
        return test_current_failed_ == 0;
    }
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0) {
        perror("fork");
        exit(2);
    }
    if (pid == 0) {
        t->fn();
        fflush(stdout);
        /* exit(), not _exit(): LeakSanitizer checks at exit. */
        exit(test_current_failed_ ? TEST_EXIT_CHECKS_FAILED_ : 0);
    }
    int st;
    while (waitpid(pid, &st, 0) < 0) {
        perror("waitpid");
        exit(2);
    }
    if (WIFSIGNALED(st)) {
        printf("FAIL %s: crashed (signal %d)\n", t->name, WTERMSIG(st));
        return 0;
    }
    if (WEXITSTATUS(st) == TEST_EXIT_CHECKS_FAILED_)
        return 0; /* its checks said why */
    if (WEXITSTATUS(st) != 0) {
        printf("FAIL %s: exited with status %d (a sanitizer report or leak?)\n", t->name,
               WEXITSTATUS(st));
        return 0;
    }
    return 1;
}

static inline int test_main_(int argc, char **argv)
{
    int passed = 0, failed = 0;
    const char *nf = getenv("TEST_NOFORK");
    int nofork = nf && *nf && strcmp(nf, "0") != 0;

    if (argc == 2 && strcmp(argv[1], "-l") == 0) {
        for (struct test_case *t = test_first_; t; t = t->next)
            printf("%s\n", t->name);
        return 0;
    }
    for (struct test_case *t = test_first_; t; t = t->next) {
        if (!test_selected_(t->name, argc, argv))
            continue;
        if (test_run_one_(t, nofork))
            passed++;
        else
            failed++;
    }
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}

#endif /* MOFC_TEST_H */
