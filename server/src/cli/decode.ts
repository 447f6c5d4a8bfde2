/**
 * `mp-userinfo decode`: decrypt, verify and explain a user-info payload with the same core as the
 * editor panel. Keys come from flags or, better, from MP_SESSION_KEY / MP_AES_KEY so that they stay
 * out of shell history; they are never printed.
 */
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { DocsLanguage } from '../catalog';
import {
  decodeError,
  decodePayload,
  maxInputBytes,
  reportFailed,
  type DecodeReport,
  type DecodeRequest,
  type FieldRow,
} from '../core/decode';
import type { CliIo } from './io';

const usage = `Usage: mp-userinfo decode [text] [options]

Decrypts, verifies and explains what a user-info call returned: a whole success result
(JSON or an object as console.log prints it), single fields, an Alipay response, an
errMsg or an Alipay result code. The recognised format is printed first.

Input:
  [text]                    The payload itself (an errMsg, a code, a JSON object…)
  --input <file|->          Read the payload from a file, or from standard input with "-"
  --encrypted-data <D>      WeChat/Douyin encryptedData (base64); needs --iv and a session_key
  --iv <IV>                 The iv returned with encryptedData (base64)
  --raw-data <R>            rawData exactly as returned; needs --signature and a session_key
  --signature <S>           The signature returned with rawData (40 hex digits)
  --appid <A>               Your appid, compared with watermark.appid
  --alipay-public-key <K>   The Alipay public key (PEM or the console's base64), to verify an
                            Alipay envelope's sign; or MP_ALIPAY_PUBLIC_KEY
  --alipay-public-key-file <F>  The same, read from a file (.pem or .txt)

Keys (prefer the environment: flags end up in shell history):
  --session-key <K>         WeChat/Douyin session_key (base64), or MP_SESSION_KEY
  --aes-key <K>             Alipay content-encryption AES key (base64), or MP_AES_KEY

Output:
  --format <text|json>      Output format (default: text)
  --lang <en|zh-cn>         Language of the explanations (default: en)
  -h, --help                Show this help

Exit codes: 0 decoded (or explained), 1 decoding or verification failed, 2 usage error.`;

class UsageError extends Error {}

interface DecodeArgs {
  request: DecodeRequest;
  input?: string;
  format: 'text' | 'json';
}

const valueFlags: Record<string, keyof DecodeRequest | 'input' | 'format' | 'lang' | 'publicKeyFile'> = {
  '--session-key': 'sessionKey',
  '--iv': 'iv',
  '--encrypted-data': 'encryptedData',
  '--raw-data': 'rawData',
  '--signature': 'signature',
  '--aes-key': 'aesKey',
  '--appid': 'appid',
  '--alipay-public-key': 'alipayPublicKey',
  '--alipay-public-key-file': 'publicKeyFile',
  '--input': 'input',
  '--format': 'format',
  '--lang': 'lang',
};

function parseArgs(argv: string[], env: CliIo['env'], cwd: string): DecodeArgs | 'help' {
  const request: DecodeRequest = {};
  let input: string | undefined;
  let format: DecodeArgs['format'] = 'text';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h' || arg === '--help') return 'help';
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const target = valueFlags[flag];
    if (target === undefined) {
      if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option "${flag}"`);
      if (request.text !== undefined) throw new UsageError('give the payload once: one [text] argument, or --input');
      request.text = arg;
      continue;
    }
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    // The value is never echoed: it may be a key.
    if (value === undefined || value === '') throw new UsageError(`${flag} needs a value`);
    if (target === 'format') {
      if (value !== 'text' && value !== 'json') throw new UsageError(`unknown format "${value}" (use text or json)`);
      format = value;
    } else if (target === 'lang') {
      if (value !== 'en' && value !== 'zh-cn') throw new UsageError(`unknown language "${value}" (use en or zh-cn)`);
      request.language = value as DocsLanguage;
    } else if (target === 'input') {
      input = value;
    } else if (target === 'publicKeyFile') {
      request.alipayPublicKey = readPublicKeyFile(value, cwd);
    } else {
      (request as Record<string, string>)[target] = value;
    }
  }
  request.sessionKey ??= nonEmpty(env['MP_SESSION_KEY']);
  request.aesKey ??= nonEmpty(env['MP_AES_KEY']);
  request.alipayPublicKey ??= nonEmpty(env['MP_ALIPAY_PUBLIC_KEY']);
  if (request.alipayPublicKey === undefined) delete request.alipayPublicKey;
  if (request.sessionKey === undefined) delete request.sessionKey;
  if (request.aesKey === undefined) delete request.aesKey;
  if (input !== undefined && request.text !== undefined)
    throw new UsageError('give the payload once: one [text] argument, or --input');
  const pasted = input !== undefined || request.text !== undefined;
  if (!pasted) {
    if (request.encryptedData === undefined && request.rawData === undefined && request.signature === undefined) {
      throw new UsageError('nothing to decode: give [text], --input, --encrypted-data or --raw-data');
    }
    if (request.encryptedData !== undefined && request.iv === undefined) throw new UsageError('--encrypted-data needs --iv');
    if ((request.rawData === undefined) !== (request.signature === undefined)) {
      throw new UsageError('--raw-data and --signature go together');
    }
    if (request.sessionKey === undefined)
      throw new UsageError('decrypting and verifying need the session_key: set MP_SESSION_KEY or pass --session-key');
  }
  return { request, format, ...(input !== undefined ? { input } : {}) };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value : undefined;
}

/** Reads `--alipay-public-key-file`; a key file is small, so anything over 64 KiB is not one. */
function readPublicKeyFile(file: string, cwd: string): string {
  const content = readFileWithin(file, cwd, 64 * 1024);
  if (typeof content !== 'string') throw new UsageError(`${file} is ${content.tooLarge} bytes, too large for a public key file`);
  return content;
}

/** Reads a file named on the command line, unless it is over `limit` bytes; a missing or unreadable file is a usage error. */
function readFileWithin(name: string, cwd: string, limit: number): string | { tooLarge: number } {
  const file = path.resolve(cwd, name);
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new UsageError(`cannot read ${name}: no such file`);
  }
  if (size > limit) return { tooLarge: size };
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${name}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  }
}

/** Reads `--input`: a file (at most the decoder's limit) or standard input. */
async function readInput(input: string, io: CliIo): Promise<string | { tooLarge: number }> {
  if (input === '-') return io.readStdin();
  return readFileWithin(input, io.cwd, maxInputBytes);
}

/** `mp-userinfo decode`. Returns the exit code. */
export async function runDecode(argv: string[], io: CliIo): Promise<number> {
  let args: DecodeArgs | 'help';
  let report: DecodeReport;
  try {
    args = parseArgs(argv, io.env, io.cwd);
    if (args === 'help') {
      io.stdout(`${usage}\n`);
      return 0;
    }
    const language = args.request.language ?? 'en';
    const input = args.input === undefined ? undefined : await readInput(args.input, io);
    if (typeof input === 'object') {
      report = {
        verdicts: [],
        fields: [],
        notes: [],
        errors: [decodeError('input-too-large', language, { size: input.tooLarge, limit: maxInputBytes })],
      };
    } else {
      report = decodePayload({ ...args.request, ...(input !== undefined ? { text: input } : {}) });
    }
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`mp-userinfo decode: ${error.message}\n\n${usage}\n`);
    return 2;
  }
  const failed = reportFailed(report);
  if (args.format === 'json') {
    const error = report.errors[0];
    io.stdout(`${JSON.stringify({ ok: !failed, ...(error ? { error } : {}), ...report }, null, 2)}\n`);
  } else {
    io.stdout(formatText(report, args.request.language));
    for (const error of report.errors) io.stderr(`error [${error.code}]: ${error.message}\n`);
  }
  return failed ? 1 : 0;
}

const marks = { pass: '✓', fail: '✗', skipped: '–' } as const;

const headings = {
  en: {
    format: 'Format',
    input: 'Fields',
    decrypted: 'Decoded fields',
    notes: 'Notes',
    plaintext: 'Decrypted JSON',
    text: 'Decrypted text (not JSON)',
    response: 'Parsed response',
  },
  'zh-cn': {
    format: '格式',
    input: '字段',
    decrypted: '解码后的字段',
    notes: '说明',
    plaintext: '解密后的 JSON',
    text: '解密后的文本（不是 JSON）',
    response: '解析后的 response',
  },
} satisfies Record<DocsLanguage, Record<string, string>>;

/**
 * Decrypted text as it may be printed to a terminal: control characters other than line feed and tab,
 * and the bidirectional overrides, are written as `\u001b`-style escapes, so content that is not JSON
 * cannot move the cursor, recolour the terminal or reorder what is shown.
 */
export function printableText(text: string): string {
  return text.replace(
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function clip(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat;
}

function fieldLines(rows: FieldRow[]): string[] {
  const width = Math.min(28, Math.max(...rows.map((r) => r.path.length)));
  return rows.map((row) => {
    const value = row.meaning ? `${row.value} (${row.meaning})` : row.value;
    const about = [row.description, row.noLongerReturned].filter(Boolean).join(' ');
    return `  ${row.path.padEnd(width)}  ${clip(value, 48)}${about ? `\n  ${' '.repeat(width)}  ${about}` : ''}`;
  });
}

/** The human-readable report (errors go to stderr separately). */
export function formatText(report: DecodeReport, language: DocsLanguage = 'en'): string {
  const h = headings[language];
  const out: string[] = [];
  if (report.format) out.push(`${h.format}: ${report.format.description}`);
  if (report.verdicts.length > 0) {
    out.push('');
    for (const v of report.verdicts) out.push(`${marks[v.status]} ${v.check.padEnd(13)} ${v.detail}`);
  }
  for (const group of ['decrypted', 'input'] as const) {
    const rows = report.fields.filter((f) => f.group === group);
    if (rows.length > 0) out.push('', `${h[group]}:`, ...fieldLines(rows));
  }
  if (report.notes.length > 0) {
    out.push('', `${h.notes}:`);
    for (const note of report.notes) out.push(`  ${note.level === 'warning' ? '!' : 'i'} ${note.message}`);
  }
  if (report.plaintext !== undefined && report.data === undefined) {
    out.push('', `${h.text}:`, printableText(report.plaintext));
  } else if (report.plaintext !== undefined) {
    out.push('', `${h.plaintext}:`, JSON.stringify(report.data, null, 2));
  } else if (report.format?.kind === 'alipay-envelope') {
    out.push('', `${h.response}:`, JSON.stringify(report.data, null, 2));
  }
  return out.length > 0 ? `${out.join('\n')}\n` : '';
}
