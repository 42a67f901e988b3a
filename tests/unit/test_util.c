/* test_util.c - arena, interning, pointer maps. */
#include "test.h"
#include "util/arena.h"
#include "util/intern.h"
#include "util/ptrmap.h"
#include "util/strbuf.h"

TEST(arena_alignment_and_growth)
{
    struct arena a;
    arena_init(&a);
    char *first = arena_alloc(&a, 3);
    char *second = arena_alloc(&a, 5);
    CHECK(((uintptr_t)first & 15) == 0);
    CHECK(((uintptr_t)second & 15) == 0);
    CHECK(second - first == 16);
    /* A request larger than a block still succeeds and stays usable. */
    char *big = arena_alloc(&a, 10 * 1024 * 1024);
    memset(big, 'x', 10 * 1024 * 1024);
    char *after = arena_alloc(&a, 8);
    CHECK(after != NULL);
    CHECK_EQ_STR(arena_printf(&a, "%s-%d", "n", 42), "n-42");
    arena_free(&a);
}

TEST(intern_is_case_insensitive_and_case_preserving)
{
    struct arena a;
    struct interner in;
    arena_init(&a);
    intern_init(&in, &a);
    const struct name *x = intern_cstr(&in, "CIM_ManagedElement");
    const struct name *y = intern_cstr(&in, "cim_managedelement");
    const struct name *z = intern_cstr(&in, "CIM_ManagedElement");
    CHECK(x == z);
    CHECK(x != y);
    CHECK(x->key == y->key);
    CHECK_EQ_STR(x->text, "CIM_ManagedElement");
    CHECK_EQ_STR(y->text, "cim_managedelement");
    CHECK_EQ_STR(y->key->text, "CIM_ManagedElement");
    CHECK(intern_find(&in, "CIM_MANAGEDELEMENT", 18) == x->key);
    CHECK(intern_find(&in, "CIM_Other", 9) == NULL);
    /* Growth keeps every record findable. */
    char buf[32];
    for (int i = 0; i < 5000; i++) {
        snprintf(buf, sizeof buf, "Name_%d", i);
        intern_cstr(&in, buf);
    }
    for (int i = 0; i < 5000; i += 97) {
        snprintf(buf, sizeof buf, "NAME_%d", i);
        const struct name *n = intern_find(&in, buf, strlen(buf));
        REQUIRE(n != NULL);
        snprintf(buf, sizeof buf, "Name_%d", i);
        CHECK_EQ_STR(n->text, buf);
    }
    CHECK(fold_cmp("abc", "ABD") < 0);
    CHECK(fold_cmp("Key", "KEY") == 0);
    intern_free(&in);
    arena_free(&a);
}

TEST(ptrmap_put_get_replace)
{
    struct ptrmap m;
    ptrmap_init(&m);
    static int keys[1000];
    for (int i = 0; i < 1000; i++)
        CHECK(ptrmap_put(&m, &keys[i], &keys[999 - i], &keys[i]) == NULL);
    for (int i = 0; i < 1000; i++)
        CHECK(ptrmap_get(&m, &keys[i], &keys[999 - i]) == &keys[i]);
    CHECK(ptrmap_get(&m, &keys[1], &keys[1]) == NULL);
    CHECK(ptrmap_put(&m, &keys[0], &keys[999], NULL) == &keys[0]);
    CHECK_EQ_INT(m.count, 1000);
    ptrmap_free(&m);
}

TEST(strbuf_builds)
{
    struct strbuf sb = STRBUF_INIT;
    sb_puts(&sb, "a");
    sb_putc(&sb, 'b');
    sb_printf(&sb, "%03d", 7);
    sb_putn(&sb, "\0z", 2);
    CHECK_EQ_INT(sb.len, 7);
    CHECK_EQ_MEM(sb.data, "ab007\0z", 7);
    sb_free(&sb);
}

TEST_MAIN()
