// The scale benchmark's table (bench-scale.ts): a row a measure with its target, a column pair (now,
// before) a size, and the runs saved to compare with.
import { existsSync, readFileSync } from 'node:fs';

/** One size's figures, by measure (null: not measured). */
export type Figures = Record<string, number | null>;

type Row = { key: string; label: string; target: string; holds?: (value: number, figures: Figures) => boolean };
const atMost = (limit: number) => (value: number) => value <= limit;
const ROWS: Row[] = [
  { key: 'searchP50', label: 'search p50 (ms)', target: '' },
  { key: 'searchP95', label: 'search p95 (ms)', target: '≤ 30', holds: atMost(30) },
  { key: 'partnerP50', label: 'partner top-20 p50 (ms)', target: '' },
  { key: 'partnerP95', label: 'partner top-20 p95 (ms)', target: '≤ 25', holds: atMost(25) },
  { key: 'httpSearchP50', label: 'search p50 through a web process, HTTP (ms)', target: '' },
  { key: 'httpSearchP95', label: 'search p95 through a web process, HTTP (ms)', target: '≤ 30', holds: atMost(30) },
  { key: 'httpPartnerP50', label: 'partner top-20 p50 through a web process (ms)', target: '' },
  { key: 'httpPartnerP95', label: 'partner top-20 p95 through a web process (ms)', target: '≤ 25', holds: atMost(25) },
  { key: 'rssMb', label: 'web process VmRSS (MB)', target: '≤ 500', holds: atMost(500) },
  { key: 'hwmMb', label: 'web process VmHWM (MB)', target: '' },
  { key: 'searchRssMb', label: 'search process VmRSS (MB)', target: '≤ 1000', holds: atMost(1000) },
  { key: 'searchHwmMb', label: 'search process VmHWM (MB)', target: '' },
  // after a restart both indexes come from their snapshots (above: after a first load from the database)
  { key: 'restoredSearchRssMb', label: 'search process VmRSS, restored (MB)', target: '≤ 1000', holds: atMost(1000) },
  { key: 'firstSearchMs', label: 'first search after a restart (ms)', target: '≤ 2000', holds: atMost(2000) },
  { key: 'firstSuggestionMs', label: 'first suggestion after a restart (ms)', target: '' },
  { key: 'openTxBeforeP50', label: 'search p50, no transaction open (ms)', target: '' },
  {
    key: 'openTxP50',
    label: 'search p50, a transaction held open (ms)',
    target: '≤ 1.2 × above',
    holds: (value, f) => f.openTxBeforeP50 != null && value <= 1.2 * f.openTxBeforeP50,
  },
  { key: 'lagP50Ms', label: 'write found by another web process, p50 (ms)', target: '≤ 100', holds: atMost(100) },
  { key: 'lagMaxMs', label: 'write found by another web process, max (ms)', target: '≤ 100', holds: atMost(100) },
  { key: 'generateSeconds', label: 'generator time (s)', target: '≤ 900', holds: atMost(900) },
  { key: 'generatePeakRssMb', label: 'generator peak RSS (MB)', target: '≤ 2048', holds: atMost(2048) },
  { key: 'loadAverage', label: "machine's load average (1 min) at the start", target: '' },
];

export interface Saved {
  measuredAt: string;
  commit: string;
  sizes: Record<string, Figures>;
}

export const readSaved = (file: string | undefined): Saved | null =>
  file && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Saved) : null;
const shown = (value: number | null | undefined) => (value == null ? '—' : value >= 100 ? value.toFixed(0) : value.toFixed(1));
const sizeName = (size: number) => (size >= 1_000_000 ? `${size / 1_000_000}M` : `${size / 1000}k`);

/** One table: a row a measure, a column pair (now, before) a size, with the target and whether now meets it. */
export function printTable(sizes: number[], now: Record<string, Figures>, before: Saved | null) {
  const header = ['measure', 'target', ...sizes.flatMap((s) => [`${sizeName(s)} now`, `${sizeName(s)} before`])];
  const lines = ROWS.map((row) => [
    row.label,
    row.target || '—',
    ...sizes.flatMap((size) => {
      const value = now[size]?.[row.key];
      const mark = row.holds && value != null ? (row.holds(value, now[size]!) ? ' ✔' : ' ✘') : '';
      return [`${shown(value)}${mark}`, shown(before?.sizes[size]?.[row.key])];
    }),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  console.log(`\nScale benchmark on PostgreSQL${before ? ` (before: ${before.commit}, ${before.measuredAt})` : ''}`);
  console.log(format(header));
  console.log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const line of lines) console.log(format(line));
}

