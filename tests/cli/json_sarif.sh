#!/bin/bash
# --diagnostics-format=json (JSON Lines on stderr) and =sarif (one SARIF
# 2.1.0 log), checked structurally with Python's json module: rules with
# titles, ruleIndex, fingerprints that survive line shifts, notes, URIs of
# odd file names (spaces, non-ASCII, bytes that are not UTF-8), and where
# the diagnostics go when stdout carries an output.  The schema itself is
# checked by sarif_schema.sh.
. "$MOFC_TESTLIB/common.sh"
command -v python3 >/dev/null || skip "needs python3"

cat >bad.mof <<'MOF'
#pragma include ("inc.mof")
class Test_A : Test_Bsae {
    [Key] string Name;
};
MOF
cat >inc.mof <<'MOF'
class Test_Base { [Key] string Name; uint8 Small = 300; };
#pragma frobnicate("x")
MOF

run_mofc check --diagnostics-format=json bad.mof
expect_status 1
expect_stdout_empty
python3 - "$ERR" <<'PY' || fail "JSON diagnostics are wrong"
import json, sys
lines = [l for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
recs = [json.loads(l) for l in lines]
assert len(recs) == 3, recs
by_id = {r["id"]: r for r in recs}
r = by_id["superclass-not-found"]
assert r["severity"] == "error" and r["file"] == "bad.mof" and r["uri"] == "bad.mof", r
assert r["line"] == 2 and r["column"] == 16 and r["end_column"] == 25, r
assert "did you mean 'Test_Base'" in r["message"], r
v = by_id["value-range"]
assert v["file"] == "inc.mof" and v["line"] == 1, v
assert v["includes"] and v["includes"][0]["file"] == "bad.mof", v
w = by_id["unknown-pragma"]
assert w["severity"] == "warning" and w["category"] == "pragma", w
PY

run_mofc check --diagnostics-format=sarif bad.mof
expect_status 1
expect_stderr_empty
cp "$OUT" first.sarif
python3 - "$OUT" "$PWD" <<'PY' || fail "SARIF log is wrong"
import json, sys, urllib.parse
log = json.load(open(sys.argv[1], encoding="utf-8"))
assert log["version"] == "2.1.0"
assert log["$schema"].endswith("/sarif-schema-2.1.0.json"), log["$schema"]
run = log["runs"][0]
driver = run["tool"]["driver"]
assert driver["name"] == "mofc"
assert run["columnKind"] == "unicodeCodePoints"
rules = driver["rules"]
ids = [r["id"] for r in rules]
assert len(ids) == len(set(ids)) == 3, ids
for r in rules:
    # A real title and help text, not the id again.
    assert r["shortDescription"]["text"] != r["id"], r
    assert len(r["help"]["text"]) > len(r["shortDescription"]["text"]), r
    assert r["fullDescription"]["text"], r
title = {r["id"]: r["shortDescription"]["text"] for r in rules}
assert title["superclass-not-found"] == "Superclass not declared", title
results = run["results"]
assert len(results) == 3, results
for res in results:
    assert rules[res["ruleIndex"]]["id"] == res["ruleId"], res
    assert res["level"] in ("error", "warning", "note")
    loc = res["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] in ("bad.mof", "inc.mof")
    assert loc["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
    assert loc["region"]["startLine"] >= 1 and loc["region"]["startColumn"] >= 1
    assert loc["region"]["endColumn"] > loc["region"]["startColumn"]
    (fp,) = res["partialFingerprints"].values()
    assert fp, res
assert sum(r["level"] == "error" for r in results) == 2
# The include chain is a related location.
vr = [r for r in results if r["ruleId"] == "value-range"][0]
rel = vr["relatedLocations"]
assert rel[0]["physicalLocation"]["artifactLocation"]["uri"] == "bad.mof", rel
# %SRCROOT% is the working directory, as a file URI ending in '/'.
base = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
assert base.startswith("file:///") and base.endswith("/"), base
assert urllib.parse.unquote(base[len("file://"):]).rstrip("/") == sys.argv[2].rstrip("/"), base
inv = run["invocations"][0]
assert inv["executionSuccessful"] is True and inv["exitCode"] == 1, inv
PY

# Fingerprints depend on the text of the line, not its number: lines
# added above move every result but keep its fingerprint; the same run
# twice gives the same bytes.
run_mofc check --diagnostics-format=sarif bad.mof
expect_same first.sarif "$OUT"
{ printf '// a comment\n\n'; cat bad.mof; } >bad2.mof && mv bad2.mof bad.mof
{ printf '\n\n\n'; cat inc.mof; } >inc2.mof && mv inc2.mof inc.mof
run_mofc check --diagnostics-format=sarif bad.mof
python3 - first.sarif "$OUT" <<'PY' || fail "fingerprints moved with the lines"
import json, sys
def results(p):
    return {r["ruleId"]: r for r in json.load(open(p, encoding="utf-8"))["runs"][0]["results"]}
a, b = results(sys.argv[1]), results(sys.argv[2])
assert a.keys() == b.keys()
for k in a:
    la = a[k]["locations"][0]["physicalLocation"]["region"]["startLine"]
    lb = b[k]["locations"][0]["physicalLocation"]["region"]["startLine"]
    assert lb > la, (k, la, lb)
    assert a[k]["partialFingerprints"] == b[k]["partialFingerprints"], k
PY

# Notes: located ones are related locations with their message; one
# without a location is a related location without physicalLocation and
# ends the message text.  The same mistake twice on equal lines gets two
# fingerprints.
cat >dup.mof <<'MOF'
class Test_A { [Key] string Name; };
class Test_A { [Key] string Name; };
class Test_Event : __ExtrinsicEvent { };
class Test_B { [Key] string Name; uint8 X = 999; };
class Test_C { [Key] string Name; uint8 X = 999; };
MOF
run_mofc check --diagnostics-format=sarif dup.mof
expect_status 1
python3 - "$OUT" <<'PY' || fail "SARIF notes are wrong"
import json, sys
run = json.load(open(sys.argv[1], encoding="utf-8"))["runs"][0]
res = {r["ruleId"]: r for r in run["results"]}
dup = res["class-redefined"]
(note,) = dup["relatedLocations"]
assert note["message"]["text"] == "previous declaration of 'Test_A' is here", note
assert note["physicalLocation"]["region"]["startLine"] == 1, note
sup = res["superclass-not-found"]
(note,) = sup["relatedLocations"]
assert "physicalLocation" not in note, note
assert "add --with wmi" in note["message"]["text"], note
assert sup["message"]["text"].endswith("\nnote: " + note["message"]["text"]), sup
vr = [r for r in run["results"] if r["ruleId"] == "value-range"]
assert len(vr) == 2
fa, fb = (next(iter(r["partialFingerprints"].values())) for r in vr)
assert fa != fb, (fa, fb)
PY

# A file name with a space, a non-ASCII character and a byte that is not
# UTF-8, in a directory with a space: the JSON stays valid UTF-8, "file"
# shows U+FFFD for the bad byte, and the URI percent-encodes the exact
# bytes, so it leads back to the file.
odd_dir='odd dir'
odd_name=$'caf\xc3\xa9 \xff.mof'
mkdir -p "$odd_dir"
printf 'class Test_Odd { [Key] string Name; };\n#pragma frobnicate("x")\n' >"$odd_dir/$odd_name"
run_mofc check --diagnostics-format=json "$odd_dir/$odd_name"
expect_status 0
python3 - "$ERR" <<'PY' || fail "JSON of an odd file name is wrong"
import json, sys, urllib.parse
raw = open(sys.argv[1], "rb").read()
(rec,) = [json.loads(l) for l in raw.decode("utf-8").splitlines() if l.strip()]
assert rec["file"] == "odd dir/caf\u00e9 \ufffd.mof", rec["file"]
assert rec["uri"] == "odd%20dir/caf%C3%A9%20%FF.mof", rec["uri"]
assert urllib.parse.unquote_to_bytes(rec["uri"]) == b"odd dir/caf\xc3\xa9 \xff.mof"
PY
run_mofc check --diagnostics-format=sarif "$PWD/$odd_dir/$odd_name"
expect_status 0
python3 - "$OUT" "$PWD" <<'PY' || fail "SARIF URI of an odd file name is wrong"
import json, os, sys, urllib.parse
log = json.loads(open(sys.argv[1], "rb").read().decode("utf-8"))
run = log["runs"][0]
(res,) = run["results"]
art = res["locations"][0]["physicalLocation"]["artifactLocation"]
uri = art["uri"]
# An absolute path is an absolute file URI, with no base.
assert uri.startswith("file:///") and "uriBaseId" not in art, art
assert " " not in uri and all(ord(c) < 128 for c in uri), uri
assert uri.endswith("/odd%20dir/caf%C3%A9%20%FF.mof"), uri
path = urllib.parse.unquote_to_bytes(uri[len("file://"):])
assert path == os.fsencode(sys.argv[2]) + b"/odd dir/caf\xc3\xa9 \xff.mof", path
assert os.path.exists(path)
assert "originalUriBaseIds" not in run
PY

# A message that quotes such a name (an unreadable input) is cleaned too.
run_mofc check --diagnostics-format=json $'no such \xff.mof'
expect_status 2
python3 - "$ERR" <<'PY' || fail "JSON of a message quoting an odd name is wrong"
import json, sys
(rec,) = [json.loads(l) for l in open(sys.argv[1], "rb").read().decode("utf-8").splitlines()]
assert rec["id"] == "input-unreadable" and "'no such \ufffd.mof'" in rec["message"], rec
PY

# Where diagnostics go.  `xml` without -o writes the document on stdout:
# the SARIF log goes to stderr then, and stdout holds only XML.
cat >warn.mof <<'MOF'
class Test_W { [Key] string Name; };
#pragma frobnicate("x")
MOF
run_mofc xml --diagnostics-format=sarif warn.mof
expect_status 0
expect_stdout_contains '<CLASS NAME="Test_W"'
python3 - "$OUT" "$ERR" <<'PY' || fail "SARIF shared stdout with the XML"
import json, sys
import xml.dom.minidom
xml.dom.minidom.parse(sys.argv[1])                  # stdout: one XML document
log = json.load(open(sys.argv[2], encoding="utf-8"))
assert log["runs"][0]["results"][0]["ruleId"] == "unknown-pragma"
PY
# -v prints a summary on stdout, so the log goes to stderr too.
run_mofc check -v --diagnostics-format=sarif warn.mof
expect_status 0
[[ $(wc -l <"$OUT") == 1 ]] || fail "check -v: stdout is more than the summary line"
expect_stdout_contains 'mofc: 1 file'
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$ERR" || fail "check -v: no SARIF on stderr"
# --diagnostics-file: the diagnostics in that file, nothing on stderr.
run_mofc xml --diagnostics-format=sarif --diagnostics-file=diag.sarif warn.mof
expect_status 0
expect_stderr_empty
expect_stdout_contains '<CLASS NAME="Test_W"'
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' diag.sarif || fail "diag.sarif is not JSON"
run_mofc xml --diagnostics-format=json --diagnostics-file diag.jsonl -o out.xml warn.mof
expect_status 0
expect_stderr_empty
expect_stdout_empty
grep -q '"id":"unknown-pragma"' diag.jsonl || fail "diag.jsonl lacks the warning"
run_mofc check --diagnostics-file=diag.txt warn.mof
expect_stderr_empty
grep -q "warn.mof:2:9: warning: unknown pragma 'frobnicate' ignored" diag.txt ||
    fail "diag.txt lacks the text diagnostic"
# A back end's error is a diagnostic too ("output-error"), in the format asked.
run_mofc xml --class Test_Nope --diagnostics-format=json warn.mof
expect_status 1
expect_stdout_empty
python3 - "$ERR" <<'PY' || fail "back-end error is not a JSON record"
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert [r["id"] for r in recs] == ["unknown-pragma", "output-error"], recs
assert "--class Test_Nope" in recs[1]["message"], recs[1]
PY
# A diagnostic without a place (too many errors) is a tool notification.
run_mofc check --diagnostics-format=sarif --max-errors=1 dup.mof
expect_status 1
python3 - "$OUT" <<'PY' || fail "too-many-errors is not a notification"
import json, sys
run = json.load(open(sys.argv[1], encoding="utf-8"))["runs"][0]
inv = run["invocations"][0]
(n,) = inv["toolExecutionNotifications"]
assert n["associatedRule"]["id"] == "too-many-errors", n
assert run["tool"]["driver"]["rules"][n["associatedRule"]["index"]]["id"] == "too-many-errors"
assert inv["executionSuccessful"] is False, inv
assert all("locations" in r for r in run["results"])
PY
exit 0
