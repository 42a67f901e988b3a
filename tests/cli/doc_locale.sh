#!/bin/bash
# Locale amendments (.mfl): merged onto the neutral classes for the locale
# asked for, neutral text elsewhere and marked, other locales and runs
# without --locale untouched; amendments that fit no neutral class are
# located errors.
. "$MOFC_TESTLIB/common.sh"
W=$MOFC_ROOT/schemas/win32

run_mofc doc --locale fr "$W/CIMWin32.mof" "$W/cimwin32.fr.mfl" -o fr
expect_status 0
p=fr/win32-logonsession.md
grep -qxF '# Classe Win32\_LogonSession' "$p" || fail "French title"
grep -qF "Identifiant que le système a donné à la session." "$p" || fail "French description"
grep -qF '| 0 |  | Réservé au compte System. |' "$p" || fail "French value text"
grep -qF '| 2 | Interactif | Un utilisateur' "$p" || fail "French LogonType value name"
grep -qxF '| Error | Erreur |' "$p" || fail "French Status value name"
grep -qF '[**DisplayName**](qualifiers.md#q-displayname) ("Légende")' "$p" || fail "DisplayName"
grep -qxF '| Paramètres régionaux | fr (0x40c) |' "$p" || fail "locale requirement"
grep -qF '*(non traduit)*' "$p" && fail "a text of the bundled chain is marked untranslated"

# The LCID and region forms name the same locale.
run_mofc doc --locale 0x40c "$W/CIMWin32.mof" "$W/cimwin32.fr.mfl" -o lcid
expect_status 0
run_mofc doc --locale fr_FR "$W/CIMWin32.mof" "$W/cimwin32.fr.mfl" -o region
diff -r fr lcid >/dev/null || fail "--locale 0x40c differs from --locale fr"
diff -r fr region >/dev/null || fail "--locale fr_FR differs from --locale fr"

# Without --locale, or with another one, the amendment changes nothing.
run_mofc doc "$W/CIMWin32.mof" -o en
run_mofc doc "$W/CIMWin32.mof" "$W/cimwin32.fr.mfl" -o en2
expect_status 0
diff -r en en2 >/dev/null || fail "the .mfl changed the neutral pages"
run_mofc doc --locale de "$W/CIMWin32.mof" "$W/cimwin32.fr.mfl" -o de
expect_status 0
grep -qF 'Identifier the system gave the logon session. ' de/win32-logonsession.md ||
    grep -qxF 'Identifier the system gave the logon session.' de/win32-logonsession.md ||
    fail "German run: neutral text expected"
grep -qF '*(not translated)*' de/win32-logonsession.md || fail "German run: neutral text not marked"

# Partial amendment: translated where given, neutral and marked elsewhere.
cat >neutral.mof <<'MOF'
[Description("A thing.")]
class Test_Thing {
    [Key, Description("Its name.")] string Name;
    [Description("How big.")] uint32 Size;
};
MOF
cat >thing.mfl <<'MOF'
#pragma namespace ("root/cimv2/ms_40c")
[Description("Une chose.") : Amended]
class Test_Thing {
    [Description("Son nom.") : Amended, Key] string Name;
};
MOF
run_mofc doc --locale fr neutral.mof thing.mfl -o part
expect_status 0
t=part/test-thing.md
grep -qxF 'Une chose.' "$t" || fail "class text"
awk '/^#### Name/,/^#### Size/' "$t" | grep -qxF 'Son nom.' || fail "Name translated"
awk '/^#### Name/,/^#### Size/' "$t" | grep -qF '(non traduit)' && fail "Name marked"
awk '/^#### Size/,/^## /' "$t" | grep -qxF 'How big.' || fail "Size neutral"
awk '/^#### Size/,/^## /' "$t" | grep -qxF '*(non traduit)*' || fail "Size not marked"

# The WMI dialect keeps the Amended flavor of a merged qualifier.
run_mofc mof --dialect=wmi --locale fr neutral.mof thing.mfl
expect_status 0
grep -qF '[Description("Une chose.") : Amended]' "$OUT" || fail "wmi: Amended flavor lost"

# Amendments that fit nothing.
cat >stray.mfl <<'MOF'
#pragma namespace ("root/cimv2/ms_40c")
class Test_Other { };
class Test_Thing {
    [Description("Couleur.") : Amended] string Colour;
};
MOF
run_mofc doc --color=never --locale fr neutral.mof stray.mfl -o stray
expect_status 1
expect_stderr_contains "stray.mfl:2:7: error: amendment class 'Test_Other' (locale ms_40c) has no language-neutral class"
expect_stderr_contains "stray.mfl:4:48: error: amendment of class 'Test_Thing' (locale ms_40c) names property 'Colour'"
[[ -e stray ]] && fail "pages written after errors"

run_mofc doc --locale xx neutral.mof -o x
expect_status 2
expect_stderr_contains "unknown locale 'xx'"
exit 0
