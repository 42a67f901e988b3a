#!/bin/bash
# mofc doc HTML in a real browser: headless Chromium loads every page of
# the bundled schemas (en, fr) and of a CIM-schema sample with no console
# message, every internal link (pages, anchors, the stylesheet) resolves
# in the DOM Chromium built, and a screenshot of the Win32_LogonSession
# page is kept in $MOFC_BUILD/artifacts/; then the same pages on an
# emulated phone (with python3: tests/lib/mobile_browser.py).
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

# A phone: every page 390 CSS pixels wide (device metrics, touch and a mobile
# user agent through the DevTools protocol), with nothing wider than the
# screen -- wide tables and the syntax block scroll inside their boxes; the
# index's filter box (shown by its script) narrows the lists; screenshots of
# a class page and of the filtered index are kept.
PY=$(command -v python3 || true)
if [[ -z $PY ]]; then
    echo "$pages pages, $links links; screenshot: $art/win32-logonsession.png; phone check skipped: no python3"
    exit 0
fi
filter_js='(function () { var f = document.getElementById("filter"); if (!f || f.hidden) return "no filter box";
  f.value = "LogonSess"; f.dispatchEvent(new Event("input"));
  var shown = Array.prototype.filter.call(document.querySelectorAll("li[data-name]"),
    function (l) { return l.offsetParent !== null; });
  return shown.map(function (l) { return l.getAttribute("data-name"); }).join(" "); })()'
az_js='Array.prototype.map.call(document.querySelectorAll("ul.az-letters a"), function (a) {
  var h = document.getElementById(a.getAttribute("href").slice(1));
  return a.textContent + ":" + (h ? h.parentNode.querySelectorAll("li[data-name]").length : "missing"); }).join(" ")'
{
    for d in "${dirs[@]}"; do
        for f in "$d"/*.html; do
            printf 'file://%s\t-\t\n' "$PWD/$f"
        done
    done
    printf 'file://%s\t%s\t\n' "$PWD/en/win32-logonsession.html" "$art/win32-logonsession.mobile.png"
    printf 'file://%s\t-\t%s\n' "$PWD/en/index.html" "$(tr '\n' ' ' <<<"$az_js")"
    printf 'file://%s\t%s\t%s\n' "$PWD/en/index.html" "$art/index.mobile.png" "$(tr '\n' ' ' <<<"$filter_js")"
} >jobs
timeout 240 "$PY" "$MOFC_TESTLIB/mobile_browser.py" "$CHROMIUM" "$PWD/phone" <jobs >phone.out ||
    { cat phone.out >&2; fail "phone run failed"; }
[[ $(wc -l <phone.out) == $(wc -l <jobs) ]] || { cat phone.out >&2; fail "phone run: not every page reported"; }
while IFS=$'\t' read -r sw iw result url; do
    ((sw <= 390 && iw == 390)) || fail "phone: ${url#file://$PWD/} is $sw px wide (viewport $iw), more than 390"
done <phone.out
# A-Z: a class under the first letter after its schema prefix
# (CIM_LogicalElement, Win32_LogonSession under L).
az=$(tail -n2 phone.out | head -n1 | cut -f3)
[[ $az == '"L:2 M:1 S:1"' ]] || fail "index A-Z letters: $az"
filtered=$(tail -n1 phone.out | cut -f3)
[[ $filtered == '"Win32_LogonSession Win32_LogonSession Win32_LogonSession"' ]] ||
    fail "index filter 'LogonSess' shows: $filtered"
for png in win32-logonsession.mobile.png index.mobile.png; do
    [[ $(head -c 8 "$art/$png" | od -An -tx1 | tr -d ' \n') == 89504e470d0a1a0a ]] || fail "no PNG $png"
done
echo "$pages pages, $links links, $(wc -l <phone.out) phone loads; screenshots in $art/"
exit 0
