import { describe, expect, it } from 'vitest';
import { NameOrder } from './partner-name-order.js';
import { compareCodeUnits } from './partner-ranking.js';
import { IdColumn } from '../search/id-column.js';

/** The index's id column of these ids. */
const column = (ids: string[]) => {
  const c = new IdColumn();
  ids.forEach((id) => c.push(id));
  return c;
};

/** The order suggestions break ties in: by name, then by id, as `<` compares strings. */
const byStrings = (ids: string[], names: string[]) => (a: number, b: number) =>
  names[a] !== names[b] ? names[a]! < names[b]! : ids[a]! < ids[b]!;

const everyPair = (size: number) => Array.from({ length: size }, (_, a) => Array.from({ length: size }, (_, b) => [a, b] as const)).flat();

describe('NameOrder', () => {
  // names with shared prefixes, one a prefix of another, Cyrillic and accents, and organisations of one name
  const names = ['компания «мира»', 'компания «мир»', 'société b', 'societe b', 'alpha', 'alpha', 'alph', 'Zeta', 'alpha', 'компания «мира»'];
  // UUIDs as the database gives them, and ids of other forms
  const ids = names.map((_, i) => (i % 2 ? `org-${(i * 7) % 10}` : `0000000${(i * 7) % 10}-0000-4000-8000-000000000000`));

  it('orders slots by name, then id, as comparing the strings does', () => {
    const order = new NameOrder().over(column(ids), names);
    const expected = byStrings(ids, names);
    for (const [a, b] of everyPair(names.length)) expect([a, b, order.before(a, b)]).toEqual([a, b, expected(a, b)]);
  });

  it('orders slots appended since its places were made, and is made again for renumbered columns', () => {
    const growing = column(ids);
    const order = new NameOrder().over(growing, names);
    // a few more slots than an eighth: the first ones appended are compared by name, the next remake places
    const grownIds = [...ids, 'org-a'];
    const grownNames = [...names, 'alpha'];
    growing.push('org-a');
    const appended = order.over(growing, grownNames);
    for (const [a, b] of everyPair(grownNames.length)) expect(appended.before(a, b)).toBe(byStrings(grownIds, grownNames)(a, b));
    grownIds.push('org-b', 'org-c');
    grownNames.push('beta', 'a');
    growing.push('org-b');
    growing.push('org-c');
    const remade = order.over(growing, grownNames);
    for (const [a, b] of everyPair(grownNames.length)) expect(remade.before(a, b)).toBe(byStrings(grownIds, grownNames)(a, b));
    const renumbered = [names[3]!, names[0]!, names[4]!];
    const renumberedIds = [ids[3]!, ids[0]!, ids[4]!];
    const compacted = order.over(column(renumberedIds), renumbered);
    for (const [a, b] of everyPair(3)) expect(compacted.before(a, b)).toBe(byStrings(renumberedIds, renumbered)(a, b));
  });
});

describe('compareCodeUnits', () => {
  it('is the order of `<` on strings', () => {
    const words = ['', 'a', 'ab', 'b', 'B', 'é', 'e\u0301', 'компания', 'компания «', '😀', '\uffff', 'a\u0000'];
    for (const a of words) for (const b of words) expect(compareCodeUnits(a, b)).toBe(a < b ? -1 : a > b ? 1 : 0);
  });
});
