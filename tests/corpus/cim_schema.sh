#!/bin/bash
# The full DMTF CIM Schema 2.32.0 (1422 class files) checks clean in the
# strict DMTF dialect: no errors, and only the warnings listed here.
. "$MOFC_TESTLIB/common.sh"
need_corpus
root=$MOFC_CORPUS/microsoft+omi/Unix/share/omischema/CIM_Schema.mof

run_mofc check -v --color=never --dialect=dmtf "$root"
expect_status 0
# 1422 files (2 wrappers, 2 qualifier files, 1418 class files) and 1418
# classes: the root file comments out the includes of four class files
# (CIM_PublicKeyCertificate, CIM_PublicPrivateKeyPair, CIM_CAHasPublicCertificate,
# CIM_CASignsPublicKeyCertificate), so they are not part of the schema.
expect_stdout_contains "mofc: 1422 files, 71 qualifier declarations"
expect_stdout_contains ", 1418 classes, 0 instances"
cat >expected <<'TXT'
# Key properties typed datetime: identity by timestamp breaks as soon as two
# records share one, and timestamps lose precision across providers.  The
# schema does it on purpose here; the warning is advice (-Wno-key silences it).
microsoft+omi/Unix/share/omischema/CIM-2.32.0/System/CIM_LogRecord.mof:64:13: warning: key property 'CIM_LogRecord.MessageTimestamp' is datetime, which makes a poor instance identity [-Wkey]
microsoft+omi/Unix/share/omischema/CIM-2.32.0/System/CIM_TimeZone.mof:24:13: warning: key property 'CIM_TimeZone.TimeZoneStartDate' is datetime, which makes a poor instance identity [-Wkey]
TXT
expect_diagnostics expected

# Every file read is in the depfile.
run_mofc check --dialect=dmtf -MD -MF deps.d -MT cim "$root"
expect_status 0
[[ $(grep -c '\.mof' deps.d) -eq 2844 ]] || fail "depfile lists $(grep -c '\.mof' deps.d) lines"
exit 0
