import { describe, expect, it } from 'vitest';
import data from '../../../reference/classifications.json' with { type: 'json' };
import { splitCodes } from '../../../shared/classification-codes';
import type { NaceEntry } from '../../../shared/schemas/reference';
import { chipOfResolved, codeCatalogue, resolveChip, searchCodes } from './code-catalogue';

const nace = data.nace as NaceEntry[];
const french = codeCatalogue('fr', nace, data.naf2);
const russian = codeCatalogue('ru', nace, data.okved2);
const english = codeCatalogue('en', nace, undefined);

describe('codes as they are typed or pasted', () => {
  it('splits on commas, semicolons, spaces and new lines', () => {
    expect(splitCodes('23.44Z, 72.19Z')).toEqual(['23.44Z', '72.19Z']);
    expect(splitCodes('23.44;62.02.1 ;  28.29A')).toEqual(['23.44', '62.02.1', '28.29A']);
    expect(splitCodes('23.44Z\n72.19Z\r\n\t62.02\n')).toEqual(['23.44Z', '72.19Z', '62.02']);
    expect(splitCodes(' , ; ')).toEqual([]);
  });
});

describe('what each chip resolves to', () => {
  it('reads a NAF code, with its French title and the NACE class it is stored as', () => {
    expect(resolveChip('23.44z', french)).toMatchObject({
      state: 'resolved',
      system: 'naf2',
      code: '23.44Z',
      title: 'Fabrication d’autres produits céramiques à usage technique'.replace('’', "'"),
      nace: { code: '23.44' },
    });
    expect(resolveChip('7219Z', french)).toMatchObject({ state: 'resolved', system: 'naf2', code: '72.19Z', nace: { code: '72.19' } });
  });

  it('reads an ОКВЭД 2 code, and a 4-digit one as the NACE class both systems agree on', () => {
    expect(resolveChip('62.02.1', russian)).toMatchObject({
      state: 'resolved',
      system: 'okved2',
      title: 'Деятельность по планированию, проектированию компьютерных систем',
      nace: { code: '62.02' },
    });
    expect(resolveChip('23.44', russian)).toMatchObject({
      state: 'resolved',
      system: 'nace2',
      code: '23.44',
      title: 'Производство прочих технических керамических изделий',
    });
    // division 85: ОКВЭД's 85.22 (higher education) is NACE 85.42
    expect(resolveChip('85.22', russian)).toMatchObject({ state: 'resolved', system: 'okved2', nace: { code: '85.42' } });
  });

  it('titles a NACE class in the reader’s language', () => {
    expect(resolveChip('62.02', english)).toMatchObject({ state: 'resolved', title: 'Computer consultancy activities' });
    expect(resolveChip('6202', french)).toMatchObject({ state: 'resolved', code: '62.02', title: 'Conseil informatique' });
  });

  it('asks the server for a code of a system the page has not loaded, and titles it in the reader’s language', () => {
    expect(resolveChip('23.44Z', english)).toEqual({ input: '23.44Z', state: 'pending' });
    expect(resolveChip('62.02.1', french)).toEqual({ input: '62.02.1', state: 'pending' });
    const naceClass = nace.find((n) => n.code === '23.44')!;
    const answer = { input: '23.44Z', system: 'naf2' as const, code: '23.44Z', title: 'Fabrication…', naceClass };
    expect(chipOfResolved(answer, 'en')).toMatchObject({ state: 'resolved', title: 'Manufacture of other technical ceramic products' });
    expect(chipOfResolved(answer, 'fr')).toMatchObject({ state: 'resolved', title: 'Fabrication…' });
  });

  it('marks an unknown code as unknown, naming it', () => {
    expect(resolveChip('99.99Z', french)).toEqual({ input: '99.99Z', state: 'unknown' });
    expect(resolveChip('abc', russian)).toEqual({ input: 'abc', state: 'unknown' });
    expect(resolveChip('99.99.9', russian)).toEqual({ input: '99.99.9', state: 'unknown' });
  });
});

describe('type-ahead', () => {
  it('finds classes by a word of their title in the reader’s language, accents and case aside', () => {
    const found = searchCodes('керамич', russian);
    expect(found.map((o) => o.code)).toContain('23.44');
    expect(found.every((o) => o.title.toLowerCase().includes('керамич'))).toBe(true);
    expect(searchCodes('CERAMIQUES technique', french).map((o) => o.code)).toEqual(expect.arrayContaining(['23.44', '23.44Z']));
  });

  it('finds codes by their start, dots optional, NACE classes before national codes', () => {
    expect(searchCodes('6202', russian).map((o) => o.code)).toEqual(['62.02', '62.02.1', '62.02.2', '62.02.3', '62.02.4', '62.02.9']);
    expect(searchCodes('23.44', french).map((o) => `${o.system} ${o.code}`)).toEqual(['nace2 23.44', 'naf2 23.44Z']);
    expect(searchCodes('   ', french)).toEqual([]);
  });
});
