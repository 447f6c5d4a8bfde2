import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  appidFromProjectConfig,
  decoderCsp,
  decoderLanguage,
  handleDecoderMessage,
  renderDecoderHtml,
  type DecoderHostContext,
} from '../../client/src/decoderHost';
import type { ExtensionMessage } from '../../client/src/decoderProtocol';
import { decoderStrings } from '../../client/src/decoderStrings';
import { alipaySigned, encrypt, officialVector } from './vectors';

const htmlOptions = {
  nonce: 'bm9uY2Utbm9uY2Utbm9uY2U=',
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/main.js',
  styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/main.css',
  language: 'en' as const,
};

function context(overrides: Partial<DecoderHostContext> = {}): DecoderHostContext & { clipboard: string[] } {
  const clipboard: string[] = [];
  let pending: string | undefined = 'pending selection';
  return {
    language: 'en',
    appid: async () => 'wx4f4bc4dec97d474b',
    takePendingText: () => {
      const text = pending;
      pending = undefined;
      return text;
    },
    writeClipboard: async (text) => void clipboard.push(text),
    now: () => officialVector.timestampMs + 60_000,
    clipboard,
    ...overrides,
  };
}

describe('decoder panel HTML', () => {
  const html = renderDecoderHtml(htmlOptions);

  it("has a strict CSP: default-src 'none', styles from cspSource, scripts by nonce only", () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
    assert.equal(
      csp,
      'default-src &#39;none&#39;; style-src https://file+.vscode-resource.vscode-cdn.net; script-src &#39;nonce-bm9uY2Utbm9uY2Utbm9uY2U=&#39;;',
    );
    assert.equal(decoderCsp(htmlOptions.cspSource, htmlOptions.nonce), csp!.replace(/&#39;/g, "'"));
    assert.doesNotMatch(csp!, /unsafe-inline|unsafe-eval|\*/);
  });

  it('loads exactly one script, external, carrying the nonce', () => {
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    assert.deepEqual(scripts, [`<script nonce="${htmlOptions.nonce}" src="${htmlOptions.scriptUri}">`]);
    assert.match(html, /<script [^>]*><\/script>/);
    assert.ok(html.includes(`<link rel="stylesheet" href="${htmlOptions.styleUri}">`));
  });

  it('has no inline event handlers, inline styles or javascript: URLs', () => {
    assert.doesNotMatch(html, /\son[a-z]+\s*=/i);
    assert.doesNotMatch(html, /\sstyle\s*=/i);
    assert.doesNotMatch(html, /<style/i);
    assert.doesNotMatch(html, /javascript:/i);
  });

  it('uses a password field for each key and labels every input', () => {
    assert.match(html, /<input id="session-key" type="password"/);
    assert.match(html, /<input id="aes-key" type="password"/);
    for (const id of [...html.matchAll(/<(?:input|textarea) id="([^"]+)"/g)].map((m) => m[1])) {
      assert.ok(html.includes(`<label for="${id}">`), `label for ${id}`);
    }
  });

  it('escapes what it interpolates', () => {
    const hostile = renderDecoderHtml({ ...htmlOptions, nonce: '"><script>alert(1)</script>', scriptUri: 'x" onload="alert(1)' });
    assert.doesNotMatch(hostile, /<script>alert/);
    assert.doesNotMatch(hostile, /onload="/);
    assert.match(hostile, /<script nonce="[^"<>]*" src="x&quot; onload=&quot;alert\(1\)"><\/script>/);
  });

  it('has a heading for the raw block that the script can switch between JSON and text', () => {
    assert.ok(html.includes(`<h2 id="raw-heading">${decoderStrings('en').raw}</h2>`));
  });

  it('renders the Chinese interface for zh-cn', () => {
    const zh = renderDecoderHtml({ ...htmlOptions, language: 'zh-cn' });
    assert.match(zh, /<html lang="zh-CN">/);
    assert.ok(zh.includes(`<h1>${decoderStrings('zh-cn').title}</h1>`));
  });
});

describe('decoder panel messages', () => {
  it('answers ready with the strings, the project appid and a pending selection (once)', async () => {
    const ctx = context();
    const first = await handleDecoderMessage({ type: 'ready' }, ctx);
    assert.deepEqual(first, {
      type: 'init',
      strings: decoderStrings('en'),
      appid: 'wx4f4bc4dec97d474b',
      text: 'pending selection',
    });
    const again = await handleDecoderMessage({ type: 'ready' }, ctx);
    assert.deepEqual(again, { type: 'init', strings: decoderStrings('en'), appid: 'wx4f4bc4dec97d474b' });
  });

  it('decodes the official vector sent as a decode request', async () => {
    const inputs = {
      text: JSON.stringify({ errMsg: 'getUserProfile:ok', encryptedData: officialVector.encryptedData, iv: officialVector.iv }),
      sessionKey: officialVector.sessionKey,
      aesKey: '',
      iv: '',
      appid: officialVector.appid,
    };
    const reply = (await handleDecoderMessage({ type: 'decode', requestId: 7, inputs }, context())) as Extract<
      ExtensionMessage,
      { type: 'result' }
    >;
    assert.equal(reply.type, 'result');
    assert.equal(reply.requestId, 7);
    assert.equal(reply.report.plaintext, officialVector.plaintext);
    assert.deepEqual(
      reply.report.verdicts.map((v) => `${v.check}:${v.status}`),
      ['decrypted:pass', 'watermark:pass'],
    );
    assert.match(reply.report.verdicts[1]!.detail, /\(1 min ago\)/);
    assert.equal(reply.report.format?.kind, 'success-object');
    assert.ok(!JSON.stringify(reply).includes(officialVector.sessionKey), 'the reply must not carry the key');
  });

  it('returns decrypted content that is not JSON as text with a note, not as an error', async () => {
    const key = Buffer.from(officialVector.sessionKey, 'base64');
    const iv = Buffer.from(officialVector.iv, 'base64');
    const text = 'decrypted, but <b>not</b> JSON';
    const inputs = {
      text: JSON.stringify({ errMsg: 'getUserProfile:ok', encryptedData: encrypt(text, key, iv), iv: officialVector.iv }),
      sessionKey: officialVector.sessionKey,
      aesKey: '',
      iv: '',
      appid: officialVector.appid,
    };
    const reply = (await handleDecoderMessage({ type: 'decode', requestId: 8, inputs }, context())) as Extract<
      ExtensionMessage,
      { type: 'result' }
    >;
    assert.deepEqual(reply.report.errors, []);
    assert.equal(reply.report.plaintext, text);
    assert.equal(reply.report.data, undefined);
    assert.deepEqual(
      reply.report.verdicts.map((v) => `${v.check}:${v.status}`),
      ['decrypted:pass', 'watermark:skipped'],
    );
    assert.ok(reply.report.notes.some((n) => n.code === 'not-json' && n.level === 'warning'));
    assert.ok(!JSON.stringify(reply).includes(officialVector.sessionKey), 'the reply must not carry the key');
  });

  it('says what shape a key must have, without the key', async () => {
    const sessionKey = 'tiihtNczf5v6AKRyjwEUhQ';
    const inputs = {
      text: JSON.stringify({ encryptedData: officialVector.encryptedData, iv: officialVector.iv }),
      sessionKey,
      aesKey: '',
      iv: '',
      appid: '',
    };
    const reply = (await handleDecoderMessage(
      { type: 'decode', requestId: 9, inputs },
      context({ language: 'zh-cn' }),
    )) as Extract<ExtensionMessage, { type: 'result' }>;
    assert.equal(reply.report.errors[0]?.code, 'invalid-base64');
    assert.match(reply.report.errors[0]!.message, /^session_key 应为 24 个 base64 字符（16 字节）；这个值有 22 个字符/);
    assert.ok(!JSON.stringify(reply).includes(sessionKey));
  });

  it('verifies an Alipay sign with the public key typed into the panel', async () => {
    const response = '{"code":"10000","msg":"Success","mobile":"13800000000"}';
    const { sign, publicKey } = alipaySigned(response);
    const oneLine = publicKey.replace(/\n/g, '');
    const inputs = {
      text: JSON.stringify({ response, sign }),
      sessionKey: '',
      aesKey: '',
      alipayPublicKey: oneLine,
      iv: '',
      appid: '',
    };
    const reply = (await handleDecoderMessage({ type: 'decode', requestId: 3, inputs }, context())) as Extract<
      ExtensionMessage,
      { type: 'result' }
    >;
    assert.equal(reply.report.verdicts.find((v) => v.check === 'signature')?.status, 'pass');
    const wrongType = await handleDecoderMessage(
      { type: 'decode', requestId: 4, inputs: { ...inputs, alipayPublicKey: 1 } },
      context(),
    );
    assert.equal(wrongType, undefined);
  });

  it('answers in the panel language', async () => {
    const inputs = {
      text: 'getUserProfile:fail can only be invoked by user TAP gesture.',
      sessionKey: '',
      aesKey: '',
      iv: '',
      appid: '',
    };
    const reply = (await handleDecoderMessage(
      { type: 'decode', requestId: 1, inputs },
      context({ language: 'zh-cn' }),
    )) as Extract<ExtensionMessage, { type: 'result' }>;
    assert.match(reply.report.notes[0]!.message, /原因：/);
  });

  it('copies to the clipboard on request', async () => {
    const ctx = context();
    assert.deepEqual(await handleDecoderMessage({ type: 'copy', text: '{"a":1}' }, ctx), { type: 'copied' });
    assert.deepEqual(ctx.clipboard, ['{"a":1}']);
  });

  it('ignores malformed messages', async () => {
    for (const message of [
      null,
      'decode',
      {},
      { type: 'eval', code: '1' },
      { type: 'decode', requestId: '1', inputs: {} },
      { type: 'decode', requestId: 1, inputs: { text: 1 } },
      { type: 'copy' },
    ]) {
      assert.equal(await handleDecoderMessage(message, context()), undefined, JSON.stringify(message));
    }
  });
});

describe('decoder panel helpers', () => {
  it('reads the appid from project.config.json (with comments), skipping touristappid', () => {
    assert.equal(appidFromProjectConfig('{\n  // devtools project\n  "appid": "wx4f4bc4dec97d474b",\n}'), 'wx4f4bc4dec97d474b');
    assert.equal(appidFromProjectConfig('{"appid":"touristappid"}'), undefined);
    assert.equal(appidFromProjectConfig('not json'), undefined);
  });

  it('maps the VS Code display language', () => {
    assert.equal(decoderLanguage('zh-cn'), 'zh-cn');
    assert.equal(decoderLanguage('zh-tw'), 'zh-cn');
    assert.equal(decoderLanguage('en'), 'en');
    assert.equal(decoderLanguage('ja'), 'en');
  });

  it('follows the docsLanguage setting over the display language, and ignores auto or junk', () => {
    assert.equal(decoderLanguage('en', 'zh-cn'), 'zh-cn');
    assert.equal(decoderLanguage('zh-cn', 'en'), 'en');
    assert.equal(decoderLanguage('zh-cn', 'auto'), 'zh-cn');
    assert.equal(decoderLanguage('en', 42), 'en');
  });

  it('the webview script inserts text only, never HTML, and never evaluates', () => {
    const script = readFileSync(new URL('../../client/webview/main.ts', import.meta.url), 'utf8');
    assert.doesNotMatch(script, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/);
    assert.match(script, /textContent/);
  });

  it('the webview keeps only non-secret inputs in its saved state', () => {
    const script = readFileSync(new URL('../../client/webview/main.ts', import.meta.url), 'utf8');
    const setState = [...script.matchAll(/vscode\.setState\(([^)]*)\)/g)].map((m) => m[1]);
    assert.deepEqual(setState, ['{ text: payload.value, iv: iv.value, appid: appid.value }']);
  });
});
