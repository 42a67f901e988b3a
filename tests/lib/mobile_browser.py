#!/usr/bin/env python3
"""Loads pages in headless Chromium emulating a phone and reports on them.

    mobile_browser.py CHROMIUM PROFILE_DIR < JOBS

Each line of JOBS is `URL<TAB>SCREENSHOT<TAB>EXPRESSION`: SCREENSHOT is a
PNG path or `-`, EXPRESSION an optional JavaScript expression evaluated
after the load.  For each job one line is printed:
`SCROLL_WIDTH<TAB>INNER_WIDTH<TAB>RESULT<TAB>URL`, where SCROLL_WIDTH is
document.scrollingElement.scrollWidth and RESULT the expression's value
(JSON).  The phone: 390x844 CSS pixels, device scale 3, touch, a mobile
user agent -- set through the DevTools protocol over
--remote-debugging-pipe, so nothing listens on the network.
Exit status 0 when every page loaded, 1 otherwise.
"""
import json
import os
import subprocess
import sys

WIDTH, HEIGHT, SCALE = 390, 844, 3
USER_AGENT = ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 "
              "(KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36")
TIMEOUT = 60


class Browser:
    def __init__(self, chromium, profile, log):
        # The pipe: Chromium reads commands on its fd 3 and answers on fd 4.
        # The ends are moved above 10 first so that placing them on 3 and 4
        # cannot overwrite one with the other.
        to_child_r, self.to_child = os.pipe()
        self.from_child, from_child_w = os.pipe()
        hi_r = os.dup2(to_child_r, 10)
        hi_w = os.dup2(from_child_w, 11)
        os.close(to_child_r)
        os.close(from_child_w)
        def child_fds():
            os.dup2(hi_r, 3)
            os.dup2(hi_w, 4)
        self.proc = subprocess.Popen(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--hide-scrollbars", "--remote-debugging-pipe", "--user-data-dir=" + profile,
             "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=log,
            close_fds=False, preexec_fn=child_fds)
        os.close(hi_r)
        os.close(hi_w)
        self.next_id = 0
        self.buf = b""
        self.events = []

    def _read_message(self):
        while b"\0" not in self.buf:
            chunk = os.read(self.from_child, 1 << 16)
            if not chunk:
                raise RuntimeError("chromium closed the pipe")
            self.buf += chunk
        raw, self.buf = self.buf.split(b"\0", 1)
        return json.loads(raw)

    def call(self, method, params=None, session=None):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self.to_child, json.dumps(msg).encode() + b"\0")
        while True:
            m = self._read_message()
            if m.get("id") == self.next_id:
                if "error" in m:
                    raise RuntimeError("%s: %s" % (method, m["error"]))
                return m.get("result", {})
            self.events.append(m)

    def wait_event(self, method, session):
        while True:
            for i, m in enumerate(self.events):
                if m.get("method") == method and m.get("sessionId") == session:
                    del self.events[i]
                    return m
            self.events.append(self._read_message())

    def close(self):
        try:
            self.call("Browser.close")
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def main():
    chromium, profile = sys.argv[1], sys.argv[2]
    os.makedirs(profile, exist_ok=True)
    import signal
    signal.alarm(TIMEOUT * 4)
    log = open(os.path.join(profile, "chromium.log"), "w")
    b = Browser(chromium, profile, log)
    ok = True
    try:
        target = b.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        s = b.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        b.call("Page.enable", session=s)
        b.call("Emulation.setDeviceMetricsOverride",
               {"width": WIDTH, "height": HEIGHT, "deviceScaleFactor": SCALE, "mobile": True},
               session=s)
        b.call("Emulation.setTouchEmulationEnabled", {"enabled": True}, session=s)
        b.call("Emulation.setUserAgentOverride", {"userAgent": USER_AGENT}, session=s)
        for line in sys.stdin:
            line = line.rstrip("\n")
            if not line:
                continue
            url, shot, expr = (line.split("\t") + ["", ""])[:3]
            nav = b.call("Page.navigate", {"url": url}, session=s)
            if nav.get("errorText"):
                print("0\t0\tnull\t%s (%s)" % (url, nav["errorText"]))
                ok = False
                continue
            b.wait_event("Page.loadEventFired", s)
            def evaluate(e):
                r = b.call("Runtime.evaluate", {"expression": e, "returnByValue": True},
                           session=s)
                return r.get("result", {}).get("value")
            sw = evaluate("document.scrollingElement.scrollWidth")
            iw = evaluate("window.innerWidth")
            result = evaluate(expr) if expr else None
            if shot and shot != "-":
                import base64
                png = b.call("Page.captureScreenshot", {"format": "png"}, session=s)
                with open(shot, "wb") as f:
                    f.write(base64.b64decode(png["data"]))
            print("%s\t%s\t%s\t%s" % (sw, iw, json.dumps(result), url))
            sys.stdout.flush()
    finally:
        b.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
