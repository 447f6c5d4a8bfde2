/// <reference types="mocha" />
/**
 * The decoder panel inside the editor: its commands are declared and registered, Decode Selection opens the
 * real webview panel, and the panel answers its message protocol (client/src/decoderProtocol.ts) by decoding
 * the official WeChat vector, without ever sending a key back.
 *
 * The suite shares the extension's `vscode` API object (both load from the extension's folder), so wrapping
 * `window.createWebviewPanel` lets it watch what the real panel posts to its webview and speak to the panel
 * as its webview would. The browser run (test/e2e/ui.mjs) drives the same panel through its HTML.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import manifest from '../../../package.json';
import type { DecodeInputs, ExtensionMessage, WebviewMessage } from '../../../client/src/decoderProtocol';
import { officialVector } from '../../decode/vectors';
import { activateExtension, openInEditor, waitFor, writeWorkspaceFiles } from './helpers';

const commands = { decodePayload: 'miniprogramUserInfo.decodePayload', decodeSelection: 'miniprogramUserInfo.decodeSelection' };
const viewType = 'miniprogramUserInfo.decoder';

/** What the wrapped panel showed: messages posted to the webview, and a way to send it webview messages. */
interface PanelProbe {
  panel?: vscode.WebviewPanel;
  posted: ExtensionMessage[];
  sendFromWebview?: (message: WebviewMessage) => void;
}

/** Wraps `createWebviewPanel` so the next decoder panel reports its traffic to the returned probe. */
function watchDecoderPanel(): { probe: PanelProbe; restore: () => void } {
  const probe: PanelProbe = { posted: [] };
  const window = vscode.window as { createWebviewPanel: typeof vscode.window.createWebviewPanel };
  const original = window.createWebviewPanel;
  window.createWebviewPanel = (...args: Parameters<typeof vscode.window.createWebviewPanel>) => {
    const panel = original.apply(vscode.window, args);
    if (args[0] === viewType) {
      const webview = panel.webview as vscode.Webview & { onDidReceiveMessage: vscode.Event<unknown> };
      const post = webview.postMessage.bind(webview);
      webview.postMessage = (message: ExtensionMessage) => {
        probe.posted.push(message);
        return post(message);
      };
      const subscribe = webview.onDidReceiveMessage.bind(webview);
      webview.onDidReceiveMessage = (listener, thisArg, disposables) => {
        probe.sendFromWebview = (message) => void listener.call(thisArg, message);
        return subscribe(listener, thisArg, disposables);
      };
      probe.panel = panel;
    }
    return panel;
  };
  return { probe, restore: () => (window.createWebviewPanel = original) };
}

function decoderTabOpen(): boolean {
  return vscode.window.tabGroups.all.some((group) =>
    group.tabs.some((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(viewType)),
  );
}

suite('Decoder panel', () => {
  suiteSetup(async () => {
    await activateExtension();
  });

  test('both decoder commands are declared in the manifest and registered', async () => {
    const declared = (manifest.contributes.commands as Array<{ command: string }>).map((c) => c.command);
    const registered = await vscode.commands.getCommands(true);
    for (const command of Object.values(commands)) {
      assert.ok(declared.includes(command), `${command} is not declared in package.json`);
      assert.ok(registered.includes(command), `${command} is not registered`);
    }
  });

  test('Decode Selection opens the panel, which decodes the official WeChat vector through its messages', async function () {
    this.timeout(60_000);
    const payload = JSON.stringify({ encryptedData: officialVector.encryptedData, iv: officialVector.iv }, null, 2);
    const uris = writeWorkspaceFiles({ 'e2e-decoder/payload.json': payload });
    const editor = await openInEditor(uris['e2e-decoder/payload.json']!);
    editor.selection = new vscode.Selection(editor.document.positionAt(0), editor.document.positionAt(payload.length));

    const { probe, restore } = watchDecoderPanel();
    try {
      await vscode.commands.executeCommand(commands.decodeSelection);
      await waitFor('the decoder panel to open', () => decoderTabOpen());
      assert.ok(probe.panel, 'the decoder panel was not created through vscode.window.createWebviewPanel');

      // Only the webview's script sends `ready`; the `init` reply proves the real webview loaded and spoke.
      const init = await waitFor('the init reply to the webview', () => probe.posted.find((m) => m.type === 'init'), {
        describe: () => probe.posted.map((m) => m.type),
      });
      assert.equal(init.type === 'init' && init.text, payload, 'the selection is handed to the webview');
      assert.ok(probe.sendFromWebview, 'the panel does not listen to its webview');

      const inputs: DecodeInputs = {
        text: payload,
        sessionKey: officialVector.sessionKey,
        aesKey: '',
        iv: '',
        appid: officialVector.appid,
      };
      probe.sendFromWebview({ type: 'decode', requestId: 7001, inputs });
      const reply = await waitFor('the result of request 7001', () =>
        probe.posted.find((m) => m.type === 'result' && m.requestId === 7001),
      );
      assert.ok(reply.type === 'result');
      const { report } = reply;
      assert.deepEqual(report.errors, []);
      assert.equal(report.plaintext, officialVector.plaintext);
      const data = report.data as Record<string, unknown>;
      assert.equal(data['openId'], 'oGZUI0egBJY1zhBYw2KhdUfwVJJE');
      assert.equal(data['nickName'], 'Band');
      const verdict = (check: string) => report.verdicts.find((v) => v.check === check)?.status;
      assert.equal(verdict('decrypted'), 'pass');
      assert.equal(verdict('watermark'), 'pass');
      assert.ok(!JSON.stringify(probe.posted).includes(officialVector.sessionKey), 'a session_key went back to the webview');

      probe.sendFromWebview({ type: 'decode', requestId: 7002, inputs: { ...inputs, sessionKey: 'AAAAAAAAAAAAAAAAAAAAAA==' } });
      const wrongKey = await waitFor('the result of request 7002', () =>
        probe.posted.find((m) => m.type === 'result' && m.requestId === 7002),
      );
      assert.ok(wrongKey.type === 'result');
      assert.deepEqual(
        wrongKey.report.errors.map((e) => e.code),
        ['bad-padding'],
        'a wrong session_key is reported as bad padding',
      );
    } finally {
      restore();
      probe.panel?.dispose();
    }
    await waitFor('the decoder panel to close', () => !decoderTabOpen());
  });
});
