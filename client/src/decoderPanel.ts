/**
 * The payload-decoder webview panel: one instance at a time (as in vscode-extension-samples'
 * webview-sample), decoding in the extension host with the pure core. The panel keeps no keys: they
 * arrive with a decode request, are used once, and die with the request. The webview's context is
 * not retained while hidden, and its saved state holds only the non-secret inputs.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { ExtensionMessage } from './decoderProtocol';
import { appidFromProjectConfig, decoderLanguage, handleDecoderMessage, renderDecoderHtml } from './decoderHost';
import { decoderStrings } from './decoderStrings';

/** Command ids, also used by the end-to-end suite. */
export const decoderCommands = {
  decodePayload: 'miniprogramUserInfo.decodePayload',
  decodeSelection: 'miniprogramUserInfo.decodeSelection',
} as const;

/** The single decoder panel. */
export class DecoderPanel {
  static readonly viewType = 'miniprogramUserInfo.decoder';
  static current: DecoderPanel | undefined;

  private readonly disposables: vscode.Disposable[] = [];
  /** A selection waiting for the webview to load; handed over in the `init` reply. */
  private pendingText: string | undefined;
  private webviewReady = false;

  /** Shows the panel (creating it when needed); with `text`, loads that payload and decodes it. */
  static createOrShow(extensionUri: vscode.Uri, text?: string): DecoderPanel {
    const column = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.One;
    if (DecoderPanel.current) {
      DecoderPanel.current.panel.reveal(column);
      if (text !== undefined) DecoderPanel.current.load(text);
      return DecoderPanel.current;
    }
    const language = decoderLanguage(
      vscode.env.language,
      vscode.workspace.getConfiguration('miniprogramUserInfo').get('docsLanguage'),
    );
    const panel = vscode.window.createWebviewPanel(DecoderPanel.viewType, decoderStrings(language).title, column, {
      enableScripts: true,
      enableCommandUris: false,
      retainContextWhenHidden: false,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview')],
    });
    DecoderPanel.current = new DecoderPanel(panel, extensionUri, language, text);
    return DecoderPanel.current;
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly language: ReturnType<typeof decoderLanguage>,
    text: string | undefined,
  ) {
    this.pendingText = text;
    const webview = panel.webview;
    const asset = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', name)).toString();
    webview.html = renderDecoderHtml({
      nonce: randomBytes(16).toString('base64'),
      cspSource: webview.cspSource,
      scriptUri: asset('main.js'),
      styleUri: asset('main.css'),
      language,
    });
    panel.onDidDispose(() => this.dispose(), null, this.disposables);
    // Hidden webviews lose their document; the script announces itself again with `ready` when shown.
    panel.onDidChangeViewState(
      () => {
        if (!panel.visible) this.webviewReady = false;
      },
      null,
      this.disposables,
    );
    // A failed reply (e.g. the clipboard refused) leaves the panel as it was; there is nothing to report.
    webview.onDidReceiveMessage((message: unknown) => this.receive(message).catch(() => undefined), null, this.disposables);
  }

  private load(text: string): void {
    if (this.webviewReady) this.post({ type: 'setInput', text });
    else this.pendingText = text;
  }

  private async receive(message: unknown): Promise<void> {
    const reply = await handleDecoderMessage(message, {
      language: this.language,
      appid: findProjectAppid,
      takePendingText: () => {
        const text = this.pendingText;
        this.pendingText = undefined;
        return text;
      },
      writeClipboard: async (text) => vscode.env.clipboard.writeText(text),
    });
    if (reply?.type === 'init') this.webviewReady = true;
    if (reply) this.post(reply);
  }

  private post(message: ExtensionMessage): void {
    void this.panel.webview.postMessage(message);
  }

  /** Closes the panel and forgets everything it held. */
  dispose(): void {
    DecoderPanel.current = undefined;
    this.pendingText = undefined;
    this.panel.dispose();
    while (this.disposables.length) this.disposables.pop()?.dispose();
  }
}

/** The appid of the shallowest `project.config.json` in the workspace, or '' (also when the search fails). */
async function findProjectAppid(): Promise<string> {
  try {
    const files = await vscode.workspace.findFiles('**/project.config.json', '**/node_modules/**', 20);
    files.sort((a, b) => a.path.split('/').length - b.path.split('/').length || a.path.localeCompare(b.path));
    for (const file of files) {
      const appid = appidFromProjectConfig(new TextDecoder().decode(await vscode.workspace.fs.readFile(file)));
      if (appid) return appid;
    }
  } catch {
    // No readable project configuration just means no pre-filled appid.
  }
  return '';
}

/** Registers "Decode User-Info Payload" and "Decode Selection". */
export function registerDecoderCommands(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(decoderCommands.decodePayload, () => {
      DecoderPanel.createOrShow(context.extensionUri);
    }),
    vscode.commands.registerCommand(decoderCommands.decodeSelection, () => {
      const editor = vscode.window.activeTextEditor;
      const text = editor?.selections
        .map((s) => editor.document.getText(s))
        .join('\n')
        .trim();
      DecoderPanel.createOrShow(context.extensionUri, text || undefined);
    }),
    { dispose: () => DecoderPanel.current?.dispose() },
  );
}
