"""malformed.py MOFC - `mofc lsp` answers malformed input with error
responses and keeps serving: a request before initialize, bad or missing
Content-Length, broken JSON, non-object messages, unknown methods, bad
params, a 50 MB message, requests after shutdown, exit without shutdown,
input ending inside a message.  Exit status 0 = pass."""

import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lspclient import Client  # noqa: E402

mofc = sys.argv[1]


def check(cond, what):
    if not cond:
        print("FAIL:", what)
        sys.exit(1)


def error_null(c, code):
    _, m = c.wait_for(lambda m: "error" in m and m.get("id") is None)
    check(m["error"]["code"] == code, m)


def alive(c):
    """The server still answers (and answered everything before in order)."""
    r = c.request("workspace/symbol", {"query": "nothing-matches-this"})
    check(r.get("result") == [], r)


c = Client(mofc)
try:
    r = c.request("textDocument/hover", {})
    check(r["error"]["code"] == -32002, f"before initialize: {r}")
    c.initialize(os.getcwd())

    c.send_raw(b"Content-Length: abc\r\n\r\n")
    error_null(c, -32700)
    alive(c)
    c.send_raw(b"Content-Type: application/json\r\n\r\n")
    error_null(c, -32700)
    alive(c)
    # A body whose header was broken is passed over up to the next header.
    c.send_raw(b"Content-Length: 1x\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":99,\"method\":\"shutdown\"}")
    error_null(c, -32700)
    alive(c)

    body = b'{"jsonrpc": "2.0", "id": 5, "method": '
    c.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    error_null(c, -32700)
    alive(c)
    for junk in (b"[1, 2]", b"42", b'"text"'):
        c.send_raw(b"Content-Length: %d\r\n\r\n" % len(junk) + junk)
        error_null(c, -32600)
    alive(c)

    r = c.request("mofc/noSuchMethod", {})
    check(r["error"]["code"] == -32601 and "noSuchMethod" in r["error"]["message"], r)
    c.notify("mofc/noSuchNotification", {})
    c.notify("$/cancelRequest", {"id": 1})
    alive(c)
    r = c.request("textDocument/hover", [1, 2])
    check(r["error"]["code"] == -32602, r)
    r = c.request("textDocument/hover", {"textDocument": 7, "position": "x"})
    check("result" in r and r["result"] is None, r)
    r = c.request("initialize", {"capabilities": {}})
    check(r["error"]["code"] == -32600, r)
    c.send({"jsonrpc": "2.0", "id": {"no": "objects"}, "method": "shutdown"})
    error_null(c, -32600)

    # 50 MB: refused without being held, the next message is served.
    big = json.dumps({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
        "textDocument": {"uri": "file:///big.mof", "languageId": "mof", "version": 1,
                         "text": "x" * (50 << 20)}}}).encode()
    c.send_raw(b"Content-Length: %d\r\n\r\n" % len(big) + big)
    error_null(c, -32600)
    alive(c)

    r, rc = None, None
    r = c.request("shutdown")
    check(r.get("result", "missing") is None, r)
    r = c.request("textDocument/hover", {})
    check(r["error"]["code"] == -32600, f"after shutdown: {r}")
    c.notify("exit")
    rc = c.proc.wait(timeout=30)
    check(rc == 0, f"exit after shutdown: status {rc}")
finally:
    c.close()

# exit without shutdown: status 1.
c = Client(mofc)
try:
    c.initialize(None)
    c.notify("exit")
    rc = c.proc.wait(timeout=30)
    check(rc == 1, f"exit without shutdown: status {rc}")
finally:
    c.close()

# Input ending inside a body: the server ends, it does not wait.
c = Client(mofc)
try:
    c.send_raw(b"Content-Length: 100\r\n\r\n{\"jsonrpc\"")
    c.proc.stdin.close()
    rc = c.proc.wait(timeout=30)
    check(rc == 1, f"end of input: status {rc}")
finally:
    c.close()
print("ok")
