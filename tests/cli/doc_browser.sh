#!/bin/bash
# mofc doc HTML in a real browser: headless Chromium loads every page of
# the bundled schemas (en, fr) and of a CIM-schema sample with no console
# message, every internal link (pages, anchors, the stylesheet) resolves
# in the DOM Chromium built, and a screenshot of the Win32_LogonSession
# page is kept in $MOFC_BUILD/artifacts/.
. "$MOFC_TESTLIB/common.sh"
CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
[[ -n $CHROMIUM ]] || skip "needs chromium (apt-get install chromium); CI installs it"

W=$MOFC_ROOT/schemas/win32
run_mofc doc --format=html "$W/CIMWin32.mof" -o en
expect_status 0
run_mofc doc --format=html --locale fr "$W/CIMWin32.mof" "$W/cimwin32.fr.mfl" -o fr
expect_status 0
dirs=(en fr)
CIM=${MOFC_CORPUS:-/nonexistent}/microsoft+omi/Unix/share/omischema/CIM_Schema.mof
if [[ -f $CIM ]]; then
    run_mofc doc --format=html --dialect=dmtf --class CIM_ComputerSystem --class CIM_Process \
        "$CIM" -o cim
    expect_status 0
    dirs+=(cim)
else
    echo "CIM schema sample skipped: no ../shared/corpus"
fi

browse() { # URL: DOM on stdout, browser log on fd 3
    timeout 60 "$CHROMIUM" --headless --no-sandbox --disable-gpu --no-first-run \
        --user-data-dir="$PWD/profile" --enable-logging=stderr --v=0 \
        --dump-dom "$1" 2>&3
}

pages=0
for d in "${dirs[@]}"; do
    for f in "$d"/*.html; do
        browse "file://$PWD/$f" >"$f.dom" 3>"$f.log" || fail "chromium failed on $f"
        [[ -s $f.dom ]] || fail "empty DOM for $f"
        if grep -F ':CONSOLE' "$f.log" >&2; then fail "console messages on $f"; fi
        pages=$((pages + 1))
    done
done

# Links: every href of every DOM; files must exist, #anchors must be ids
# of the target's DOM.
links=0
for d in "${dirs[@]}"; do
    for dom in "$d"/*.html.dom; do
        while IFS= read -r href; do
            case $href in http:* | https:* | mailto:*) continue ;; esac
            file=${href%%#*}
            frag=
            [[ $href == *'#'* ]] && frag=${href#*#}
            target=${file:-$(basename "${dom%.dom}")}
            [[ -f $d/$target ]] || fail "$dom: link to missing $target"
            if [[ -n $frag ]]; then
                grep -qF "id=\"$frag\"" "$d/$target.dom" || fail "$dom: no #$frag in $target"
            fi
            links=$((links + 1))
        done < <(grep -oE 'href="[^"]*"' "$dom" | sed 's/^href="//; s/"$//')
    done
done
((links > 50)) || fail "only $links links checked"

art=$MOFC_BUILD/artifacts
mkdir -p "$art"
timeout 60 "$CHROMIUM" --headless --no-sandbox --disable-gpu --no-first-run \
    --user-data-dir="$PWD/profile" --hide-scrollbars --window-size=1100,2600 \
    --screenshot="$art/win32-logonsession.png" "file://$PWD/en/win32-logonsession.html" \
    >/dev/null 2>&1 || fail "screenshot failed"
[[ $(head -c 8 "$art/win32-logonsession.png" | od -An -tx1 | tr -d ' \n') == 89504e470d0a1a0a ]] ||
    fail "no PNG screenshot"
echo "$pages pages, $links links; screenshot: $art/win32-logonsession.png"
exit 0
