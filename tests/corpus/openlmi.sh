#!/bin/bash
# OpenLMI provider MOFs (Linux, CMPI) over the DMTF CIM Schema 2.32.0.
# Most check clean.  The others were written against a later CIM schema or
# omit Override where DMTF MOF requires it; every error they get is
# counted here by kind, with the reason.
. "$MOFC_TESTLIB/common.sh"
need_corpus
cim=$MOFC_CORPUS/microsoft+omi/Unix/share/omischema/CIM_Schema.mof
dir=$MOFC_CORPUS/eurolinux-enterprise-linux-sources+openlmi-providers/src

clean=(mof/05_LMI_Qualifiers.mof mof/30_LMI_Jobs.mof mof/50_LMI_LogicalFile.mof
       mof/60_LMI_Fan.mof mof/60_LMI_Locale.mof mof/60_LMI_PCP.mof mof/60_LMI_Realmd.mof
       mof/60_LMI_SSSD.mof mof/60_LMI_Service.mof mof/70_LMI_JournaldIndicationFilters.mof
       mof/70_LMI_SoftwareIndicationFilters.mof)
run_mofc check --color=never "$cim" "${clean[@]/#/$dir/}"
expect_status 0
grep -v 'CIM-2.32.0/System/CIM_\(LogRecord\|TimeZone\).mof' "$ERR" |
    grep -E ': (warning|error): ' && fail "unexpected diagnostics in the clean set"

# count FILE ID: how many diagnostics of that id the last run gave for FILE.
count() { grep -F "$1:" "$ERR" | grep -cF -- "$2" || true; }
expect_count() { # file, text, n, reason
    local n
    n=$(count "$1" "$2")
    [[ $n -eq $3 ]] || { _show stderr "$ERR"; fail "$1: $n x '$2', expected $3 ($4)"; }
}

run_mofc check --color=never --max-errors=0 "$cim" "$dir/mof/05_LMI_Qualifiers.mof" \
    "$dir/mof/60_LMI_Account.mof" "$dir/mof/60_LMI_Hardware.mof" \
    "$dir/mof/60_LMI_Journald.mof" "$dir/mof/60_LMI_PowerManagement.mof"
expect_status 1
expect_count 60_LMI_Account.mof "add Override(\"UserPassword\")" 1 \
    "restates CIM_Account.UserPassword without Override"
expect_count 60_LMI_Hardware.mof "has Override, but no superclass" 11 \
    "overrides properties CIM 2.32 does not have yet (IsCompressed, BaseAddress64, RPM...)"
expect_count 60_LMI_Hardware.mof "is not declared" 2 \
    "CIM_ATAProtocolEndpoint and CIM_ATAPort came after CIM 2.32"
expect_count 60_LMI_Hardware.mof "or a subclass of it" 3 \
    "references narrowed to the two classes above, which therefore do not derive"
expect_count 60_LMI_Journald.mof "add Override(" 4 \
    "restates four CIM_MessageLog methods without Override"
expect_count 60_LMI_Journald.mof "warning: key property 'LMI_JournalLogRecord.MessageTimestamp' is datetime" 1 \
    "a timestamp key, as CIM_LogRecord has"
expect_count 60_LMI_PowerManagement.mof "add Override(" 4 \
    "restates a method, a property and two references without Override"
[[ $(grep -c ': error: ' "$ERR") -eq 25 ]] || fail "expected 25 errors in all"

# In the WMI dialect a same-named element is an implicit override (warned).
run_mofc check --color=never --dialect=wmi "$cim" "$dir/mof/05_LMI_Qualifiers.mof" \
    "$dir/mof/60_LMI_Account.mof"
expect_status 0
expect_stderr_contains "60_LMI_Account.mof:61:10: warning: property 'LMI_Account.UserPassword' hides inherited property 'CIM_Account.UserPassword' without Override; treated as an override [-Woverride]"

# The two alternatives for LMI_Service cannot share a namespace.
run_mofc check --color=never "$cim" "$dir/mof/05_LMI_Qualifiers.mof" \
    "$dir/mof/60_LMI_Service.mof" "$dir/mof/60_LMI_Service-legacy.mof"
expect_status 1
expect_stderr_contains "60_LMI_Service-legacy.mof:24:7: error: class 'LMI_Service' is already declared"

# Instances of OpenPegasus' interop class, which this corpus does not have.
run_mofc check --color=never "$cim" "$dir/src/hardware/90_LMI_Hardware_Profile_DMTF.mof"
expect_status 1
[[ $(grep -c "error: instance of undeclared class 'PG_ProviderProfileCapabilities'" "$ERR") -eq 7 ]] ||
    fail "expected seven instances of the missing PG_ProviderProfileCapabilities"
exit 0
