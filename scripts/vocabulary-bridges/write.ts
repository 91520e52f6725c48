// Writes a bridge file in the project's format (src/reference/vocabularies/README.md): one source lexeme a
// line, so a rebuild's diff shows which words changed.
import { writeFileSync } from 'node:fs';
import type { Association } from './align.js';
import type { Lang } from './stem.js';
import { LANGS } from './stem.js';

export interface BridgeFileHead {
  vocabulary: string;
  licence: string;
  attribution: string;
  sources: string[];
  built: string;
}

/** Bridges of one file: source language → source lexeme → target language → associations, best first. */
export type BridgeTable = Record<Lang, Map<string, Partial<Record<Lang, Association[]>>>>;

export function emptyTable(): BridgeTable {
  return { ru: new Map(), fr: new Map(), en: new Map() };
}

export function addAssociations(table: BridgeTable, from: Lang, to: Lang, found: Map<string, Association[]>): void {
  for (const [lexeme, list] of found) {
    const row = table[from].get(lexeme) ?? {};
    row[to] = list;
    table[from].set(lexeme, row);
  }
}

/** The entries the bridges cite, for the labels section. */
export function citedVias(table: BridgeTable): Set<string> {
  const vias = new Set<string>();
  for (const lang of LANGS) {
    for (const row of table[lang].values()) for (const list of Object.values(row)) for (const a of list ?? []) vias.add(a.via);
  }
  return vias;
}

const round = (weight: number) => Math.max(0.01, Math.round(weight * 100) / 100);

export function writeBridgeFile(
  path: string,
  head: BridgeFileHead,
  table: BridgeTable,
  labels: Map<string, Partial<Record<Lang, string>>>,
): number {
  const lines: string[] = ['{'];
  for (const [key, value] of Object.entries(head)) lines.push(`${JSON.stringify(key)}:${JSON.stringify(value)},`);
  lines.push('"bridges":{');
  LANGS.forEach((from, langIndex) => {
    lines.push(`${JSON.stringify(from)}:{`);
    const rows = [...table[from]].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    rows.forEach(([lexeme, row], index) => {
      const bridges = LANGS.flatMap((to) => (row[to] ?? []).map((a) => [to, a.target, round(a.weight), a.via]));
      lines.push(`${JSON.stringify(lexeme)}:${JSON.stringify(bridges)}${index < rows.length - 1 ? ',' : ''}`);
    });
    lines.push(langIndex < LANGS.length - 1 ? '},' : '}');
  });
  lines.push('},', '"labels":{');
  const cited = [...labels].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  cited.forEach(([via, text], index) => lines.push(`${JSON.stringify(via)}:${JSON.stringify(text)}${index < cited.length - 1 ? ',' : ''}`));
  lines.push('}', '}');
  const json = `${lines.join('\n')}\n`;
  JSON.parse(json);
  writeFileSync(path, json);
  return Buffer.byteLength(json);
}
