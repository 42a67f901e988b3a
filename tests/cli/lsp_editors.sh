#!/bin/bash
# editors/: the VS Code package is consistent JSON whose TextMate grammar
# compiles and colours a MOF sample as intended, its client starts `mofc
# lsp` with the settings (under node, when there); the Neovim snippet
# (editors/nvim: ftdetect + require('mofc').autostart()) attaches headless
# Neovim's own client to `mofc lsp` and brings a diagnostic.
. "$MOFC_TESTLIB/common.sh"
command -v python3 >/dev/null || skip "needs python3"
python3 - "$MOFC_ROOT/editors/vscode" <<'PY' || fail "editors/vscode is inconsistent"
import json, os, re, sys
d = sys.argv[1]
pkg = json.load(open(os.path.join(d, "package.json")))
lang = pkg["contributes"]["languages"][0]
assert lang["id"] == "mof" and ".mof" in lang["extensions"], lang
json.load(open(os.path.join(d, lang["configuration"])))
g = pkg["contributes"]["grammars"][0]
assert g["language"] == "mof" and g["scopeName"] == "source.mof", g
assert os.path.exists(os.path.join(d, pkg["main"]))
gram = json.load(open(os.path.join(d, g["path"])))
assert gram["scopeName"] == "source.mof"
rules = {}
def walk(node, path):
    if isinstance(node, dict):
        for k in ("match", "begin", "end"):
            if k in node:
                rules[path + "/" + k] = re.compile(node[k])   # Oniguruma subset Python reads
        for k, v in node.items():
            walk(v, path + "/" + k)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            walk(v, f"{path}[{i}]")
walk(gram, "")
assert len(rules) > 20, len(rules)
# Every include names a repository rule.
for m in re.finditer(r'"include": "#([^"]+)"', open(os.path.join(d, g["path"])).read()):
    assert m.group(1) in gram["repository"], m.group(1)
cls = re.compile(gram["repository"]["declarations"]["patterns"][0]["match"])
m = cls.search("class CIM_Leaf : CIM_Base {")
assert m and m.group(2) == "CIM_Leaf" and m.group(4) == "CIM_Base", m
ref = re.compile(gram["repository"]["declarations"]["patterns"][3]["match"])
assert ref.search("  CIM_Base REF Antecedent;").group(1) == "CIM_Base"
assert re.search(gram["repository"]["types"]["match"], "  uint32 Count;")
assert not re.search(gram["repository"]["types"]["match"], "  uint320 Count;")
p = re.compile(gram["repository"]["pragma"]["begin"])
assert p.search('#pragma include ("x.mof")').group(3) == "include"
PY

# The extension's client, run by node against stand-ins for the vscode and
# vscode-languageclient modules: what it starts, with which settings.
if command -v node >/dev/null; then
    mkdir -p node_modules/vscode node_modules/vscode-languageclient
    cat >node_modules/vscode/index.js <<'JS'
const settings = { path: '/opt/bin/mofc', flags: ['-Wall'], dialect: 'wmi', includeDirs: ['inc'] };
module.exports = {
  workspace: {
    getConfiguration: () => ({ get: (k, d) => (k in settings ? settings[k] : d) }),
    createFileSystemWatcher: (glob) => ({ glob }),
    onDidChangeConfiguration: () => ({ dispose() {} }),
  },
};
JS
    cat >node_modules/vscode-languageclient/node.js <<'JS'
class LanguageClient {
  constructor(id, name, server, client) { Object.assign(this, { id, name, server, client }); LanguageClient.made = this; }
  start() { this.started = true; }
  stop() {}
}
module.exports = { LanguageClient };
JS
    NODE_PATH=$PWD/node_modules node -e '
const ext = require(process.argv[1]);
const ctx = { subscriptions: [] };
ext.activate(ctx);
const c = require("vscode-languageclient/node").LanguageClient.made;
const want = (cond, what) => { if (!cond) { console.error("extension.js: " + what, JSON.stringify(c)); process.exit(1); } };
want(c && c.started, "client not started");
want(c.server.run.command === "/opt/bin/mofc" && c.server.run.args.join() === "lsp", "server command");
want(c.client.documentSelector[0].language === "mof", "document selector");
const io = c.client.initializationOptions;
want(io.flags.join() === "-Wall" && io.dialect === "wmi" && io.includeDirs.join() === "inc", "settings");
want(ctx.subscriptions.length === 1, "configuration listener");
' "$MOFC_ROOT/editors/vscode/extension.js" || fail "editors/vscode/extension.js"
fi

command -v nvim >/dev/null || skip "needs nvim (Debian package neovim) for the Neovim part"
cat >a.mof <<'MOF'
class Test_A : Test_Bsae {
    [Key] string Name;
};
MOF
cat >init.lua <<LUA
vim.opt.runtimepath:prepend('$MOFC_ROOT/editors/nvim')
require('mofc').autostart({ cmd = { '$MOFC', 'lsp' } })
LUA
cat >probe.lua <<'LUA'
local out = io.open('nvim.out', 'w')
vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 20)
out:write('filetype ', vim.bo.filetype, '\n')
for _, d in ipairs(vim.diagnostic.get(0)) do
  out:write('diagnostic ', d.lnum, ':', d.col, ' ', tostring(d.code), '\n')
end
out:close()
for _, c in ipairs(vim.lsp.get_active_clients()) do c.stop() end
vim.wait(5000, function() return #vim.lsp.get_active_clients() == 0 end, 20)
vim.cmd('qa!')
LUA
HOME=$PWD XDG_CONFIG_HOME=$PWD XDG_DATA_HOME=$PWD XDG_STATE_HOME=$PWD \
    timeout 60 nvim --headless --noplugin -n -u init.lua \
    --cmd "set rtp^=$MOFC_ROOT/editors/nvim" a.mof -c 'luafile probe.lua' \
    </dev/null >nvim.log 2>&1 || { cat nvim.log >&2; fail "nvim failed"; }
grep -qx 'filetype mof' nvim.out || { cat nvim.out nvim.log >&2; fail "ftdetect did not set mof"; }
grep -qx 'diagnostic 0:15 superclass-not-found' nvim.out ||
    { cat nvim.out nvim.log >&2; fail "no diagnostic through editors/nvim"; }
exit 0
