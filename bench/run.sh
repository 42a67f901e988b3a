#!/usr/bin/env bash
# run.sh - `make bench`: time mofc on the full DMTF CIM Schema 2.32.0 from
# ../shared/corpus (1426 files, ~4.3 MB); prints a table of median and
# minimum wall time, throughput and peak RSS.
#
# Builds nothing: `make bench` builds the binaries first ($MOFC_BUILD/mofc,
# $MOFC_BUILD/bench/rusage, and $MOFC_BUILD/bench/scan_only when
# bench/scan_only.c exists).  Without the corpus it says so and exits 0.
#
#   MOFC_BUILD   build directory (default build)
#   BENCH_RUNS   measured runs (default 7, at least 7 recommended)
#   BENCH_WARMUP warm-up runs, not counted (default 1)
#   BENCH_ONLY   run only the benchmarks whose name contains this
#   BENCH_OUT    scratch directory for outputs (default: a new one in TMPDIR)
#   BENCH_FRESH  1: also time c and doc into new, empty directories
#
# To add a benchmark add one line to BENCHES: a name and a shell command
# line using $MOFC (the binary), $CIM (CIM_Schema.mof, which includes the
# whole schema) and $OUT (a scratch directory, removed at the end).

set -u

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT" || exit 2
BUILD=${MOFC_BUILD:-build}
[[ $BUILD == /* ]] || BUILD="$ROOT/$BUILD"
RUNS=${BENCH_RUNS:-7}
WARMUP=${BENCH_WARMUP:-1}

MOFC="$BUILD/mofc"
SCAN_ONLY="$BUILD/bench/scan_only"
RUSAGE="$BUILD/bench/rusage"
# Outputs go to a scratch directory under TMPDIR (BENCH_OUT to choose):
# what is measured is mofc, not a directory some tool watches -- creating a
# file under a watched tree can cost the kernel ten times more.
OUT=${BENCH_OUT:-$(mktemp -d "${TMPDIR:-/tmp}/mofc-bench.XXXXXX")}

# name            command (single quotes: expanded at run time)
BENCHES=(
    'check          "$MOFC" check --dialect=dmtf "$CIM"'
    'xml            "$MOFC" xml --dialect=dmtf -o "$OUT/cim.xml" "$CIM"'
    # c, doc: rerun into the same directory, as a build does (unchanged files
    # are compared and left alone).
    'c              "$MOFC" c --dialect=dmtf -o "$OUT/c" "$CIM"'
    'doc            "$MOFC" doc --dialect=dmtf -o "$OUT/md" "$CIM"'
    'doc_html       "$MOFC" doc --format=html --dialect=dmtf -o "$OUT/html" "$CIM"'
    # Binary MOF: the schema written as one blob (1.6 MB), then read back
    # (decompression, decoding, and the same sema as check); and the largest
    # WMI MOF of the corpus (the DDK's wmicore.mof) as a blob, checked.
    'bmf            "$MOFC" bmf --dialect=dmtf -Wno-key -o "$OUT/w.bmf" "$CIM"'
    'bmf_read       "$MOFC" check -Wno-qualifier "$OUT/cim.bmf"'
    'bmf_read_wmi   "$MOFC" check --with wmi -Wno-key -Wno-valuemap -Wno-syntax "$OUT/wmicore.bmf"'
)
# BENCH_FRESH=1: also each run into a new, empty directory (doc as HTML).
# Off by default: the runs leave some 600 MB of files behind, and on a
# filesystem with online discard, deleting them keeps the kernel busy long
# enough to slow whatever is measured next (creating files right after such
# a deletion costs up to a millisecond each, which is not mofc's time).
if [[ ${BENCH_FRESH:-} == 1 ]]; then
    BENCHES+=(
        'c_fresh        sh -c "exec \"\$0\" c --dialect=dmtf -o \"\$(mktemp -d \"\$1/c.XXXXXX\")\" \"\$2\"" "$MOFC" "$OUT" "$CIM"'
        'doc_fresh      sh -c "exec \"\$0\" doc --format=html --dialect=dmtf -o \"\$(mktemp -d \"\$1/h.XXXXXX\")\" \"\$2\"" "$MOFC" "$OUT" "$CIM"'
    )
fi
# wmi-header (-m) of the largest WMI MOF of the corpus, the DDK's wmicore.mof
# (137 guid classes); its MB/s are of that file (ROW_BYTES).
declare -A ROW_BYTES=()
BENCHES+=('wmi_header     "$MOFC" wmi-header -m --dialect=wmi --with wmi -Wno-key -Wno-valuemap -Wno-syntax -o "$OUT/wmidata.h" "$WMICORE"')
# Baseline: the flex scanner alone over the same input (following includes).
[[ -x $SCAN_ONLY ]] && BENCHES+=('scan_only      "$SCAN_ONLY" "$CIM"')

if [[ ! -d $ROOT/../shared/corpus ]]; then
    echo "bench: skipped, no ../shared/corpus beside the repository"
    exit 0
fi
CORPUS=$(cd "$ROOT/../shared/corpus" && pwd)
SCHEMA_DIR="$CORPUS/microsoft+omi/Unix/share/omischema"
CIM="$SCHEMA_DIR/CIM_Schema.mof"
WMICORE="$CORPUS/9176324+Shark/WinDDK/3790.1830/inc/ddk/w2k/wmicore.mof"
[[ -f $WMICORE ]] && ROW_BYTES[wmi_header]=$(stat -c %s "$WMICORE")
# bmf_read_wmi reads the blob of wmicore.mof: MB/s of that MOF too.
[[ -f $WMICORE ]] && ROW_BYTES[bmf_read_wmi]=$(stat -c %s "$WMICORE")
if [[ ! -f $CIM ]]; then
    echo "bench: skipped, $CIM not found"
    exit 0
fi
for f in "$MOFC" "$RUSAGE"; do
    [[ -x $f ]] || { echo "bench: $f not built (run make bench)" >&2; exit 2; }
done

# Input size: every file the schema includes, plus the wrapper.
read -r nfiles bytes < <(
    { find "$SCHEMA_DIR/CIM-2.32.0" -type f -name '*.mof' -printf '%s\n'; stat -c %s "$CIM"; } |
        awk '{ n++; s += $1 } END { print n, s }')

echo "mofc bench: DMTF CIM Schema 2.32.0, $nfiles files, $(awk -v b="$bytes" \
    'BEGIN { printf "%.2f MB", b / 1e6 }'); $RUNS runs after $WARMUP warm-up"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null |
    sed 's/.*: //'), $(basename "$BUILD")/"
echo
printf '%-12s %10s %10s %10s %10s %12s %10s\n' benchmark "median ms" "min ms" "max ms" "MB/s" \
    "peak RSS MiB" "cpu ms"
printf '%-12s %10s %10s %10s %10s %12s %10s\n' ------------ ---------- ---------- ---------- \
    ---------- ------------ ----------

# The blobs the bmf_read rows decode, made once.
mkdir -p "$OUT"
"$MOFC" bmf --dialect=dmtf -Wno-key -o "$OUT/cim.bmf" "$CIM" &&
    "$MOFC" bmf --dialect=wmi --with wmi -Wno-key -Wno-valuemap -Wno-syntax \
        -o "$OUT/wmicore.bmf" "$WMICORE" ||
    echo "bench: the binary MOF inputs could not be written" >&2

failed=0
for entry in "${BENCHES[@]}"; do
    name=${entry%% *}
    cmd=${entry#"$name"}
    [[ -n ${BENCH_ONLY:-} && $name != *"$BENCH_ONLY"* ]] && continue
    eval "set -- $cmd"
    mkdir -p "$OUT"   # outputs of earlier rows stay until the end (see above)
    line=$("$RUSAGE" -n "$RUNS" -w "$WARMUP" -- "$@")
    declare -A r=()
    for kv in $line; do r[${kv%%=*}]=${kv#*=}; done
    if [[ -z ${r[median_ms]:-} ]]; then
        printf '%-12s FAILED (status %s): %s\n' "$name" "${r[status]:-?}" "$*"
        failed=1
        unset r
        continue
    fi
    note=
    if [[ ${r[status]} != 0 ]]; then
        note="  exit status ${r[status]}!"
        failed=1
    fi
    awk -v n="$name" -v med="${r[median_ms]}" -v min="${r[min_ms]}" -v max="${r[max_ms]}" \
        -v rss="${r[median_rss_kib]}" -v b="${ROW_BYTES[$name]:-$bytes}" -v note="$note" \
        -v usr="${r[median_user_ms]:-0}" -v sys="${r[median_sys_ms]:-0}" \
        'BEGIN { printf "%-12s %10.1f %10.1f %10.1f %10.2f %12.1f %10.1f%s\n",
                 n, med, min, max, b / 1e6 / (med / 1e3), rss / 1024, usr + sys, note }'
    unset r
done
# lsp_edit: `mofc lsp` with the schema loaded, one didChange of a class file
# to its publishDiagnostics (bench/lsp_edit.py; medians of 3 x BENCH_RUNS
# edits; MB/s is the schema's size over that time).
if [[ -z ${BENCH_ONLY:-} || lsp_edit == *"$BENCH_ONLY"* ]] && command -v python3 >/dev/null; then
    line=$(python3 "$ROOT/bench/lsp_edit.py" "$MOFC" "$CIM" "$RUNS")
    declare -A r=()
    for kv in $line; do r[${kv%%=*}]=${kv#*=}; done
    if [[ -z ${r[median_ms]:-} || ${r[status]:-1} != 0 ]]; then
        printf '%-12s FAILED\n' lsp_edit
        failed=1
    else
        awk -v med="${r[median_ms]}" -v min="${r[min_ms]}" -v max="${r[max_ms]}" \
            -v rss="${r[median_rss_kib]}" -v b="$bytes" \
            'BEGIN { printf "%-12s %10.1f %10.1f %10.1f %10.2f %12.1f\n",
                     "lsp_edit", med, min, max, b / 1e6 / (med / 1e3), rss / 1024 }'
        echo "lsp_edit: $((${r[n]})) edits; the server's CPU time per edit: ${r[cpu_ms]} ms (mean)"
    fi
    unset r
fi
# Startup: what a run costs when there is almost nothing to do -- loading
# the program and the built-in qualifier declarations.  More runs, since
# each is about a millisecond; the MB/s column does not apply.  "cpu ms" is
# the median user time plus the median system time.
SMALL="$ROOT/bench/small.mof"
SMALL_RUNS=${BENCH_SMALL_RUNS:-101}
STARTUP=(
    'version        "$MOFC" --version'
    'small_check    "$MOFC" check "$SMALL"'
)
echo
printf '%-12s %10s %10s %10s %10s   (%s runs)\n' startup "median ms" "min ms" "max ms" \
    "cpu ms" "$SMALL_RUNS"
for entry in "${STARTUP[@]}"; do
    name=${entry%% *}
    cmd=${entry#"$name"}
    [[ -n ${BENCH_ONLY:-} && $name != *"$BENCH_ONLY"* ]] && continue
    eval "set -- $cmd"
    line=$("$RUSAGE" -n "$SMALL_RUNS" -w 5 -- "$@")
    declare -A r=()
    for kv in $line; do r[${kv%%=*}]=${kv#*=}; done
    if [[ -z ${r[median_ms]:-} || ${r[status]:-1} != 0 ]]; then
        printf '%-12s FAILED (status %s): %s\n' "$name" "${r[status]:-?}" "$*"
        failed=1
    else
        awk -v n="$name" -v med="${r[median_ms]}" -v min="${r[min_ms]}" -v max="${r[max_ms]}" \
            -v u="${r[median_user_ms]}" -v s="${r[median_sys_ms]}" \
            'BEGIN { printf "%-12s %10.2f %10.2f %10.2f %10.2f\n", n, med, min, max, u + s }'
    fi
    unset r
done

rm -rf "$OUT"
((failed == 0)) || echo "bench: a command failed; its numbers are not trustworthy" >&2
exit $failed
