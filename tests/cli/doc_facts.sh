#!/bin/bash
# mofc doc: the Win32_LogonSession page carries every fact of the WMI
# reference page (properties, types, access, qualifiers, value tables,
# inherited-from notes, see also), in Markdown and in HTML.
. "$MOFC_TESTLIB/common.sh"

run_mofc doc "$MOFC_ROOT/schemas/win32/CIMWin32.mof" -o md
expect_status 0
page=md/win32-logonsession.md
[[ -f $page ]] || fail "no $page"

# The text of the entry of property $1: from its heading to the next one.
entry() {
    awk -v h="#### $1" '$0 == h { on = 1; next } /^##+ / { on = 0 } on' "$page"
}

# name type inherited-from (- for local)
while read -r name type from; do
    e=$(entry "$name")
    [[ -n $e ]] || fail "no entry for $name"
    grep -qxF -- "- Data type: **$type**" <<<"$e" || fail "$name: type $type missing"
    grep -qxF -- "- Access type: Read-only" <<<"$e" || fail "$name: access missing"
    if [[ $from == - ]]; then
        grep -q "inherited from" <<<"$e" && fail "$name is local but says inherited"
    else
        link="[**${from//_/\\_}**]($(tr '[:upper:]_' '[:lower:]-' <<<"$from").md)"
        grep -qF "This property is inherited from $link." <<<"$e" ||
            fail "$name: not inherited from $from"
    fi
done <<'LIST'
AuthenticationPackage string -
Caption string CIM_ManagedSystemElement
Description string CIM_ManagedSystemElement
InstallDate datetime CIM_ManagedSystemElement
LogonId string -
LogonType uint32 -
Name string CIM_ManagedSystemElement
StartTime datetime Win32_Session
Status string CIM_ManagedSystemElement
LIST
[[ $(grep -c '^#### ' "$page") == 9 ]] || fail "expected 9 properties"

entry Caption | grep -qF '[**MaxLen**](qualifiers.md#q-maxlen) (64)' || fail "Caption MaxLen 64"
entry Caption | grep -qF '[**DisplayName**](qualifiers.md#q-displayname) ("Caption")' ||
    fail "Caption DisplayName"
entry LogonId | grep -qxF -- '- Qualifiers: [**Key**](qualifiers.md#q-key)' || fail "LogonId key"

# LogonType: 13 values with their texts (0 without a name); Status: 12 values.
[[ $(entry LogonType | grep -cE '^\| [0-9]+ \| [A-Za-z]* \| .+ \|$') == 13 ]] ||
    fail "LogonType: 13 rows with texts expected"
entry LogonType | grep -qF '| 10 | RemoteInteractive | A Remote Desktop' || fail "LogonType 10"
entry LogonType | grep -qF '| 0 |  | Used only by the System account. |' ||
    fail "LogonType 0"
[[ $(entry Status | grep -v '^| Value |' | grep -cE '^\| [A-Za-z ]+ \| [A-Za-z ]+ \|$') == 12 ]] ||
    fail "Status: 12 rows expected"
entry Status | grep -qF '| Pred Fail | Pred Fail |' || fail "Status Pred Fail"

# Syntax block: class qualifiers, every property: those of the root class
# first, then each subclass's, alphabetical within a class.
grep -qF '[Dynamic, Provider("CIMWin32"), UUID("{9083C21E-7D58-4e0e-BC30-0BC8922AFB8B}"), Amendment]' \
    "$page" || fail "class qualifiers in the syntax block"
props=$(awk '/^class Win32_LogonSession/ { on = 1; next } on && /^};/ { exit } on && /;$/ { sub(/;$/, ""); print $NF }' "$page")
[[ $(tr '\n' ' ' <<<"$props") == "Caption Description InstallDate Name Status StartTime AuthenticationPackage LogonId LogonType " ]] ||
    fail "syntax block: 9 properties in inheritance order, got: $props"

# See also, requirements.
sed -n '/^## See also/,$p' "$page" | grep -qF -- '- [**Win32\_Session**](win32-session.md)' ||
    fail "Win32_Session under See also"
grep -qxF '| Namespace | Root\\CIMV2 |' "$page" || fail "namespace requirement"
grep -qxF '| MOF | CIMWin32.mof |' "$page" || fail "MOF requirement"

# HTML carries the same facts.
run_mofc doc --format=html "$MOFC_ROOT/schemas/win32/CIMWin32.mof" -o html
expect_status 0
h=html/win32-logonsession.html
grep -qF '<dt id="logonid"><b>LogonId</b></dt>' "$h" || fail "html: LogonId entry"
[[ $(grep -c '^<dt id=' "$h") == 9 ]] || fail "html: 9 properties"
[[ $(grep -c '^<tr><td>' "$h") -ge 25 ]] || fail "html: value tables"
grep -qF '<a href="win32-session.html"><b>Win32_Session</b></a>.</p>' "$h" ||
    fail "html: StartTime inherited from Win32_Session"

# --class: the class and what it needs; links to classes without a page
# are plain text.
run_mofc doc --class Win32_Session "$MOFC_ROOT/schemas/win32/CIMWin32.mof" -o sel
expect_status 0
[[ $(ls sel | tr '\n' ' ') == "cim-logicalelement.md cim-managedsystemelement.md index.md qualifiers.md win32-session.md " ]] ||
    fail "--class pages: $(ls sel | tr '\n' ' ')"
grep -q 'win32-logonsession' sel/*.md && fail "link to a page not written"
run_mofc doc --class Win32_Sesion "$MOFC_ROOT/schemas/win32/CIMWin32.mof" -o sel2
expect_status 1
expect_stderr_contains "did you mean 'Win32_Session'"
exit 0
