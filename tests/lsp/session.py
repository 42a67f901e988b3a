"""session.py MOFC - a whole `mofc lsp` session from a scripted client:
settings from .mofc, diagnostics (codes, notes as relatedInformation,
-W settings), hover, definition, declaration, references, symbols,
completion, quick fixes, incremental edits, shutdown and exit.
Run in an empty scratch directory; exit status 0 = pass."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lspclient import Client, uri  # noqa: E402

mofc = sys.argv[1]
root = os.path.abspath("ws")
os.makedirs(root + "/sub", exist_ok=True)
files = {
    ".mofc": "# flags as on the command line, one per line\n-Werror=range\n-I\nsub\nroot.mof\n",
    "root.mof": '#pragma include ("quals.mof")\n#pragma include ("base.mof")\n'
                '#pragma include ("leaf.mof")\n',
    "sub/quals.mof": 'Qualifier Color : string = null, Scope(property);\n',
    "base.mof": 'class Test_Base {\n'
                '    [Key, Description("The identity.")] string Name;\n'
                '    [ValueMap {"1", "2", "3"}, Values {"One", "Two", "Three"},\n'
                '     Description("How many.")] uint16 Count;\n'
                '    [MaxLen(2)] string Short = "abc";\n'
                '    uint32 Start([In] uint32 Mode);\n'
                '};\n',
    "leaf.mof": 'class Test_Leaf : Test_Bsae {\n'
                '    [Color("red")] uint32 Size;\n'
                '};\n'
                'class Test_Leaf2 : Test_Base {\n'
                '    string Name;\n'
                '};\n'
                'instance of Test_Base as $B { Name = "b"; Count = 2; };\n',
}
for name, text in files.items():
    with open(os.path.join(root, name), "w") as f:
        f.write(text)
P = lambda name: os.path.join(root, name)  # noqa: E731
U = lambda name: uri(P(name))  # noqa: E731


def at(name, line, char):
    return {"textDocument": {"uri": U(name)}, "position": {"line": line, "character": char}}


def check(cond, what):
    if not cond:
        print("FAIL:", what)
        sys.exit(1)


c = Client(mofc)
try:
    init = c.initialize(root)
    caps = init["result"]["capabilities"]
    check(caps["textDocumentSync"]["change"] == 2, "incremental sync")
    check(caps["hoverProvider"] and caps["definitionProvider"], "capabilities")

    c.open(P("leaf.mof"))
    _, diags = c.diagnostics(U("leaf.mof"))
    codes = sorted(d.get("code") for d in diags)
    check("superclass-not-found" in codes, f"superclass error: {diags}")
    sup = [d for d in diags if d["code"] == "superclass-not-found"][0]
    check(sup["range"] == {"start": {"line": 0, "character": 18},
                           "end": {"line": 0, "character": 27}}, f"range {sup}")
    check(sup["severity"] == 1 and "did you mean 'Test_Base'" in sup["message"], sup)
    # Test_Leaf2.Name hides Test_Base.Name without Override (an error in
    # the DMTF dialect); its note is relatedInformation.
    ov = [d for d in diags if d["data"]["id"] == "missing-override"]
    check(len(ov) == 1 and ov[0]["code"] == "missing-override", f"override error {diags}")
    rel = ov[0]["relatedInformation"][0]
    check(rel["location"]["uri"] == U("base.mof") and
          rel["location"]["range"]["start"] == {"line": 1, "character": 47} and
          "declared here" in rel["message"], rel)
    # The warning in base.mof, made an error by -Werror=range in .mofc.
    _, bdiags = c.diagnostics(U("base.mof"))
    check(len(bdiags) == 1 and bdiags[0]["code"] == "-Wrange" and bdiags[0]["severity"] == 1,
          f"range error from .mofc: {bdiags}")

    # Quick fixes: did-you-mean and Override.
    r = c.request("textDocument/codeAction", {
        "textDocument": {"uri": U("leaf.mof")}, "range": sup["range"],
        "context": {"diagnostics": [sup, ov[0]]}})["result"]
    titles = [a["title"] for a in r]
    check("Change to 'Test_Base'" in titles and "Add Override" in titles, titles)
    fix = [a for a in r if a["title"] == "Change to 'Test_Base'"][0]
    check(fix["edit"]["changes"][U("leaf.mof")][0]["newText"] == "Test_Base", fix)
    addo = [a for a in r if a["title"] == "Add Override"][0]
    check(addo["edit"]["changes"][U("leaf.mof")][0]["newText"] == '[Override("Name")] ', addo)

    # Incremental edit: fix the typo (replace "Bsae" by "Base").
    c.notify("textDocument/didChange", {
        "textDocument": {"uri": U("leaf.mof"), "version": 2},
        "contentChanges": [{"range": {"start": {"line": 0, "character": 23},
                                      "end": {"line": 0, "character": 27}}, "text": "Base"}]})
    _, diags = c.diagnostics(U("leaf.mof"))
    check(not any(d["code"] == "superclass-not-found" for d in diags), f"fixed: {diags}")

    # Hover: a property's type, qualifiers, description, values, origin.
    h = c.request("textDocument/hover", at("leaf.mof", 6, 44))["result"]
    text = h["contents"]["value"]
    for want in ["uint16 Count", "How many.", "| 2 | Two |", "Property of `Test_Base`"]:
        check(want in text, f"hover lacks {want!r}: {text}")
    h = c.request("textDocument/hover", at("leaf.mof", 0, 20))["result"]["contents"]["value"]
    check("class Test_Base" in h and "The identity" not in h, h)
    h = c.request("textDocument/hover", at("leaf.mof", 1, 6))["result"]["contents"]["value"]
    check('`Color("red")` on `Size`' in h and "Qualifier Color : string" in h and
          "Scope(property)" in h, h)

    # Definition: superclass, qualifier declaration, include target,
    # property of an instance, alias-free overridden member.
    d = c.request("textDocument/definition", at("leaf.mof", 0, 20))["result"]
    check(d["uri"] == U("base.mof") and d["range"]["start"] == {"line": 0, "character": 6}, d)
    d = c.request("textDocument/definition", at("leaf.mof", 1, 7))["result"]
    check(d["uri"] == U("sub/quals.mof") and d["range"]["start"]["line"] == 0, d)
    d = c.request("textDocument/definition", at("root.mof", 1, 5))["result"]
    check(d["uri"] == U("base.mof"), d)
    d = c.request("textDocument/definition", at("leaf.mof", 6, 31))["result"]
    check(d["uri"] == U("base.mof") and d["range"]["start"]["line"] == 1, d)
    # Test_Leaf2.Name overrides Test_Base.Name: definition goes there,
    # declaration stays.
    d = c.request("textDocument/definition", at("leaf.mof", 4, 12))["result"]
    check(d["uri"] == U("base.mof") and d["range"]["start"]["line"] == 1, d)
    d = c.request("textDocument/declaration", at("leaf.mof", 4, 12))["result"]
    check(d["uri"] == U("leaf.mof") and d["range"]["start"]["line"] == 4, d)

    # References of Test_Base: its declaration, two superclass uses, the instance.
    refs = c.request("textDocument/references", {**at("base.mof", 0, 8),
                                                  "context": {"includeDeclaration": True}})
    locs = sorted((r["uri"].rsplit("/", 1)[1], r["range"]["start"]["line"])
                  for r in refs["result"])
    check(locs == [("base.mof", 0), ("leaf.mof", 0), ("leaf.mof", 3), ("leaf.mof", 6)], locs)

    syms = c.request("textDocument/documentSymbol", {"textDocument": {"uri": U("base.mof")}})
    names = [(s["name"], s["kind"]) for s in syms["result"]]
    check(("Test_Base", 5) in names and ("Count", 7) in names and ("Start", 6) in names, names)
    # With hierarchicalDocumentSymbolSupport: classes hold their members.
    # The workspace is opened through a symbolic link: the server answers
    # with the URIs the client used.
    os.symlink(root, "wslink")
    link = os.path.abspath("wslink")
    c2 = Client(mofc)
    try:
        c2.request("initialize", {"capabilities": {"textDocument": {"documentSymbol": {
            "hierarchicalDocumentSymbolSupport": True}}}, "rootUri": uri(link)})
        c2.open(link + "/base.mof")
        _, bd = c2.diagnostics(uri(link + "/base.mof"))
        check(len(bd) == 1 and bd[0]["code"] == "-Wrange", bd)
        tree = c2.request("textDocument/documentSymbol",
                          {"textDocument": {"uri": uri(link + "/base.mof")}})["result"]
        check([(t["name"], [k["name"] for k in t["children"]]) for t in tree] ==
              [("Test_Base", ["Name", "Count", "Short", "Start"])], tree)
        check(tree[0]["range"]["end"]["line"] == 5 and
              tree[0]["selectionRange"]["start"] == {"line": 0, "character": 6}, tree)
    finally:
        c2.close()
    # Dialect and packs from initializationOptions (no workspace root).
    for opts, want in (({"dialect": "wmi", "packs": ["wmi"]}, 0), ({}, 1)):
        c3 = Client(mofc)
        try:
            c3.initialize(None, opts)
            c3.open(os.path.abspath("ev.mof"), "class Test_E : __ExtrinsicEvent {\n};\n")
            _, ed = c3.diagnostics(uri(os.path.abspath("ev.mof")))
            check(len(ed) == want, (opts, ed))
            check(want == 0 or "add --with wmi" in ed[0]["message"], ed)
        finally:
            c3.close()
    ws = c.request("workspace/symbol", {"query": "leaf"})["result"]
    check(sorted(s["name"] for s in ws) == ["Test_Leaf", "Test_Leaf2"], ws)

    # Completion: qualifiers of the property scope, ValueMap values, pragmas.
    c.notify("textDocument/didChange", {
        "textDocument": {"uri": U("leaf.mof"), "version": 3},
        "contentChanges": [{"range": {"start": {"line": 7, "character": 0},
                                      "end": {"line": 7, "character": 0}},
                            "text": "class Test_C {\n    [\n};\n"
                                    "instance of Test_Base { Count = ; };\n#pragma \n"}]})
    c.diagnostics(U("leaf.mof"))
    items = c.request("textDocument/completion", at("leaf.mof", 8, 5))["result"]
    labels = {i["label"]: i.get("detail") for i in items}
    check("Color" in labels and labels["Color"] == "string qualifier" and "Key" in labels, labels)
    check("Association" not in labels, "class-only qualifier offered on a property")
    items = c.request("textDocument/completion", at("leaf.mof", 10, 32))["result"]
    check([(i["label"], i.get("detail")) for i in items] ==
          [("1", "One"), ("2", "Two"), ("3", "Three")], items)
    items = c.request("textDocument/completion", at("leaf.mof", 11, 8))["result"]
    check("include" in [i["label"] for i in items], items)

    # A file changed on disk (not open) is read again when the client says so.
    with open(P("sub/quals.mof"), "w") as f:
        f.write("Qualifier Color : uint32 = null, Scope(property);\n")
    c.notify("workspace/didChangeWatchedFiles",
             {"changes": [{"uri": U("sub/quals.mof"), "type": 2}]})
    _, diags = c.diagnostics(U("leaf.mof"))
    check(any("Color" in d["message"] and d["range"]["start"]["line"] == 1 for d in diags), diags)

    # Closing goes back to the file on disk (the typo again).
    c.notify("textDocument/didClose", {"textDocument": {"uri": U("leaf.mof")}})
    _, diags = c.diagnostics(U("leaf.mof"))
    check(any(d["code"] == "superclass-not-found" for d in diags), diags)

    # Columns are UTF-16 code units both ways: U+1F600 takes two.
    utext = "/* \U0001F600 */ class Test_U : Test_Nope {\n};\n"
    c.open(P("u.mof"), utext)
    _, diags = c.diagnostics(U("u.mof"))
    col = len("/* \U0001F600 */ class Test_U : ".encode("utf-16-le")) // 2
    check(len(diags) == 1 and diags[0]["range"]["start"] == {"line": 0, "character": col} and
          diags[0]["range"]["end"]["character"] == col + 9, diags)
    d = c.request("textDocument/definition", at("u.mof", 0, col - 6))["result"]
    check(d is None or d["range"]["start"]["character"] == col - 9, d)

    # Aliases: did-you-mean keeps the '$'; definition goes to `as $first`.
    atext = ('[Association] class Test_Assoc { [Key] Test_Base REF A; [Key] Test_Base REF B; };\n'
             'instance of Test_Base as $first { Name = "a"; };\n'
             'instance of Test_Assoc { A = $firts; B = $first; };\n')
    c.open(P("al.mof"), atext)
    _, diags = c.diagnostics(U("al.mof"))
    bad = [d for d in diags if "did you mean '$first'" in d["message"]]
    check(len(bad) == 1 and bad[0]["range"]["start"] == {"line": 2, "character": 29}, diags)
    r = c.request("textDocument/codeAction", {
        "textDocument": {"uri": U("al.mof")}, "range": bad[0]["range"],
        "context": {"diagnostics": bad}})["result"]
    check(r and r[0]["edit"]["changes"][U("al.mof")][0]["newText"] == "$first", r)
    c.notify("textDocument/didChange", {
        "textDocument": {"uri": U("al.mof"), "version": 2},
        "contentChanges": [{"text": atext.replace("$firts", "$first")}]})
    _, diags = c.diagnostics(U("al.mof"))
    check(not diags, diags)
    d = c.request("textDocument/definition", at("al.mof", 2, 31))["result"]
    check(d and d["uri"] == U("al.mof") and
          d["range"]["start"] == {"line": 1, "character": 25}, d)

    # A missing ';': the fix goes right after the text before the error.
    c.open(P("semi.mof"), "class Test_S {\n    uint32 X\n\n    uint32 Y;\n};\n")
    _, diags = c.diagnostics(U("semi.mof"))
    check(diags and "expected" in diags[0]["message"], diags)
    r = c.request("textDocument/codeAction", {
        "textDocument": {"uri": U("semi.mof")}, "range": diags[0]["range"],
        "context": {"diagnostics": diags[:1]}})["result"]
    ins = [a for a in r if a["title"] == "Insert ';'"]
    check(len(ins) == 1, r)
    edit = ins[0]["edit"]["changes"][U("semi.mof")][0]
    check(edit["newText"] == ";" and edit["range"]["start"] == {"line": 1, "character": 12}, edit)

    # New settings: an input that cannot be read is shown to the user once.
    c.notify("workspace/didChangeConfiguration",
             {"settings": {"mofc": {"inputs": ["missing.mof"]}}})
    _, m = c.wait_for(lambda m: m.get("method") == "window/showMessage")
    check(m["params"]["type"] == 1 and "cannot read" in m["params"]["message"] and
          "missing.mof" in m["params"]["message"], m)

    resp, rc = c.shutdown()
    check(resp.get("result", "missing") is None and rc == 0, (resp, rc))
finally:
    c.close()
print("ok")
