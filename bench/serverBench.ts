/**
 * Figures 3 and 4: the language server over stdio. Latency is measured at the client, from writing a
 * message to receiving the answer, so it includes what an editor waits for: transport, analysis and
 * conversion. Every wait is for an event (the diagnostics of a given document version), never a sleep.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { formatCount, formatMb, formatMs, formatRatio, type Figure } from './figures';
import type { CorpusInfo } from './generateCorpus';
import { BenchClient, type MemorySample, type Position } from './lspClient';
import { runParseOnly, type CheckedRun } from './cliBench';
import { median, percentile } from './stats';
import { lineStarts, positionAt } from '../server/src/core/positions';
import { parseVueFile } from './baselines/vueParse';

const elapsedMs = (from: bigint, to: bigint) => Number(to - from) / 1e6;

/** Line starts of a text, for offset → position. */
function positionIndex(text: string): (offset: number) => Position {
  const starts = lineStarts(text);
  return (offset) => positionAt(starts, offset);
}

/** Offsets of every occurrence of `needle`, plus `shift`. */
function occurrences(text: string, needle: string, shift: number): number[] {
  const found: number[] = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) found.push(i + shift);
  return found;
}

/** Up to `count` items spread evenly over a list. */
function spread<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  return Array.from({ length: count }, (_, i) => items[Math.floor((i * items.length) / count)]!);
}

/**
 * The median time of parsing `text` in this process (the cost of one full re-parse): TypeScript's parse of a
 * script, or for a `.vue` file the SFC parse plus TypeScript's parse of its script blocks (the `.vue` baseline).
 */
export function inProcessParseMs(fileName: string, text: string, runs: number): number {
  const kind = fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : fileName.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const vue = fileName.endsWith('.vue');
  const times: number[] = [];
  for (let i = 0; i < runs + 3; i++) {
    const start = process.hrtime.bigint();
    if (vue) parseVueFile(fileName, text);
    else ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kind);
    if (i >= 3) times.push(elapsedMs(start, process.hrtime.bigint()));
  }
  return median(times);
}

/**
 * The typing position of a page: the start of the first `this.setData(` statement (in a `.vue` page: the first
 * `this.x = …` assignment) in the second half (inside a handler body), else the middle line.
 */
function typingLine(fileName: string, text: string): { line: number; character: number } {
  const lines = text.split('\n');
  const half = Math.floor(lines.length / 2);
  const statement = fileName.endsWith('.vue') ? /^(\s+)this\.\w+ = / : /^(\s+)this\.setData\(/;
  for (let i = half; i < lines.length; i++) {
    const match = statement.exec(lines[i]!);
    if (match) return { line: i, character: match[1]!.length };
  }
  return { line: half, character: 0 };
}

const typedText = 'const draft = this.data.keyword.trim(); ';

/**
 * Types `typedText` character by character at the typing position and erases it again, `keystrokes`
 * times in all, waiting for the diagnostics of each version; returns the latency of each keystroke.
 */
async function typeAndMeasure(
  client: BenchClient,
  page: { uri: string; fileName: string },
  text: string,
  keystrokes: number,
): Promise<number[]> {
  const { uri } = page;
  const at = typingLine(page.fileName, text);
  const latencies: number[] = [];
  let typed = 0;
  let erasing = false;
  for (let k = 0; k < keystrokes; k++) {
    const start = process.hrtime.bigint();
    let published: bigint;
    if (!erasing) {
      const pos = { line: at.line, character: at.character + typed };
      published = await client.edit(uri, pos, pos, typedText[typed]!);
      typed++;
      if (typed === typedText.length) erasing = true;
    } else {
      const end = { line: at.line, character: at.character + typed };
      published = await client.edit(uri, { line: at.line, character: end.character - 1 }, end, '');
      typed--;
      if (typed === 0) erasing = false;
    }
    latencies.push(elapsedMs(start, published));
  }
  return latencies;
}

/** Options of the server figures. */
export interface ServerBenchOptions {
  /** Keystrokes timed on the headline large file. */
  keystrokes: number;
  /** Requests per hover/completion kind. */
  requests: number;
  /** Server starts for time-to-first-diagnostics. */
  starts: number;
}

/** Figure 3a: time from spawning the server to the first diagnostics of the large page, vs. parse-only. */
export async function firstDiagnosticsFigure(corpus: CorpusInfo, starts: number): Promise<Figure> {
  const script = corpus.script!;
  const text = readFileSync(script, 'utf8');
  const ours: number[] = [];
  const baseline: CheckedRun[] = [];
  for (let i = 0; i < starts; i++) {
    const measure = async () => {
      const client = BenchClient.start();
      try {
        await client.initialize(corpus.root);
        const { published } = await client.open(script, text);
        ours.push(elapsedMs(client.spawnedAt, await published));
      } finally {
        await client.stop();
      }
    };
    // Alternate the order, as for the CLI pairs.
    if (i % 2 === 0) {
      baseline.push(await runParseOnly(script, 1));
      await measure();
    } else {
      await measure();
      baseline.push(await runParseOnly(script, 1));
    }
  }
  const ratios = ours.map((v, i) => v / baseline[i]!.ms);
  const value = median(ours);
  return {
    id: '3a',
    name: `time to first diagnostics (spawn, initialize, didOpen of the ${formatCount(corpus.spec.kind === 'large-file' ? corpus.spec.lines : 0)}-line page)`,
    measured: formatMs(value),
    baseline: `parse-only process on the same file ${formatMs(median(baseline.map((r) => r.ms)))}`,
    ratio: formatRatio(median(ratios)),
    target: '≤ 500 ms',
    met: value <= 500,
    data: { runs: starts, ms: ours, baselineMs: baseline.map((r) => r.ms), ratios },
  };
}

/** The latency summary of a list of samples. */
function latency(samples: readonly number[]): { p50: number; p95: number; n: number } {
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), n: samples.length };
}

/**
 * Figures 3b–3f on one server: didChange → publishDiagnostics while typing in the large page, then
 * hover and completion in the page and in its markup, against one full parse of the page (measured in
 * this process) and against the JSON-RPC floor (a request the server rejects at once).
 */
export async function editorFigures(corpus: CorpusInfo, options: ServerBenchOptions): Promise<Figure[]> {
  const script = corpus.script!;
  const markup = script.replace(/\.js$/, '.wxml');
  const text = readFileSync(script, 'utf8');
  const markupText = readFileSync(markup, 'utf8');
  const lines = corpus.spec.kind === 'large-file' ? corpus.spec.lines : 0;
  const client = BenchClient.start();
  const figures: Figure[] = [];
  try {
    const init = await client.initialize(corpus.root);
    const page = await client.open(script, text);
    const view = await client.open(markup, markupText);
    await Promise.all([page.published, view.published]);

    const floor: number[] = [];
    for (let i = 0; i < 100; i++) {
      const start = process.hrtime.bigint();
      await client.request('bench/ping', {}).catch(() => undefined);
      floor.push(elapsedMs(start, process.hrtime.bigint()));
    }
    const rpcFloor = median(floor);
    const parseMs = inProcessParseMs(script, text, 15);

    // Hover and completion before typing, while the texts match the positions computed from the files.
    const caps = init.capabilities;
    const scriptAt = positionIndex(text);
    const markupAt = positionIndex(markupText);
    const kinds: Array<{
      id: string;
      label: string;
      method: 'textDocument/hover' | 'textDocument/completion';
      uri: string;
      positions: Position[];
      offered: boolean;
    }> = [
      {
        id: '3c',
        label: `hover on \`wx.getUserProfile\` in the ${formatCount(lines)}-line page`,
        method: 'textDocument/hover',
        uri: page.uri,
        positions: spread(occurrences(text, 'wx.getUserProfile(', 6), 20).map(scriptAt),
        offered: Boolean(caps.hoverProvider),
      },
      {
        id: '3d',
        label: `completion after \`wx.\` in the ${formatCount(lines)}-line page`,
        method: 'textDocument/completion',
        uri: page.uri,
        positions: spread(occurrences(text, 'wx.getUserProfile(', 3), 20).map(scriptAt),
        offered: Boolean(caps.completionProvider),
      },
      {
        id: '3e',
        label: 'hover on an `open-type` value in its WXML',
        method: 'textDocument/hover',
        uri: view.uri,
        positions: spread(occurrences(markupText, 'open-type="getPhoneNumber"', 13), 20).map(markupAt),
        offered: Boolean(caps.hoverProvider),
      },
      {
        id: '3f',
        label: 'completion of an `open-type` value in its WXML',
        method: 'textDocument/completion',
        uri: view.uri,
        positions: spread(occurrences(markupText, 'open-type="', 11), 20).map(markupAt),
        offered: Boolean(caps.completionProvider),
      },
    ];
    const requestFigures: Figure[] = [];
    for (const kind of kinds) {
      const base = `RPC floor ${formatMs(rpcFloor)}`;
      if (!kind.offered || kind.positions.length === 0) {
        requestFigures.push({
          id: kind.id,
          name: kind.label,
          measured: 'not available',
          baseline: base,
          ratio: '',
          target: 'p95 ≤ 10 ms',
          met: null,
          note: kind.offered ? 'no such position in the corpus' : `the server does not announce ${kind.method}`,
          data: { offered: kind.offered },
        });
        continue;
      }
      const samples: number[] = [];
      let answered = 0;
      for (let i = 0; i < options.requests; i++) {
        const position = kind.positions[i % kind.positions.length]!;
        const start = process.hrtime.bigint();
        const answer = await client.request<unknown>(kind.method, { textDocument: { uri: kind.uri }, position });
        samples.push(elapsedMs(start, process.hrtime.bigint()));
        if (isNonEmptyAnswer(answer)) answered++;
      }
      const { p50, p95 } = latency(samples);
      const empty = answered === 0;
      requestFigures.push({
        id: kind.id,
        name: kind.label,
        measured: empty ? 'not available' : `p50 ${formatMs(p50)}, p95 ${formatMs(p95)}`,
        baseline: base,
        ratio: empty ? '' : `p95 = ${formatRatio(p95 / rpcFloor)} floor`,
        target: 'p95 ≤ 10 ms',
        met: empty ? null : p95 <= 10,
        ...(empty
          ? { note: `announced, but all ${options.requests} answers were empty (p95 of an empty answer ${formatMs(p95)})` }
          : answered < options.requests
            ? { note: `${answered} of ${options.requests} answers non-empty` }
            : {}),
        data: { requests: options.requests, answered, p50, p95, samples, rpcFloor },
      });
    }

    const keystrokes = await typeAndMeasure(client, { uri: page.uri, fileName: script }, text, options.keystrokes);
    const typing = latency(keystrokes);
    figures.push({
      id: '3b',
      name: `didChange → publishDiagnostics while typing in the ${formatCount(lines)}-line page`,
      measured: `p50 ${formatMs(typing.p50)}, p95 ${formatMs(typing.p95)} (${typing.n} keystrokes)`,
      baseline: `one parse of the page ${formatMs(parseMs)}; RPC floor ${formatMs(rpcFloor)}`,
      ratio: `p95 = ${formatRatio(typing.p95 / parseMs)} parse`,
      target: 'p95 ≤ 30 ms',
      met: typing.p95 <= 30,
      data: { ...typing, samples: keystrokes, parseMs, rpcFloor },
    });
    figures.push(...requestFigures);
  } finally {
    await client.stop();
  }
  return figures;
}

/**
 * Typing latency in a large page against one parse of it: a point of the latency curve (figures 3g–h, no target),
 * or the `.vue` slice's headline (figure 7, target `p95 ≤ 1 parse`, the ratio form of the script target).
 */
export async function typingFigure(
  id: string,
  corpus: CorpusInfo,
  keystrokes: number,
  target?: { parses: number },
): Promise<Figure> {
  const script = corpus.script!;
  const text = readFileSync(script, 'utf8');
  const lines = corpus.spec.kind === 'large-file' ? corpus.spec.lines : 0;
  const kind = script.endsWith('.vue') ? '.vue ' : '';
  const client = BenchClient.start();
  try {
    await client.initialize(corpus.root);
    const page = await client.open(script, text);
    await page.published;
    const parseMs = inProcessParseMs(script, text, target ? 15 : 10);
    const samples = await typeAndMeasure(client, { uri: page.uri, fileName: script }, text, keystrokes);
    const { p50, p95, n } = latency(samples);
    const ratio = p95 / parseMs;
    return {
      id,
      name: `didChange → publishDiagnostics while typing in a ${formatCount(lines)}-line ${kind}page`,
      measured: `p50 ${formatMs(p50)}, p95 ${formatMs(p95)} (${n} keystrokes)`,
      baseline: `one parse ${formatMs(parseMs)}${kind ? ' (SFC + script)' : ''}`,
      ratio: `p95 = ${formatRatio(ratio)} parse`,
      target: target ? `p95 ≤ ${target.parses} parse` : '',
      met: target ? ratio <= target.parses : null,
      ...(target ? {} : { note: 'curve only' }),
      data: { lines, p50, p95, n, parseMs, ratio, samples },
    };
  } finally {
    await client.stop();
  }
}

function isNonEmptyAnswer(answer: unknown): boolean {
  if (answer === null || answer === undefined) return false;
  if (Array.isArray(answer)) return answer.length > 0;
  if (typeof answer === 'object') {
    const items = (answer as { items?: unknown[] }).items;
    if (Array.isArray(items)) return items.length > 0;
    const contents = (answer as { contents?: unknown }).contents;
    if (contents !== undefined)
      return typeof contents === 'string' ? contents.length > 0 : Array.isArray(contents) ? contents.length > 0 : true;
  }
  return true;
}

/** The analysable files below a folder, sorted. */
function analysableFiles(root: string): string[] {
  const out: string[] = [];
  const visit = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) visit(full);
      else if (/\.(js|ts|tsx|wxml|axml|ttml)$/.test(name)) out.push(full);
    }
  };
  visit(root);
  return out;
}

/**
 * Figure 4: open every file of a workspace (what the server holds once a user has visited them all),
 * read its memory, then make `edits` single-character edits round-robin over 100 of the open scripts,
 * waiting for each version's diagnostics, and sample the retained heap (after a forced collection)
 * ten times on the way.
 */
export async function memoryFigures(corpus: CorpusInfo, edits: number): Promise<Figure[]> {
  const client = BenchClient.start({ memoryProbe: true });
  try {
    await client.initialize(corpus.root);
    const idle = await client.memory();
    const files = analysableFiles(corpus.root);
    const texts = new Map(files.map((f) => [f, readFileSync(f, 'utf8')]));
    const started = process.hrtime.bigint();
    const opened = await Promise.all(files.map((f) => client.open(f, texts.get(f)!)));
    await Promise.all(opened.map((o) => o.published));
    const openMs = elapsedMs(started, process.hrtime.bigint());
    const indexed = await client.memory();

    const scripts = files.filter((f) => /\.(js|ts|tsx)$/.test(f));
    const targets = spread(scripts, 100).map((f) => ({
      uri: opened[files.indexOf(f)]!.uri,
      at: typingLine(f, texts.get(f)!),
      inserted: false,
    }));
    const samples: Array<{ edits: number } & MemorySample> = [];
    const editMs: number[] = [];
    const every = Math.max(1, Math.floor(edits / 10));
    for (let k = 1; k <= edits; k++) {
      const target = targets[k % targets.length]!;
      const start = process.hrtime.bigint();
      const { line, character } = target.at;
      const published = target.inserted
        ? await client.edit(target.uri, { line, character }, { line, character: character + 1 }, '')
        : await client.edit(target.uri, { line, character }, { line, character }, ' ');
      target.inserted = !target.inserted;
      editMs.push(elapsedMs(start, published));
      if (k % every === 0) samples.push({ edits: k, ...(await client.memory()) });
    }
    const first = samples[0]!;
    const last = samples[samples.length - 1]!;
    const growth = last.heapAfterGcMb / first.heapAfterGcMb;
    return [
      {
        id: '4a',
        name: `server RSS after opening the ${formatCount(files.length)}-file workspace`,
        measured: `${formatMb(indexed.rssMb)} (heap after GC ${formatMb(indexed.heapAfterGcMb)})`,
        baseline: `idle server ${formatMb(idle.rssMb)}`,
        ratio: formatRatio(indexed.rssMb / idle.rssMb),
        target: '≤ 150 MB',
        met: indexed.rssMb <= 150,
        note: `all files opened and diagnosed in ${formatMs(openMs)}`,
        data: { files: files.length, idle, indexed, openMs },
      },
      {
        id: '4b',
        name: `retained heap over ${formatCount(edits)} edits (round-robin over ${targets.length} open scripts)`,
        measured: `${formatMb(first.heapAfterGcMb)} after ${formatCount(first.edits)} → ${formatMb(last.heapAfterGcMb)} after ${formatCount(last.edits)}; RSS ${formatMb(last.rssMb)}`,
        baseline: `heap after ${formatCount(first.edits)} edits`,
        ratio: formatRatio(growth),
        target: 'flat (≤ 1.05)',
        met: growth <= 1.05,
        note: `edit → diagnostics p50 ${formatMs(percentile(editMs, 50))}, p95 ${formatMs(percentile(editMs, 95))}`,
        data: { edits, samples, growth, editP50: percentile(editMs, 50), editP95: percentile(editMs, 95) },
      },
    ];
  } finally {
    await client.stop();
  }
}
