/**
 * The decoder panel's script, running inside the webview. It collects the inputs, asks the extension
 * to decode, and renders the report. Everything pasted or decoded is inserted with `textContent`,
 * never parsed as HTML. The saved webview state holds the paste box, iv and appid only: the keys stay
 * in their password fields and vanish with the document when the panel is hidden or closed.
 */
import type { DecodeInputs, DecodeReport, DecoderStrings, ExtensionMessage, WebviewMessage } from '../src/decoderProtocol';
import './main.css';

interface SavedState {
  text: string;
  iv: string;
  appid: string;
}

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): SavedState | undefined;
  setState(state: SavedState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`decoder panel: #${id} is missing`);
  return found as T;
}

const form = element<HTMLFormElement>('decoder-form');
const payload = element<HTMLTextAreaElement>('payload');
const sessionKey = element<HTMLInputElement>('session-key');
const aesKey = element<HTMLInputElement>('aes-key');
const alipayPublicKey = element<HTMLInputElement>('alipay-public-key');
const iv = element<HTMLInputElement>('iv');
const appid = element<HTMLInputElement>('appid');
const clearButton = element<HTMLButtonElement>('clear');
const result = element<HTMLElement>('result');
const copyButton = element<HTMLButtonElement>('copy');
const copyStatus = element<HTMLElement>('copy-status');

let strings: DecoderStrings | undefined;
/** A result that arrived before the panel's strings (a Decode clicked while the panel was still loading). */
let pending: DecodeReport | undefined;
let lastRequest = 0;
let lastRaw = '';

function saveState(): void {
  vscode.setState({ text: payload.value, iv: iv.value, appid: appid.value });
}

function restoreState(): void {
  const state = vscode.getState();
  if (!state) return;
  payload.value = state.text;
  iv.value = state.iv;
  appid.value = state.appid;
}

function inputs(): DecodeInputs {
  return {
    text: payload.value,
    sessionKey: sessionKey.value,
    aesKey: aesKey.value,
    alipayPublicKey: alipayPublicKey.value,
    iv: iv.value,
    appid: appid.value,
  };
}

function requestDecode(): void {
  lastRequest += 1;
  element('status').textContent = strings?.decoding ?? '';
  vscode.postMessage({ type: 'decode', requestId: lastRequest, inputs: inputs() });
}

/** Appends text, turning `code spans` (as the catalog writes them) into <code> elements. */
function appendRich(parent: HTMLElement, text: string): void {
  const parts = text.replace(/\*\*/g, '').split('`');
  parts.forEach((part, i) => {
    if (i % 2 === 1) {
      const code = document.createElement('code');
      code.textContent = part;
      parent.append(code);
    } else if (part) {
      parent.append(document.createTextNode(part));
    }
  });
}

function listItem(className: string, build: (li: HTMLLIElement) => void): HTMLLIElement {
  const li = document.createElement('li');
  li.className = className;
  build(li);
  return li;
}

function fill(listId: string, blockId: string, items: HTMLLIElement[]): void {
  element(listId).replaceChildren(...items);
  element(blockId).hidden = items.length === 0;
}

const verdictMarks = { pass: '✓', fail: '✗', skipped: '–' } as const;

function fieldTable(caption: string, rows: DecodeReport['fields']): HTMLTableElement {
  const s = strings!;
  const table = document.createElement('table');
  const cap = table.createCaption();
  cap.textContent = caption;
  const head = table.createTHead().insertRow();
  for (const title of [s.field, s.value, s.meaning]) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = title;
    head.append(th);
  }
  const body = table.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    const name = document.createElement('th');
    name.scope = 'row';
    const code = document.createElement('code');
    code.textContent = row.path;
    name.append(code);
    tr.append(name);
    const value = tr.insertCell();
    value.className = 'value';
    value.textContent = row.value;
    const meaning = tr.insertCell();
    if (row.meaning) {
      const strong = document.createElement('strong');
      strong.textContent = row.meaning;
      meaning.append(strong, document.createTextNode(' '));
    }
    if (row.description) appendRich(meaning, row.description);
    if (row.noLongerReturned) {
      const gone = document.createElement('div');
      gone.className = 'gone';
      appendRich(gone, row.noLongerReturned);
      meaning.append(gone);
    }
  }
  return table;
}

function render(report: DecodeReport): void {
  const s = strings!;
  result.hidden = false;
  element('status').textContent = '';
  element('format').textContent = report.format?.description ?? '—';

  fill(
    'errors',
    'errors-block',
    report.errors.map((error) =>
      listItem('error', (li) => {
        const code = document.createElement('code');
        code.textContent = error.code;
        li.append(code, document.createTextNode(' '));
        appendRich(li, error.message);
      }),
    ),
  );
  fill(
    'verdicts',
    'verdicts-block',
    report.verdicts.map((verdict) =>
      listItem(verdict.status, (li) => {
        const mark = document.createElement('span');
        mark.className = 'mark';
        mark.setAttribute('aria-hidden', 'true');
        mark.textContent = verdictMarks[verdict.status];
        const label = document.createElement('strong');
        label.textContent = `${verdict.check} ${s[verdict.status]}`;
        li.append(mark, label, document.createTextNode(` — ${verdict.detail}`));
      }),
    ),
  );
  fill(
    'notes',
    'notes-block',
    report.notes.map((note) => listItem(note.level, (li) => appendRich(li, note.message))),
  );

  const tables: HTMLTableElement[] = [];
  const input = report.fields.filter((f) => f.group === 'input');
  const decoded = report.fields.filter((f) => f.group === 'decrypted');
  // What was decoded matters more than what was pasted, so it comes first.
  if (decoded.length > 0) tables.push(fieldTable(s.decodedFields, decoded));
  if (input.length > 0) tables.push(fieldTable(s.inputFields, input));
  element('fields-block').replaceChildren(...tables);

  // Decrypted content that is not JSON is shown (and copied) as the text it is; a note says so.
  const asText = report.data === undefined && report.plaintext !== undefined;
  lastRaw = asText ? report.plaintext! : report.data === undefined ? '' : JSON.stringify(report.data, null, 2);
  element('raw-heading').textContent = asText ? s.decryptedText : s.raw;
  copyButton.textContent = asText ? s.copyText : s.copy;
  element('raw').textContent = lastRaw;
  element('raw-block').hidden = lastRaw === '';
  copyStatus.textContent = '';
}

function receive(message: ExtensionMessage): void {
  switch (message.type) {
    case 'init':
      strings = message.strings;
      if (pending) {
        render(pending);
        pending = undefined;
      }
      if (!appid.value && message.appid) {
        appid.value = message.appid;
        saveState();
      }
      if (message.text !== undefined) {
        payload.value = message.text;
        saveState();
        requestDecode();
      }
      break;
    case 'setInput':
      payload.value = message.text;
      saveState();
      requestDecode();
      payload.focus();
      break;
    case 'result':
      if (message.requestId !== lastRequest) break;
      if (strings) render(message.report);
      else pending = message.report;
      break;
    case 'copied':
      copyStatus.textContent = strings?.copied ?? '';
      break;
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  requestDecode();
});
form.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    requestDecode();
  }
});
for (const field of [payload, iv, appid]) field.addEventListener('input', saveState);
clearButton.addEventListener('click', () => {
  for (const field of [payload, sessionKey, aesKey, alipayPublicKey, iv]) field.value = '';
  result.hidden = true;
  lastRaw = '';
  saveState();
  payload.focus();
});
copyButton.addEventListener('click', () => {
  if (lastRaw) vscode.postMessage({ type: 'copy', text: lastRaw });
});
window.addEventListener('message', (event: MessageEvent<ExtensionMessage>) => receive(event.data));

restoreState();
payload.focus();
vscode.postMessage({ type: 'ready' });
