#!/bin/bash
# The whole CIM schema's reference pages: one per class plus the index and
# the qualifier page, in Markdown and HTML; every page link resolves; the
# Markdown of a large class renders through cmark-gfm with its tables.
. "$MOFC_TESTLIB/common.sh"
need_corpus
cim=$MOFC_CORPUS/microsoft+omi/Unix/share/omischema/CIM_Schema.mof

run_mofc doc --dialect=dmtf "$cim" -o md
expect_status 0
[[ $(ls md | wc -l) -eq 1420 ]] || fail "expected 1418 class pages + index + qualifiers, got $(ls md | wc -l)"
[[ -f md/cim-managedelement.md && -f md/cim-computersystem.md ]] || fail "CIM_ComputerSystem page"
grep -qxF '# CIM\_ComputerSystem class' md/cim-computersystem.md || fail "title"
grep -qF 'This property is inherited from [**CIM\_ManagedElement**](cim-managedelement.md).' \
    md/cim-computersystem.md || fail "inherited-from link"
grep -qxF '#### RequestStateChange' md/cim-computersystem.md || fail "a method"
[[ $(grep -c '^ *- \[' md/index.md) -eq 2836 ]] || fail "index: 1418 classes twice (groups and tree)"
# Page links (not anchors) of every page point at pages that exist.
grep -ohE '\]\([a-z0-9-]+\.md' md/*.md | sed 's/^](//' | sort -u >targets
missing=$(cd md && xargs -a ../targets ls 2>&1 >/dev/null | head -5)
[[ -z $missing ]] || fail "links to missing pages: $missing"

if command -v cmark-gfm >/dev/null; then
    cmark-gfm -e table md/cim-computersystem.md >cs.html || fail "cmark-gfm failed"
    [[ $(grep -c '<table>' cs.html) -ge 5 ]] || fail "CIM_ComputerSystem: value tables"
fi

run_mofc doc --format=html --dialect=dmtf "$cim" -o html
expect_status 0
[[ $(ls html | wc -l) -eq 1421 ]] || fail "html: expected 1421 files (with mofc.css)"
grep -qF '<dt id="requeststatechange"><b>RequestStateChange</b></dt>' html/cim-computersystem.html ||
    fail "html: method entry"
exit 0
