#!/bin/bash
# The installed mofc.pc: a program compiled and linked against libmofc with
# `pkg-config --cflags --libs --static mofc` alone, which then compiles a MOF.
. "$MOFC_TESTLIB/common.sh"
. "$MOFC_TESTLIB/install.sh"
command -v pkg-config >/dev/null || skip "no pkg-config"
command -v cc >/dev/null || skip "no C compiler"

install_mofc "$PWD/prefix"
pc=prefix/lib/pkgconfig/mofc.pc
[[ -f $pc ]] || fail "make install wrote no $pc"
grep -qx "prefix=$PWD/prefix" "$pc" || fail "prefix not substituted: $(cat "$pc")"
grep -q '^Requires.private:.*libxml-2.0' "$pc" || fail "libxml-2.0 missing: $(cat "$pc")"
grep -q '^Libs.private:.*-pthread' "$pc" || fail "-pthread missing: $(cat "$pc")"
export PKG_CONFIG_PATH="$PWD/prefix/lib/pkgconfig"
[[ $(pkg-config --modversion mofc) == "$("$MOFC" --version | cut -d' ' -f2)" ]] ||
    fail "mofc.pc version $(pkg-config --modversion mofc) is not mofc's"
flags=$(pkg-config --cflags --libs --static mofc) || fail "pkg-config rejects mofc.pc"
[[ $flags == *-lmofc* && $flags == *-lxml2* ]] || fail "flags lack -lmofc or -lxml2: $flags"

cat >prog.c <<'C'
#include <stdio.h>
#include <string.h>
#include <mofc/mofc.h>

int main(void)
{
    const char *mof = "class Test_A { [Key] string Name; };\nclass Test_B : Test_A { };\n";
    struct mofc_options o = {0};
    struct mofc *m = mofc_create(&o);
    mofc_add_buffer(m, "prog.mof", mof, strlen(mof));
    int rc = mofc_compile(m);
    const struct mofc_model *model = mofc_model(m);
    printf("%d %zu\n", rc, model ? model->nclasses : 0);
    mofc_destroy(m);
    return rc;
}
C
san=
nm prefix/lib/libmofc.a 2>/dev/null | grep -q __asan_ && san=-fsanitize=address,undefined
# shellcheck disable=SC2086  # the flags are words
cc -std=c11 -Wall -Wextra -Werror $san prog.c -o prog $flags 2>cc.log || fail "link failed: $(cat cc.log)"
[[ $(./prog) == "0 2" ]] || fail "the program printed '$(./prog)', expected '0 2'"
exit 0
