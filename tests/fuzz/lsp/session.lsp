Content-Length: 147

{"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}, "rootUri": null, "initializationOptions": {"flags": ["-Wall"]}}}Content-Length: 343

{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file:///fuzz/a.mof", "languageId": "mof", "version": 1, "text": "class Test_A : Test_Bsae {\n  [Key, ValueMap{\"1\"}, Values{\"One\"}] uint32 Id;\n  uint32 M([In] string S);\n};\ninstance of Test_A as $a { Id = 1; };\n#pragma include (\"none.mof\")\n"}}}Content-Length: 202

{"jsonrpc": "2.0", "id": 10, "method": "textDocument/hover", "params": {"textDocument": {"uri": "file:///fuzz/a.mof"}, "position": {"line": 1, "character": 45}, "context": {"includeDeclaration": true}}}Content-Length: 207

{"jsonrpc": "2.0", "id": 11, "method": "textDocument/definition", "params": {"textDocument": {"uri": "file:///fuzz/a.mof"}, "position": {"line": 0, "character": 18}, "context": {"includeDeclaration": true}}}Content-Length: 206

{"jsonrpc": "2.0", "id": 12, "method": "textDocument/references", "params": {"textDocument": {"uri": "file:///fuzz/a.mof"}, "position": {"line": 0, "character": 8}, "context": {"includeDeclaration": true}}}Content-Length: 206

{"jsonrpc": "2.0", "id": 13, "method": "textDocument/completion", "params": {"textDocument": {"uri": "file:///fuzz/a.mof"}, "position": {"line": 1, "character": 3}, "context": {"includeDeclaration": true}}}Content-Length: 210

{"jsonrpc": "2.0", "id": 14, "method": "textDocument/documentSymbol", "params": {"textDocument": {"uri": "file:///fuzz/a.mof"}, "position": {"line": 0, "character": 0}, "context": {"includeDeclaration": true}}}Content-Length: 252

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///fuzz/a.mof", "version": 2}, "contentChanges": [{"range": {"start": {"line": 0, "character": 19}, "end": {"line": 0, "character": 23}}, "text": "Base"}]}}Content-Length: 202

{"jsonrpc": "2.0", "id": 10, "method": "textDocument/hover", "params": {"textDocument": {"uri": "file:///fuzz/a.mof"}, "position": {"line": 1, "character": 45}, "context": {"includeDeclaration": true}}}Content-Length: 207

{"jsonrpc": "2.0", "id": 11, "method": "textDocument/definition", "params": {"textDocument": {"uri": "file:///fuzz/a.mof"}, "position": {"line": 0, "character": 18}, "context": {"includeDeclaration": true}}}Content-Length: 206

{"jsonrpc": "2.0", "id": 12, "method": "textDocument/references", "params": {"textDocument": {"uri": "file:///fuzz/a.mof"}, "position": {"line": 0, "character": 8}, "context": {"includeDeclaration": true}}}Content-Length: 206

{"jsonrpc": "2.0", "id": 13, "method": "textDocument/completion", "params": {"textDocument": {"uri": "file:///fuzz/a.mof"}, "position": {"line": 1, "character": 3}, "context": {"includeDeclaration": true}}}Content-Length: 210

{"jsonrpc": "2.0", "id": 14, "method": "textDocument/documentSymbol", "params": {"textDocument": {"uri": "file:///fuzz/a.mof"}, "position": {"line": 0, "character": 0}, "context": {"includeDeclaration": true}}}Content-Length: 50

{"jsonrpc": "2.0", "id": 99, "method": "shutdown"}Content-Length: 36

{"jsonrpc": "2.0", "method": "exit"}