// Starts fim-lint-language-server for YAML files; the server itself decides which of them are recipes.
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function serverCommand() {
  const configured = vscode.workspace.getConfiguration('fim-lint').get('serverPath');
  if (configured) return configured;
  // A workspace's own node_modules is a program the repository chose: run it only in a trusted workspace.
  for (const folder of vscode.workspace.isTrusted ? (vscode.workspace.workspaceFolders ?? []) : []) {
    const local = join(folder.uri.fsPath, 'node_modules', '.bin', 'fim-lint-language-server');
    if (existsSync(local)) return local;
  }
  return 'fim-lint-language-server';
}

async function activate(context) {
  const settings = vscode.workspace.getConfiguration('fim-lint');
  const server = { command: serverCommand(), args: ['--stdio'], transport: TransportKind.stdio };
  client = new LanguageClient(
    'fim-lint',
    'fim-lint',
    { run: server, debug: server },
    {
      documentSelector: [{ scheme: 'file', language: 'yaml' }, { scheme: 'untitled', language: 'yaml' }],
      initializationOptions: { shellcheck: settings.get('shellcheck'), shellcheckPath: settings.get('shellcheckPath') },
    },
  );
  context.subscriptions.push(client);
  await client.start();
}

function deactivate() {
  return client?.stop();
}

module.exports = { activate, deactivate };
