/*
 * fuzz_bmf.c - libFuzzer target for the binary MOF reader.
 *
 * Input starting with "FOMB" is a whole file: container, DS stream and
 * all.  Anything else (after one mode byte) is a decompressed image, which
 * the target compresses and wraps first, so the mutations reach the object
 * decoder instead of dying in the bit stream.  A blob the checker accepts
 * is written back with `mofc bmf` and must read back without error.
 *
 * `make fuzz` builds it as build-fuzz/fuzz_bmf; with -DMOFC_FUZZ_REPLAY
 * it gets a main() that feeds the files named on the command line through
 * the same entry point ($(MOFC_BUILD)/tests/fuzz_bmf_replay, run by
 * tests/cli/bmf_fuzz_replay.sh over tests/fuzz/bmf-seeds/).
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../codegen/backends.h"
#include "mofc/mofc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int compile(const char *blob, size_t len, char **rewritten, size_t *rlen)
{
    struct mofc_options opts = {0};
    /* The decoder is the target: parsing the built-in declarations on
     * every run would be most of the time (qualifiers are inferred). */
    opts.no_builtin_qualifiers = true;
    struct mofc *m = mofc_create(&opts);
    if (!m)
        return 2;
    mofc_add_buffer(m, "fuzz.bmf", blob, len);
    int rc = mofc_compile(m);
    if (rc == 0 && mofc_model(m) && rewritten) {
        struct cg_report r = {NULL, NULL, 0};
        size_t n;
        free(cg_mof(mofc_model(m), NULL, &r, &n));
        *rewritten = cg_bmf(mofc_model(m), NULL, &r, rlen);
        if (r.nerrors) {
            free(*rewritten);
            *rewritten = NULL;
        }
    }
    mofc_destroy(m);
    return rc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *blob = NULL;
    size_t len = 0;
    if (size >= 4 && memcmp(data, "FOMB", 4) == 0) {
        blob = malloc(size);
        if (!blob)
            return 0;
        memcpy(blob, data, size);
        len = size;
    } else if (size >= 1) {
        size_t clen;
        uint8_t *c = cg_ds_compress(data + 1, size - 1, &clen);
        blob = c ? malloc(16 + clen) : NULL;
        if (!blob) {
            free(c);
            return 0;
        }
        memcpy(blob, "FOMB", 4);
        const uint32_t head[3] = {1, (uint32_t)clen, (uint32_t)(size - 1)};
        for (int k = 0; k < 3; k++)
            for (int i = 0; i < 4; i++)
                blob[4 + 4 * k + i] = (char)(head[k] >> (8 * i));
        memcpy(blob + 16, c, clen);
        free(c);
        len = 16 + clen;
    } else {
        return 0;
    }
    char *again = NULL;
    size_t alen = 0;
    if (compile(blob, len, &again, &alen) == 0 && again) {
        /* What the writer makes of an accepted model reads back. */
        if (compile(again, alen, NULL, NULL) != 0)
            abort();
    }
    free(again);
    free(blob);
    return 0;
}

#ifdef MOFC_FUZZ_REPLAY
#include <stdio.h>

int main(int argc, char **argv)
{
    int status = 0;
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f) {
            perror(argv[i]);
            status = 2;
            continue;
        }
        uint8_t *buf = NULL;
        size_t n = 0, cap = 0;
        for (;;) {
            if (n == cap) {
                cap = cap ? cap * 2 : 65536;
                uint8_t *nb = realloc(buf, cap);
                if (!nb)
                    break;
                buf = nb;
            }
            size_t got = fread(buf + n, 1, cap - n, f);
            n += got;
            if (!got)
                break;
        }
        fclose(f);
        /* Exactly n bytes, so reads past the end are caught. */
        uint8_t *exact = malloc(n ? n : 1);
        if (exact && buf)
            memcpy(exact, buf, n);
        free(buf);
        if (exact)
            LLVMFuzzerTestOneInput(exact, n);
        free(exact);
    }
    return status;
}
#endif
