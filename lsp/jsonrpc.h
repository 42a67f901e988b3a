/*
 * jsonrpc.h - LSP base protocol: messages framed by a Content-Length
 * header, JSON-RPC 2.0 bodies (json-c objects).
 */
#ifndef MOFC_LSP_JSONRPC_H
#define MOFC_LSP_JSONRPC_H

#include <stdbool.h>
#include <stddef.h>

#include <json-c/json.h>

/* Bodies larger than this are skipped unread and answered with an error. */
#define RPC_MAX_BODY (32u << 20)

/* JSON-RPC and LSP error codes. */
enum {
    RPC_PARSE_ERROR = -32700,
    RPC_INVALID_REQUEST = -32600,
    RPC_METHOD_NOT_FOUND = -32601,
    RPC_INVALID_PARAMS = -32602,
    RPC_INTERNAL_ERROR = -32603,
    RPC_SERVER_NOT_INITIALIZED = -32002,
    RPC_REQUEST_FAILED = -32803,
};

/* Where messages are read from: a file descriptor, or bytes in memory
 * (the fuzz target). */
struct rpc_reader {
    int fd;                   /* -1: only `buf` */
    char *buf;
    size_t len, pos, cap;
    bool eof;
};

void rpc_reader_init_fd(struct rpc_reader *r, int fd);
void rpc_reader_init_mem(struct rpc_reader *r, const char *data, size_t len);
void rpc_reader_free(struct rpc_reader *r);

enum rpc_status {
    RPC_MESSAGE,              /* *out is the parsed body (the caller puts it) */
    RPC_BAD_HEADER,           /* no usable Content-Length; skipped to the next header */
    RPC_TOO_LARGE,            /* body over RPC_MAX_BODY, skipped */
    RPC_BAD_JSON,             /* body is not one JSON value */
    RPC_EOF,
};

/* Reads the next message.  Never blocks past the end of input; every
 * status but RPC_EOF leaves the reader at the next message. */
enum rpc_status rpc_read(struct rpc_reader *r, json_object **out);

/* Writes one message (the body as compact JSON) to `fd`; false on error. */
bool rpc_write(int fd, json_object *msg);

/* A response or an error response to request `id` (NULL: id null).
 * They take `result` over. */
json_object *rpc_response(json_object *id, json_object *result);
json_object *rpc_error(json_object *id, int code, const char *message);
json_object *rpc_notification(const char *method, json_object *params);

#endif
