#!/bin/bash
# --diagnostics-format=json (JSON Lines on stderr) and =sarif (SARIF 2.1.0
# on stdout) are checked structurally with Python's json module.
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
python3 - "$ERR" <<'PY' || fail "JSON diagnostics are wrong"
import json, sys
lines = [l for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
recs = [json.loads(l) for l in lines]
assert len(recs) == 3, recs
by_id = {r["id"]: r for r in recs}
r = by_id["superclass-not-found"]
assert r["severity"] == "error" and r["file"] == "bad.mof", r
assert r["line"] == 2 and r["column"] == 16 and r["end_column"] == 25, r
assert "did you mean 'Test_Base'" in r["message"], r
v = by_id["value-range"] if "value-range" in by_id else [x for x in recs if x["file"] == "inc.mof" and x["severity"] == "error"][0]
assert v["file"] == "inc.mof" and v["line"] == 1, v
assert v["includes"] and v["includes"][0]["file"] == "bad.mof", v
w = by_id["unknown-pragma"]
assert w["severity"] == "warning" and w["category"] == "pragma", w
PY

run_mofc check --diagnostics-format=sarif bad.mof
expect_status 1
python3 - "$OUT" <<'PY' || fail "SARIF log is wrong"
import json, sys
log = json.load(open(sys.argv[1], encoding="utf-8"))
assert log["version"] == "2.1.0"
assert "sarif-2.1.0" in log["$schema"]
run = log["runs"][0]
assert run["tool"]["driver"]["name"] == "mofc"
rules = {r["id"] for r in run["tool"]["driver"]["rules"]}
results = run["results"]
assert len(results) == 3, results
for res in results:
    assert res["ruleId"] in rules
    assert res["level"] in ("error", "warning", "note")
    loc = res["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] in ("bad.mof", "inc.mof")
    assert loc["region"]["startLine"] >= 1 and loc["region"]["startColumn"] >= 1
assert sum(r["level"] == "error" for r in results) == 2
PY
exit 0
