Content-Length: x

{}Content-Length: 147

{"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}, "rootUri": null, "initializationOptions": {"flags": ["-Wall"]}}}Content-Length: 5

[1,2]Content-Length: 3

{"aContent-Length: 47

{"jsonrpc": "2.0", "id": "s", "method": "nope"}Content-Length: 99999999999

