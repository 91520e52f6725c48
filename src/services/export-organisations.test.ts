import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../test/test-platform.js';
import { profile, signedInUser } from '../test/users.js';
import { exportOrganisations, type ExportOptions } from './export-organisations.js';
import { importOrganisations } from './import-organisations.js';
import { readCsv, readJsonLines } from './organisation-record.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform({ seedDemo: false });
});
afterAll(() => t.close());

async function exportText(format: 'jsonl' | 'csv', options: ExportOptions = {}) {
  let text = '';
  const report = await exportOrganisations(t.services.repos, format, (chunk) => void (text += chunk), options);
  return { text, report };
}

const formulaName = { original: 'en' as const, en: '=HYPERLINK("http://attacker.example","Open")' };

describe('exporting organisations', () => {
  beforeAll(async () => {
    const rows = [
      {
        slug: 'formula-works',
        kind: 'enterprise',
        region: 'FR-87',
        name: formulaName,
        description: { original: 'en', en: '+33 5 55 00 00 00' },
      },
      { slug: 'plain-works', kind: 'enterprise', region: 'RU-KLU', name: { original: 'ru', ru: 'Обычный завод' } },
    ];
    await importOrganisations(t.services.repos, t.services.classifications, readJsonLines(rows.map((r) => JSON.stringify(r)).join('\n')));
    const author = await signedInUser(t, 'author@example.org');
    const created = await author.send(
      'POST',
      '/api/v1/organisations',
      profile({ name: { original: 'en', en: 'Unvalidated Draft Works' } }),
    );
    expect(created.statusCode).toBe(201);
  });

  it('leaves unpublished profiles out unless asked, and says how many it left out', async () => {
    const published = await exportText('jsonl');
    expect(published.report).toEqual({ exported: 2, leftOut: 1 });
    expect(published.text).not.toContain('Unvalidated Draft Works');

    const all = await exportText('csv', { includeUnpublished: true });
    expect(all.report).toEqual({ exported: 3, leftOut: 0 });
    expect(all.text).toContain('Unvalidated Draft Works');
  });

  it('writes semicolons between cells when asked, and an import reads either separator', async () => {
    const { text } = await exportText('csv', { separator: ';' });
    expect(text.startsWith('\uFEFFslug;kind;sector;region;original_language')).toBe(true);
    const rows = readCsv(text).map((r) => r.value as { slug: string; name: unknown });
    expect(rows.map((r) => r.slug)).toEqual(['formula-works', 'plain-works']);
    expect(rows[0]!.name).toEqual(formulaName);
  });

  it('writes no CSV cell a spreadsheet would run as a formula, and the file imports back as it was', async () => {
    const { text } = await exportText('csv');
    expect(text).toContain(`"'=HYPERLINK(""http://attacker.example"",""Open"")"`);
    expect(text).toContain("'+33 5 55 00 00 00");
    expect(text).not.toMatch(/(^|,)"?[=+\-@]/m);

    const other = await createTestPlatform({ seedDemo: false });
    try {
      await importOrganisations(other.services.repos, other.services.classifications, readCsv(text));
      const copy = await other.services.directory.get('formula-works');
      expect(copy.name).toEqual(formulaName);
      expect(copy.description).toEqual({ original: 'en', en: '+33 5 55 00 00 00' });
    } finally {
      await other.close();
    }
  });
});
