import { describe, expect, it } from 'vitest';
import { hasHits, highlight, marksAny } from './highlight.js';

describe('highlight', () => {
  it('marks the words that begin with a stem, whatever their ending, case or accents', () => {
    expect(highlight('Нетканые фильтрующие материалы.', ['фильтр', 'материа'])).toEqual([
      { text: 'Нетканые ', hit: false },
      { text: 'фильтрующие материалы', hit: true },
      { text: '.', hit: false },
    ]);
    expect(highlight('Céramiques techniques', ['ceram'])).toEqual([
      { text: 'Céramiques', hit: true },
      { text: ' techniques', hit: false },
    ]);
  });

  it('tolerates a stemmer that changed the last letter', () => {
    expect(hasHits(highlight('Battery recycling', ['batteri']))).toBe(true);
  });

  it('ignores stems too short to mean anything and keeps the text whole', () => {
    const text = 'Fabrication de filtres à air';
    const segments = highlight(text, ['de', 'a']);
    expect(hasHits(segments)).toBe(false);
    expect(segments.map((s) => s.text).join('')).toBe(text);
  });

  it('says of several texts whether highlight would mark a word, for each list of stems asked', () => {
    const texts = ['Нетканые фильтрующие материалы.', 'Battery recycling', 'Fabrication de filtres à air'];
    const marks = marksAny(texts);
    for (const stems of [['фильтр'], ['batteri'], ['de', 'a'], ['ceram'], ['FILTRE'], []])
      expect(marks(stems)).toBe(texts.some((text) => hasHits(highlight(text, stems))));
    expect(marks(['batteri'])).toBe(true);
    expect(marks(['ceram'])).toBe(false);
  });
});
