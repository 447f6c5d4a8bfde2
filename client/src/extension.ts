/**
 * The VS Code client: starts the language server and registers the commands. Nothing else lives here.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  TransportKind,
  type ErrorHandler,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { registerDecoderCommands } from './decoderPanel';
import { ServerRestartPolicy } from './serverRestart';

let client: LanguageClient | undefined;

/** The documents the server analyses: scripts, the three markup languages and Vue single-file components. */
const documentSelector = ['javascript', 'typescript', 'javascriptreact', 'typescriptreact', 'wxml', 'axml', 'ttml', 'vue'].map(
  (language) => ({ language }),
);

/** The files the server is told about when they change on disk (test/unit/fileWatcher.test.ts holds it to the index). */
const watchedFiles =
  '**/{*.wxml,*.axml,*.ttml,app.js,app.ts,app.jsx,app.tsx,App.vue,main.js,main.ts,manifest.json,pages.json,project.config.json,project.private.config.json,mini.project.json,project.tt.json,app.json,package.json,.mp-userinfo.json}';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Mini Program User Info', { log: true });
  context.subscriptions.push(output);

  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  // Restart a crashed server, and say so once (the default handler restarts silently, then gives up loudly).
  const restartPolicy = new ServerRestartPolicy();
  const errorHandler: ErrorHandler = {
    error: (_error, _message, count) => ({
      action: restartPolicy.error(count) === 'continue' ? ErrorAction.Continue : ErrorAction.Shutdown,
      handled: true,
    }),
    closed: () => {
      const decision = restartPolicy.closed();
      output.warn(`The language server stopped unexpectedly; ${decision.restart ? 'restarting it' : 'not restarting it again'}.`);
      if (decision.notify) {
        const shown = decision.restart
          ? vscode.window.showWarningMessage(decision.notify, 'Show Output')
          : vscode.window.showErrorMessage(decision.notify, 'Show Output');
        void shown.then((choice) => {
          if (choice) output.show(true);
        });
      }
      return { action: decision.restart ? CloseAction.Restart : CloseAction.DoNotRestart, handled: true };
    },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    outputChannel: output,
    errorHandler,
    synchronize: {
      configurationSection: 'miniprogramUserInfo',
      // The files whose change the server's index turns into re-checks of open pages: markup (its page's
      // scripts), app files (every page) and project configuration and settings files (package.json may
      // hold an "mp-userinfo" key; everything below them).
      fileEvents: vscode.workspace.createFileSystemWatcher(watchedFiles),
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
      restartPolicy.reset();
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
