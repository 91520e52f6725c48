// Reads the shared vocabularies (shared/data/vocabularies, README there): one entry per code or concept,
// its labels and terms in each language.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from './stem.js';

export interface VocabularyEntry {
  id: string;
  labels: Partial<Record<Lang, string[]>>;
  terms?: Partial<Record<Lang, string[]>>;
}

export interface VocabularyFile {
  vocabulary: string;
  title: string;
  licence: string;
  sources: string[];
  entries: VocabularyEntry[];
}

export function readVocabulary(root: string, name: string): VocabularyFile {
  return JSON.parse(readFileSync(join(root, name, `${name}.json`), 'utf8')) as VocabularyFile;
}

/** Every text of a vocabulary in one language: what the stemmer must see before alignment. */
export function textsOf(entries: readonly VocabularyEntry[], lang: Lang): string[] {
  return entries.flatMap((entry) => [...(entry.labels[lang] ?? []), ...(entry.terms?.[lang] ?? [])]);
}
