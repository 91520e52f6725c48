import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offers } from '../../db/schema/index.js';
import { insertOffer } from '../../test/offers.js';
import { createTestPlatform, type TestPlatform } from '../../test/test-platform.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(() => t.close());

describe('an offer’s search document', () => {
  it('holds its Russian title’s stems and the glossary concepts it names, and the titles of its codes in the other languages', async () => {
    const offer = await insertOffer(t, 'iate-mephi', {
      kind: 'technology_request',
      title: { original: 'ru', ru: 'Ищем фильтрующие материалы для очистки воздуха' },
      naceCodes: ['23.44'],
    });
    const [row] = await t.database.db
      .select({ v: offers.searchVector, c: offers.conceptCodes })
      .from(offers)
      .where(eq(offers.id, offer.id));
    expect(row!.v).toContain("'фильтр");
    // the class's French title, so a French reader's words meet a Russian offer
    expect(row!.v).toMatch(/'ceram/);
    expect(row!.c.length).toBeGreaterThan(0);
  });
});
