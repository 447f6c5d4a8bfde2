/**
 * Test helpers: an in-memory mini-program project, range markers in inline sources, and fix application.
 *
 * In a source, `«` and `»` mark the range a finding is expected on; they are removed before analysis.
 */
import * as path from 'node:path';
import { analyzeFile, type AnalysisOptions } from '../../server/src/core/analyze';
import { ProjectIndex, type FileSystemHost } from '../../server/src/core/project';
import type { Finding, Fix, Span } from '../../server/src/core/types';
import { stripSnippet } from '../../server/src/core/edits';

/** Strips `«…»` markers and returns the clean text with the marked spans. */
export function marked(source: string): { text: string; spans: Span[] } {
  const spans: Span[] = [];
  let text = '';
  let open = -1;
  for (let i = 0; i < source.length; i++) {
    if (source[i] === '«') {
      open = text.length;
    } else if (source[i] === '»' && open >= 0) {
      spans.push({ start: open, end: text.length });
      open = -1;
    } else {
      text += source[i];
    }
  }
  return { text, spans };
}

/** A project held in memory: file name (relative to /project) → text. */
export class MemoryProject {
  readonly root = '/project';
  readonly files = new Map<string, string>();
  readonly index: ProjectIndex;

  constructor(files: Record<string, string> = {}) {
    for (const [name, text] of Object.entries(files)) this.files.set(this.path(name), text);
    const host: FileSystemHost = { readFile: (fileName) => this.files.get(fileName) };
    this.index = new ProjectIndex(host);
  }

  path(name: string): string {
    return path.posix.join(this.root, name);
  }

  set(name: string, text: string): void {
    this.files.set(this.path(name), text);
    this.index.invalidate(this.path(name));
  }

  analyze(name: string, options: AnalysisOptions = {}): Finding[] {
    const fileName = this.path(name);
    const text = this.files.get(fileName);
    if (text === undefined) throw new Error(`no file ${name} in the test project`);
    return analyzeFile(fileName, text, this.index, options).findings;
  }
}

/** Analyses one page script (with optional markup and extra files) and returns the findings of one rule. */
export function check(
  code: string,
  source: string,
  options: { file?: string; files?: Record<string, string>; analysis?: AnalysisOptions } = {},
): { text: string; spans: Span[]; findings: Finding[] } {
  const file = options.file ?? 'pages/index/index.js';
  const { text, spans } = marked(source);
  const project = new MemoryProject({ ...options.files, [file]: text });
  const findings = project.analyze(file, options.analysis).filter((f) => f.code === code);
  return { text, spans, findings };
}

/** Applies a fix's edits (snippet tab stops removed) to a text. */
export function applyFix(text: string, fix: Fix): string {
  const edits = [...fix.edits].sort((a, b) => b.start - a.start);
  let result = text;
  for (const edit of edits) {
    result = result.slice(0, edit.start) + (edit.snippet ? stripSnippet(edit.newText) : edit.newText) + result.slice(edit.end);
  }
  return result;
}

/** The spans of findings, for comparing with marked spans. */
export function spansOf(findings: Finding[]): Span[] {
  return findings.map((f) => ({ start: f.start, end: f.end }));
}
