import type { RecordResultRow } from '../repositories/registry/record-search.repository.js';
import type { ConceptRef, TextSegment, WordMatch } from '../shared/schemas/search.js';
import type { RecordSearchResult, RecordSnippet } from '../shared/schemas/registry-search.js';
import type { MultilingualText } from '../shared/multilingual.js';
import { parsePartialDate } from '../shared/partial-date.js';

/** How much of a summary a result shows: about two lines around the first marked word. */
const SNIPPET_LENGTH = 220;

/** Segments cut to about `length` characters, starting a little before the first hit, with "…" where cut. */
export function snippet(segments: TextSegment[], length = SNIPPET_LENGTH): TextSegment[] {
  const text = segments.map((s) => s.text).join('');
  if (text.length <= length) return segments;
  let at = 0;
  let hitAt = 0;
  for (const segment of segments) {
    if (segment.hit) {
      hitAt = at;
      break;
    }
    at += segment.text.length;
  }
  // start at a word boundary some way before the hit, so the reader sees what leads to it
  let start = Math.max(0, Math.min(hitAt - 40, text.length - length));
  if (start > 0) start = text.indexOf(' ', start) + 1 || start;
  const end = Math.min(text.length, start + length);
  const cut: TextSegment[] = [];
  let offset = 0;
  for (const segment of segments) {
    const from = Math.max(start, offset);
    const to = Math.min(end, offset + segment.text.length);
    if (from < to) cut.push({ text: segment.text.slice(from - offset, to - offset), hit: segment.hit });
    offset += segment.text.length;
  }
  if (start > 0) cut.unshift({ text: '…', hit: false });
  if (end < text.length) cut.push({ text: '…', hit: false });
  return cut;
}

export interface RecordExplanation {
  words: WordMatch[];
  concepts: ConceptRef[];
  title: RecordSnippet;
  summary: RecordSnippet | null;
}

export function presentRecordResult(row: RecordResultRow, explanation: RecordExplanation): RecordSearchResult {
  const date = row.dated ? parsePartialDate(row.dated) : null;
  return {
    kind: row.kind,
    slug: row.slug,
    title: row.title,
    titleHighlight: explanation.title,
    summary: explanation.summary ? { ...explanation.summary, segments: snippet(explanation.summary.segments) } : null,
    types: row.types,
    stage: row.stage,
    date: date ? { value: date.value, precision: date.precision } : null,
    parties: row.parties.map((p: MultilingualText) => p),
    match: { words: explanation.words, concepts: explanation.concepts },
  };
}
