/**
 * Just enough of a browser DOM to run the decoder panel's bundled webview script (dist/webview/main.js)
 * under Node: elements with the ids of the rendered HTML, text nodes, tables, events and the
 * `acquireVsCodeApi` bridge. Every way of turning a string into markup (`innerHTML`, `outerHTML`,
 * `insertAdjacentHTML`, `document.write`, `eval`, `Function`, string timers) is recorded as a
 * violation instead of being performed, so a test can assert none happened.
 */
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';

type Listener = (event: FakeEvent) => void;

export class FakeEvent {
  defaultPrevented = false;
  constructor(
    readonly type: string,
    readonly init: { key?: string; ctrlKey?: boolean; metaKey?: boolean; data?: unknown } = {},
  ) {}
  get key() {
    return this.init.key;
  }
  get ctrlKey() {
    return this.init.ctrlKey ?? false;
  }
  get metaKey() {
    return this.init.metaKey ?? false;
  }
  get data() {
    return this.init.data;
  }
  preventDefault() {
    this.defaultPrevented = true;
  }
}

/** A node: an element (with a tag) or a text node (with `data`). */
export class FakeNode {
  children: FakeNode[] = [];
  parent: FakeNode | undefined;
  readonly attributes = new Map<string, string>();
  private readonly listeners = new Map<string, Listener[]>();
  hidden = false;
  value = '';
  className = '';
  scope = '';
  tabIndex = 0;

  constructor(
    readonly dom: FakeDom,
    readonly tagName: string | undefined,
    public data = '',
  ) {}

  get textContent(): string {
    return this.tagName === undefined ? this.data : this.children.map((c) => c.textContent).join('');
  }
  set textContent(text: string) {
    this.replaceChildren(this.dom.document.createTextNode(String(text)));
  }
  set innerHTML(html: string) {
    this.dom.violations.push(`innerHTML = ${html}`);
  }
  set outerHTML(html: string) {
    this.dom.violations.push(`outerHTML = ${html}`);
  }
  insertAdjacentHTML(_where: string, html: string): void {
    this.dom.violations.push(`insertAdjacentHTML(${html})`);
  }

  append(...nodes: Array<FakeNode | string>): void {
    for (const node of nodes) {
      const child = typeof node === 'string' ? this.dom.document.createTextNode(node) : node;
      child.parent = this;
      this.children.push(child);
    }
  }
  replaceChildren(...nodes: Array<FakeNode | string>): void {
    this.children = [];
    this.append(...nodes);
  }
  setAttribute(name: string, value: string): void {
    if (/^on/i.test(name)) this.dom.violations.push(`setAttribute(${name})`);
    this.attributes.set(name, String(value));
  }
  addEventListener(type: string, listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  dispatch(event: FakeEvent): FakeEvent {
    for (const listener of this.listeners.get(event.type) ?? []) listener(event);
    return event;
  }
  focus(): void {}

  // HTMLTableElement and friends, as the panel builds its field tables.
  createCaption(): FakeNode {
    return this.child('caption');
  }
  createTHead(): FakeNode {
    return this.child('thead');
  }
  createTBody(): FakeNode {
    return this.child('tbody');
  }
  insertRow(): FakeNode {
    return this.child('tr');
  }
  insertCell(): FakeNode {
    return this.child('td');
  }
  private child(tag: string): FakeNode {
    const node = this.dom.document.createElement(tag);
    this.append(node);
    return node;
  }

  /** Every element below this one (itself included). */
  *elements(): Generator<FakeNode> {
    if (this.tagName !== undefined) yield this;
    for (const child of this.children) yield* child.elements();
  }
}

/** What the webview script sent and stored through `acquireVsCodeApi()`. */
export interface VsCodeApiRecord {
  posted: unknown[];
  states: unknown[];
}

export class FakeDom {
  readonly violations: string[] = [];
  readonly createdTags: string[] = [];
  readonly console: string[] = [];
  readonly byId = new Map<string, FakeNode>();
  readonly body: FakeNode;
  readonly window: FakeNode;
  readonly api: VsCodeApiRecord = { posted: [], states: [] };
  readonly document: {
    getElementById(id: string): FakeNode | null;
    createElement(tag: string): FakeNode;
    createTextNode(text: string): FakeNode;
    write(html: string): void;
  };

  /** Builds the elements with an `id` in `html` (the panel's rendered page) and runs `script` against them. */
  constructor(html: string, script: string, onPost: (message: unknown) => void) {
    this.document = {
      getElementById: (id) => this.byId.get(id) ?? null,
      createElement: (tag) => {
        this.createdTags.push(tag);
        return new FakeNode(this, tag);
      },
      createTextNode: (text) => new FakeNode(this, undefined, text),
      write: (text) => void violations.push(`document.write(${text})`),
    };
    this.body = new FakeNode(this, 'body');
    this.window = new FakeNode(this, undefined);
    for (const match of html.matchAll(/<(\w+)\b[^>]*\bid="([^"]+)"[^>]*>/g)) {
      const node = new FakeNode(this, match[1]!);
      if (/\bhidden\b/.test(match[0])) node.hidden = true;
      this.byId.set(match[2]!, node);
      this.body.append(node);
    }
    const { violations, api } = this;
    const lines = this.console;
    let state: unknown;
    const record =
      (level: string) =>
      (...args: unknown[]) =>
        void lines.push(`${level}: ${args.map(String).join(' ')}`);
    runInNewContext(script, {
      document: this.document,
      window: this.window,
      console: { log: record('log'), info: record('info'), warn: record('warn'), error: record('error'), debug: record('debug') },
      acquireVsCodeApi: () => ({
        postMessage: (message: unknown) => {
          api.posted.push(message);
          onPost(message);
        },
        getState: () => state,
        setState: (next: unknown) => {
          state = next;
          api.states.push(next);
        },
      }),
      eval: (code: string) => void violations.push(`eval(${code})`),
      Function: function (...args: string[]) {
        violations.push(`Function(${args.join(', ')})`);
      },
      setTimeout: (handler: unknown) => {
        if (typeof handler === 'string') violations.push(`setTimeout(${handler})`);
      },
    });
  }

  /** The element with this id (the test fails loudly when the page lacks it). */
  get(id: string): FakeNode {
    const node = this.byId.get(id);
    if (!node) throw new Error(`no #${id} in the panel`);
    return node;
  }

  /** Delivers a message from the extension to the webview script. */
  receive(message: unknown): void {
    this.window.dispatch(new FakeEvent('message', { data: message }));
  }
}

/** The built webview bundle. */
export function webviewBundle(): string {
  return readFileSync(new URL('../../dist/webview/main.js', import.meta.url), 'utf8');
}
