"""lsp_edit.py MOFC CIM_SCHEMA RUNS - the `lsp_edit` row of `make bench`:
`mofc lsp` with the whole CIM schema as its input and CIM_ManagedElement.mof
(the root of the class tree) open; each edit is one didChange (a space
added at the start of the file, then removed), timed from sending it to
reading the publishDiagnostics that answers it, and the server's CPU time
(user + system) per edit.  Prints the row's values as key=value words
for bench/run.sh."""

import os
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "lsp"))
from lspclient import Client, uri  # noqa: E402

mofc, cim, runs = sys.argv[1], os.path.abspath(sys.argv[2]), int(sys.argv[3])
leaf = os.path.join(os.path.dirname(cim), "CIM-2.32.0", "Core", "CIM_ManagedElement.mof")
edits = max(3 * runs, 21)
warmup = 3

c = Client(mofc)
status = 0
try:
    c.initialize(os.path.dirname(cim), {"inputs": [cim], "dialect": "dmtf"})
    c.open(leaf)
    c.diagnostics(uri(leaf), timeout=120)
    times = []

    def cpu_ms():
        with open(f"/proc/{c.proc.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) * 1e3 / os.sysconf("SC_CLK_TCK")
    for i in range(warmup + edits):
        if i == warmup:
            cpu0 = cpu_ms()
        ins = i % 2 == 0
        change = {"range": {"start": {"line": 0, "character": 0},
                            "end": {"line": 0, "character": 0 if ins else 1}},
                  "text": " " if ins else ""}
        c.drain()
        t0 = time.perf_counter()
        c.notify("textDocument/didChange", {"textDocument": {"uri": uri(leaf), "version": i + 2},
                                            "contentChanges": [change]})
        t1, _ = c.diagnostics(uri(leaf), timeout=120)
        if i >= warmup:
            times.append((t1 - t0) * 1e3)
    cpu = (cpu_ms() - cpu0) / edits
    rss = 0
    with open(f"/proc/{c.proc.pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                rss = int(line.split()[1])
    _, rc = c.shutdown()
    status = rc
except Exception as e:  # the row says FAILED
    print(f"status=1 error={type(e).__name__}", file=sys.stderr)
    print("status=1")
    sys.exit(1)
finally:
    c.close()
print(f"median_ms={statistics.median(times):.2f} min_ms={min(times):.2f} "
      f"max_ms={max(times):.2f} median_rss_kib={rss} status={status} n={len(times)} "
      f"cpu_ms={cpu:.2f}")
