// extension.js - starts `mofc lsp` for MOF files and hands it the settings.
'use strict';

const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function options() {
  const c = vscode.workspace.getConfiguration('mofc');
  const init = {
    flags: c.get('flags', []),
    includeDirs: c.get('includeDirs', []),
    inputs: c.get('inputs', []),
  };
  const dialect = c.get('dialect', '');
  if (dialect) init.dialect = dialect;
  return init;
}

function activate(context) {
  const command = vscode.workspace.getConfiguration('mofc').get('path', 'mofc');
  const server = { command, args: ['lsp'] };
  client = new LanguageClient('mofc', 'mofc', { run: server, debug: server }, {
    documentSelector: [{ scheme: 'file', language: 'mof' }],
    initializationOptions: options(),
    synchronize: {
      fileEvents: vscode.workspace.createFileSystemWatcher('**/{*.mof,*.mfl,.mofc}'),
    },
  });
  context.subscriptions.push(vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration('mofc') && client)
      client.sendNotification('workspace/didChangeConfiguration', { settings: { mofc: options() } });
  }));
  client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
