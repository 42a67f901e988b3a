#!/bin/bash
# 70 files each including the next: the 65th level is refused.
set -u
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
for i in $(seq 0 69); do
    printf '#pragma include ("f%d.mof")\n' $((i + 1)) > "$dir/f$i.mof"
done
echo 'class Test_Deep { [Key] string Name; };' > "$dir/f70.mof"
out=$("$MOFC" check --color=never "$dir/f0.mof" 2>&1)
status=$?
[ $status -eq 1 ] || { echo "expected exit 1, got $status"; exit 1; }
echo "$out" | grep -q "f64.mof:1:18: error: includes nested deeper than 64 levels" ||
    { echo "missing depth error:"; echo "$out" | head -5; exit 1; }
[ "$(echo "$out" | grep -c 'error:')" -eq 1 ] || { echo "expected exactly one error"; exit 1; }
exit 0
