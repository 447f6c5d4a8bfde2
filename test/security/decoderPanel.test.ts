/**
 * The decoder panel end to end, minus VS Code: the bundled webview script (dist/webview/main.js) runs
 * against a fake DOM, its messages go through the extension side's handler (client/src/decoderHost.ts)
 * exactly as decoderPanel.ts routes them, and the replies come back to the script. Then everything
 * that was logged, stored or written is searched for the key and the decrypted personal data, and the
 * page is searched for markup that a pasted or decrypted value could have smuggled in.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { describe, it } from 'node:test';
import { decoderCsp, handleDecoderMessage, renderDecoderHtml, type DecoderHostContext } from '../../client/src/decoderHost';
import { encrypt } from '../decode/vectors';
import { FakeDom, FakeEvent, webviewBundle } from './fakeDom';

const cspSource = 'https://file+.vscode-resource.vscode-cdn.net';

function render(nonce = randomBytes(16).toString('base64')): string {
  return renderDecoderHtml({
    nonce,
    cspSource,
    scriptUri: `${cspSource}/ext/dist/webview/main.js`,
    styleUri: `${cspSource}/ext/dist/webview/main.css`,
    language: 'en',
  });
}

/** Markup and script that must show up as text, never as elements or running code. */
const hostileValues = [
  '<img src=x onerror="globalThis.pwned=1">',
  '<script>globalThis.pwned=2</script>',
  '"><svg onload=alert(3)>',
  "javascript:alert('4')",
  '{{constructor.constructor("alert(5)")()}}',
  '</td></tr></table><iframe src="https://example.com"></iframe>',
  '&lt;b&gt;entity&lt;/b&gt;',
];

/** The tags the panel itself creates for a report. */
const panelTags = new Set(['code', 'li', 'span', 'strong', 'table', 'caption', 'thead', 'tbody', 'tr', 'th', 'td', 'div']);

/**
 * The panel with its extension side: webview messages are queued and `settle()` answers them through
 * `handleDecoderMessage`, recording every reply.
 */
function openPanel(html = render()) {
  const queue: unknown[] = [];
  const replies: unknown[] = [];
  const clipboard: string[] = [];
  const dom = new FakeDom(html, webviewBundle(), (message) => queue.push(message));
  const context: DecoderHostContext = {
    language: 'en',
    appid: async () => 'wx0123456789abcdef',
    takePendingText: () => undefined,
    writeClipboard: async (text) => void clipboard.push(text),
    now: () => 1_700_000_000_000,
  };
  const settle = async () => {
    while (queue.length) {
      const reply = await handleDecoderMessage(queue.shift(), context);
      if (reply) {
        replies.push(reply);
        dom.receive(reply);
      }
    }
  };
  const decode = async (fields: { payload: string; sessionKey?: string; aesKey?: string }) => {
    dom.get('payload').value = fields.payload;
    dom.get('payload').dispatch(new FakeEvent('input'));
    dom.get('session-key').value = fields.sessionKey ?? '';
    dom.get('aes-key').value = fields.aesKey ?? '';
    const submit = dom.get('decoder-form').dispatch(new FakeEvent('submit'));
    assert.ok(submit.defaultPrevented, 'the form submits through a message, not a navigation');
    await settle();
  };
  return { dom, replies, clipboard, settle, decode };
}

/** Records what the process logs or writes to disk while `run` runs. */
async function recordOutput(run: () => Promise<void>): Promise<{ logged: string; written: string[] }> {
  const logged: string[] = [];
  const written: string[] = [];
  const restore: Array<() => void> = [];
  const patch = <T extends object, K extends keyof T>(target: T, key: K, record: (args: unknown[]) => void) => {
    const original = target[key];
    (target as Record<K, unknown>)[key] = function (this: unknown, ...args: unknown[]) {
      record(args);
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    };
    restore.push(() => ((target as Record<K, unknown>)[key] = original));
  };
  for (const level of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
    patch(console, level, (args) => logged.push(args.map(String).join(' ')));
  }
  patch(process.stdout, 'write', (args) => logged.push(String(args[0])));
  patch(process.stderr, 'write', (args) => logged.push(String(args[0])));
  for (const name of [
    'writeFileSync',
    'writeFile',
    'appendFileSync',
    'appendFile',
    'createWriteStream',
    'writeSync',
    'write',
  ] as const) {
    patch(fs, name, (args) =>
      written.push(`${name}(${args.map((a) => (Buffer.isBuffer(a) ? a.toString() : String(a))).join(', ')})`),
    );
  }
  for (const name of ['writeFile', 'appendFile'] as const) {
    patch(fs.promises, name, (args) => written.push(`promises.${name}(${args.map(String).join(', ')})`));
  }
  syncBuiltinESMExports();
  try {
    await run();
  } finally {
    for (const undo of restore.reverse()) undo();
    syncBuiltinESMExports();
  }
  return { logged: logged.join('\n'), written };
}

// The CommonJS module object, whose functions the code under test calls (an ESM namespace is read-only).
const fs = createRequire(__filename)('node:fs') as typeof import('node:fs');

describe('decoder panel: secrets', () => {
  it('decodes a payload through the message path and leaves the key and the personal data nowhere but the screen', async () => {
    const key = randomBytes(16);
    const iv = randomBytes(16);
    const sessionKey = key.toString('base64');
    const openId = `oSECRET${randomBytes(9).toString('hex')}`;
    const nickName = `Secret Nick ${randomBytes(4).toString('hex')} ${hostileValues[0]}`;
    const plaintext = JSON.stringify({
      openId,
      nickName,
      gender: 1,
      avatarUrl: 'https://thirdwx.qlogo.cn/mmopen/vi_32/x/132',
      watermark: { appid: 'wx0123456789abcdef', timestamp: 1_699_999_000 },
    });
    const encryptedData = encrypt(plaintext, key, iv);
    const payload = JSON.stringify({ errMsg: 'getUserProfile:ok', encryptedData, iv: iv.toString('base64') });

    let panel!: ReturnType<typeof openPanel>;
    const output = await recordOutput(async () => {
      panel = openPanel();
      await panel.settle();
      await panel.decode({ payload, sessionKey });
      // The user copies the decrypted JSON (to the clipboard, which is theirs), then clears the form.
      panel.dom.get('copy').dispatch(new FakeEvent('click'));
      await panel.settle();
      panel.dom.get('clear').dispatch(new FakeEvent('click'));
    });
    const { dom, replies, clipboard } = panel;

    // The decode happened and showed the data: otherwise the searches below would prove nothing.
    const request = dom.api.posted.find((m) => (m as { type: string }).type === 'decode');
    assert.ok(JSON.stringify(request).includes(sessionKey), 'the key travelled in the decode request');
    const result = replies.find((r) => (r as { type: string }).type === 'result') as {
      report: { verdicts: Array<{ check: string; status: string }> };
    };
    assert.deepEqual(
      result.report.verdicts.map((v) => `${v.check}:${v.status}`),
      ['decrypted:pass', 'watermark:pass'],
    );
    assert.ok(dom.get('fields-block').textContent.includes(nickName), 'the decrypted nickName is on screen');
    assert.ok(dom.get('fields-block').textContent.includes(openId), 'the decrypted openId is on screen');
    assert.ok(clipboard[0]?.includes(openId), 'Copy put the decrypted JSON on the clipboard');

    const places: Record<string, string> = {
      'process console, stdout and stderr': output.logged,
      'files written': output.written.join('\n'),
      'webview console': dom.console.join('\n'),
      'webview saved state (every setState)': JSON.stringify(dom.api.states),
      'extension → webview messages': JSON.stringify(replies),
    };
    for (const [place, text] of Object.entries(places)) {
      assert.ok(!text.includes(sessionKey), `the session key leaked into ${place}`);
      assert.ok(!text.includes(key.toString('hex')), `the session key (hex) leaked into ${place}`);
    }
    for (const [place, text] of Object.entries(places)) {
      if (place === 'extension → webview messages') continue; // the result carries the data to show
      assert.ok(!text.includes(openId), `the decrypted openId leaked into ${place}`);
      assert.ok(!text.includes(nickName), `the decrypted nickName leaked into ${place}`);
    }
    assert.deepEqual(output.written, [], 'decoding writes nothing to disk');
    assert.equal(dom.get('session-key').value, '', 'Clear empties the key field');
    assert.equal(dom.get('result').hidden, true, 'Clear hides the result');
  });

  it('keeps the Alipay AES key and the decrypted mobile number out of logs and saved state', async () => {
    const key = randomBytes(16);
    const aesKey = key.toString('base64');
    const mobile = `139${String(randomBytes(4).readUInt32BE() % 1e8).padStart(8, '0')}`;
    const response = encrypt(JSON.stringify({ code: '10000', msg: 'Success', mobile }), key, Buffer.alloc(16));
    let panel!: ReturnType<typeof openPanel>;
    const output = await recordOutput(async () => {
      panel = openPanel();
      await panel.settle();
      await panel.decode({ payload: JSON.stringify({ response }), aesKey });
    });
    assert.ok(panel.dom.get('fields-block').textContent.includes(mobile), 'the decrypted mobile is on screen');
    const places = {
      logs: output.logged,
      disk: output.written.join('\n'),
      'webview console': panel.dom.console.join('\n'),
      'webview state': JSON.stringify(panel.dom.api.states),
    };
    for (const [place, text] of Object.entries(places)) {
      assert.ok(!text.includes(aesKey), `the AES key leaked into ${place}`);
      assert.ok(!text.includes(mobile), `the decrypted mobile number leaked into ${place}`);
    }
    assert.ok(!JSON.stringify(panel.replies).includes(aesKey));
  });
});

describe('decoder panel: decrypted content that is not JSON', () => {
  it('shows the decrypted text (as text) with a note, no error, and keeps the key out of logs and state', async () => {
    const key = randomBytes(16);
    const iv = randomBytes(16);
    const sessionKey = key.toString('base64');
    const secretText = `not JSON ${randomBytes(6).toString('hex')} ${hostileValues[0]}`;
    const payload = JSON.stringify({ encryptedData: encrypt(secretText, key, iv), iv: iv.toString('base64') });
    let panel!: ReturnType<typeof openPanel>;
    const output = await recordOutput(async () => {
      panel = openPanel();
      await panel.settle();
      await panel.decode({ payload, sessionKey });
      panel.dom.get('copy').dispatch(new FakeEvent('click'));
      await panel.settle();
    });
    const { dom, clipboard } = panel;
    assert.equal(dom.get('raw').textContent, secretText, 'the decrypted text is shown as it is');
    assert.equal(dom.get('raw-block').hidden, false);
    assert.equal(dom.get('raw-heading').textContent, 'Decrypted text (not JSON)');
    assert.equal(dom.get('copy').textContent, 'Copy text');
    assert.equal(dom.get('errors-block').hidden, true, 'no error is shown');
    assert.match(dom.get('verdicts').textContent, /decrypted passed — Decrypted \d+ bytes with AES-128-CBC\./);
    assert.doesNotMatch(dom.get('result').textContent, /Decryption failed/);
    assert.match(dom.get('notes').textContent, /the content is not JSON, so it is shown as text/);
    assert.deepEqual(clipboard, [secretText], 'Copy copies the text');
    assert.deepEqual(dom.violations, [], 'nothing was parsed as HTML or evaluated');
    const places = {
      logs: output.logged,
      disk: output.written.join('\n'),
      'webview console': dom.console.join('\n'),
      'webview state': JSON.stringify(dom.api.states),
    };
    for (const [place, text] of Object.entries(places)) {
      assert.ok(!text.includes(sessionKey), `the session key leaked into ${place}`);
      assert.ok(!text.includes(secretText), `the decrypted text leaked into ${place}`);
    }

    // A JSON result afterwards switches the block back.
    const json = JSON.stringify({ nickName: 'n', watermark: { appid: 'wx0123456789abcdef', timestamp: 1_699_999_000 } });
    await panel.decode({
      payload: JSON.stringify({ encryptedData: encrypt(json, key, iv), iv: iv.toString('base64') }),
      sessionKey,
    });
    assert.equal(dom.get('raw-heading').textContent, 'Raw JSON');
    assert.equal(dom.get('copy').textContent, 'Copy JSON');
  });

  it('says what shape the session_key must have, without showing it', async () => {
    const sessionKey = randomBytes(16).toString('base64').replace(/=+$/, '');
    const { dom, replies, decode } = openPanel();
    await decode({
      payload: JSON.stringify({
        encryptedData: encrypt('{}', randomBytes(16), randomBytes(16)),
        iv: randomBytes(16).toString('base64'),
      }),
      sessionKey,
    });
    assert.match(
      dom.get('errors').textContent,
      /invalid-base64 The session_key must be 24 base64 characters \(16 bytes\); this one is 22 characters/,
    );
    assert.ok(!dom.get('result').textContent.includes(sessionKey));
    assert.ok(!JSON.stringify(replies).includes(sessionKey));
  });
});

describe('decoder panel: pasted and decrypted content is text', () => {
  for (const value of hostileValues) {
    it(`shows ${JSON.stringify(value)} as text`, async () => {
      const { dom, decode } = openPanel();
      const pastedObject = JSON.stringify({ nickName: value, avatarUrl: value, gender: 1, city: value });
      await decode({ payload: pastedObject });
      assert.ok(dom.get('fields-block').textContent.includes(value), 'the pasted field is shown verbatim');
      await decode({ payload: `getUserProfile:fail ${value}` });
      await decode({ payload: value });
      const key = randomBytes(16);
      const iv = randomBytes(16);
      const encryptedData = encrypt(
        JSON.stringify({ nickName: value, watermark: { appid: 'wx0123456789abcdef', timestamp: 1 } }),
        key,
        iv,
      );
      await decode({ payload: JSON.stringify({ encryptedData, iv: iv.toString('base64') }), sessionKey: key.toString('base64') });
      assert.ok(dom.get('fields-block').textContent.includes(value), 'the decrypted field is shown verbatim');

      assert.deepEqual(dom.violations, [], 'nothing was parsed as HTML or evaluated');
      const foreign = dom.createdTags.filter((tag) => !panelTags.has(tag));
      assert.deepEqual(foreign, [], 'only the panel’s own elements were created');
      for (const element of dom.body.elements()) {
        for (const name of element.attributes.keys()) assert.doesNotMatch(name, /^on/i);
      }
    });
  }
});

describe('decoder panel: content security policy', () => {
  it("renders a CSP of default-src 'none', styles from the webview source and scripts by a fresh nonce only", () => {
    const nonce = randomBytes(16).toString('base64');
    const html = render(nonce);
    const metas = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/g)];
    assert.equal(metas.length, 1, 'exactly one CSP');
    const csp = metas[0]![1]!.replace(/&#39;/g, "'");
    assert.equal(csp, decoderCsp(cspSource, nonce));
    const directives = new Map(
      csp
        .split(';')
        .map((d) => d.trim())
        .filter(Boolean)
        .map((d) => [d.split(/\s+/)[0]!, d.split(/\s+/).slice(1)] as const),
    );
    assert.deepEqual(directives.get('default-src'), ["'none'"]);
    assert.deepEqual(
      directives.get('script-src'),
      [`'nonce-${nonce}'`],
      'scripts by nonce only: no host, no unsafe-inline or unsafe-eval',
    );
    assert.deepEqual(directives.get('style-src'), [cspSource]);
    assert.deepEqual([...directives.keys()].sort(), ['default-src', 'script-src', 'style-src']);
    assert.doesNotMatch(csp, /unsafe-|\*|data:|blob:/);
  });

  it('has one external script carrying the nonce, and no inline script, handler, style or javascript: URL', () => {
    const nonce = randomBytes(16).toString('base64');
    const html = render(nonce);
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.equal(scripts.length, 1);
    assert.match(scripts[0]![1]!, new RegExp(`nonce="${nonce.replace(/[+/=]/g, '\\$&')}"`));
    assert.match(scripts[0]![1]!, /\ssrc="[^"]+"/);
    assert.equal(scripts[0]![2], '', 'the script element has no inline body');
    assert.doesNotMatch(html, /\son[a-z]+\s*=/i, 'no inline event handler attributes');
    assert.doesNotMatch(html, /\sstyle\s*=|<style\b/i, 'no inline styles');
    assert.doesNotMatch(html, /javascript:/i);
    assert.notEqual(render(), render(), 'each render carries a fresh nonce');
    const panelSource = readFileSync(new URL('../../client/src/decoderPanel.ts', import.meta.url), 'utf8');
    assert.match(panelSource, /nonce: randomBytes\(16\)\.toString\('base64'\)/, 'the panel draws its nonce from crypto');
    assert.match(panelSource, /enableCommandUris: false/);
    assert.match(panelSource, /retainContextWhenHidden: false/);
  });

  it('ships bundles without eval, new Function or HTML injection', () => {
    for (const bundle of ['dist/webview/main.js', 'dist/extension.js']) {
      const text = readFileSync(new URL(`../../${bundle}`, import.meta.url), 'utf8');
      assert.doesNotMatch(text, /\beval\s*\(|new Function\b|\bFunction\s*\(\s*['"`]/, `${bundle} evaluates strings`);
      if (bundle.includes('webview')) assert.doesNotMatch(text, /innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    }
  });
});
