/*
 * fuzz_parse.c - libFuzzer target: arbitrary bytes as one in-memory MOF
 * file through the whole front end (scan, parse, declare, resolve, check)
 * and, when that succeeds, through every back end into memory (CIM-XML,
 * MOF, C, Markdown and HTML pages), so no model the checker accepts can
 * crash a generator.
 *
 * `make fuzz` links it with -fsanitize=fuzzer (clang) into
 * build-fuzz/fuzz_parse.  Built with -DMOFC_FUZZ_REPLAY it gets a main()
 * that feeds each file named on the command line through the same entry
 * point instead; `make test` builds that as $(MOFC_BUILD)/tests/fuzz_replay
 * and runs it over the seeds and tests/fuzz/regress/, so the target never
 * bit-rots and every crash once found stays fixed.
 *
 * No diagnostic sink: the library must cope with any input on its own,
 * and printing would only slow the fuzzer down.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "../../codegen/backends.h"
#include "mofc/mofc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int discard(void *user, const char *name, const char *data, size_t len)
{
    (void)user;
    (void)name;
    (void)data;
    (void)len;
    return 0;
}

static void back_ends(const struct mofc_model *model)
{
    struct cg_report r = {NULL, NULL, 0};
    size_t len;
    struct cg_xml_options xo = {true, false, NULL};
    free(cg_cimxml(model, &xo, &r, &len));
    free(cg_mof(model, NULL, &r, &len));
    struct cg_c_options co = {NULL, NULL};
    (void)cg_c(model, &co, &r, discard, NULL);
    for (int html = 0; html < 2; html++) {
        struct cg_doc_options d = {0};
        d.format = html ? CG_DOC_HTML : CG_DOC_MD;
        d.emit = discard;
        (void)cg_doc(model, &d, &r);
    }
    struct cg_wmihdr_options wo = {true, true, NULL, NULL};
    free(cg_wmi_header(model, &wo, &r, &len));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct mofc_options opts = {0};
    /* A first byte 0x01..0x07 picks options and is not part of the text:
     * bit 0 the WMI dialect, bit 1 no built-in qualifiers, bit 2 both packs.
     * Any other first byte is MOF (or XML) with the defaults. */
    static const char *const packs[] = {"wmi", "dsc"};
    if (size && data[0] >= 1 && data[0] <= 7) {
        opts.dialect = (data[0] & 1) ? MOFC_DIALECT_WMI : MOFC_DIALECT_DMTF;
        opts.no_builtin_qualifiers = (data[0] & 2) != 0;
        if (data[0] & 4) {
            opts.packs = packs;
            opts.npacks = 2;
        }
        data++;
        size--;
    }
    struct mofc *m = mofc_create(&opts);
    if (!m)
        return 0;
    mofc_add_buffer(m, "fuzz.mof", (const char *)data, size);
    if (mofc_compile(m) == 0 && mofc_model(m))
        back_ends(mofc_model(m));
    mofc_destroy(m);
    return 0;
}

#ifdef MOFC_FUZZ_REPLAY
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Whole file into a malloc'ed buffer of exactly its size, so ASan and
 * valgrind catch reads past the end as libFuzzer's own buffers would. */
static uint8_t *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    uint8_t *buf = malloc(cap);
    while (buf) {
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap)
            break;
        uint8_t *nb = realloc(buf, cap *= 2);
        if (!nb) {
            free(buf);
            buf = NULL;
        } else {
            buf = nb;
        }
    }
    int bad = ferror(f);
    fclose(f);
    if (bad || !buf) {
        free(buf);
        return NULL;
    }
    uint8_t *exact = malloc(n ? n : 1);
    if (exact)
        memcpy(exact, buf, n);
    free(buf);
    *len = n;
    return exact;
}

int main(int argc, char **argv)
{
    int status = 0;
    for (int i = 1; i < argc; i++) {
        size_t len = 0;
        uint8_t *data = slurp(argv[i], &len);
        if (!data) {
            fprintf(stderr, "fuzz_replay: %s: %s\n", argv[i], strerror(errno));
            status = 2;
            continue;
        }
        LLVMFuzzerTestOneInput(data, len);
        free(data);
    }
    return status;
}
#endif
