#!/bin/bash
# mofc split: mofcomp's -MOF/-MFL split of the amended qualifiers; the two
# parts compiled with the locale give the master's CIM-XML back, byte for
# byte, when the master writes its amended qualifiers last (a merged
# qualifier comes after the neutral ones; tests/unit/test_split.c compares
# the models whatever the order).
. "$MOFC_TESTLIB/common.sh"

cat >master.mof <<'MOF'
[Dynamic, Description("Sample class, English text") : Amended]
class Demo_Item
{
    [Key, Description("Item identifier") : Amended] string Id;
    uint32 Count = 3;
    [ValueMap {"1", "2"}, Description("State") : Amended, Values {"On", "Off"} : Amended]
    uint16 State;
};
class Demo_Sub : Demo_Item { [Description("Extra") : Amended] string Extra; };
MOF
run_mofc split --dialect=wmi --locale fr master.mof -o neutral.mof --mfl fr.mfl
expect_status 0
grep -q Amended neutral.mof && fail "amended qualifier left in the neutral MOF"
grep -qF '#pragma namespace ("root/cimv2/ms_40c")' fr.mfl || fail "no locale namespace"
grep -qF '[Key, Description("Item identifier") : Amended]' fr.mfl || fail "key property"
grep -q Count fr.mfl && fail "property without texts in the .mfl"

run_mofc xml --flatten --dialect=wmi master.mof -o a.xml
expect_status 0
run_mofc xml --flatten --dialect=wmi --locale 0x40c neutral.mof fr.mfl -o b.xml
expect_status 0
cmp -s a.xml b.xml || { diff a.xml b.xml | head -20 >&2; fail "round trip changed the model"; }
run_mofc xml --flatten --dialect=wmi neutral.mof -o c.xml
cmp -s a.xml c.xml && fail "the neutral part alone should lack the texts"

# mofcomp's namespace spelling: the child namespace follows it, and the
# .mfl merges back.
cat >ms.mof <<'MOF'
#pragma namespace("\\\\.\\root\\DEMO")
[LOCALE(0x409), Description("Sample class") : Amended]
class Demo_Item { [Key, Description("Item identifier") : Amended] string Id; uint32 Count; };
MOF
run_mofc split --dialect=wmi --locale 0x40c ms.mof -o ms-neutral.mof --mfl ms.mfl
expect_status 0
grep -qF '#pragma namespace ("\\\\.\\root\\DEMO\\ms_40c")' ms.mfl || fail "mofcomp namespace: $(grep pragma ms.mfl)"
grep -qF '[LOCALE(1033)]' ms-neutral.mof || fail "LOCALE not decimal in the neutral MOF"
grep -qF '[Locale(0x40c), Description("Sample class") : Amended]' ms.mfl || fail "Locale on the amendment"
run_mofc xml --flatten --dialect=wmi ms.mof -o ms-a.xml
run_mofc xml --flatten --dialect=wmi --locale fr ms-neutral.mof ms.mfl -o ms-b.xml
expect_status 0
cmp -s ms-a.xml ms-b.xml || fail "mofcomp-style round trip changed the model"

# The bundled chain has no amended qualifiers: split is the canonical MOF
# and an empty amendment.
run_mofc split --locale fr "$MOFC_ROOT/schemas/win32/CIMWin32.mof" -o w.mof --mfl w.mfl
expect_status 0
run_mofc mof "$MOFC_ROOT/schemas/win32/CIMWin32.mof" -o canon.mof
cmp -s w.mof canon.mof || fail "neutral part of an unamended schema differs from mofc mof"
grep -q class w.mfl && fail "classes in an empty amendment"

run_mofc split --dialect=wmi --locale fr master.mof -o x.mof
expect_status 2
expect_stderr_contains "split needs --locale LL, -o NEUTRAL.mof and --mfl LOCALIZED.mfl"
[[ -e x.mof ]] && fail "output written on a usage error"
exit 0
