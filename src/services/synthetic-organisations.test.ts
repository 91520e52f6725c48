import { describe, expect, it } from 'vitest';
import { syntheticOrganisations } from './synthetic-organisations.js';
import { checkRecord } from './organisation-record.js';

describe('syntheticOrganisations', () => {
  it('makes valid records labelled synthetic, the same ones for the same seed', () => {
    const a = [...syntheticOrganisations(300, 7)];
    const b = [...syntheticOrganisations(300, 7)];
    expect(a).toEqual(b);
    expect(a.every((r) => r.source === 'synthetic')).toBe(true);
    a.forEach((value, i) => expect(checkRecord({ line: i + 1, value })).toHaveProperty('record'));
    const languages = new Set(a.map((r) => r.name.original));
    expect(languages).toEqual(new Set(['ru', 'fr']));
    expect(a.some((r) => r.name.en === undefined)).toBe(true);
  });
});
