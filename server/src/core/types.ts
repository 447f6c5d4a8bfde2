/**
 * Plain types shared by the analysis core and its faces (language server, CLI, tests).
 * Offsets are UTF-16 code-unit offsets into the document text, as TypeScript and LSP use them.
 */
import type { Localized, Platform } from '../catalog/types';

export type { Platform, Localized };

/** How loudly a finding is reported. `off` is only a setting value, never a finding's severity. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A half-open range `[start, end)` of UTF-16 offsets. */
export interface Span {
  start: number;
  end: number;
}

/** A replacement of `[start, end)` by `newText`. With `snippet`, `newText` uses `$1`/`${1:x}` tab stops. */
export interface TextEdit extends Span {
  newText: string;
  snippet?: boolean;
}

/** Edits of another file, made against its `text` (a fix that is stale once that file changed is not offered). */
export interface FileEdits {
  fileName: string;
  text: string;
  edits: TextEdit[];
}

/** A quick fix: a titled set of edits to the same document, and maybe to other files of the page. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Edits of the page's other files (the WXML of a fix found in the script, or the other way round). */
  otherFiles?: FileEdits[];
  /** The fix a user most likely wants (VS Code's "Auto Fix"). */
  preferred?: boolean;
  /** A fix that writes an `mp-userinfo-disable` comment instead of changing the code (suppression.ts). */
  suppression?: boolean;
}

/** One problem found in one document. Errors in core are values like this, never thrown strings. */
export interface Finding extends Span {
  /** The rule id, e.g. `desc-missing`; the same code in the CLI and the language server. */
  code: string;
  severity: Severity;
  message: string;
  tags?: Array<'deprecated' | 'unnecessary'>;
  fixes?: Fix[];
  /** Other places in the same document the same advice applies to (said once, at the first). */
  related?: Array<Span & { message: string }>;
}

/** A notice about a file that was not analysed (too large, binary, nested too deeply to parse, failing the parser, unreadable). */
export interface SkipNotice {
  reason: 'too-large' | 'binary' | 'too-deep' | 'parser-error' | 'unreadable';
  message: string;
}
