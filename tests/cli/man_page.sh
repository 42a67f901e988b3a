#!/bin/bash
# man/mofc.1: formats without a warning (mandoc -Tlint, groff -ww), and
# names every subcommand and every option `mofc --help` lists.
. "$MOFC_TESTLIB/common.sh"
page="$MOFC_ROOT/man/mofc.1"
[[ -f $page ]] || fail "no man/mofc.1"

checked=
if command -v mandoc >/dev/null; then
    mandoc -Tlint -W warning "$page" >lint.log 2>&1 || fail "mandoc -Tlint: $(cat lint.log)"
    checked+=" mandoc"
fi
if command -v groff >/dev/null; then
    groff -man -Tutf8 -ww -z "$page" 2>groff.log || fail "groff failed: $(cat groff.log)"
    [[ ! -s groff.log ]] || fail "groff warnings: $(cat groff.log)"
    checked+=" groff"
fi

# The page's words without roff escapes ("\-\-flatten" -> "--flatten").
sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' -e 's/\\&//g' "$page" >page.txt
run_mofc --help
expect_status 0
missing=()
while read -r word; do
    grep -qF -- "$word" page.txt || missing+=("$word")
done < <(sed -n 's/^  \(-[-A-Za-z]*\).*/\1/p' "$OUT" | sort -u)
while read -r sub; do
    grep -q "^\.B mofc $sub" page.txt || missing+=("synopsis of $sub")
done < <(sed -n 's/^  mofc \([a-z-]*\) .*/\1/p' "$OUT")
((${#missing[@]} == 0)) || fail "man/mofc.1 lacks: ${missing[*]}"
[[ -n $checked ]] || skip "options checked; neither mandoc nor groff to lint the page"
exit 0
