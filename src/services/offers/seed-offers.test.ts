import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offers } from '../../db/schema/index.js';
import { createTestPlatform, type TestPlatform } from '../../test/test-platform.js';
import { seedDemo } from '../seed-demo.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform({ seedExamples: true });
});
afterAll(() => t.close());

describe('the demo offers', () => {
  it('are published with the examples, readable, tagged, and loaded once', async () => {
    const rows = await t.database.db.select().from(offers).where(eq(offers.source, 'demo'));
    expect(rows.map((r) => r.kind).sort()).toEqual(['soft_landing_request', 'technology_offer']);
    expect(rows.every((r) => r.stage === 'published' && r.conceptCodes !== null)).toBe(true);
    const tehkeram = rows.find((r) => r.kind === 'technology_offer')!;
    const page = await t.app.inject(`/api/v1/offers/${tehkeram.slug}`);
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ organisation: { slug: 'example-tehkeram' }, stage: 'published', nace: ['23.44'] });
    const ceratech = rows.find((r) => r.kind === 'soft_landing_request')!;
    const request = (await t.app.inject(`/api/v1/offers/${ceratech.slug}`)).json();
    expect(request).toMatchObject({
      organisation: { slug: 'example-ceratech' },
      trl: null,
      developmentStage: null,
      targetRegions: ['RU-KLU'],
    });
    await seedDemo(t.services.repos, t.services.classifications, { examples: true });
    expect(await t.database.db.select().from(offers).where(eq(offers.source, 'demo'))).toHaveLength(2);
  });
});
