import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../test/test-platform.js';
import { exportOrganisations } from './export-organisations.js';
import { importOrganisations, ImportInvalidError } from './import-organisations.js';
import { readCsv, readJsonLines } from './organisation-record.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform({ seedDemo: false });
});
afterAll(() => t.close());

const run = (text: string, format: 'jsonl' | 'csv' = 'jsonl', options = {}) =>
  importOrganisations(t.services.repos, t.services.classifications, format === 'csv' ? readCsv(text) : readJsonLines(text), options);

const line = (o: object) => JSON.stringify(o);
const ceramics = {
  slug: 'ceramiques-du-limousin',
  kind: 'enterprise',
  region: 'FR-87',
  name: { original: 'fr', fr: 'Céramiques techniques du Limousin' },
  nace: ['23.44Z'],
  areas: ['non-metallic-materials-industrial-ceramics'],
};
const filters = {
  kind: 'enterprise',
  region: 'RU-KLU',
  name: { original: 'ru', ru: 'Калужские фильтры', en: 'Kaluga Filters' },
  nace: ['28.29.1'],
  people: [{ name: 'Иван Петров', role: { original: 'ru', ru: 'Директор' } }],
};

async function exportText(format: 'jsonl' | 'csv') {
  let text = '';
  await exportOrganisations(t.services.repos, format, (chunk) => {
    text += chunk;
  });
  return text;
}

describe('importing organisations', () => {
  it('refuses the whole file when a row is bad, naming its line and field, and writes nothing', async () => {
    const text = [line(ceramics), line({ ...filters, region: 'RU-XXX' }), line({ ...filters, slug: 'b', kind: 'shop' }), '{not json'].join(
      '\n',
    );
    const error = await run(text).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportInvalidError);
    const problems = (error as ImportInvalidError).problems;
    expect(problems).toEqual([
      { line: 2, field: 'region', message: 'unknown region "RU-XXX"' },
      { line: 3, field: 'kind', message: expect.stringMatching(/must be one of/) },
      { line: 4, field: '', message: expect.stringMatching(/not valid JSON/) },
    ]);
    expect(await t.services.repos.organisations.count()).toBe(0);
  });

  it('with skipInvalid, imports the good rows and reports the bad ones', async () => {
    const text = [line(ceramics), line({ ...filters, nace: ['12345'] })].join('\n');
    const report = await run(text, 'jsonl', { skipInvalid: true });
    expect(report.inserted).toBe(1);
    expect(report.skipped).toEqual([{ line: 2, field: 'nace[0]', message: expect.stringContaining('12345') }]);
    expect((await t.services.directory.get('ceramiques-du-limousin')).naceClasses).toEqual(['23.44']);
    const [event] = await t.services.repos.audit.list({ action: 'organisation.imported' }, 5);
    expect(event).toMatchObject({ entityType: 'import', after: { count: 1, slugs: ['ceramiques-du-limousin'] } });
  });

  it('makes slugs from names, reads ОКВЭД codes, transliterates people, and refuses a slug taken', async () => {
    const report = await run(line(filters));
    expect(report.inserted).toBe(1);
    const org = await t.services.directory.get('kaluzhskie-filtry');
    expect(org.naceClasses).toEqual(['28.29']);
    expect(org.people[0]).toMatchObject({ name: 'Иван Петров', nameLatin: 'Ivan Petrov' });
    const again = await run(line(ceramics)).catch((e: unknown) => e);
    expect((again as ImportInvalidError).problems[0]).toMatchObject({ line: 1, field: 'slug' });
  });

  it('round-trips through JSON Lines and CSV (with a BOM), Cyrillic and accents intact', async () => {
    const jsonl = await exportText('jsonl');
    const csv = await exportText('csv');
    expect(csv.startsWith('\uFEFFslug,kind,sector,region,original_language')).toBe(true);
    expect(csv).toContain('Калужские фильтры');
    expect(csv).toContain('Céramiques techniques du Limousin');

    const fromJsonl = readJsonLines(jsonl).map((r) => r.value);
    expect(fromJsonl).toHaveLength(2);
    const fromCsv = readCsv(csv).map((r) => r.value as Record<string, unknown>);
    expect(fromCsv.map((r) => r.name)).toEqual(fromJsonl.map((r) => (r as Record<string, unknown>).name));
    expect(fromCsv.map((r) => r.nace)).toEqual([['23.44'], ['28.29']]);

    // a fresh database fed with the export holds the same organisations
    const other = await createTestPlatform({ seedDemo: false });
    try {
      await importOrganisations(other.services.repos, other.services.classifications, readCsv(csv));
      const copy = await other.services.directory.get('kaluzhskie-filtry');
      expect(copy.name).toEqual({ original: 'ru', ru: 'Калужские фильтры', en: 'Kaluga Filters' });
      expect(copy.sector).toBe('business');
    } finally {
      await other.close();
    }
  });

  it('reports CSV rows by their line in the file', async () => {
    const csv = '\uFEFFslug,kind,region,original_language,name_fr\nok-one,enterprise,FR-87,fr,Un\nbad-one,enterprise,FR-87,de,Deux\n';
    const error = (await run(csv, 'csv').catch((e: unknown) => e)) as ImportInvalidError;
    expect(error.problems).toEqual([{ line: 3, field: '', message: 'original_language must be one of ru, fr, en' }]);
  });

  it('reports NUL characters, lone surrogates and 1e400 as invalid rows, by line and field, instead of failing in the database', async () => {
    const before = await t.services.repos.organisations.count();
    // alone, the row passed every check and the database refused the whole import with an error
    const alone = await run(line({ ...ceramics, slug: 'only-nul', people: [{ name: 'A\u0000' }] })).catch((e: unknown) => e);
    expect(alone).toBeInstanceOf(ImportInvalidError);
    expect((alone as ImportInvalidError).problems).toEqual([
      { line: 1, field: 'people[0].name', message: 'must not contain NUL characters (U+0000)' },
    ]);
    const text = [
      line({ ...ceramics, slug: 'nul-in-name', name: { original: 'fr', fr: 'Céramiques\u0000' } }),
      // a lone surrogate, escaped in the JSON text as an export from another tool may have it
      `{"kind":"enterprise","region":"FR-87","name":{"original":"fr","fr":"Filtres \\ud800"},"people":[{"name":"A\\u0000B"}]}`,
      '{"kind":"enterprise","region":"FR-87","name":{"original":"fr","fr":"Nombre"},"nace":[1e400]}',
      line({ ...ceramics, slug: 'good-row', name: { original: 'fr', fr: 'Bon' } }),
    ].join('\n');
    const error = (await run(text).catch((e: unknown) => e)) as ImportInvalidError;
    expect(error).toBeInstanceOf(ImportInvalidError);
    expect(error.problems).toEqual(
      expect.arrayContaining([
        { line: 1, field: 'name.fr', message: 'must not contain NUL characters (U+0000)' },
        { line: 2, field: 'name.fr', message: 'must be valid Unicode text (it has a lone surrogate)' },
        { line: 2, field: 'people[0].name', message: 'must not contain NUL characters (U+0000)' },
        { line: 3, field: 'nace[0]', message: 'must be a finite number' },
      ]),
    );
    expect(await t.services.repos.organisations.count()).toBe(before);

    const report = await run(text, 'jsonl', { skipInvalid: true });
    expect(report.inserted).toBe(1);
    expect(new Set(report.skipped.map((p) => p.line))).toEqual(new Set([1, 2, 3]));

    const csv = 'slug,kind,region,original_language,name_fr\nnul-cell,enterprise,FR-87,fr,Un\u0000Deux\n';
    const fromCsv = (await run(csv, 'csv').catch((e: unknown) => e)) as ImportInvalidError;
    expect(fromCsv.problems).toEqual([{ line: 2, field: 'name.fr', message: 'must not contain NUL characters (U+0000)' }]);
  });

  it('takes any region of Europe and refuses a code that is none, naming its line (CSV)', async () => {
    const rows = [
      'slug,kind,region,original_language,name_en',
      'nordclean-test,enterprise,SE-O,en,Nordclean Test',
      'cork-test,enterprise,IE-CO,en,Cork Test',
      'nowhere-test,enterprise,DE-ZZ,en,Nowhere Test',
    ].join('\n');
    const error = await run(rows, 'csv').catch((e: unknown) => e);
    expect((error as ImportInvalidError).problems).toEqual([{ line: 4, field: 'region', message: 'unknown region "DE-ZZ"' }]);
    const report = await run(rows.split('\n').slice(0, 3).join('\n'), 'csv');
    expect(report.inserted).toBe(2);
    expect((await t.services.repos.organisations.getBySlug('cork-test'))?.regionCode).toBe('IE-CO');
  });
});
