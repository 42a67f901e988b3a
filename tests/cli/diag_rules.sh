#!/bin/bash
# Every diagnostic id the sources can report has a title and help text in
# src/diag/rules.c (the SARIF log's rules come from there), and the table
# names no id that nothing reports.
. "$MOFC_TESTLIB/common.sh"
command -v python3 >/dev/null || skip "needs python3"

python3 - "$MOFC_ROOT" <<'PY' || fail "the rule table and the reported ids differ"
import glob, os, re, sys
root = sys.argv[1]
sources = [f for pat in ("src/**/*.c", "src/**/*.h", "grammar/*.l", "grammar/*.y", "cli/*.c")
           for f in glob.glob(os.path.join(root, pat), recursive=True)
           if not f.endswith("src/diag/rules.c")]
ID = r'"([a-z][a-z0-9]*(?:-[a-z0-9]+)+|[a-z]+)"'
used = set()
for path in sources:
    text = open(path, encoding="utf-8", errors="replace").read()
    # diag_error(m, loc, "id", ...) and diag_warning(m, cat, loc, "id", ...),
    # calls spanning lines: the first id-like literal after the call.
    for m in re.finditer(r'\bdiag_(error|warning)\s*\(((?:[^;"]|"(?:[^"\\]|\\.)*")*?)\)\s*;', text):
        args = m.group(2)
        lit = re.search(ID, args)
        macro = re.search(r'\bID\("([a-z-]+)"\)', args)
        if macro:   # sema_check_value_limits(): "default-" or "value-" prefixed
            used.update({"default-" + macro.group(1), "value-" + macro.group(1)})
        elif lit:
            used.add(lit.group(1))
    # Wrappers that pass the id through: report(s, at, "id", ...).
    for m in re.finditer(r'\breport\(\s*s\s*,\s*at\s*,\s*' + ID, text):
        used.add(m.group(1))
    for m in re.finditer(r'(?:->|\.)id\s*=\s*' + ID, text):
        used.add(m.group(1))
    for m in re.finditer(r'\bDIAG_ID_[A-Z_]+\s+' + ID, text):
        used.add(m.group(1))
table = open(os.path.join(root, "src/diag/rules.c"), encoding="utf-8").read()
rules = set(re.findall(r'^    \{"([a-z0-9-]+)",', table, re.M))
if len(used) < 100:
    sys.exit("only %d ids found in the sources: the scan is broken" % len(used))
missing, unused = sorted(used - rules), sorted(rules - used)
if missing:
    print("ids reported but not in src/diag/rules.c:", " ".join(missing), file=sys.stderr)
if unused:
    print("ids in src/diag/rules.c that nothing reports:", " ".join(unused), file=sys.stderr)
sys.exit(1 if missing or unused else 0)
PY
exit 0
