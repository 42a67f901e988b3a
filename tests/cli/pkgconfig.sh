#!/bin/bash
# The installed mofc.pc: a program compiled and linked against libmofc with
# `pkg-config --cflags --libs --static mofc` alone, which then compiles a
# MOF and a CIM-XML document (libxml2 is loaded at run time, not linked).
. "$MOFC_TESTLIB/common.sh"
. "$MOFC_TESTLIB/install.sh"
command -v pkg-config >/dev/null || skip "no pkg-config"
command -v cc >/dev/null || skip "no C compiler"

install_mofc "$PWD/prefix"
pc=prefix/lib/pkgconfig/mofc.pc
[[ -f $pc ]] || fail "make install wrote no $pc"
grep -qx "prefix=$PWD/prefix" "$pc" || fail "prefix not substituted: $(cat "$pc")"
grep -q '^Libs.private:.*-pthread' "$pc" || fail "-pthread missing: $(cat "$pc")"
export PKG_CONFIG_PATH="$PWD/prefix/lib/pkgconfig"
[[ $(pkg-config --modversion mofc) == "$("$MOFC" --version | cut -d' ' -f2)" ]] ||
    fail "mofc.pc version $(pkg-config --modversion mofc) is not mofc's"
flags=$(pkg-config --cflags --libs --static mofc) || fail "pkg-config rejects mofc.pc"
[[ $flags == *-lmofc* && $flags == *-pthread* ]] || fail "flags lack -lmofc or -pthread: $flags"

cat >prog.c <<'C'
#include <stdio.h>
#include <string.h>
#include <mofc/mofc.h>

/* The classes of one compilation (a MOF buffer, or the file `path`). */
static size_t classes(const char *mof, const char *path)
{
    struct mofc_options o = {0};
    struct mofc *m = mofc_create(&o);
    if (mof)
        mofc_add_buffer(m, "prog.mof", mof, strlen(mof));
    else
        mofc_add_file(m, path);
    size_t n = mofc_compile(m) == 0 ? mofc_model(m)->nclasses : 0;
    mofc_destroy(m);
    return n;
}

int main(int argc, char **argv)
{
    const char *mof = "class Test_A { [Key] string Name; };\nclass Test_B : Test_A { };\n";
    printf("%zu %zu\n", classes(mof, NULL), argc > 1 ? classes(NULL, argv[1]) : 0);
    return 0;
}
C
printf 'class Test_X { [Key] string Name; };\nclass Test_Y : Test_X { };\nclass Test_Z : Test_Y { };\n' >x.mof
run_mofc xml -o x.xml x.mof
expect_status 0
san=
nm prefix/lib/libmofc.a 2>/dev/null | grep -q __asan_ && san=-fsanitize=address,undefined
# shellcheck disable=SC2086  # the flags are words
cc -std=c11 -Wall -Wextra -Werror $san prog.c -o prog $flags 2>cc.log || fail "link failed: $(cat cc.log)"
[[ $(./prog x.xml) == "2 3" ]] || fail "the program printed '$(./prog x.xml)', expected '2 3'"
exit 0
