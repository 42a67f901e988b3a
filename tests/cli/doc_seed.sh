#!/bin/bash
# mofc doc: the bundled Win32_LogonSession page against the WMI reference
# page it was made from (the French seed in ../shared/seeds, and its
# English original in ../shared/corpus when that is there), fact by fact:
# the MOF file and namespace of the requirements table, the syntax block
# (class qualifiers, then the properties in the reference's order and
# layout), MappingStrings without braces, the LogonType value 0 without a
# name and the names of the other values, and, on the French page, the
# French names of the LogonType and Status values.
. "$MOFC_TESTLIB/common.sh"
SEED=$MOFC_ROOT/../shared/seeds/000_07284d5a8f4e9d25.txt
[[ -f $SEED ]] || skip "needs the seed page ../shared/seeds/000_07284d5a8f4e9d25.txt"
ENGLISH=${MOFC_CORPUS:-/nonexistent}/MicrosoftDocs+win32/desktop-src/CIMWin32Prov/win32-logonsession.md
[[ -f $ENGLISH ]] || ENGLISH=
W=$MOFC_ROOT/schemas/win32

run_mofc doc "$W/CIMWin32.mof" -o en
expect_status 0
run_mofc doc --locale fr "$W/CIMWin32.mof" "$W/cimwin32.fr.mfl" -o fr
expect_status 0
expect_stderr_empty
en=en/win32-logonsession.md
fr=fr/win32-logonsession.md

# The requirements row $2 of reference page $1 ("Namespace<br/> | Root\\CIMV2<br/>").
ref_req() {
    awk -F'|' -v k="$2" '$2 ~ "^ *" k "<br/> *$" { print $3 }' "$1" |
        sed -E 's/<[^>]*>//g; s/^ +//; s/ +$//'
}
# The requirements row $2 of one of our pages.
our_req() {
    awk -F' \\| ' -v k="| $2" '$1 == k { sub(/ \|$/, "", $2); print $2 }' "$1"
}
# The syntax block of a page: the lines between the fence and its end.
syntax_of() {
    awk '/^```+ *(syntax|mof)$/ { on = 1; next } on && /^```/ { exit } on' "$1"
}
# Value names of the LogonType list of a reference page: "value name" lines,
# and "0 -" for a value shown without a name.
ref_logon_values() {
    awk '/^\*\*LogonType\*\*$/ { on = 1 } on && /^\*\*(Nom|Name)\*\*$/ { exit } on' "$1" |
        sed -nE 's/.*\*\*([^*]+)\*\* \(([0-9]+)\)$/\2 \1/p; s/^([0-9]+)$/\1 -/p'
}
# The same from one of our pages' LogonType table.
our_logon_values() {
    awk '/^#### LogonType$/ { on = 1; next } on && /^#### / { exit } on' "$1" |
        awk -F' \\| ' '/^\| [0-9]+ \|/ { v = substr($1, 3); n = $2; if (n == "" || n == " ") n = "-"; sub(/^ +/, "", n); print v, n }'
}
# Status value names of a reference page, in its order.
ref_status_values() {
    awk '/^\*\*(Status|État)\*\*$/ { on = 1 } on && /^## / { exit } on' "$1" |
        grep -E '\((«|")' | grep -vF '[' | grep -vF '<span' | sed -E 's/\*\*//g; s/ \(.*$//'
}
our_status_values() {
    awk '/^#### Status$/ { on = 1; next } on && /^#### |^## / { exit } on' "$1" |
        awk -F' \\| ' '/^\| / && !/^\| (Value|Valeur) \|/ && !/^\|---/ { sub(/ \|$/, "", $2); print $2 }'
}

# MOF file: the seed's machine translation put a space in it ("CIMWin32. mof").
seed_mof=$(ref_req "$SEED" MOF | tr -d ' ')
[[ $seed_mof == CIMWin32.mof ]] || fail "seed: MOF row not read (got '$seed_mof')"
[[ $(our_req "$en" MOF) == "$seed_mof" ]] || fail "MOF: '$(our_req "$en" MOF)', seed '$seed_mof'"
[[ $(our_req "$fr" MOF) == "$seed_mof" ]] || fail "French page MOF: '$(our_req "$fr" MOF)'"

# Namespace: the seed's translation mangled it ("\\Cimv2 racine"); the
# English original has it (Markdown: Root\\CIMV2 is Root\CIMV2).
if [[ -n $ENGLISH ]]; then
    ns=$(ref_req "$ENGLISH" Namespace)
    [[ $ns == 'Root\\CIMV2' ]] || fail "English original: namespace not read (got '$ns')"
    [[ $(our_req "$en" Namespace) == "$ns" ]] || fail "namespace: '$(our_req "$en" Namespace)', reference '$ns'"
    [[ $(our_req "$fr" "Espace de noms") == "$ns" ]] || fail "French page namespace"
else
    echo "namespace against the English original skipped: no ../shared/corpus"
fi

# Syntax block: the class qualifiers (the reference writes AMENDMENT in
# capitals), the class line and every property line as the seed has them.
syntax_of "$SEED" >seed.syntax
syntax_of "$en" >en.syntax
[[ $(wc -l <seed.syntax) == 13 ]] || fail "seed: syntax block not read"
[[ $(head -n1 en.syntax | tr '[:upper:]' '[:lower:]') == "$(head -n1 seed.syntax | tr '[:upper:]' '[:lower:]')" ]] ||
    fail "syntax: class qualifiers '$(head -n1 en.syntax)', seed '$(head -n1 seed.syntax)'"
diff <(tail -n +2 seed.syntax) <(tail -n +2 en.syntax) >syntax.diff ||
    { cat syntax.diff >&2; fail "syntax block differs from the seed's (order or layout)"; }
syntax_of "$fr" | tail -n +2 | diff - <(tail -n +2 seed.syntax) >/dev/null ||
    fail "French syntax block differs from the seed's"

# MappingStrings of InstallDate: a value in parentheses, no braces.
mapping() { grep -oE '\*\*MappingStrings\*\*\]\([^)]*\) \([^)]*\)' "$1" | sed -E 's/.*\) \(/(/'; }
[[ $(mapping "$SEED") == '("'* ]] || fail "seed: MappingStrings not read"
[[ $(mapping "$en") == '("MIF.DMTF\|ComponentID\|001.5")' ]] ||
    fail "MappingStrings shown as $(mapping "$en")"
if [[ -n $ENGLISH ]]; then
    [[ $(mapping "$en") == "$(mapping "$ENGLISH")" ]] ||
        fail "MappingStrings: $(mapping "$en"), reference $(mapping "$ENGLISH")"
fi

# LogonType: 0 without a name, the other values named as in the reference
# (English page against the English original, French page against the seed).
ref_logon_values "$SEED" >seed.logon
[[ $(wc -l <seed.logon) == 13 && $(head -n1 seed.logon) == "0 -" ]] ||
    fail "seed: LogonType values not read: $(tr '\n' ',' <seed.logon)"
our_logon_values "$fr" >fr.logon
diff seed.logon fr.logon >logon.diff ||
    { cat logon.diff >&2; fail "French LogonType value names differ from the seed's"; }
our_logon_values "$en" >en.logon
[[ $(head -n1 en.logon) == "0 -" ]] || fail "English page: LogonType 0 has a name: $(head -n1 en.logon)"
if [[ -n $ENGLISH ]]; then
    ref_logon_values "$ENGLISH" >english.logon
    diff english.logon en.logon >logon.diff ||
        { cat logon.diff >&2; fail "LogonType value names differ from the English original's"; }
fi

# Status: the French names of the values, as the seed translates them.
ref_status_values "$SEED" >seed.status
[[ $(wc -l <seed.status) == 12 ]] || fail "seed: Status values not read: $(tr '\n' ',' <seed.status)"
our_status_values "$fr" >fr.status
diff seed.status fr.status >status.diff ||
    { cat status.diff >&2; fail "French Status value names differ from the seed's"; }
if [[ -n $ENGLISH ]]; then
    ref_status_values "$ENGLISH" >english.status
    our_status_values "$en" | diff english.status - >status.diff ||
        { cat status.diff >&2; fail "Status value names differ from the English original's"; }
fi
exit 0
