/**
 * The VS Code client: starts the language server and registers the commands. Nothing else lives here.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { registerDecoderCommands } from './decoderPanel';

let client: LanguageClient | undefined;

/** The documents the server analyses: scripts and the three markup languages. */
const documentSelector = ['javascript', 'typescript', 'javascriptreact', 'typescriptreact', 'wxml', 'axml', 'ttml'].map(
  (language) => ({ language }),
);

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Mini Program User Info', { log: true });
  context.subscriptions.push(output);

  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    outputChannel: output,
    synchronize: {
      configurationSection: 'miniprogramUserInfo',
      // Markup and project configuration edits change what the scripts' diagnostics say.
      fileEvents: vscode.workspace.createFileSystemWatcher(
        '**/{*.wxml,*.axml,*.ttml,project.config.json,app.js,app.ts,.mp-userinfo.json}',
      ),
    },
    initializationOptions: { locale: vscode.env.language },
  };

  client = new LanguageClient('miniprogramUserInfo', 'Mini Program User Info', serverOptions, clientOptions);

  const status = vscode.languages.createLanguageStatusItem('miniprogramUserInfo.status', documentSelector);
  status.name = 'Mini Program User Info';
  status.text = '$(loading~spin) mp-userinfo';
  status.command = { title: 'Show Output', command: 'miniprogramUserInfo.showOutput' };
  context.subscriptions.push(
    status,
    vscode.commands.registerCommand('miniprogramUserInfo.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('miniprogramUserInfo.restartServer', async () => {
      await client?.restart();
    }),
  );

  registerDecoderCommands(context);

  try {
    await client.start();
    status.text = '$(check) mp-userinfo';
    status.detail = 'Checking user-info API calls';
  } catch (error) {
    status.text = '$(error) mp-userinfo';
    status.severity = vscode.LanguageStatusSeverity.Error;
    output.error(`The language server did not start: ${String(error)}`);
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
