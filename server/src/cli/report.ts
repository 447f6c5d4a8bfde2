/** The output formats of `mp-userinfo check`: a stylish text report, ESLint-style JSON and SARIF 2.1.0. */
import { rules } from '../core/rules';
import type { Severity } from '../core/types';

export type ReportFormat = 'text' | 'json' | 'sarif';

/** One finding as the CLI reports it: `file` relative to the working folder, 1-based positions. */
export interface ReportedFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  code: string;
  message: string;
  /** Other places the same advice applies to (present only when there are some); `file` when in another file. */
  related?: Array<{ file?: string; line: number; column: number; endLine: number; endColumn: number; message: string }>;
}

const sarifLevels: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};
const rulesUrl = 'docs/rules.md';

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `12:5, pages/b/b.js:8:5, 18:9`: each place, naming its file when it changes from the one before. */
function places(related: NonNullable<ReportedFinding['related']>): string {
  let file: string | undefined;
  return related
    .map((r) => {
      const named = r.file !== undefined && r.file !== file ? `${r.file}:` : '';
      file = r.file ?? file;
      return `${named}${r.line}:${r.column}`;
    })
    .join(', ');
}

function formatText(findings: ReportedFinding[], filesChecked: number, skippedSummary?: string): string {
  const skipped = skippedSummary ? `${skippedSummary}\n` : '';
  if (findings.length === 0) return `No problems found in ${plural(filesChecked, 'file')}.\n${skipped}`;
  const lines: string[] = [];
  let currentFile = '';
  const width = Math.max(...findings.map((f) => `${f.line}:${f.column}`.length));
  const severityWidth = Math.max(...findings.map((f) => f.severity.length));
  for (const f of findings) {
    if (f.file !== currentFile) {
      if (currentFile) lines.push('');
      lines.push(f.file);
      currentFile = f.file;
    }
    const also = f.related?.length ? ` (also at ${places(f.related)})` : '';
    lines.push(`  ${`${f.line}:${f.column}`.padEnd(width)}  ${f.severity.padEnd(severityWidth)}  ${f.message}${also}  ${f.code}`);
  }
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const parts = [plural(count('error'), 'error'), plural(count('warning'), 'warning')];
  const other = count('information') + count('hint');
  if (other) parts.push(`${other} info`);
  lines.push('', `✖ ${plural(findings.length, 'problem')} (${parts.join(', ')}) in ${plural(filesChecked, 'file')} checked`, '');
  return lines.join('\n') + skipped;
}

function formatSarif(findings: ReportedFinding[], version: string): string {
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'mp-userinfo',
            version,
            informationUri: 'https://www.npmjs.com/package/mp-userinfo-tools',
            rules: rules.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.docs.summary },
              fullDescription: { text: rule.docs.rationale },
              helpUri: `${rulesUrl}#${rule.id}`,
              help: { text: `${rule.docs.rationale}\n\nWrong:\n${rule.docs.wrong}\n\nRight:\n${rule.docs.right}` },
              defaultConfiguration: { level: sarifLevels[rule.defaultSeverity] },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: './' } },
        results: findings.map((f) => ({
          ruleId: f.code,
          ruleIndex: rules.findIndex((r) => r.id === f.code),
          level: sarifLevels[f.severity],
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: f.file, uriBaseId: '%SRCROOT%' },
                region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
              },
            },
          ],
          ...(f.related?.length
            ? {
                relatedLocations: f.related.map((r, id) => ({
                  id,
                  message: { text: r.message },
                  physicalLocation: {
                    artifactLocation: { uri: r.file ?? f.file, uriBaseId: '%SRCROOT%' },
                    region: { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn },
                  },
                })),
              }
            : {}),
        })),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

const sayOnceCodes = new Set(rules.filter((rule) => rule.sayOnce).map((rule) => rule.id));

/**
 * Advice that holds for every call alike (a rule's `sayOnce`) is said once in the text report: a finding whose
 * code, severity and message appeared in an earlier file becomes a related location of that first finding.
 * JSON and SARIF keep it once per file, as the editor shows it, so tools that read them see every file's own.
 */
function sayOncePerRun(findings: ReportedFinding[]): ReportedFinding[] {
  const first = new Map<string, ReportedFinding>();
  const kept: ReportedFinding[] = [];
  for (const finding of findings) {
    if (!sayOnceCodes.has(finding.code)) {
      kept.push(finding);
      continue;
    }
    const key = `${finding.code}\u0000${finding.severity}\u0000${finding.message}`;
    const primary = first.get(key);
    if (!primary) {
      const copy = { ...finding };
      first.set(key, copy);
      kept.push(copy);
      continue;
    }
    const here = {
      file: finding.file,
      line: finding.line,
      column: finding.column,
      endLine: finding.endLine,
      endColumn: finding.endColumn,
    };
    const also = [here, ...(finding.related ?? []).map((r) => ({ ...r, file: r.file ?? finding.file }))];
    primary.related = [
      ...(primary.related ?? []),
      ...also.map(({ file, line, column, endLine, endColumn }) => ({
        file,
        line,
        column,
        endLine,
        endColumn,
        message: 'Also here.',
      })),
    ];
  }
  return kept;
}

/**
 * Renders the findings in a format. `skippedSummary` (the files not checked, and why) is a line of the text
 * report only: the JSON and SARIF shapes stay as they are.
 */
export function formatReport(
  findings: ReportedFinding[],
  format: ReportFormat,
  meta: { version: string; filesChecked: number; skippedSummary?: string },
): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(findings, null, 2)}\n`;
    case 'sarif':
      return formatSarif(findings, meta.version);
    case 'text':
      return formatText(sayOncePerRun(findings), meta.filesChecked, meta.skippedSummary);
  }
}
