"""lspclient.py - a small LSP client over a child's stdin/stdout (python3
standard library only), for the scripted `mofc lsp` sessions of the tests
and the benchmark."""

import json
import os
import queue
import subprocess
import threading
import time


def uri(path):
    from urllib.parse import quote
    return "file://" + quote(os.path.abspath(path))


class Client:
    def __init__(self, mofc, args=("lsp",), cwd=None):
        self.proc = subprocess.Popen([mofc, *args], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     cwd=cwd)
        self.next_id = 1
        self.inbox = queue.Queue()
        self.pending = []          # messages read but not yet asked for
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    # -- wire --
    def _read(self):
        out = self.proc.stdout
        while True:
            headers = {}
            while True:
                line = out.readline()
                if not line:
                    self.inbox.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                k, _, v = line.decode("ascii").partition(":")
                headers[k.strip().lower()] = v.strip()
            n = int(headers["content-length"])
            body = out.read(n)
            self.inbox.put((time.perf_counter(), json.loads(body)))

    def send_raw(self, data):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, msg):
        body = json.dumps(msg).encode("utf-8")
        self.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def notify(self, method, params=None):
        msg = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)

    def request_async(self, method, params=None):
        rid = self.next_id
        self.next_id += 1
        msg = {"jsonrpc": "2.0", "id": rid, "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)
        return rid

    def _next(self, timeout):
        item = self.inbox.get(timeout=timeout)
        if item is None:
            raise EOFError("server closed its output")
        return item

    def wait_for(self, pred, timeout=30):
        """The first message (time, msg) satisfying pred, kept or new."""
        for i, (t, m) in enumerate(self.pending):
            if pred(m):
                del self.pending[i]
                return t, m
        end = time.time() + timeout
        while True:
            t, m = self._next(max(0.01, end - time.time()))
            if pred(m):
                return t, m
            self.pending.append((t, m))

    def response(self, rid, timeout=30):
        return self.wait_for(lambda m: m.get("id") == rid and "method" not in m, timeout)[1]

    def request(self, method, params=None, timeout=30):
        return self.response(self.request_async(method, params), timeout)

    def diagnostics(self, file_uri, timeout=30):
        t, m = self.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                             and m["params"]["uri"] == file_uri, timeout)
        return t, m["params"]["diagnostics"]

    def drain(self):
        self.pending.clear()
        while True:
            try:
                item = self.inbox.get_nowait()
            except queue.Empty:
                return
            if item is None:
                return

    # -- lifecycle --
    def initialize(self, root=None, options=None):
        params = {"processId": os.getpid(), "capabilities": {},
                  "rootUri": uri(root) if root else None}
        if options is not None:
            params["initializationOptions"] = options
        r = self.request("initialize", params)
        self.notify("initialized", {})
        return r

    def open(self, path, text=None, version=1):
        if text is None:
            with open(path, encoding="utf-8") as f:
                text = f.read()
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri(path), "languageId": "mof", "version": version, "text": text}})

    def shutdown(self):
        r = self.request("shutdown")
        self.notify("exit")
        rc = self.proc.wait(timeout=30)
        return r, rc

    def close(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
