Content-Length: 73

{"jsonrpc": "2.0", "id": 1, "method": "textDocument/hover", "params": {}}Content-Length: 343

{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file:///fuzz/a.mof", "languageId": "mof", "version": 1, "text": "class Test_A : Test_Bsae {\n  [Key, ValueMap{\"1\"}, Values{\"One\"}] uint32 Id;\n  uint32 M([In] string S);\n};\ninstance of Test_A as $a { Id = 1; };\n#pragma include (\"none.mof\")\n"}}}Content-Length: 147

{"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}, "rootUri": null, "initializationOptions": {"flags": ["-Wall"]}}}Content-Length: 83

{"jsonrpc": "2.0", "id": 2, "method": "workspace/symbol", "params": {"query": "a"}}