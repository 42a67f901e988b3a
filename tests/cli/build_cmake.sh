#!/bin/bash
# The installed CMake package: find_package(Mofc) and mofc_generate(), with
# the Ninja and the Makefile generators.  A first build runs mofc once per
# call and builds a program from the generated C; a second runs nothing;
# touching a MOF, an included file or a template reruns exactly the calls
# that read it, once.  The installed mofc is wrapped to log its runs.
. "$MOFC_TESTLIB/common.sh"
# File times advance by the kernel's clock tick (up to 10 ms): a file
# touched right after mofc ran could get the stamp's very time.
bump() { sleep 0.02; touch "$@"; }
. "$MOFC_TESTLIB/install.sh"
command -v cmake >/dev/null || skip "no cmake"
command -v cc >/dev/null || skip "no C compiler"

install_mofc "$PWD/prefix"
mv prefix/bin/mofc prefix/bin/mofc.real
cat >prefix/bin/mofc <<SH
#!/bin/bash
# Configure-time --list-outputs runs are not builds: not counted.
[[ " \$* " == *" --list-outputs "* ]] || echo "\$1" >>"$PWD/runs.log"
exec "$PWD/prefix/bin/mofc.real" "\$@"
SH
chmod +x prefix/bin/mofc

mkdir -p src/tpl
printf '#pragma include ("base.mof")\nclass Test_Leaf : Test_Base { string Extra; };\n' >src/schema.mof
printf 'class Test_Base { [Key] string Name; };\n' >src/base.mof
cat >src/tpl/all.h.tpl <<'TPL'
{{{banner}}}
/* cim_classes.h from the project's own template */
#include "cim_runtime.h"
{{#classes}}
#include "{{name}}.h"
{{/classes}}
TPL
cat >src/main.c <<'C'
#include <stdio.h>
#include "cim_classes.h"
int main(void)
{
    Test_Leaf leaf;
    Test_Leaf_init(&leaf);
    leaf.Name = "n";
    printf("%s %zu\n", leaf.descriptor_->name, leaf.descriptor_->nproperties);
    return 0;
}
C
cat >src/uselib.c <<'C'
#include <mofc/mofc.h>
int main(void)
{
    struct mofc_options o = {0};
    struct mofc *m = mofc_create(&o);
    mofc_add_buffer(m, "t.mof", "class T_A { [Key] string K; };", 30);
    int rc = mofc_compile(m);
    mofc_destroy(m);
    return rc;
}
C
cat >src/CMakeLists.txt <<'CM'
# An older minimum than the package's 3.20: its policies stay its own.
cmake_minimum_required(VERSION 3.13)
project(mofc_demo C)
# MofcConfigVersion.cmake: a newer version than the installed one is refused.
find_package(Mofc 9.0 QUIET)
if(Mofc_FOUND)
  message(FATAL_ERROR "find_package(Mofc 9.0) accepted mofc ${Mofc_VERSION}")
endif()
find_package(Mofc 0.1 REQUIRED)

add_library(schema STATIC)
mofc_generate(TARGET schema LANGUAGE c MOF_FILES schema.mof OUT_DIR gen
              OPTIONS --template-dir ${CMAKE_CURRENT_SOURCE_DIR}/tpl OUTPUTS_VAR generated)
mofc_generate(TARGET pages LANGUAGE doc MOF_FILES schema.mof OUT_DIR pages)
add_executable(demo main.c)
target_link_libraries(demo PRIVATE schema)

add_executable(uselib uselib.c)
target_link_libraries(uselib PRIVATE Mofc::libmofc)
list(LENGTH generated count)
message(STATUS "mofc_generate: ${count} files")
CM

# build DIR EXPECTED-RUNS WHAT: as in build_make.sh, for one build tree.
build() {
    local dir=$1 want=$2 got
    : >runs.log
    cmake --build "$dir" >build.log 2>&1 || fail "$3: build failed: $(tail -n 30 build.log)"
    got=$(sort runs.log | tr '\n' ' ' | sed 's/ $//')
    [[ $got == "$want" ]] || fail "$3 ($dir): mofc runs '$got', expected '$want'"
    : >runs.log
    cmake --build "$dir" >build.log 2>&1 || fail "$3: second build failed: $(tail -n 30 build.log)"
    [[ ! -s runs.log ]] || fail "$3 ($dir): a second build ran mofc again: $(tr '\n' ' ' <runs.log)"
}

# What mofc_generate must declare: the files mofc c writes there.
nout=$("$MOFC" c --list-outputs -o gen --template-dir src/tpl src/schema.mof | wc -l)
((nout >= 6)) || fail "mofc c --list-outputs listed $nout files"
generators=("Unix Makefiles")
if command -v ninja >/dev/null; then generators+=(Ninja); else echo "no ninja: Makefiles only"; fi
n=0
for gen in "${generators[@]}"; do
    n=$((n + 1))
    dir=b$n
    cmake -S src -B $dir -G "$gen" -DCMAKE_PREFIX_PATH="$PWD/prefix" \
        -DCMAKE_C_FLAGS="$(nm prefix/lib/libmofc.a 2>/dev/null | grep -q __asan_ &&
            echo -fsanitize=address,undefined)" >configure.log 2>&1 ||
        fail "cmake ($gen) failed: $(tail -n 30 configure.log)"
    grep -q "mofc_generate: $nout files" configure.log || fail "outputs not listed: $(cat configure.log)"
    grep -q 'CMake Warning' configure.log && fail "$gen: cmake warned: $(cat configure.log)"
    build $dir "c doc" "$gen: first build"
    [[ $($dir/demo) == "Test_Leaf 2" ]] || fail "$gen: demo printed '$($dir/demo)'"
    $dir/uselib || fail "$gen: the program linked against Mofc::libmofc failed"
    [[ -f $dir/pages/index.md ]] || fail "$gen: no pages"
    build $dir "" "$gen: nothing changed"
    bump src/schema.mof
    build $dir "c doc" "$gen: schema.mof touched"
    bump src/base.mof
    build $dir "c doc" "$gen: included base.mof touched"
    bump src/tpl/all.h.tpl
    build $dir "c" "$gen: template touched"
done
exit 0
