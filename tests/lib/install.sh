# install.sh - `make install` of the mofc under test into a scratch prefix,
# for the tests of what is installed (CMake package, pkg-config, man page).
#
#     . "$MOFC_TESTLIB/install.sh"
#     install_mofc "$PWD/prefix"      (fails the test if make install does)

install_mofc() { # prefix
    command -v make >/dev/null || skip "no make"
    make -s -C "$MOFC_ROOT" B="$MOFC_BUILD" PREFIX="$1" install >install.log 2>&1 ||
        fail "make install failed: $(tail -n 20 install.log)"
    [[ -x $1/bin/mofc ]] || fail "make install: no $1/bin/mofc"
}
