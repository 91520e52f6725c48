import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_LIMIT } from '../app.js';
import { expectNoQueryTaken } from '../../test/query.js';
import { createTestPlatform, type TestPlatform } from '../../test/test-platform.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(() => t.close());

const resolve = (payload: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/classifications/resolve',
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    headers,
  });

describe('reference data', () => {
  it('lists regions with ISO codes and the Limousin departments inside Nouvelle-Aquitaine', async () => {
    const { items } = (await t.app.inject('/api/v1/regions')).json();
    const byCode = new Map(items.map((r: { code: string }) => [r.code, r]));
    expect(byCode.get('RU-KLU')).toMatchObject({ countryCode: 'RU', parentCode: null, name: { en: 'Kaluga Oblast' } });
    for (const code of ['FR-19', 'FR-23', 'FR-87']) expect(byCode.get(code)).toMatchObject({ parentCode: 'FR-NAQ' });
  });

  it('lists the four areas of the founding agreement in order, with their NACE classes', async () => {
    const { items } = (await t.app.inject('/api/v1/areas')).json();
    expect(items.slice(0, 4).map((a: { name: { en: string } }) => a.name.en)).toEqual([
      'Filters and filtering materials',
      'Non-metallic materials and industrial ceramics',
      'Transfer of innovative technology',
      'Software for industrial automated control systems',
    ]);
    expect(items[1].naceClasses).toContain('23.44');
  });

  it('refuses a parameter the areas do not take', () => expectNoQueryTaken((url) => t.app.inject(url), '/api/v1/areas'));

  it('finds NACE classes by code prefix and by title words in a language', async () => {
    const byCode = (await t.app.inject('/api/v1/classifications/nace?q=23.4')).json().items.map((e: { code: string }) => e.code);
    expect(byCode).toEqual(['23.41', '23.42', '23.43', '23.44', '23.49']);
    const byWords = (await t.app.inject(`/api/v1/classifications/nace?lang=ru&q=${encodeURIComponent('программ')}`)).json().items;
    expect(byWords.map((e: { code: string }) => e.code)).toContain('62.01');
    expect((await t.app.inject('/api/v1/classifications/nace?limit=0')).statusCode).toBe(400);
  });
});

describe('GET /api/v1/classifications/national', () => {
  it('lists the NAF or ОКВЭД 2 codes with the NACE class each is stored as, and refuses another system', async () => {
    const naf = (await t.app.inject('/api/v1/classifications/national?system=naf2')).json().items;
    expect(naf).toContainEqual({ code: '23.44Z', title: "Fabrication d'autres produits céramiques à usage technique", nace: '23.44' });
    const okved = (await t.app.inject('/api/v1/classifications/national?system=okved2')).json().items;
    expect(okved).toContainEqual(expect.objectContaining({ code: '85.22', nace: '85.42' }));
    expect(okved.every((c: { nace: string | null }) => c.nace !== null)).toBe(true);
    const bad = await t.app.inject('/api/v1/classifications/national?system=sic');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields?.[0]?.field ?? JSON.stringify(bad.json())).toContain('system');
  });
});

describe('POST /api/v1/classifications/resolve', () => {
  it('maps NACE, NAF and ОКВЭД codes to NACE classes', async () => {
    const res = await resolve({ codes: ['23.43', '25.11Z', '85.22'] });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((i: { system: string; naceClass: { code: string } }) => [i.system, i.naceClass.code])).toEqual([
      ['nace2', '23.43'],
      ['naf2', '25.11'],
      ['okved2', '85.42'],
    ]);
  });

  it('names the code it cannot read', async () => {
    const res = await resolve({ codes: ['23.43', '99.99'] });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'unknown_code', field: 'body.codes[1]' });
  });

  it.each([
    ['malformed JSON', '{"codes": [', 400, 'malformed_json'],
    ['no codes', {}, 400, 'validation_failed'],
    ['an empty list', { codes: [] }, 400, 'validation_failed'],
    ['an object for a code', { codes: [{ code: '23.43' }] }, 400, 'validation_failed'],
    ['an unknown field', { codes: ['23.43'], extra: true }, 400, 'validation_failed'],
    ['an over-long code', { codes: ['1'.repeat(21)] }, 400, 'validation_failed'],
    ['too many codes', { codes: Array.from({ length: 101 }, () => '23.43') }, 400, 'validation_failed'],
  ])('refuses %s', async (_name, payload, status, code) => {
    const res = await resolve(payload);
    expect(res.statusCode).toBe(status);
    expect(res.json().error.code).toBe(code);
  });

  it('refuses a body over the size limit with 413 and a non-JSON body with 415', async () => {
    const big = await resolve({ codes: ['x'.repeat(BODY_LIMIT)] });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('payload_too_large');
    const text = await resolve('codes=23.43', { 'content-type': 'text/plain' });
    expect(text.statusCode).toBe(415);
    expect(text.json().error.code).toBe('unsupported_media_type');
  });
});
