import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cooperationRecords, recordMilestones, recordParties, recordStageChanges } from '../db/schema/index.js';
import { partialDate } from '../shared/partial-date.js';
import { followsPipeline, stagesOf } from '../shared/registry.js';
import { createTestPlatform, type TestPlatform } from '../test/test-platform.js';
import { importOrganisations } from './import-organisations.js';
import { syntheticOrganisations } from './synthetic-organisations.js';
import { insertSyntheticRecords, syntheticRecordBundles } from './synthetic-records.js';

let t: TestPlatform;
const progress: [number, number][] = [];
beforeAll(async () => {
  t = await createTestPlatform({ seedDemo: false });
  const rows = [...syntheticOrganisations(400, 3)].map((value, i) => ({ line: i + 1, value }));
  await importOrganisations(t.services.repos, t.services.classifications, rows);
  await insertSyntheticRecords(
    t.services.repos,
    { agreements: 300, initiatives: 120, academicPartnerships: 40, residencies: 60 },
    { seed: 5, batchSize: 100, onProgress: (done, total) => progress.push([done, total]) },
  );
});
afterAll(() => t.close());

describe('synthetic registry records', () => {
  it('inserts each kind in batches, reporting progress', async () => {
    const kinds = await t.database.db
      .select({ kind: cooperationRecords.kind, n: sql<number>`count(*)::int` })
      .from(cooperationRecords)
      .where(eq(cooperationRecords.source, 'synthetic'))
      .groupBy(cooperationRecords.kind)
      .orderBy(asc(cooperationRecords.kind));
    expect(kinds).toEqual([
      { kind: 'academic_partnership', n: 40 },
      { kind: 'agreement', n: 300 },
      { kind: 'initiative', n: 120 },
      { kind: 'residency', n: 60 },
    ]);
    expect(progress.at(0)).toEqual([0, 520]);
    expect(progress.at(-1)).toEqual([520, 520]);
    expect(progress.length).toBe(7);
  });

  it('gives every record 2–4 parties, the regions they are in, stages of its kind and a history that follows the pipeline', async () => {
    const records = await t.database.db.select().from(cooperationRecords);
    const parties = await t.database.db.select().from(recordParties);
    const changes = await t.database.db.select().from(recordStageChanges).orderBy(asc(recordStageChanges.recordedAt));
    for (const r of records) {
      const own = parties.filter((p) => p.recordId === r.id);
      expect(own.length).toBeGreaterThanOrEqual(2);
      expect(own.length).toBeLessThanOrEqual(4);
      expect(r.regionCodes.length).toBeGreaterThan(0);
      expect(stagesOf(r.kind)).toContain(r.stage);
      expect(r.areaCodes.length).toBeGreaterThan(0);
      const history = changes.filter((c) => c.recordId === r.id);
      expect(history.at(-1)!.toStage).toBe(r.stage);
      for (const c of history.slice(1)) expect(followsPipeline(r.kind, c.fromStage!, c.toStage)).toBe(true);
    }
    expect(parties.some((p) => p.namedPartyId !== null)).toBe(true);
    // most records join the two countries; some stay within one
    const crossBorder = records.filter((r) => new Set(r.regionCodes.map((c) => c.slice(0, 2))).size === 2).length;
    expect(crossBorder / records.length).toBeGreaterThan(0.7);
    expect(crossBorder).toBeLessThan(records.length);
  });

  it('dates about a third of the records to a year, a month and a day, with first and last days that match', async () => {
    const records = await t.database.db.select().from(cooperationRecords);
    const precisions = { year: 0, month: 0, day: 0 };
    for (const r of records) {
      const date = partialDate(r.validFrom!);
      precisions[date.precision]++;
      expect(r.validFromFirst).toBe(date.first);
      if (r.dated) expect([r.datedFirst, r.datedLast]).toEqual([partialDate(r.dated).first, partialDate(r.dated).last]);
      if (r.validUntil) expect(r.validUntilLast! >= r.validFromFirst!).toBe(true);
    }
    for (const n of Object.values(precisions)) expect(n / records.length).toBeGreaterThan(0.25);
  });

  it('gives initiatives milestones', async () => {
    const [row] = await t.database.db
      .select({ n: sql<number>`count(distinct ${recordMilestones.recordId})::int` })
      .from(recordMilestones)
      .innerJoin(cooperationRecords, eq(cooperationRecords.id, recordMilestones.recordId))
      .where(eq(cooperationRecords.kind, 'initiative'));
    expect(row!.n).toBe(120);
  });

  it('writes a search document that finds a record by a word of its title in each language', async () => {
    for (const [config, word] of [
      ['russian', 'соглашения'],
      ['french', 'accords'],
      ['english', 'agreements'],
    ] as const) {
      const [row] = await t.database.db
        .select({ n: sql<number>`count(*)::int` })
        .from(cooperationRecords)
        .where(sql`${cooperationRecords.searchVector} @@ plainto_tsquery(${config}::regconfig, ${word})`);
      expect(row!.n, word).toBeGreaterThan(0);
    }
  });

  it('makes the same set from the same seed and organisations', () => {
    const candidates = Array.from({ length: 50 }, (_, i) => ({
      id: `org-${i}`,
      regionCode: i % 2 ? 'FR-87' : 'RU-KLU',
      kind: 'enterprise' as const,
    }));
    const shape = (seed: number) =>
      [...syntheticRecordBundles({ agreements: 30, initiatives: 10 }, candidates, [], seed)].map((b) => [
        b.record.slug,
        b.record.title,
        b.record.dated,
        b.record.stage,
        b.parties.map((p) => p.organisationId),
      ]);
    expect(shape(9)).toEqual(shape(9));
    expect(shape(9)).not.toEqual(shape(10));
  });
});
