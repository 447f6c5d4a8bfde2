/**
 * The extension side of the decoder panel that needs no `vscode`: the HTML of the webview and the
 * handling of its messages. Kept apart from `decoderPanel.ts` so that both run under plain Node in the
 * unit tests. Decoding happens here, in the extension host, with the pure core: keys never reach the
 * language server, a log, the disk or the webview's state.
 */
import { parse as parseJsonc } from 'jsonc-parser';
import type { DocsLanguage } from '../../server/src/catalog';
import { decodePayload } from '../../server/src/core/decode';
import type { DecodeInputs, ExtensionMessage, WebviewMessage } from './decoderProtocol';
import { decoderStrings, type DecoderStrings } from './decoderStrings';

/** What `renderDecoderHtml` needs. URIs are already webview URIs (`webview.asWebviewUri`). */
export interface DecoderHtmlOptions {
  /** A fresh random nonce per render (base64 of `crypto.randomBytes`). */
  nonce: string;
  /** `webview.cspSource`. */
  cspSource: string;
  scriptUri: string;
  styleUri: string;
  language: DocsLanguage;
}

const htmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => htmlEscapes[c]!);
}

/** The Content-Security-Policy of the panel: nothing by default, styles from the extension, scripts by nonce. */
export function decoderCsp(cspSource: string, nonce: string): string {
  return `default-src 'none'; style-src ${cspSource}; script-src 'nonce-${nonce}';`;
}

/**
 * The panel's HTML: a form whose labels come from {@link decoderStrings}, an empty result section the
 * script fills in with `textContent`, one external script carrying the nonce, and one stylesheet.
 * No inline script, style or event-handler attribute.
 */
export function renderDecoderHtml(options: DecoderHtmlOptions): string {
  const s = decoderStrings(options.language);
  const e = (key: keyof DecoderStrings): string => escapeHtml(s[key]);
  const nonce = escapeHtml(options.nonce);
  return `<!DOCTYPE html>
<html lang="${options.language === 'zh-cn' ? 'zh-CN' : 'en'}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(decoderCsp(options.cspSource, options.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(options.styleUri)}">
<title>${e('title')}</title>
</head>
<body>
<main>
  <h1>${e('title')}</h1>
  <p class="intro">${e('intro')}</p>
  <form id="decoder-form" autocomplete="off">
    <label for="payload">${e('payload')}</label>
    <textarea id="payload" rows="10" spellcheck="false" placeholder="${e('payloadPlaceholder')}"></textarea>
    <div class="grid">
      <div class="field"><label for="session-key">${e('sessionKey')}</label>
        <input id="session-key" type="password" autocomplete="off" spellcheck="false"></div>
      <div class="field"><label for="aes-key">${e('aesKey')}</label>
        <input id="aes-key" type="password" autocomplete="off" spellcheck="false"></div>
      <div class="field"><label for="alipay-public-key">${e('alipayPublicKey')}</label>
        <input id="alipay-public-key" type="text" autocomplete="off" spellcheck="false"></div>
      <div class="field"><label for="iv">${e('iv')}</label>
        <input id="iv" type="text" autocomplete="off" spellcheck="false"></div>
      <div class="field"><label for="appid">${e('appid')}</label>
        <input id="appid" type="text" autocomplete="off" spellcheck="false"></div>
    </div>
    <div class="actions">
      <button id="decode" type="submit">${e('decode')}</button>
      <button id="clear" type="button" class="secondary">${e('clear')}</button>
      <span class="hint">${e('decodeHint')}</span>
    </div>
  </form>
  <section id="result" aria-live="polite" hidden>
    <p id="status" class="status"></p>
    <h2>${e('format')}</h2>
    <p id="format"></p>
    <div id="errors-block" hidden>
      <h2>${e('errors')}</h2>
      <ul id="errors" class="errors" role="alert"></ul>
    </div>
    <div id="verdicts-block" hidden>
      <h2>${e('verdicts')}</h2>
      <ul id="verdicts" class="verdicts"></ul>
    </div>
    <div id="notes-block" hidden>
      <h2>${e('notes')}</h2>
      <ul id="notes" class="notes"></ul>
    </div>
    <div id="fields-block"></div>
    <div id="raw-block" hidden>
      <div class="raw-heading">
        <h2 id="raw-heading">${e('raw')}</h2>
        <button id="copy" type="button" class="secondary">${e('copy')}</button>
        <span id="copy-status" class="hint" role="status"></span>
      </div>
      <pre id="raw" tabindex="0"></pre>
    </div>
  </section>
</main>
<script nonce="${nonce}" src="${escapeHtml(options.scriptUri)}"></script>
</body>
</html>`;
}

/** What the message handler may use besides the message. */
export interface DecoderHostContext {
  language: DocsLanguage;
  /** Looks up the appid of the workspace's `project.config.json` ('' when there is none); asked on `ready` only. */
  appid(): Promise<string>;
  /** A payload waiting for the webview (Decode Selection); taken once by the `init` reply. */
  takePendingText(): string | undefined;
  writeClipboard(text: string): Promise<void>;
  /** Milliseconds since the epoch; the current time unless a test fixes it. */
  now?: () => number;
}

const inputKeys: Array<keyof DecodeInputs> = ['text', 'sessionKey', 'aesKey', 'iv', 'appid'];

/** Checks the shape of a message from the webview; anything else is ignored. */
export function isWebviewMessage(message: unknown): message is WebviewMessage {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  switch (m['type']) {
    case 'ready':
      return true;
    case 'copy':
      return typeof m['text'] === 'string';
    case 'decode': {
      const inputs = m['inputs'] as Record<string, unknown> | null;
      return (
        typeof m['requestId'] === 'number' &&
        typeof inputs === 'object' &&
        inputs !== null &&
        inputKeys.every((key) => typeof inputs[key] === 'string') &&
        (inputs['alipayPublicKey'] === undefined || typeof inputs['alipayPublicKey'] === 'string')
      );
    }
    default:
      return false;
  }
}

/**
 * Answers one message from the webview: `ready` → `init`, `decode` → `result` (decoded here with the
 * pure core; the keys live only for this call), `copy` → `copied`. Malformed messages get no reply.
 */
export async function handleDecoderMessage(message: unknown, context: DecoderHostContext): Promise<ExtensionMessage | undefined> {
  if (!isWebviewMessage(message)) return undefined;
  switch (message.type) {
    case 'ready': {
      const text = context.takePendingText();
      return {
        type: 'init',
        strings: decoderStrings(context.language),
        appid: await context.appid(),
        ...(text !== undefined ? { text } : {}),
      };
    }
    case 'decode': {
      const { text, sessionKey, aesKey, alipayPublicKey, iv, appid } = message.inputs;
      const report = decodePayload({
        text,
        sessionKey,
        aesKey,
        ...(alipayPublicKey !== undefined ? { alipayPublicKey } : {}),
        iv,
        appid,
        language: context.language,
        ...(context.now ? { now: context.now() } : {}),
      });
      return { type: 'result', requestId: message.requestId, report };
    }
    case 'copy':
      await context.writeClipboard(message.text);
      return { type: 'copied' };
  }
}

/** The appid of a `project.config.json` (JSON with comments), ignoring the devtools' `touristappid`. */
export function appidFromProjectConfig(text: string): string | undefined {
  const config: unknown = parseJsonc(text, [], { allowTrailingComma: true });
  const appid = typeof config === 'object' && config !== null ? (config as Record<string, unknown>)['appid'] : undefined;
  return typeof appid === 'string' && appid.trim() !== '' && appid !== 'touristappid' ? appid.trim() : undefined;
}

/**
 * The panel's language: the `miniprogramUserInfo.docsLanguage` setting when it names one, otherwise
 * VS Code's display language (`zh-cn`, `zh-tw` → Chinese, anything else → English), as hovers do.
 */
export function decoderLanguage(displayLanguage: string, setting?: unknown): DocsLanguage {
  if (setting === 'en' || setting === 'zh-cn') return setting;
  return displayLanguage.toLowerCase().startsWith('zh') ? 'zh-cn' : 'en';
}
