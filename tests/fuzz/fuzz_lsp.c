/*
 * fuzz_lsp.c - libFuzzer target for `mofc lsp`'s message reader: the
 * input is what a client would write on the server's standard input
 * (headers, bodies, anything), read by rpc_read() and every message
 * handled by the server as it would be, answers going to /dev/null.
 *
 * `make fuzz` builds it as build-fuzz/fuzz_lsp and runs it after
 * fuzz_parse.  Built with -DMOFC_FUZZ_REPLAY it gets a main() that feeds
 * each file named on the command line through the same entry point;
 * `make test` runs that over tests/fuzz/lsp/ (tests/cli/lsp_fuzz_replay.sh).
 */
#include <fcntl.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include "../../lsp/jsonrpc.h"
#include "../../lsp/lsp.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int out = open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (out < 0)
        return 0;
    struct lsp_server s;
    lsp_server_init(&s, out);
    struct rpc_reader r;
    rpc_reader_init_mem(&r, (const char *)data, size);
    for (;;) {
        json_object *msg;
        enum rpc_status st = rpc_read(&r, &msg);
        if (st == RPC_EOF)
            break;
        if (st != RPC_MESSAGE)
            continue;
        bool exit_now;
        lsp_handle(&s, msg, &exit_now);
        json_object_put(msg);
        if (exit_now)
            break;
    }
    rpc_reader_free(&r);
    lsp_server_free(&s);
    close(out);
    return 0;
}

#ifdef MOFC_FUZZ_REPLAY
#include <stdio.h>

int main(int argc, char **argv)
{
    int rc = 0;
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f) {
            perror(argv[i]);
            rc = 1;
            continue;
        }
        size_t cap = 4096, n = 0;
        uint8_t *buf = malloc(cap);
        while (buf) {
            n += fread(buf + n, 1, cap - n, f);
            if (n < cap)
                break;
            uint8_t *nb = realloc(buf, cap *= 2);
            if (!nb)
                free(buf);
            buf = nb;
        }
        fclose(f);
        if (!buf) {
            rc = 1;
            continue;
        }
        /* Exactly its size, so reads past the end are caught. */
        uint8_t *exact = malloc(n ? n : 1);
        if (exact) {
            for (size_t k = 0; k < n; k++)
                exact[k] = buf[k];
            LLVMFuzzerTestOneInput(exact, n);
        }
        free(exact);
        free(buf);
    }
    return rc;
}
#endif
