import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Concept, ConceptList, GlossaryChange } from '../../shared/schemas/glossary.js';
import { importOrganisations } from '../../services/import-organisations.js';
import { createTestPlatform, type TestPlatform } from '../../test/test-platform.js';
import { signedInUser, type TestUser } from '../../test/users.js';

let t: TestPlatform;
let coordinator: TestUser;
let member: TestUser;
beforeAll(async () => {
  t = await createTestPlatform({ seedExamples: true });
  coordinator = await signedInUser(t, 'coordinator@example.org', [{ role: 'regional_coordinator', regionCode: 'FR-NAQ' }]);
  member = await signedInUser(t, 'member@example.org', [{ role: 'member', organisationSlug: 'airko' }]);
});
afterAll(() => t.close());

const found = async (q: string) =>
  ((await t.app.inject(`/api/v1/organisations?q=${encodeURIComponent(q)}`)).json().items as { slug: string }[]).map((o) => o.slug);

describe('reading the glossary', () => {
  it('lists concepts with their terms in three languages, and finds them by any term', async () => {
    const list = (await t.app.inject('/api/v1/glossary/concepts?q=filtrants')).json() as ConceptList;
    const concept = list.items.find((c) => c.code === 'filtering-materials')!;
    expect(concept.label).toMatchObject({ ru: 'фильтрующие материалы', fr: 'matériaux filtrants', en: 'filtering materials' });
    expect(concept.broader).toEqual(['filtration']);
    expect(concept.terms.filter((x) => x.language === 'fr').map((x) => x.term)).toContain('médias filtrants');
    expect(list.meta.total).toBeGreaterThanOrEqual(1);
    expect((await t.app.inject('/api/v1/glossary/concepts/nothing-like-this')).statusCode).toBe(404);
  });
});

describe('a coordinator extends the glossary', () => {
  it('adds a concept, and search finds records across languages at once, without a restart', async () => {
    const { repos, classifications } = t.services;
    const description = { original: 'ru', ru: 'Производство керамзита для строительства.' };
    await importOrganisations(repos, classifications, [
      {
        line: 1,
        value: { slug: 'keramzit', kind: 'enterprise', region: 'RU-KLU', name: { original: 'ru', ru: 'Керамзит-К' }, description },
      },
    ]);
    expect(await found('argile expansée')).toEqual([]);
    const res = await coordinator.send('POST', '/api/v1/glossary/concepts', {
      code: 'expanded-clay',
      broader: ['non-metallic-materials'],
      nace: ['23.32Z'],
      terms: [
        { language: 'fr', term: 'argile expansée' },
        { language: 'ru', term: 'керамзит' },
        { language: 'en', term: 'expanded clay' },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const change = res.json() as GlossaryChange;
    expect(change.concept.naceClasses).toEqual(['23.32']);
    expect(change.concept.label).toMatchObject({ fr: 'argile expansée', ru: 'керамзит', en: 'expanded clay' });
    expect(change.retagged).toBe(1);
    expect(await found('argile expansée')).toEqual(['keramzit']);
    expect(await found('expanded clay')).toEqual(['keramzit']);
    // the wider concept finds it too
    expect(await found('matériaux non métalliques')).toContain('keramzit');
  });

  it('removes a term and adds one, re-tagging what they touch', async () => {
    const concept = (await t.app.inject('/api/v1/glossary/concepts/expanded-clay')).json() as Concept;
    const russian = concept.terms.find((x) => x.language === 'ru')!;
    const removed = await coordinator.send('DELETE', `/api/v1/glossary/terms/${russian.id}`);
    expect(removed.statusCode).toBe(200);
    expect((removed.json() as GlossaryChange).retagged).toBe(1);
    expect(await found('argile expansée')).toEqual([]);

    const added = await coordinator.send('POST', '/api/v1/glossary/concepts/expanded-clay/terms', {
      language: 'ru',
      term: 'производство керамзита',
    });
    expect(added.statusCode, added.body).toBe(201);
    const change = added.json() as GlossaryChange;
    expect(change.retagged).toBe(1);
    expect(change.concept.terms.find((x) => x.term === 'производство керамзита')!.source).toBe('user');
    expect(await found('argile expansée')).toEqual(['keramzit']);
  });

  it('takes back a removed term when it is added again', async () => {
    const concept = (await t.app.inject('/api/v1/glossary/concepts/refractories')).json() as Concept;
    const shipped = concept.terms.find((x) => x.term === 'огнеупоры')!;
    expect((await coordinator.send('DELETE', `/api/v1/glossary/terms/${shipped.id}`)).statusCode).toBe(200);
    expect((await coordinator.send('DELETE', `/api/v1/glossary/terms/${shipped.id}`)).statusCode).toBe(404);
    const again = await coordinator.send('POST', '/api/v1/glossary/concepts/refractories/terms', { language: 'ru', term: 'огнеупоры' });
    expect(again.statusCode).toBe(201);
    expect(await found('réfractaires')).toContain('example-ogneupor');
  });

  it.each([
    [{ code: 'filtration', terms: [{ language: 'en', term: 'x-filters' }] }, 409, 'concept_exists', 'body.code'],
    [{ code: 'new-one', broader: ['no-such-concept'], terms: [{ language: 'en', term: 'widgets' }] }, 422, 'unknown_value', 'body.broader'],
    [{ code: 'new-one', nace: ['99.99'], terms: [{ language: 'en', term: 'widgets' }] }, 422, 'unknown_code', 'body.nace[0]'],
    [{ code: 'new-one', terms: [{ language: 'en', term: 'the of and' }] }, 422, 'term_not_searchable', 'body.terms[0].term'],
    [{ code: 'Not A Code', terms: [{ language: 'en', term: 'widgets' }] }, 400, 'validation_failed', 'body.code'],
    [{ code: 'new-one', terms: [] }, 400, 'validation_failed', 'body.terms'],
    [{ code: 'new-one', terms: [{ language: 'de', term: 'Filter' }] }, 400, 'validation_failed', 'body.terms[0].language'],
  ])('refuses the concept %j with %i %s', async (body, status, code, field) => {
    const res = await coordinator.send('POST', '/api/v1/glossary/concepts', body);
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().error).toMatchObject({ code, field });
  });

  it('refuses a duplicate term', async () => {
    const res = await coordinator.send('POST', '/api/v1/glossary/concepts/filtration/terms', { language: 'fr', term: 'filtration' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('term_exists');
  });

  it('is for coordinators and administrators only', async () => {
    const body = { language: 'en', term: 'strainers' };
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/glossary/concepts/filtration/terms', payload: body })).statusCode).toBe(401);
    expect((await member.send('POST', '/api/v1/glossary/concepts/filtration/terms', body)).statusCode).toBe(403);
  });
});
