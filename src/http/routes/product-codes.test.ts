import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportOrganisations } from '../../services/export-organisations.js';
import { importOrganisations } from '../../services/import-organisations.js';
import { readCsv, readJsonLines } from '../../services/organisation-record.js';
import { createTestPlatform, type TestPlatform } from '../../test/test-platform.js';
import { profile, signedInUser, type TestUser } from '../../test/users.js';

let t: TestPlatform;
let founder: TestUser;
let coordinator: TestUser;
beforeAll(async () => {
  t = await createTestPlatform({ seedDemo: false });
  founder = await signedInUser(t, 'bearings@example.org');
  coordinator = await signedInUser(t, 'coord-klu@example.org', [{ role: 'regional_coordinator', regionCode: 'RU-KLU' }]);
});
afterAll(() => t.close());

describe('product codes on a profile', () => {
  it('are stored in one form, whatever the form typed, shown with their titles and found in any language', async () => {
    const created = await founder.send(
      'POST',
      '/api/v1/organisations',
      // an HS heading, a 9-digit ОКПД 2 item and a 10-digit ТН ВЭД code as a Russian company writes them
      profile({ productCodes: ['hs:8482', '25.73.30.110', '8482 10 100 0'] }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const { slug } = created.json();
    const edited = (await founder.get(`/api/v1/organisations/${slug}/profile`)).json();
    expect(edited.profile.productCodes).toEqual(['hs:8482', 'cpa:25.73.30', 'hs:848210']);

    await founder.send('POST', `/api/v1/organisations/${slug}/submit`);
    const review = (await coordinator.get(`/api/v1/organisations/${slug}/review`)).json();
    expect(review.products.map((p: { code: string }) => p.code)).toEqual(['hs:8482', 'cpa:25.73.30', 'hs:848210']);
    expect((await coordinator.send('POST', `/api/v1/organisations/${slug}/decision`, { decision: 'validated' })).statusCode).toBe(200);

    const page = (await t.app.inject(`/api/v1/organisations/${slug}`)).json();
    expect(page.productCodes).toEqual(['hs:8482', 'cpa:25.73.30', 'hs:848210']);
    expect(page.products[0]).toEqual({
      code: 'hs:8482',
      system: 'hs',
      title: {
        ru: 'Подшипники шариковые или роликовые',
        fr: 'Roulements à billes, à galets, à rouleaux ou à aiguilles',
        en: 'Ball or roller bearings',
      },
    });
    // a subheading's title follows its heading's
    expect(page.products[2].title.en).toBe('Ball or roller bearings — Ball bearings');
    for (const q of ['roulements', 'подшипники', 'bearings']) {
      const found = (await t.app.inject(`/api/v1/organisations?q=${encodeURIComponent(q)}`)).json();
      expect(
        found.items.map((o: { slug: string }) => o.slug),
        q,
      ).toContain(slug);
    }
  });

  it('refuses an unknown code with 400 naming the field and the code; an unknown NACE code names it too', async () => {
    const bad = await founder.send('POST', '/api/v1/organisations', profile({ productCodes: ['hs:8482', '9999.99'] }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({
      code: 'validation_failed',
      field: 'body.productCodes[1]',
      reason: 'unknown_product_code',
      params: { value: '9999.99' },
    });
    expect(bad.json().error.message).toContain('9999.99');
    const nace = await founder.send('POST', '/api/v1/organisations', profile({ nace: ['23.44', '99.99.99.99'] }));
    expect(nace.json().error).toMatchObject({ code: 'unknown_code', field: 'body.nace[1]', params: { value: '99.99.99.99' } });
    const twelve = await founder.send('POST', '/api/v1/organisations', profile({ productCodes: ['25.73.30.999'] }));
    expect(twelve.json().error).toMatchObject({ field: 'body.productCodes[0]', params: { value: '25.73.30.999' } });
  });

  it('are offered by the type-ahead by the words of their title, in the reader’s language first', async () => {
    const ru = (await t.app.inject(`/api/v1/classifications/products?q=${encodeURIComponent('подшип')}&lang=ru`)).json().items;
    // the CPA class of bearings and gears (28.15) and the HS heading of bearings, broader codes first
    expect(ru.slice(0, 3).map((p: { code: string }) => p.code)).toEqual(expect.arrayContaining(['cpa:28.15', 'hs:8482']));
    const fr = (await t.app.inject('/api/v1/classifications/products?q=roulement&lang=fr')).json().items;
    expect(fr.map((p: { code: string }) => p.code)).toContain('hs:8482');
    const typed = (await t.app.inject('/api/v1/classifications/products?q=23.43&lang=fr')).json().items;
    expect(typed[0]).toMatchObject({ code: 'cpa:23.43' });
    const resolved = await t.app.inject({
      method: 'POST',
      url: '/api/v1/classifications/products/resolve',
      payload: { codes: ['23.43.10.110', '84821010', 'nonsense'] },
    });
    expect(resolved.json().items.map((i: { product: { code: string } | null }) => i.product?.code ?? null)).toEqual([
      'cpa:23.43.10',
      'hs:848210',
      null,
    ]);
  });
});

describe('product codes in imports and exports', () => {
  const exportText = async (format: 'jsonl' | 'csv') => {
    let text = '';
    await exportOrganisations(t.services.repos, format, (chunk) => {
      text += chunk;
    });
    return text;
  };

  it('map typed codes to their stored form and come back the same way, in JSON Lines and in CSV', async () => {
    const record = {
      slug: 'kaluga-bearings-trade',
      kind: 'enterprise',
      region: 'RU-KLU',
      name: { original: 'ru', ru: 'Калужская подшипниковая торговля' },
      productCodes: ['8482 10 100 0', '23.44.12', '8482.20'],
    };
    const rows = readJsonLines(JSON.stringify(record));
    await importOrganisations(t.services.repos, t.services.classifications, rows);
    const jsonl = (await exportText('jsonl')).split('\n').filter((l) => l.includes('kaluga-bearings-trade'));
    expect(JSON.parse(jsonl[0]!).productCodes).toEqual(['hs:848210', 'cpa:23.44.12', 'hs:848220']);
    const csv = await exportText('csv');
    const back = readCsv(csv).find((r) => (r.value as { slug?: string }).slug === 'kaluga-bearings-trade')!;
    expect((back.value as { productCodes: string[] }).productCodes).toEqual(['hs:848210', 'cpa:23.44.12', 'hs:848220']);
    // what was exported imports again as it was
    const again = readJsonLines(jsonl[0]!.replace('kaluga-bearings-trade', 'kaluga-bearings-trade-2'));
    await importOrganisations(t.services.repos, t.services.classifications, again);
    expect((await t.services.repos.organisations.getBySlug('kaluga-bearings-trade-2'))!.productCodes).toEqual([
      'hs:848210',
      'cpa:23.44.12',
      'hs:848220',
    ]);
  });

  it('name the row and the field of an unknown code', async () => {
    const rows = readJsonLines(
      JSON.stringify({ kind: 'enterprise', region: 'RU-KLU', name: { original: 'ru', ru: 'Х' }, productCodes: ['77.77.77'] }),
    );
    await expect(importOrganisations(t.services.repos, t.services.classifications, rows)).rejects.toMatchObject({
      problems: [expect.objectContaining({ line: 1, field: 'productCodes[0]', message: expect.stringContaining('77.77.77') })],
    });
  });
});
