import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { cooperationRecords, namedParties } from '../../../db/schema/index.js';
import { createTestPlatform, type TestPlatform } from '../../../test/test-platform.js';
import { ImportInvalidError } from '../../import-organisations.js';
import { readJsonLines } from '../../organisation-record.js';
import { exportRecordLines, exportRecordsCsv } from './export-records.js';
import { importRecords } from './import-records.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(() => t.close());

const repos = () => t.services.repos;
const lines = (...records: object[]) => readJsonLines(records.map((r) => JSON.stringify(r)).join('\n'));
const en = (text: string) => ({ original: 'en' as const, en: text });
const recordCount = async () => (await t.database.db.select({ n: count() }).from(cooperationRecords))[0]!.n;
const all = async () => {
  const out = [];
  for await (const line of exportRecordLines(repos(), { publishedOnly: false })) out.push(line);
  return out;
};

describe('the demo seed', () => {
  it('holds the founding records as the source tells them: the 2004 agreement as a year, its four areas and the national coordinator', async () => {
    const agreement = (await all()).find((l) => l.slug === 'obninsk-ardl-cooperation-agreement-2004')!;
    expect(agreement).toMatchObject({
      kind: 'agreement',
      type: 'cooperation_agreement',
      stage: 'signed',
      dated: '2004',
      partnership: 'kaluga-limousin',
    });
    expect(agreement.parties.map((p) => p.organisation)).toEqual(['obninsk-administration', 'ardl']);
    expect(agreement.areas).toHaveLength(4);
    expect((agreement as unknown as { commitmentRoles: { role: string; country: string }[] }).commitmentRoles[0]).toMatchObject({
      role: 'national_coordinator',
      country: 'RU',
    });
    const residency = (await all()).find((l) => l.kind === 'residency')!;
    // the source names neither the company nor the technopark: the host is known by its country alone
    expect(residency.parties.map((p) => p.named && { region: p.named.region, country: p.named.country })).toEqual([
      { region: 'RU-KLU', country: 'RU' },
      { region: undefined, country: 'FR' },
    ]);
    expect((await all()).find((l) => l.kind === 'initiative')).toMatchObject({ stage: 'under_discussion', partnership: 'kaluga-limousin' });
  });
});

describe('registry import and export', () => {
  it('exports every record as a line that imports back as it was, links included', async () => {
    const before = await all();
    const text = before
      .map((l) =>
        JSON.stringify({ ...l, slug: `copy-${l.slug}`, links: ((l as { links?: string[] }).links ?? []).map((s) => `copy-${s}`) }),
      )
      .join('\n');
    const report = await importRecords(repos(), readJsonLines(text));
    expect(report).toMatchObject({ inserted: before.length, skipped: 0 });
    const copies = (await all()).filter((l) => l.slug?.startsWith('copy-'));
    const strip = ({ slug: _s, links: _l, ...rest }: { slug?: string; links?: string[] }) => rest;
    expect(copies.map((c) => strip(c as never)).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual(
      before.map((c) => strip(c as never)).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    );
    expect(copies.find((c) => c.kind === 'residency')).toMatchObject({ links: ['copy-round-table-joint-cluster-initiatives'] });
  });

  it('writes nothing when one line is wrong, and names every problem with its line and field', async () => {
    const records = await recordCount();
    const named = (await t.database.db.select({ n: count() }).from(namedParties))[0]!.n;
    const good = {
      kind: 'agreement',
      type: 'letter_of_intent',
      title: en('Letter of intent on filters'),
      dated: '2023-05',
      parties: [
        { organisation: 'airko', role: 'signatory' },
        { named: { name: en('A new filter maker'), kind: 'enterprise', region: 'FR-87' }, role: 'signatory' },
      ],
    };
    const attempt = importRecords(
      repos(),
      lines(
        good,
        { ...good, title: en('Two days that do not exist'), dated: '2023-02-30' },
        { ...good, title: en('One party'), parties: [good.parties[0]] },
        { ...good, kind: 'festival' },
        { ...good, title: en('Linked to nothing'), slug: 'linked-to-nothing', links: ['no-such-record'] },
      ),
    );
    await expect(attempt).rejects.toBeInstanceOf(ImportInvalidError);
    const problems = ((await attempt.catch((e: ImportInvalidError) => e)) as ImportInvalidError).problems;
    expect(problems).toEqual([{ line: 4, field: 'kind', message: expect.any(String) }]);
    // the schema passes: the rules find the rest, still all at once
    const second = await importRecords(
      repos(),
      lines(
        good,
        { ...good, dated: '2023-02-30' },
        { ...good, parties: [good.parties[0]] },
        { ...good, slug: 'linked-to-nothing', links: ['no-such-record'] },
      ),
    ).catch((e: ImportInvalidError) => e);
    expect((second as ImportInvalidError).problems.map((p) => [p.line, p.field])).toEqual([
      [2, 'dated'],
      [3, 'parties'],
      [4, 'links[0]'],
    ]);
    expect(await recordCount()).toBe(records);
    expect((await t.database.db.select({ n: count() }).from(namedParties))[0]!.n).toBe(named);
  });

  it('keeps the slug an import gives, and refuses one a record has already', async () => {
    const line = { kind: 'initiative', slug: 'filters-week', title: en('Filters week'), partnership: 'kaluga-limousin', parties: [] };
    await importRecords(repos(), lines(line));
    expect((await t.database.db.select().from(cooperationRecords).where(eq(cooperationRecords.slug, 'filters-week'))).length).toBe(1);
    const again = await importRecords(repos(), lines(line)).catch((e: ImportInvalidError) => e);
    expect((again as ImportInvalidError).problems).toEqual([{ line: 1, field: 'slug', message: expect.stringContaining('filters-week') }]);
  });

  it('lists records as CSV for a spreadsheet, a year-only date as its year', async () => {
    const csv = await exportRecordsCsv(repos(), { kind: 'agreement', publishedOnly: true });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = csv.slice(1).trim().split('\n');
    expect(header).toBe(
      'kind,slug,type,stage,dated,valid_from,valid_until,original_language,title,title_ru,title_fr,title_en,areas,parties,partnership,published',
    );
    expect(rows.find((r) => r.startsWith('agreement,obninsk-ardl-cooperation-agreement-2004,'))).toContain(',signed,2004,');
    expect(rows.every((r) => r.startsWith('agreement,'))).toBe(true);
  });
});
