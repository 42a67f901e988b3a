/* test_bmf.c - binary MOF: the DS codec on streams built bit by bit, the
 * container and object checks on blobs built byte by byte (each bad one
 * asserting its message and byte offset), and amendments read from a blob. */
#include "test.h"

#include "../../codegen/backends.h"
#include "bmf_reader.h"
#include "compile.h"

/* ---- a bit writer independent of the compressor ---- */

struct bitbuf {
    uint8_t d[4096];
    size_t nbits;
};

static void bits(struct bitbuf *b, uint32_t v, unsigned n)
{
    for (unsigned i = 0; i < n; i++, b->nbits++)
        if (v >> i & 1)
            b->d[b->nbits / 8] |= (uint8_t)(1u << (b->nbits % 8));
}

static void ds_header(struct bitbuf *b)
{
    memset(b, 0, sizeof *b);
    bits(b, 'D', 8);
    bits(b, 'S', 8);
    bits(b, 0x0100, 16);
}

static void lit(struct bitbuf *b, uint8_t c)
{
    if (c & 0x80)
        bits(b, 1u | (uint32_t)(c & 0x7F) << 2, 9);
    else
        bits(b, 2u | (uint32_t)c << 2, 9);
}

static size_t nbytes(const struct bitbuf *b)
{
    return (b->nbits + 7) / 8;
}

TEST(ds_decodes_a_stream_built_by_hand)
{
    struct bitbuf b;
    ds_header(&b);
    lit(&b, 'a');
    lit(&b, 0xE9);
    bits(&b, 2u << 2, 8);          /* match, distance 2 (6-bit form) */
    bits(&b, 0x6, 3);              /* length code "01" + 1 bit: 2 + 1 + 1 = 4 */
    bits(&b, 7u | (10u << 3), 15); /* match, distance 330 (12-bit form): too far */
    bits(&b, 1, 1);                /* length 2 */
    struct bitbuf ok = b;
    ok.nbits -= 16;
    bits(&ok, 0x7FFF, 15); /* end mark */
    uint8_t out[16];
    size_t off = 0;
    const char *why = NULL;
    REQUIRE(bmf_ds_decompress(ok.d, nbytes(&ok), out, 6, &off, &why));
    CHECK_EQ_MEM(out,
                 "a\xE9"
                 "a\xE9"
                 "a\xE9",
                 6);
    /* One byte fewer declared: the end mark is not where the data ends. */
    CHECK(!bmf_ds_decompress(ok.d, nbytes(&ok), out, 5, &off, &why));
    CHECK_EQ_STR(why, "a match runs past the declared decompressed size");
    /* The distance-330 match reaches before the start. */
    CHECK(!bmf_ds_decompress(b.d, nbytes(&b) + 2, out, 16, &off, &why));
    CHECK_EQ_STR(why, "a match reaches back before the start of the data");
    CHECK_EQ_INT(off, (32 + 9 + 9 + 8 + 3 + 15 + 1) / 8);
    /* Cut inside the tokens. */
    CHECK(!bmf_ds_decompress(ok.d, 6, out, 6, &off, &why));
    CHECK_EQ_STR(why, "compressed data ends before the declared size is reached");
    /* No signature. */
    ok.d[0] = 'X';
    CHECK(!bmf_ds_decompress(ok.d, nbytes(&ok), out, 6, &off, &why));
    CHECK_EQ_INT(off, 0);
}

TEST(ds_lengths_and_distances_at_their_limits)
{
    /* 600 'z': a literal then a 512-byte and an 87-byte match at distance 1. */
    struct bitbuf b;
    ds_header(&b);
    lit(&b, 'z');
    bits(&b, 1u << 2, 8);
    bits(&b, (1u << 8) | (255u << 9), 17); /* 2^8 + 1 + 255 = 512 */
    bits(&b, 1u << 2, 8);
    bits(&b, (1u << 6) | (22u << 7), 13); /* 2^6 + 1 + 22 = 87 */
    bits(&b, 0x7FFF, 15);
    uint8_t out[600];
    size_t off;
    const char *why = NULL;
    REQUIRE(bmf_ds_decompress(b.d, nbytes(&b), out, 600, &off, &why));
    size_t same = 0;
    while (same < 600 && out[same] == 'z')
        same++;
    CHECK_EQ_INT(same, 600);
    /* A length code of nine zeros is not one. */
    ds_header(&b);
    lit(&b, 'z');
    bits(&b, 1u << 2, 8);
    bits(&b, 0, 9);
    CHECK(!bmf_ds_decompress(b.d, nbytes(&b) + 4, out, 10, &off, &why));
    CHECK_EQ_STR(why, "a match length code longer than 8 bits");
}

static uint32_t rng = 12345;
static uint8_t next_byte(void)
{
    rng = rng * 1103515245u + 12345u;
    return (uint8_t)(rng >> 16);
}

static void roundtrip(const uint8_t *in, size_t n, size_t *clen)
{
    uint8_t *c = cg_ds_compress(in, n, clen);
    REQUIRE(c != NULL);
    uint8_t *back = malloc(n ? n : 1);
    size_t off;
    const char *why = "";
    CHECK(bmf_ds_decompress(c, *clen, back, n, &off, &why));
    if (n)
        CHECK(memcmp(back, in, n) == 0);
    size_t clen2;
    uint8_t *c2 = cg_ds_compress(in, n, &clen2);
    CHECK(c2 && clen2 == *clen && memcmp(c, c2, clen2) == 0); /* deterministic */
    free(c2);
    free(back);
    free(c);
}

TEST(ds_compressor_round_trips)
{
    static uint8_t buf[200000];
    size_t clen;
    roundtrip(buf, 0, &clen);
    buf[0] = 0x80;
    roundtrip(buf, 1, &clen);
    for (size_t i = 0; i < sizeof buf; i++)
        buf[i] = next_byte();
    roundtrip(buf, sizeof buf, &clen);
    CHECK(clen < sizeof buf * 9 / 8 + 64); /* at worst 9 bits a byte */
    memset(buf, 'q', sizeof buf);
    roundtrip(buf, sizeof buf, &clen);
    CHECK(clen < sizeof buf / 100);         /* 512-byte matches */
    for (size_t i = 0; i < sizeof buf; i++) /* text-like, far repeats */
        buf[i] = (uint8_t)("Description(\"The value\") uint32 "[i % 33] ^ (i / 5000 & 1));
    roundtrip(buf, sizeof buf, &clen);
    CHECK(clen < sizeof buf / 10);
}

/* ---- images built byte by byte ---- */

struct img {
    uint8_t d[8192];
    size_t n;
};

static size_t u32(struct img *g, uint32_t v)
{
    size_t at = g->n;
    for (int i = 0; i < 4; i++)
        g->d[g->n++] = (uint8_t)(v >> (8 * i));
    return at;
}

static void set32(struct img *g, size_t at, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        g->d[at + (size_t)i] = (uint8_t)(v >> (8 * i));
}

static void wstr(struct img *g, const char *s)
{
    for (; *s; s++) {
        g->d[g->n++] = (uint8_t)*s;
        g->d[g->n++] = 0;
    }
    g->d[g->n++] = 0;
    g->d[g->n++] = 0;
    while (g->n & 3)
        g->d[g->n++] = 0;
}

static void done(struct img *g, size_t at)
{
    set32(g, at, (uint32_t)(g->n - at));
}

/* A qualifier: string value, or an integer (VT_I4) when s is NULL. */
static size_t qual(struct img *g, const char *name, const char *s, int32_t i)
{
    size_t at = u32(g, 0);
    u32(g, s ? 8 : 3);
    u32(g, 0);
    size_t voff = u32(g, 0);
    size_t info = g->n;
    wstr(g, name);
    set32(g, voff, (uint32_t)(g->n - info));
    if (s)
        wstr(g, s);
    else
        u32(g, (uint32_t)i);
    done(g, at);
    return at;
}

static void sysprop(struct img *g, const char *name, const char *value)
{
    size_t at = u32(g, 0);
    u32(g, 8);
    u32(g, 0);
    size_t voff = u32(g, 0xFFFFFFFF);
    u32(g, 0xFFFFFFFF);
    size_t info = g->n;
    wstr(g, name);
    set32(g, voff, (uint32_t)(g->n - info));
    wstr(g, value);
    done(g, at);
}

/* A string property with a Description (amended when `amended`). */
static size_t amended_desc_at;
static void string_prop(struct img *g, const char *name, const char *desc)
{
    size_t at = u32(g, 0);
    u32(g, 8);
    u32(g, 0);
    u32(g, 0xFFFFFFFF);
    size_t qoff = u32(g, 0);
    size_t info = g->n;
    wstr(g, name);
    set32(g, qoff, (uint32_t)(g->n - info));
    size_t ql = u32(g, 0);
    u32(g, desc ? 2 : 1);
    qual(g, "CIMTYPE", "string", 0);
    if (desc)
        amended_desc_at = qual(g, "Description", desc, 0);
    done(g, ql);
    done(g, at);
}

/* Image header; returns where the object count goes. */
static size_t image_begin(struct img *g)
{
    g->n = 0;
    memcpy(g->d, "FOMB", 4);
    g->n = 4;
    u32(g, 0);
    u32(g, 1);
    u32(g, 1);
    return u32(g, 0);
}

/* A class object: its qualifiers are `nq` of (name, string value). */
static size_t class_object(struct img *g, const char *name, const char *super, const char *ns,
                           const char *const *quals, size_t nq, const char *prop, const char *desc)
{
    size_t at = u32(g, 0);
    size_t qoff = u32(g, 0), poff = u32(g, 0), moff = u32(g, 0);
    u32(g, 0);
    size_t info = g->n;
    set32(g, qoff, 0);
    size_t ql = u32(g, 0);
    u32(g, (uint32_t)nq);
    for (size_t i = 0; i < nq; i++)
        qual(g, quals[2 * i], quals[2 * i + 1], 0x40c);
    done(g, ql);
    set32(g, poff, (uint32_t)(g->n - info));
    size_t pl = u32(g, 0);
    u32(g, (super ? 3 : 2) + (prop ? 1 : 0));
    sysprop(g, "__CLASS", name);
    sysprop(g, "__NAMESPACE", ns);
    if (super)
        sysprop(g, "__SUPERCLASS", super);
    if (prop)
        string_prop(g, prop, desc);
    done(g, pl);
    set32(g, moff, (uint32_t)(g->n - info));
    u32(g, 8);
    u32(g, 0);
    done(g, at);
    return at;
}

/* The image behind a FOMB container; `pad` zero bytes after it. */
static char *blob_of(struct img *g, size_t *len, size_t pad)
{
    size_t clen;
    uint8_t *c = cg_ds_compress(g->d, g->n, &clen);
    char *b = calloc(1, 16 + clen + pad);
    memcpy(b, "FOMB", 4);
    uint32_t h[3] = {1, (uint32_t)clen, (uint32_t)g->n};
    for (int k = 0; k < 3; k++)
        for (int i = 0; i < 4; i++)
            b[4 + 4 * k + i] = (char)(h[k] >> (8 * i));
    memcpy(b + 16, c, clen);
    free(c);
    *len = 16 + clen + pad;
    return b;
}

static void compile_blob(struct compiled *c, const char *blob, size_t len, const char *mof,
                         const char *locale)
{
    struct mofc_options o;
    memset(&o, 0, sizeof o);
    o.locale = locale;
    memset(c, 0, sizeof *c);
    c->m = mofc_create(&o);
    mofc_set_diag_sink(c->m, compiled_sink_, c);
    if (mof)
        mofc_add_buffer(c->m, "neutral.mof", mof, strlen(mof));
    mofc_add_buffer(c->m, "t.bmf", blob, len);
    c->status = mofc_compile(c->m);
    c->model = mofc_model(c->m);
}

/* One class Test_A with a property P, then the flavor trailer. */
static size_t simple_image(struct img *g)
{
    size_t count = image_begin(g);
    static const char *const q[] = {"Description", "a class"};
    class_object(g, "Test_A", NULL, "root/cimv2", q, 1, "P", "a property");
    set32(g, count, 1);
    set32(g, 4, (uint32_t)g->n);
    return count;
}

TEST(bmf_reads_a_blob_built_by_hand)
{
    struct img g;
    simple_image(&g);
    memcpy(g.d + g.n, "BMOFQUALFLAVOR11", 16);
    g.n += 16;
    u32(&g, 1);
    u32(&g, (uint32_t)amended_desc_at);
    u32(&g, 0x02 | 0x10); /* ToSubclass, DisableOverride */
    size_t len;
    char *blob = blob_of(&g, &len, 37); /* padding after the data is fine */
    struct compiled c;
    compile_blob(&c, blob, len, NULL, NULL);
    if (c.status)
        dump_diags(&c);
    REQUIRE(c.status == 0 && c.model);
    const struct mofc_class *k = mofc_model_find_class(c.model, "Test_A");
    REQUIRE(k != NULL);
    CHECK_EQ_STR(k->namespace_name, "root/cimv2");
    const struct mofc_property *p = mofc_class_find_property(k, "P");
    REQUIRE(p != NULL);
    CHECK_EQ_INT(p->t.type, MOFC_TYPE_STRING);
    CHECK_EQ_INT(p->qualifiers.count, 1); /* CIMTYPE is the type, not a qualifier */
    const struct mofc_qualifier *d = mofc_qualifiers_find(&p->qualifiers, "Description");
    REQUIRE(d != NULL);
    CHECK_EQ_STR(d->value.v.string.text, "a property");
    CHECK(d->flavors & MOFC_FLAVOR_DISABLEOVERRIDE);
    CHECK(d->flavors & MOFC_FLAVOR_TOSUBCLASS);
    /* The class Description has no trailer entry: flavor bits 0. */
    const struct mofc_qualifier *cd = mofc_qualifiers_find(&k->qualifiers, "Description");
    REQUIRE(cd != NULL);
    CHECK(cd->flavors & MOFC_FLAVOR_RESTRICTED);
    compiled_free(&c);
    free(blob);
}

TEST(bmf_system_properties_after_the_count)
{
    /* A property list that counts only P and puts __CLASS and __NAMESPACE
     * after it. */
    struct img g;
    size_t count = image_begin(&g);
    size_t at = u32(&g, 0);
    u32(&g, 0xFFFFFFFF);
    u32(&g, 0);
    size_t moff = u32(&g, 0);
    u32(&g, 0);
    size_t info = g.n;
    size_t pl = u32(&g, 0);
    u32(&g, 1);
    string_prop(&g, "P", NULL);
    sysprop(&g, "__CLASS", "Test_Late");
    sysprop(&g, "__NAMESPACE", "root/late");
    done(&g, pl);
    set32(&g, moff, (uint32_t)(g.n - info));
    u32(&g, 8);
    u32(&g, 0);
    done(&g, at);
    set32(&g, count, 1);
    set32(&g, 4, (uint32_t)g.n);
    size_t len;
    char *blob = blob_of(&g, &len, 0);
    struct compiled c;
    compile_blob(&c, blob, len, NULL, NULL);
    if (c.status)
        dump_diags(&c);
    REQUIRE(c.status == 0 && c.model);
    const struct mofc_class *k = mofc_model_find_class(c.model, "Test_Late");
    REQUIRE(k != NULL);
    CHECK_EQ_STR(k->namespace_name, "root/late");
    CHECK_EQ_INT(k->nproperties, 1);
    compiled_free(&c);
    free(blob);
}

TEST(bmf_boolean_qualifier_without_value_is_true)
{
    /* [Abstract] as a record that ends at its value offset. */
    struct img g;
    size_t count = image_begin(&g);
    size_t at = u32(&g, 0);
    size_t qoff = u32(&g, 0), poff = u32(&g, 0);
    u32(&g, 0xFFFFFFFF);
    u32(&g, 0);
    size_t info = g.n;
    set32(&g, qoff, 0);
    size_t ql = u32(&g, 0);
    u32(&g, 1);
    size_t q = u32(&g, 0);
    u32(&g, 11);
    u32(&g, 0);
    size_t voff = u32(&g, 0);
    size_t qinfo = g.n;
    wstr(&g, "Abstract");
    set32(&g, voff, (uint32_t)(g.n - qinfo));
    done(&g, q);
    done(&g, ql);
    set32(&g, poff, (uint32_t)(g.n - info));
    size_t pl = u32(&g, 0);
    u32(&g, 2);
    sysprop(&g, "__CLASS", "Test_Flag");
    sysprop(&g, "__NAMESPACE", "root/cimv2");
    done(&g, pl);
    done(&g, at);
    set32(&g, count, 1);
    set32(&g, 4, (uint32_t)g.n);
    size_t len;
    char *blob = blob_of(&g, &len, 0);
    struct compiled c;
    compile_blob(&c, blob, len, NULL, NULL);
    if (c.status)
        dump_diags(&c);
    REQUIRE(c.status == 0 && c.model);
    const struct mofc_class *k = mofc_model_find_class(c.model, "Test_Flag");
    REQUIRE(k != NULL);
    CHECK(k->flags & MOFC_CLASS_ABSTRACT);
    compiled_free(&c);
    free(blob);
}

/* Compiles the blob and checks that the one error is `msg` at `off`. */
static void expect_bad(const char *blob, size_t len, size_t off, const char *msg)
{
    struct compiled c;
    compile_blob(&c, blob, len, NULL, NULL);
    char want[256];
    if (off == (size_t)-1)
        snprintf(want, sizeof want, "0:"); /* the offset is not the point */
    else
        snprintf(want, sizeof want, "0:%zu: error: ", off);
    CHECK_EQ_INT(c.status, 1);
    CHECK(c.ndiags >= 1);
    if (c.ndiags >= 1) {
        if (!CHECK(strncmp(c.diags[0], want, strlen(want)) == 0 && strstr(c.diags[0], msg)))
            printf("    got: %s\n    want: %s...%s\n", c.diags[0], want, msg);
    }
    compiled_free(&c);
}

static void put32le(char *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (char)(v >> (8 * i));
}

TEST(bmf_container_problems)
{
    struct img g;
    simple_image(&g);
    size_t len;
    char *blob = blob_of(&g, &len, 0);
    expect_bad(blob, 10, 10, "binary MOF header truncated: 10 of 16 bytes");
    put32le(blob + 4, 2);
    expect_bad(blob, len, 4, "compression type 2");
    put32le(blob + 4, 1);
    expect_bad(blob, len - 3, 8, "truncated: the header declares");
    uint32_t usize = (uint32_t)g.n;
    put32le(blob + 12, MOFC_BMF_MAX_IMAGE + 1);
    expect_bad(blob, len, 12, "exceeds the limit of 67108864 bytes");
    put32le(blob + 12, 60u << 20); /* 60 MiB from a few hundred bytes */
    expect_bad(blob, len, 12, "a decompression bomb");
    put32le(blob + 12, usize);
    blob[16] = 'X';
    expect_bad(blob, len, 16, "does not start with the DS signature");
    blob[16] = 'D';
    put32le(blob + 12, usize + 40);
    expect_bad(blob, len, (size_t)-1, "an end mark before the declared decompressed size");
    free(blob);
}

/* Builds the simple image, lets `edit` damage it, and expects the error. */
static void bad_image(void (*edit)(struct img *), size_t off, const char *msg)
{
    struct img g;
    simple_image(&g);
    edit(&g);
    size_t len;
    char *blob = blob_of(&g, &len, 0);
    expect_bad(blob, len, off, msg);
    free(blob);
}

static void bad_magic(struct img *g)
{
    g->d[0] = 'X';
}
static void object_too_long(struct img *g)
{
    set32(g, 20, 5000);
}
static void object_too_short(struct img *g)
{
    set32(g, 20, 12);
}
static void too_many_objects(struct img *g)
{
    set32(g, 16, 1000);
}
static void name_out_of_range(struct img *g)
{
    set32(g, 20 + 20 + 8 + 8, 0x7777);
}
static void bad_trailer(struct img *g)
{
    memcpy(g->d + g->n, "BMOFQUALFLAVOR11", 16);
    g->n += 16;
    u32(g, 3); /* three entries announced, one present */
    u32(g, 64);
    u32(g, 2);
}
static void flavor_out_of_range(struct img *g)
{
    memcpy(g->d + g->n, "BMOFQUALFLAVOR11", 16);
    g->n += 16;
    u32(g, 1);
    u32(g, 0x100000);
    u32(g, 2);
}
static void trailing_junk(struct img *g)
{
    u32(g, 0xDEADBEEF);
}

TEST(bmf_object_problems_name_their_offset)
{
    bad_image(bad_magic, 0, "does not start with the FOMB header");
    bad_image(object_too_long, 20, "an object of 5000 bytes runs past the end of its parent");
    bad_image(object_too_short, 20, "an object of 12 bytes, shorter than its 20-byte header");
    bad_image(too_many_objects, 16, "1000 objects cannot fit");
    bad_image(name_out_of_range, 20 + 20 + 8 + 8, "offset 0x7777 points outside its record");
    struct img g;
    simple_image(&g);
    size_t end = g.n;
    bad_image(bad_trailer, end + 16, "flavor trailer of 3 entries in 8 bytes");
    bad_image(flavor_out_of_range, end + 20, "flavor entry for offset 0x100000");
    bad_image(trailing_junk, end, "are not a BMOFQUALFLAVOR11 trailer");
}

TEST(bmf_bad_blob_contributes_nothing)
{
    /* A good class, then an object whose length is wrong: one error, and
     * the good class is not checked either (it would warn: no key). */
    struct img g;
    size_t count = image_begin(&g);
    class_object(&g, "Test_A", NULL, "root/cimv2", NULL, 0, NULL, NULL);
    size_t second = u32(&g, 3);
    set32(&g, count, 2);
    set32(&g, 4, (uint32_t)g.n);
    size_t len;
    char *blob = blob_of(&g, &len, 0);
    struct compiled c;
    compile_blob(&c, blob, len, NULL, NULL);
    CHECK_EQ_INT(c.status, 1);
    CHECK_EQ_INT(c.ndiags, 1);
    char want[64];
    snprintf(want, sizeof want, "0:%zu: error:", second);
    CHECK(has_diag(&c, want));
    if (c.ndiags != 1)
        dump_diags(&c);
    compiled_free(&c);
    free(blob);
}

TEST(bmf_deep_nesting_is_refused)
{
    /* An instance whose property holds an instance, 40 deep; every record
     * ends where the image does. */
    struct img g;
    size_t count = image_begin(&g);
    size_t obj[40], list[40], prop[40];
    for (int d = 0; d < 40; d++) {
        obj[d] = u32(&g, 0);
        u32(&g, 0xFFFFFFFF);
        u32(&g, 0);
        u32(&g, 0xFFFFFFFF);
        u32(&g, 1);
        list[d] = u32(&g, 0);
        u32(&g, 2);
        sysprop(&g, "__CLASS", "Test_A");
        prop[d] = u32(&g, 0);
        u32(&g, 13);
        u32(&g, 0);
        u32(&g, 12); /* the value follows the name "Inner" */
        u32(&g, 0xFFFFFFFF);
        wstr(&g, "Inner");
    }
    set32(&g, count, 1);
    set32(&g, 4, (uint32_t)g.n);
    for (int d = 0; d < 40; d++) {
        done(&g, obj[d]);
        done(&g, list[d]);
        done(&g, prop[d]);
    }
    size_t len;
    char *blob = blob_of(&g, &len, 0);
    struct compiled c;
    compile_blob(&c, blob, len, NULL, NULL);
    CHECK_EQ_INT(c.status, 1);
    CHECK(has_diag(&c, "objects nested more than 32 deep"));
    if (!has_diag(&c, "nested"))
        dump_diags(&c);
    compiled_free(&c);
    free(blob);
}

TEST(bmf_inheritance_cycle_is_reported_at_the_objects)
{
    struct img g;
    size_t count = image_begin(&g);
    size_t a = class_object(&g, "Test_A", "Test_B", "root/cimv2", NULL, 0, NULL, NULL);
    class_object(&g, "Test_B", "Test_A", "root/cimv2", NULL, 0, NULL, NULL);
    set32(&g, count, 2);
    set32(&g, 4, (uint32_t)g.n);
    size_t len;
    char *blob = blob_of(&g, &len, 0);
    struct compiled c;
    compile_blob(&c, blob, len, NULL, NULL);
    CHECK_EQ_INT(c.status, 1);
    char want[64];
    snprintf(want, sizeof want, "0:%zu: error:", a);
    CHECK(has_diag(&c, want));
    CHECK(has_diag(&c, "cycle"));
    if (!has_diag(&c, "cycle"))
        dump_diags(&c);
    compiled_free(&c);
    free(blob);
}

TEST(bmf_amendment_merges_with_locale)
{
    static const char neutral[] =
        "#pragma namespace(\"root/cimv2\")\n"
        "[Description(\"a class\")] class Test_A { [Description(\"neutral\")] string P; };\n";
    struct img g;
    size_t count = image_begin(&g);
    static const char *const q[] = {"Amendment", NULL, "Locale", NULL};
    class_object(&g, "Test_A", NULL, "root/cimv2/ms_40c", q, 2, "P",
                 "en fran\xc3\xa7"
                 "ais");
    set32(&g, count, 1);
    set32(&g, 4, (uint32_t)g.n);
    memcpy(g.d + g.n, "BMOFQUALFLAVOR11", 16);
    g.n += 16;
    u32(&g, 1);
    u32(&g, (uint32_t)amended_desc_at);
    u32(&g, 0x80 | 0x02);
    size_t len;
    char *blob = blob_of(&g, &len, 0);
    struct compiled c;
    compile_blob(&c, blob, len, neutral, "fr");
    if (c.status)
        dump_diags(&c);
    REQUIRE(c.status == 0 && c.model);
    const struct mofc_class *k = mofc_model_find_class(c.model, "Test_A");
    REQUIRE(k != NULL);
    const struct mofc_property *p = mofc_class_find_property(k, "P");
    const struct mofc_qualifier *d = p ? mofc_qualifiers_find(&p->qualifiers, "Description") : NULL;
    REQUIRE(d != NULL);
    CHECK_EQ_STR(d->locale, "ms_40c");
    compiled_free(&c);
    /* Without --locale the neutral text stays. */
    compile_blob(&c, blob, len, neutral, NULL);
    REQUIRE(c.status == 0 && c.model);
    k = mofc_model_find_class(c.model, "Test_A");
    p = k ? mofc_class_find_property(k, "P") : NULL;
    d = p ? mofc_qualifiers_find(&p->qualifiers, "Description") : NULL;
    REQUIRE(d != NULL);
    CHECK_EQ_STR(d->value.v.string.text, "neutral");
    compiled_free(&c);
    free(blob);
}

TEST(bmf_writer_output_reads_back)
{
    static const char mof[] =
        "class Test_A { [Key] string Id; uint8 Fixed[4]; [MAX(3)] uint8 Capped[];\n"
        "  [Description(\"d\") : Restricted DisableOverride] uint32 F;\n"
        "  uint32 M([in] uint32 A, [in, out] string B, [out] uint8 C[]); };\n"
        "instance of Test_A { Id = \"x\"; Fixed = {1, 2, 3, 4}; };\n";
    struct compiled c;
    compile_text(&c, mof, MOFC_DIALECT_WMI);
    REQUIRE(c.status == 0 && c.model);
    struct cg_report r = {NULL, NULL, 0};
    size_t len;
    char *blob = cg_bmf(c.model, NULL, &r, &len);
    compiled_free(&c);
    REQUIRE(blob != NULL);
    CHECK_EQ_INT(r.nerrors, 0);
    CHECK_EQ_MEM(blob, "FOMB\x01\0\0\0", 8);
    compile_blob(&c, blob, len, NULL, NULL);
    if (c.status)
        dump_diags(&c);
    REQUIRE(c.status == 0 && c.model);
    const struct mofc_class *k = mofc_model_find_class(c.model, "Test_A");
    REQUIRE(k != NULL);
    const struct mofc_property *p = mofc_class_find_property(k, "Fixed");
    REQUIRE(p != NULL);
    CHECK_EQ_INT(p->t.array_size, 4);
    CHECK_EQ_INT(p->qualifiers.count, 0); /* no MAX left behind */
    p = mofc_class_find_property(k, "Capped");
    REQUIRE(p != NULL);
    CHECK_EQ_INT(p->t.array_size, 0); /* the user's MAX stays a qualifier */
    CHECK(mofc_qualifiers_find(&p->qualifiers, "MAX") != NULL);
    p = mofc_class_find_property(k, "F");
    const struct mofc_qualifier *q = p ? mofc_qualifiers_find(&p->qualifiers, "Description") : NULL;
    REQUIRE(q != NULL);
    CHECK_EQ_INT(q->flavors & (MOFC_FLAVOR_RESTRICTED | MOFC_FLAVOR_DISABLEOVERRIDE),
                 MOFC_FLAVOR_RESTRICTED | MOFC_FLAVOR_DISABLEOVERRIDE);
    const struct mofc_method *mt = mofc_class_find_method(k, "M");
    REQUIRE(mt != NULL);
    REQUIRE(mt->nparams == 3);
    CHECK_EQ_STR(mt->params[0].name, "A");
    CHECK_EQ_STR(mt->params[1].name, "B");
    CHECK_EQ_INT(mt->params[1].flags & (MOFC_PROP_IN | MOFC_PROP_OUT),
                 MOFC_PROP_IN | MOFC_PROP_OUT);
    CHECK_EQ_STR(mt->params[2].name, "C");
    CHECK(mt->params[2].t.is_array);
    CHECK(mofc_qualifiers_find(&mt->params[0].qualifiers, "ID") == NULL);
    CHECK_EQ_INT(mt->ret.type, MOFC_TYPE_UINT32);
    CHECK_EQ_INT(c.model->ninstances, 1);
    compiled_free(&c);
    free(blob);
}

TEST_MAIN()
