import type { TextSegment } from '../../shared/schemas/search.js';

export const fold = (word: string) => word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * Cuts a text into pieces, marking the words that start with one of the stems (accent- and case-folded).
 * Stemmers sometimes change a word's last letter ("technology" → "technolog", "battery" → "batteri"), so a
 * long stem also marks words that start with all of it but its last letter.
 */
export function highlight(text: string, stems: string[]): TextSegment[] {
  const prefixes = [...new Set(stems.map(fold).filter((s) => s.length >= 3))].flatMap((s) => (s.length >= 6 ? [s, s.slice(0, -1)] : [s]));
  const segments: TextSegment[] = [];
  const push = (piece: string, hit: boolean) => {
    const last = segments.at(-1);
    if (last && last.hit === hit) last.text += piece;
    else if (piece !== '') segments.push({ text: piece, hit });
  };
  let at = 0;
  for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = match[0];
    const folded = fold(word);
    push(text.slice(at, match.index), false);
    push(
      word,
      prefixes.some((p) => folded.startsWith(p)),
    );
    at = match.index + word.length;
  }
  push(text.slice(at), false);
  // a phrase reads as one mark: "фильтрующие материалы", not two
  for (let i = segments.length - 2; i > 0; i--) {
    if (segments[i - 1]!.hit && segments[i + 1]!.hit && /^\s+$/u.test(segments[i]!.text)) {
      segments.splice(i - 1, 3, { text: segments[i - 1]!.text + segments[i]!.text + segments[i + 1]!.text, hit: true });
    }
  }
  return segments;
}

/**
 * Whether highlight() would mark any word of these texts with the stems, asked for many stem lists: each
 * distinct word is cut and folded once, not once per question (an explanation asks it per query word of
 * every result, over a record's title, summary and parties in three languages).
 */
export function marksAny(texts: string[]): (stems: string[]) => boolean {
  let words: string[] | null = null;
  return (stems) => {
    words ??= [...new Set(texts.flatMap((text) => text.match(/[\p{L}\p{N}]+/gu) ?? []))].map(fold);
    const prefixes = [...new Set(stems.map(fold).filter((s) => s.length >= 3))].flatMap((s) => (s.length >= 6 ? [s, s.slice(0, -1)] : [s]));
    return prefixes.length > 0 && words.some((word) => prefixes.some((p) => word.startsWith(p)));
  };
}

export const hasHits = (segments: TextSegment[]) => segments.some((s) => s.hit);
