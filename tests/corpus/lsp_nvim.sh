#!/bin/bash
# A real client: headless Neovim (Debian's neovim, its built-in LSP client)
# opens CIM_LogRecord.mof of the full CIM schema through `mofc lsp` and gets
# the schema's -Wkey warning, a hover and a go-to-definition.
. "$MOFC_TESTLIB/common.sh"
need_corpus
command -v nvim >/dev/null || skip "needs nvim (Debian package neovim)"
schema=$MOFC_CORPUS/microsoft+omi/Unix/share/omischema
export MOFC MOFC_NVIM_OUT=$PWD/nvim.out MOFC_NVIM_ROOT=$schema \
    MOFC_NVIM_INPUT=$schema/CIM_Schema.mof \
    MOFC_NVIM_FILE=$schema/CIM-2.32.0/System/CIM_LogRecord.mof \
    MOFC_NVIM_HOVER=63:20 MOFC_NVIM_DEF=25:25
HOME=$PWD XDG_CONFIG_HOME=$PWD XDG_DATA_HOME=$PWD XDG_STATE_HOME=$PWD \
    timeout 90 nvim --headless --clean -n -c "luafile $MOFC_ROOT/tests/lsp/nvim_client.lua" \
    </dev/null >nvim.log 2>&1 || { cat nvim.log nvim.out >&2; fail "nvim failed"; }
expect() {
    grep -qF -- "$1" nvim.out || { cat nvim.out >&2; fail "nvim did not get: $1"; }
}
expect "initialized true"
expect "diagnostic 63:12 2 -Wkey key property 'CIM_LogRecord.MessageTimestamp' is datetime"
expect "hover datetime MessageTimestamp"
expect "hover Property of \`CIM_LogRecord\`"
# The server names files by their real path (the corpus may be a symlink).
expect "definition $(cd "$schema" && pwd -P)/CIM-2.32.0/System/CIM_RecordForLog.mof"
expect "stopped true"
[[ $(grep -c '^diagnostic' nvim.out) -eq 1 ]] || { cat nvim.out >&2; fail "expected one diagnostic"; }
exit 0
