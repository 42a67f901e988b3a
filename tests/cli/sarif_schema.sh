#!/bin/bash
# The SARIF logs mofc writes are valid against the official SARIF 2.1.0
# JSON schema (tests/sarif/sarif-schema-2.1.0.json, vendored unchanged
# from OASIS): the logs of every golden case's MOF (each a different set
# of diagnostics), of includes, notes with and without a location, an odd
# file name, a back-end error, too many errors and a clean run.
. "$MOFC_TESTLIB/common.sh"

SCHEMA="$MOFC_ROOT/tests/sarif/sarif-schema-2.1.0.json"
[[ -f $SCHEMA ]] || fail "missing $SCHEMA"
PY=
for p in python3 /usr/bin/python3; do
    if command -v "$p" >/dev/null && "$p" -c 'import jsonschema' 2>/dev/null; then
        PY=$p
        break
    fi
done
[[ -n $PY ]] || skip "needs python3-jsonschema"

shopt -s nullglob
mkdir logs
n=0
sarif() { # NAME STATUS ARGS...: run mofc, keep the log
    local name=$1 want=$2
    shift 2
    run_mofc "$@" --diagnostics-format=sarif --diagnostics-file="logs/$name.sarif"
    expect_status "$want"
    [[ -s logs/$name.sarif ]] || fail "no log: $LAST_CMD"
    n=$((n + 1))
}

for dir in "$MOFC_ROOT"/tests/golden/*/; do
    mofs=("$dir"*.mof)
    ((${#mofs[@]})) || continue
    case=$(basename "$dir")
    mkdir "$case"
    cp "${mofs[@]}" "$case/"
    (cd "$case" && "$MOFC" check --diagnostics-format=sarif --diagnostics-file="../logs/$case.sarif" \
        ./*.mof >/dev/null 2>&1 </dev/null)
    st=$?
    [[ $st == 0 || $st == 1 ]] || fail "golden case $case: exit status $st"
    n=$((n + 1))
done
cp -r "$MOFC_ROOT/tests/golden/include-chain" inc
sarif include-chain-wmi 1 check --dialect=wmi inc/*.mof
printf 'class Test_A { [Key] string Name; };\nclass Test_A { [Key] string Name; };\n' >dup.mof
printf 'class Test_E : __ExtrinsicEvent { };\n' >>dup.mof
sarif notes 1 check dup.mof
sarif too-many 1 check dup.mof --max-errors=1
mkdir 'odd dir'
printf 'class Test_Odd { [Key] string Name; };\n#pragma frobnicate("x")\n' >$'odd dir/caf\xc3\xa9 \xff.mof'
sarif odd-relative 0 check 'odd dir'/*.mof
sarif odd-absolute 0 check "$PWD"/'odd dir'/*.mof
printf 'class Test_Ok { [Key] string Name; };\n' >ok.mof
sarif backend 1 xml --class Test_Nope ok.mof -o out.xml
sarif clean 0 check "$MOFC_ROOT/schemas/win32/CIMWin32.mof"
sarif missing 2 check no-such-file.mof
((n > 40)) || fail "only $n logs made"

"$PY" - "$SCHEMA" logs/*.sarif <<'PY' || fail "a SARIF log does not validate"
import json, re, sys
import jsonschema
schema = json.load(open(sys.argv[1], encoding="utf-8"))
cls = jsonschema.validators.validator_for(schema)
cls.check_schema(schema)
checker = getattr(cls, "FORMAT_CHECKER", None) or jsonschema.FormatChecker()
validator = cls(schema, format_checker=checker)
# RFC 3986: a path of unreserved characters, '/' and %XX, after an
# optional file:// scheme.
uri_ok = re.compile(r"^(file://)?([A-Za-z0-9._~/-]|%[0-9A-F]{2})*$")
bad = 0
results = 0
for path in sys.argv[2:]:
    raw = open(path, "rb").read()
    log = json.loads(raw.decode("utf-8"))        # strict UTF-8
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    for e in errors[:5]:
        print("%s: %s at %s" % (path, e.message, "/".join(map(str, e.path))), file=sys.stderr)
    bad += bool(errors)
    assert log["$schema"] == schema["$id"], path
    def walk(o):
        if isinstance(o, dict):
            for k, v in o.items():
                if k == "uri":
                    assert uri_ok.match(v), (path, v)
                walk(v)
        elif isinstance(o, list):
            for v in o:
                walk(v)
    walk(log)
    results += len(log["runs"][0]["results"])
assert results > 50, results
# The validator is not vacuous: a level SARIF lacks is refused.
log["runs"][0]["results"] = [{"message": {"text": "x"}, "level": "fatal"}]
assert not validator.is_valid(log)
sys.exit(1 if bad else 0)
PY
exit 0
