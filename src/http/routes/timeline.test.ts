import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordBundle } from '../../repositories/registry/record-batch.repository.js';
import { partialDate } from '../../shared/partial-date.js';
import type { RecordKind } from '../../shared/registry.js';
import type { TimelineEntry, TimelinePage } from '../../shared/schemas/timeline.js';
import { createTestPlatform, type TestPlatform } from '../../test/test-platform.js';
import { signedInUser, type TestUser } from '../../test/users.js';

let t: TestPlatform;
let member: TestUser;
const ids: Record<string, string> = {};

/** A record of the founding case's organisations, written as the registry stores it. */
async function record(
  slug: string,
  kind: RecordKind,
  dated: string | null,
  partySlugs: string[],
  extra: { areas?: string[]; published?: boolean; validFrom?: string; milestones?: { due: string; done?: string }[] } = {},
) {
  const repos = t.services.repos;
  const parties = await Promise.all(partySlugs.map(async (s) => (await repos.organisations.getBySlug(s))!));
  const id = randomUUID();
  ids[slug] = id;
  const validFrom = extra.validFrom ?? dated;
  const bundle: RecordBundle = {
    record: {
      id,
      slug,
      kind,
      types: kind === 'agreement' ? ['cooperation_agreement'] : [],
      title: { original: 'en', en: `Record ${slug}`, fr: `Fiche ${slug}` },
      stage: kind === 'agreement' ? 'in_force' : 'active',
      areaCodes: extra.areas ?? ['innovative-technology-transfer'],
      dated,
      datedFirst: dated ? partialDate(dated).first : null,
      datedLast: dated ? partialDate(dated).last : null,
      validFrom,
      validFromFirst: validFrom ? partialDate(validFrom).first : null,
      regionCodes: [...new Set(parties.map((p) => p.regionCode))],
      published: extra.published ?? true,
      source: 'user',
    },
    parties: parties.map((p, position) => ({ recordId: id, position, organisationId: p.id, role: 'partner' as const })),
    milestones: (extra.milestones ?? []).map((m, position) => ({
      recordId: id,
      position,
      title: { original: 'en' as const, en: `Milestone ${position + 1} of ${slug}` },
      dueOn: m.due,
      doneOn: m.done ?? null,
    })),
    stageChanges: [],
    participation: [],
  };
  await repos.recordBatches.insertBundles([bundle]);
}

beforeAll(async () => {
  t = await createTestPlatform({ seedRecords: false });
  await record('agreement-2004', 'agreement', '2004', ['airko', 'limousin-technical-university'], {
    areas: ['non-metallic-materials-industrial-ceramics'],
  });
  await record('agreement-2004-01-01', 'agreement', '2004-01-01', ['iate-mephi', 'ardl']);
  await record('agreement-2004-06', 'agreement', '2004-06', ['iate-mephi', 'ardl']);
  await record('agreement-2004-12-31', 'agreement', '2004-12-31', ['iate-mephi', 'ardl']);
  await record('one-side-only', 'agreement', '2010-03-01', ['airko', 'iate-mephi']);
  await record('initiative-2012', 'initiative', '2012-05', ['limousin-regional-council', 'airko'], {
    milestones: [{ due: '2012-09-01', done: '2012-09-20' }, { due: '2013-02-15' }],
  });
  await record('residency-undated', 'residency', null, ['ardl', 'iate-mephi'], { validFrom: '2015' });
  await record('unpublished-2020', 'agreement', '2020-02-02', ['airko', 'ardl'], { published: false });
  member = await signedInUser(t, 'timeline-member@example.org', [{ role: 'member', organisationSlug: 'airko' }]);
});
afterAll(() => t.close());

const get = async (url: string, as?: TestUser): Promise<TimelinePage> => {
  const res = as ? await as.get(url) : await t.app.inject({ method: 'GET', url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const slugs = (page: TimelinePage) => page.entries.map((e) => (e.kind === 'milestone' ? `${e.slug}#${e.date.value}` : e.slug));
const base = '/api/v1/partnerships/kaluga-limousin/timeline';

describe('a partnership’s timeline', () => {
  it('holds the records with a party on each side, newest first, and not those of one side only', async () => {
    const page = await get(base);
    expect(slugs(page)).toEqual([
      'residency-undated',
      'initiative-2012#2013-02-15',
      'initiative-2012#2012-09-20',
      'initiative-2012',
      'agreement-2004',
      'agreement-2004-12-31',
      'agreement-2004-06',
      'agreement-2004-01-01',
    ]);
    expect(slugs(page)).not.toContain('one-side-only');
    expect(page.nextCursor).toBeNull();
  });

  it('gives a year-only record with precision year (never 1 January), at the head of its year oldest first too', async () => {
    const page = await get(`${base}?order=oldest&kind=agreement`);
    expect(slugs(page)).toEqual(['agreement-2004', 'agreement-2004-01-01', 'agreement-2004-06', 'agreement-2004-12-31']);
    const year = page.entries[0]!;
    expect(year.date).toEqual({ value: '2004', precision: 'year', first: '2004-01-01', last: '2004-12-31' });
    expect(year.parties.map((p) => p.slug)).toEqual(['airko', 'limousin-technical-university']);
    expect(year.title.en).toBe('Record agreement-2004');
    expect(page.entries.find((e) => e.slug === 'agreement-2004-06')!.date.precision).toBe('month');
  });

  it('finds a year-only record by a period inside its year, not by one after it', async () => {
    expect(slugs(await get(`${base}?from=2004-06&to=2004-06&kind=agreement`))).toEqual(['agreement-2004', 'agreement-2004-06']);
    expect(slugs(await get(`${base}?from=2005&kind=agreement`))).toEqual([]);
    expect(slugs(await get(`${base}?from=2013&to=2015`))).toEqual(['residency-undated', 'initiative-2012#2013-02-15']);
  });

  it('filters by kind and by area', async () => {
    expect(slugs(await get(`${base}?kind=initiative&kind=residency`))).toEqual(['residency-undated', 'initiative-2012']);
    expect(slugs(await get(`${base}?kind=milestone`))).toEqual(['initiative-2012#2013-02-15', 'initiative-2012#2012-09-20']);
    expect(slugs(await get(`${base}?area=non-metallic-materials-industrial-ceramics`))).toEqual(['agreement-2004']);
  });

  it('shows milestones with their initiative, due and done dates', async () => {
    const page = await get(`${base}?kind=milestone&order=oldest`);
    const done = page.entries[0] as TimelineEntry;
    expect(done.kind).toBe('milestone');
    expect(done.slug).toBe('initiative-2012');
    expect(done.title.en).toBe('Milestone 1 of initiative-2012');
    expect(done.milestone).toEqual({
      initiative: expect.objectContaining({ en: 'Record initiative-2012' }),
      dueOn: '2012-09-01',
      doneOn: '2012-09-20',
    });
    expect(page.entries[1]!.milestone!.doneOn).toBeNull();
  });

  it('leaves an unpublished record out for a visitor and shows it to a party’s member', async () => {
    expect(slugs(await get(base))).not.toContain('unpublished-2020');
    expect(slugs(await get(base, member))).toContain('unpublished-2020');
    const outsider = await signedInUser(t, 'timeline-outsider@example.org', [{ role: 'member', organisationSlug: 'iate-mephi' }]);
    expect(slugs(await get(base, outsider))).not.toContain('unpublished-2020');
    const coordinator = await signedInUser(t, 'timeline-coordinator@example.org', [{ role: 'regional_coordinator', regionCode: 'FR-87' }]);
    expect(slugs(await get(base, coordinator))).toContain('unpublished-2020');
  });

  it('pages with a cursor, in both orders, without losing or repeating an entry', async () => {
    for (const order of ['newest', 'oldest']) {
      const all = slugs(await get(`${base}?order=${order}`));
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: TimelinePage = await get(`${base}?order=${order}&pageSize=3${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.entries.length).toBeLessThanOrEqual(3);
        seen.push(...slugs(page));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(all);
    }
  });

  it('refuses a day that does not exist, a period that ends before it starts, and a cursor it did not give', async () => {
    const bad = async (query: string, field: string, reason: string) => {
      const res = await t.app.inject({ method: 'GET', url: `${base}?${query}` });
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error).toMatchObject({ field, reason });
    };
    await bad('from=2023-02-30', 'query.from', 'no_such_day');
    await bad('from=2005&to=2004', 'query.to', 'ends_before_start');
    await bad('cursor=bm90LWEtY3Vyc29y', 'query.cursor', 'invalid');
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/partnerships/no-such-partnership/timeline' });
    expect(res.statusCode).toBe(404);
  });
});

describe('an organisation’s and an area’s timelines', () => {
  it('an organisation’s holds the records it is a party of', async () => {
    expect(slugs(await get('/api/v1/organisations/limousin-technical-university/timeline'))).toEqual(['agreement-2004']);
    expect(slugs(await get('/api/v1/organisations/airko/timeline?kind=agreement'))).toEqual(['one-side-only', 'agreement-2004']);
  });

  it('an area’s holds its records, in the regions asked for', async () => {
    const url = '/api/v1/areas/innovative-technology-transfer/timeline?kind=agreement';
    expect(slugs(await get(url))).toEqual(['one-side-only', 'agreement-2004-12-31', 'agreement-2004-06', 'agreement-2004-01-01']);
    expect(slugs(await get(`${url}&region=FR-NAQ`))).toEqual(['agreement-2004-12-31', 'agreement-2004-06', 'agreement-2004-01-01']);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/areas/no-such-area/timeline' });
    expect(res.statusCode).toBe(404);
  });
});
