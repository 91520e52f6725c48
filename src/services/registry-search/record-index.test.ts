import { describe, expect, it } from 'vitest';
import type { IndexedRecord } from '../../repositories/registry/record-search.repository.js';
import { RevisionLog } from '../../test/profiles.js';
import type { IndexWord } from '../search/directory-index.js';
import { RecordIndex, type RecordFilter } from './record-index.js';

const record = (id: string, words: string, values: Partial<IndexedRecord> = {}): IndexedRecord => ({
  id,
  published: true,
  kind: 'agreement',
  stage: 'signed',
  types: [],
  areaCodes: [],
  regionCodes: [],
  datedFirst: null,
  datedLast: null,
  conceptCodes: [],
  searchVector: words
    .split(' ')
    .map((w, i) => `'${w}':${i + 1}A`)
    .join(' '),
  titleKey: id,
  ...values,
});
const word = (text: string): IndexWord => ({
  word: text,
  optional: false,
  texts: [{ lexemes: [text], prefix: false }],
  concepts: [],
  narrower: [],
  nameKey: null,
});
const none: RecordFilter = { kinds: [], types: [], stages: [], areaCodes: [], regionCodes: [], period: null };
const ids = (index: RecordIndex, words: string[], filter = none) =>
  index.search(words.map(word), filter, { offset: 0, limit: 50 }).hits.map((h) => h.id);

describe('the records index', () => {
  it('matches a period by the days a partial date covers', async () => {
    const log = new RevisionLog<IndexedRecord>();
    log.write(record('a', 'filtr', { datedFirst: '2004-01-01', datedLast: '2004-12-31' }));
    log.write(record('b', 'filtr', { datedFirst: '2004-06-15', datedLast: '2004-06-15' }));
    log.write(record('c', 'filtr'));
    const index = new RecordIndex({ recordsSince: (h, p) => log.since(h, p) });
    await index.refresh();
    const period = (first: string | null, last: string | null) => ({ ...none, period: { first, last } });
    expect(ids(index, ['filtr'], period('2004-06-01', '2004-06-30')).sort()).toEqual(['a', 'b']);
    expect(ids(index, ['filtr'], period('2004-07-01', null))).toEqual(['a']);
    expect(ids(index, ['filtr'], period(null, '2003-12-31'))).toEqual([]);
    // without a period, the undated record too
    expect(ids(index, ['filtr']).sort()).toEqual(['a', 'b', 'c']);
  });

  it('keeps finding what records say now through many rewrites (dead slots compacted away)', async () => {
    const log = new RevisionLog<IndexedRecord>();
    for (let i = 0; i < 50; i++)
      log.write(
        record(`r${String(i).padStart(3, '0')}`, 'ceram', { kind: i % 2 ? 'initiative' : 'agreement', stage: i % 2 ? 'active' : 'signed' }),
      );
    const index = new RecordIndex({ recordsSince: (h, p) => log.since(h, p) }, () => null, 10);
    await index.refresh();
    // 3,000 rewrites: more dead slots than live ones many times over
    for (let round = 0; round < 60; round++) {
      for (let i = 0; i < 50; i++)
        log.write(
          record(`r${String(i).padStart(3, '0')}`, round % 2 ? 'ceram' : 'filtr', {
            kind: i % 2 ? 'initiative' : 'agreement',
            stage: i % 2 ? 'active' : 'signed',
            published: i !== 7,
          }),
        );
      await index.refresh();
    }
    expect(index.size).toBe(49);
    expect(ids(index, ['filtr'])).toEqual([]);
    const found = ids(index, ['ceram']);
    expect(found).toHaveLength(49);
    expect(found).not.toContain('r007');
    const { facets, total } = index.search([word('ceram')], { ...none, kinds: ['initiative'] }, { offset: 0, limit: 5 });
    expect(total).toBe(24);
    // a facet counts with the other filters, not its own
    expect(facets).toEqual({ kind: { agreement: 25, initiative: 24 }, stage: { active: 24 } });
  });
});
