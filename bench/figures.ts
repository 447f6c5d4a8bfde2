/**
 * The shape of a benchmark result: every figure names its same-run baseline, its ratio against it,
 * its target and whether the target is met. `met` is null when the figure could not be measured (a
 * feature the server does not offer) or has no target.
 */

/** One line of the results table. */
export interface Figure {
  /** `1`, `2`, … as numbered in issue 8, with a letter per variant: `1a`. */
  id: string;
  /** What is measured. */
  name: string;
  /** The measured value, formatted. */
  measured: string;
  /** The same-run baseline, formatted. */
  baseline: string;
  /** The headline ratio, formatted (empty when there is none). */
  ratio: string;
  /** The target, formatted (empty when there is none). */
  target: string;
  met: boolean | null;
  /** Why a figure is missing or what qualifies it. */
  note?: string;
  /** The raw numbers behind the figure. */
  data: Record<string, unknown>;
}

/** Seconds or milliseconds, whichever reads better. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return 'n/a';
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

/** A ratio such as `1.18×`. */
export function formatRatio(ratio: number): string {
  if (!Number.isFinite(ratio)) return 'n/a';
  return ratio >= 10 ? `${ratio.toFixed(1)}×` : `${ratio.toFixed(2)}×`;
}

/** Megabytes. */
export function formatMb(mb: number): string {
  return Number.isFinite(mb) ? `${mb.toFixed(mb >= 100 ? 0 : 1)} MB` : 'n/a';
}

/** A count with thousands separators. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** The results table as Markdown (also readable as plain text). */
export function renderTable(figures: readonly Figure[]): string {
  const header = ['#', 'figure', 'measured', 'same-run baseline', 'ratio', 'target', 'met'];
  const rows = figures.map((f) => [
    f.id,
    f.note ? `${f.name} (${f.note})` : f.name,
    f.measured,
    f.baseline,
    f.ratio,
    f.target,
    f.met === null ? '—' : f.met ? 'yes' : '**no**',
  ]);
  const escape = (cell: string) => cell.replace(/\|/g, '\\|');
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map((h) => (h === '#' || h === 'met' ? ':-:' : '---')).join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(escape).join(' | ')} |`),
  ].join('\n');
}
