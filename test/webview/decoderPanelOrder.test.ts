/**
 * The decoder panel's real webview script (dist/webview/main.js, `npm run build`) in headless Chromium, in the HTML
 * the extension gives the webview (`renderDecoderHtml`, with its Content-Security-Policy and a fresh nonce), served
 * from 127.0.0.1 as the webview's resource origin. A stub `acquireVsCodeApi` records what the panel posts; the
 * extension's replies come from the extension side's own handler (`handleDecoderMessage`) and arrive as window
 * messages, as VS Code delivers them. On a slow host the `result` of a Decode clicked while the panel loads can
 * arrive before the `init` message that carries the panel's strings: the panel must render the same complete
 * result in both orders.
 *
 * Needs Debian's chromium, which `bash scripts/e2e/setup.sh` installs (`npm test` runs it first): without it the
 * test fails and says so.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium as playwrightChromium, type Browser, type Page } from 'playwright-core';
import { handleDecoderMessage, renderDecoderHtml, type DecoderHostContext } from '../../client/src/decoderHost';
import type { DecodeReport, ExtensionMessage, WebviewMessage } from '../../client/src/decoderProtocol';
import { decoderStrings } from '../../client/src/decoderStrings';
import { wechatPayload } from '../decode/vectors';

const repoRoot = path.resolve(__dirname, '..', '..');
const bundle = path.join(repoRoot, 'dist', 'webview');

/** Debian's chromium where scripts/e2e/setup.sh looks for it: `chromium` on PATH, else /usr/bin/chromium. */
function findChromium(): string {
  const candidates = [
    ...(process.env['PATH'] ?? '')
      .split(path.delimiter)
      .filter(Boolean)
      .map((dir) => path.join(dir, 'chromium')),
    '/usr/bin/chromium',
  ];
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not here; try the next place.
    }
  }
  assert.fail(
    'chromium is not installed (looked for `chromium` on PATH and at /usr/bin/chromium): run `bash scripts/e2e/setup.sh`, ' +
      "which installs Debian's chromium (npm test runs it first)",
  );
}

const context: DecoderHostContext = {
  language: 'en',
  appid: async () => '',
  takePendingText: () => undefined,
  writeClipboard: async () => undefined,
  now: () => 1_700_000_000_000,
};

/** The extension's reply to a message the panel posted. */
async function reply(message: WebviewMessage): Promise<ExtensionMessage> {
  const answer = await handleDecoderMessage(message, context);
  assert.ok(answer, `no reply to ${message.type}`);
  return answer;
}

/** A WeChat payload under a fresh key: the report has verdicts, notes, decoded and input fields, and data. */
const payload = wechatPayload(
  JSON.stringify({
    openId: 'oTEST',
    nickName: 'Order Test',
    gender: 0,
    avatarUrl: 'https://thirdwx.qlogo.cn/mmopen/vi_32/x/132',
    watermark: { appid: 'wx0123456789abcdef', timestamp: 1_699_999_000 },
  }),
);

/** The marks the panel puts before a verdict. */
const verdictMarks = { pass: '✓', fail: '✗', skipped: '–' } as const;

/** What the panel shows of a report, read from the page. */
interface Rendered {
  hidden: boolean;
  status: string;
  format: string;
  verdicts: string[];
  notes: string[];
  captions: string[];
  fieldRows: number;
  rawHidden: boolean;
  raw: string;
  copy: string;
  html: string;
}

/** What the page script below gives the test, as `window.panelTest`. */
interface PanelTest {
  posted(): WebviewMessage[];
  violations(): string[];
  /**
   * Posts messages to the panel in one go, in order, and resolves with what the panel shows after each: this
   * listener, added after the panel's own, runs right after the panel has handled the same message.
   */
  deliver(messages: ExtensionMessage[]): Promise<Rendered[]>;
}

/**
 * Runs in the page before the panel's script (an init script, outside the page's CSP, as VS Code's own injected
 * code is): the webview API VS Code provides, recording what the panel posts, a record of CSP violations, and
 * `panelTest`. Plain JavaScript source: the test's TypeScript has no DOM types and its compiled functions could not
 * be handed to the page.
 */
const pageScript = `(() => {
  const posted = [];
  const violations = [];
  let state;
  window.acquireVsCodeApi = () => ({
    postMessage: (message) => void posted.push(message),
    getState: () => state,
    setState: (next) => void (state = next),
  });
  document.addEventListener('securitypolicyviolation', (event) => violations.push(event.violatedDirective + ' ' + event.blockedURI));
  const read = () => {
    const get = (id) => document.getElementById(id);
    const texts = (selector) => [...document.querySelectorAll(selector)].map((e) => e.textContent);
    return {
      hidden: get('result').hidden,
      status: get('status').textContent,
      format: get('format').textContent,
      verdicts: texts('#verdicts li'),
      notes: texts('#notes li'),
      captions: texts('#fields-block caption'),
      fieldRows: document.querySelectorAll('#fields-block tbody tr').length,
      rawHidden: get('raw-block').hidden,
      raw: get('raw').textContent,
      copy: get('copy').textContent,
      html: get('result').innerHTML,
    };
  };
  window.panelTest = {
    posted: () => posted,
    violations: () => violations,
    deliver: (messages) =>
      new Promise((resolve) => {
        const seen = [];
        window.addEventListener('message', () => {
          seen.push(read());
          if (seen.length === messages.length) resolve(seen);
        });
        for (const message of messages) window.postMessage(message, '*');
      }),
  };
})();`;

/** The page's `panelTest`, typed for the functions handed to `page.evaluate`. */
declare const panelTest: PanelTest;

describe('decoder panel in Chromium: the order of the init (strings) and result messages', () => {
  let browser: Browser;
  let server: Server;
  let origin = '';

  before(async () => {
    const chromium = findChromium();
    assert.ok(existsSync(path.join(bundle, 'main.js')), `${bundle}/main.js is missing: run \`npm run build\` first`);
    server = createServer((request, response) => {
      const url = new URL(request.url ?? '/', origin);
      if (url.pathname === '/') {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end(
          renderDecoderHtml({
            nonce: randomBytes(16).toString('base64'),
            cspSource: origin,
            scriptUri: `${origin}/dist/webview/main.js`,
            styleUri: `${origin}/dist/webview/main.css`,
            language: 'en',
          }),
        );
        return;
      }
      const name = /^\/dist\/webview\/(main\.(js|css))$/.exec(url.pathname);
      if (name) {
        response.writeHead(200, { 'content-type': name[2] === 'js' ? 'text/javascript' : 'text/css' });
        response.end(readFileSync(path.join(bundle, name[1]!)));
        return;
      }
      response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await playwrightChromium.launch({
      executablePath: chromium,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu'],
    });
  });

  after(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  /** Opens the panel; resolves once its script has posted `ready`. */
  async function openPanel(): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.addInitScript({ content: pageScript });
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => panelTest.posted().length > 0);
    assert.deepEqual(await page.evaluate(() => panelTest.posted()), [{ type: 'ready' }]);
    return { page, errors };
  }

  /** Fills in the payload and the key, clicks Decode, and returns the decode request the panel posted. */
  async function clickDecode(page: Page): Promise<WebviewMessage> {
    await page.fill('#payload', JSON.stringify({ encryptedData: payload.encryptedData, iv: payload.iv }));
    await page.fill('#session-key', payload.sessionKey);
    await page.click('#decode');
    await page.waitForFunction(() => panelTest.posted().length > 1);
    const request = (await page.evaluate(() => panelTest.posted()))[1]!;
    assert.equal(request.type, 'decode');
    return request;
  }

  function deliver(page: Page, messages: ExtensionMessage[]): Promise<Rendered[]> {
    // Handed over as `unknown`: Playwright's serialisable type of the reports is too deep for the compiler.
    const list: unknown = messages;
    return page.evaluate((arg) => panelTest.deliver(arg as ExtensionMessage[]), list);
  }

  /** The panel shows the whole report: format, every verdict, note and field, and the decrypted JSON. */
  function assertComplete(shown: Rendered, report: DecodeReport): void {
    const strings = decoderStrings('en');
    assert.equal(shown.hidden, false, 'the result is shown');
    assert.equal(shown.status, '', 'the "Decoding…" status is cleared');
    assert.equal(shown.format, report.format?.description);
    assert.deepEqual(
      shown.verdicts,
      report.verdicts.map((v) => `${verdictMarks[v.status]}${v.check} ${strings[v.status]} — ${v.detail}`),
    );
    assert.ok(shown.verdicts.length >= 2, `the decrypted payload has verdicts (${shown.verdicts.length})`);
    assert.equal(shown.notes.length, report.notes.length);
    assert.deepEqual(shown.captions, [strings.decodedFields, strings.inputFields]);
    assert.equal(shown.fieldRows, report.fields.length);
    assert.equal(shown.rawHidden, false, 'the decrypted JSON is shown');
    assert.equal(shown.raw, JSON.stringify(report.data, null, 2));
    assert.match(shown.raw, /Order Test/);
    assert.equal(shown.copy, strings.copy);
  }

  async function run(order: 'strings first' | 'result first') {
    const { page, errors } = await openPanel();
    try {
      const init = await reply({ type: 'ready' });
      let steps: Rendered[];
      let report: DecodeReport;
      if (order === 'strings first') {
        const [afterInit] = await deliver(page, [init]);
        assert.equal(afterInit!.hidden, true, 'nothing to show before a decode');
        const result = await reply(await clickDecode(page));
        assert.equal(result.type, 'result');
        report = (result as { report: DecodeReport }).report;
        steps = await deliver(page, [result]);
      } else {
        // Decode clicked while the panel still waits for its strings; the result comes back before them.
        const result = await reply(await clickDecode(page));
        assert.equal(result.type, 'result');
        report = (result as { report: DecodeReport }).report;
        const [afterResult, afterInit] = await deliver(page, [result, init]);
        assert.equal(afterResult!.hidden, true, 'a result without its strings waits (nothing half-rendered)');
        steps = [afterInit!];
      }
      const shown = steps[steps.length - 1]!;
      assertComplete(shown, report);
      assert.deepEqual(errors, [], 'the panel logged no error');
      assert.deepEqual(await page.evaluate(() => panelTest.violations()), [], 'nothing broke the Content-Security-Policy');
      return shown;
    } finally {
      await page.close();
    }
  }

  it('renders the complete result in both orders, the same way', { timeout: 60_000 }, async () => {
    const stringsFirst = await run('strings first');
    const resultFirst = await run('result first');
    // The keys are fresh per payload but shared by both runs, so the two renderings must be identical.
    assert.equal(resultFirst.html, stringsFirst.html);
  });
});
