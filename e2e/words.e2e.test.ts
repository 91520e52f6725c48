/// <reference lib="dom" />
// page.evaluate callbacks run in the browser
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE } from './browser.js';
import { useSite } from './site.js';

// with the invented example organisations, as a demo shows them
const site = useSite({ examples: true });

const open = (path: string, locale: string, viewport = DESKTOP, email?: string) => site.open(path, { locale, viewport, email });

const api = async <T>(path: string): Promise<T> => (await fetch(`${site.baseUrl}/api/v1${path}`)).json() as Promise<T>;

describe('partner cards', () => {
  it('say in words how well a partner fits and what it does, with the numbers behind Details (en, phone)', async () => {
    const page = await open('/organisations/iate-mephi', 'en-GB', PHONE);
    const cards = page.locator('.partner-list > li');
    await cards.first().waitFor();
    const texts = await cards.allInnerTexts();
    expect(texts.length).toBeGreaterThan(0);
    for (const card of texts) {
      expect(card).toMatch(/A (strong|good|possible) match/);
      expect(card, 'no score or points in view').not.toMatch(/score \d|\+\d/);
    }
    // the numbers are one click away
    const first = cards.first();
    await first.locator('details summary').click();
    expect(await first.locator('details').innerText()).toMatch(/score \d/);
    // what the partner does: its description's first line
    const suggestions = await api<{ items: { organisation: { description: { en?: string } | null } }[] }>(
      '/organisations/iate-mephi/partners',
    );
    const described = suggestions.items.filter((s) => s.organisation.description).length;
    expect(await page.locator('.partner-list .partner-does').count()).toBe(described);
    expect(described).toBeGreaterThan(0);
    await page.context().close();
  });

  it('count neither place names nor kinds of organisation as shared subjects (en)', async () => {
    const page = await open('/organisations/iate-mephi', 'en-GB');
    await page.locator('.partner-list > li').first().waitFor();
    const subjects = (await page.locator('.partner-list .concept').allInnerTexts()).map((s) => s.toLowerCase());
    for (const notSubject of [
      'kaluga',
      'kaluga region',
      'obninsk',
      'limousin',
      'limoges',
      'university',
      'russia',
      'france',
      'technopark',
    ]) {
      expect(subjects).not.toContain(notSubject);
    }
    await page.context().close();
  });

  it('mark invented partners (en)', async () => {
    const page = await open('/organisations/iate-mephi', 'en-GB');
    await page.locator('.partner-list > li').first().waitFor();
    const suggestions = await api<{ items: { organisation: { source: string } }[] }>('/organisations/iate-mephi/partners');
    const examples = suggestions.items.filter((s) => s.organisation.source === 'synthetic').length;
    expect(examples, 'the demo suggests invented partners too').toBeGreaterThan(0);
    const marked = await page.locator('.partner-list > li').filter({ hasText: 'Example — invented for the demo' }).count();
    expect(marked).toBe(examples);
    await page.context().close();
  });

  it('write French with a no-break space before the colon (fr)', async () => {
    const page = await open('/organisations/iate-mephi', 'fr-FR');
    await page.locator('.partner-list > li').first().waitFor();
    const text = await page.locator('.partner-list').innerText();
    // the labels of the card, not the organisations' own texts
    expect(text).toMatch(/Activités communes\u00a0: /);
    expect(text).toMatch(/Régions partenaires\u00a0: /);
    expect(text).not.toMatch(/(communes|partenaires) :/);
    await page.context().close();
  });
});

describe('invented example organisations', () => {
  it('are marked on their own page (fr)', async () => {
    const page = await open('/organisations/example-tehkeram', 'fr-FR');
    await page.locator('h1').waitFor();
    // the page's own mark, under its name (the partner cards further down carry theirs)
    await expect.poll(() => page.locator('h1 + p .badge.synthetic').innerText()).toBe('Exemple — inventé pour la démonstration');
    await page.context().close();
  });

  it("stay out of the home page's institutions and counts, which say «Организации» (ru, phone)", async () => {
    const page = await open('/', 'ru-RU', PHONE);
    await page.locator('.side').first().waitFor();
    const links = await page.locator('.institutions a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter((l) => l.startsWith('/organisations/example-'))).toEqual([]);
    expect(await page.locator('.side h3').allInnerTexts()).not.toContain('Институты');
    // the counts are of the region's real organisations
    const slug = (await api<{ items: { slug: string }[] }>('/partnerships')).items[0]!.slug;
    const partnership = await api<{ sides: { regions: { code: string }[]; stats: { total: number } }[] }>(`/partnerships/${slug}`);
    const side = partnership.sides[0]!;
    const region = side.regions.map((r) => `region=${r.code}`).join('&');
    const listed = await api<{ items: { source: string }[]; meta: { total: number } }>(`/organisations?${region}&pageSize=100`);
    expect(listed.meta.total).toBeLessThanOrEqual(100);
    const real = listed.items.filter((o) => o.source !== 'synthetic').length;
    expect(real).toBeLessThan(listed.meta.total); // the demo has examples there
    expect(side.stats.total).toBe(real);
    await page.context().close();
  });
});

describe('the glossary', () => {
  it("is in the alphabetical order of the reader's language, with wider concepts by name (ru)", async () => {
    const page = await open('/glossary', 'ru-RU');
    await page.locator('.concept-card').first().waitFor();
    const titles = await page
      .locator('.concept-card .card-title')
      .evaluateAll((hs) => hs.map((h) => h.firstChild?.textContent?.trim() ?? ''));
    expect(titles.length).toBeGreaterThan(5);
    expect(titles).toEqual([...titles].sort(new Intl.Collator('ru', { sensitivity: 'base' }).compare));
    await page.getByLabel('Найти понятие по любому термину').fill('университет');
    await page.getByLabel('Найти понятие по любому термину').press('Enter');
    await expect.poll(() => page.locator('.concept-card .meta').first().innerText()).toContain('Входит в: высшее образование');
    expect(await page.locator('.concept-card .meta').first().innerText()).not.toContain('higher-education');
    await page.context().close();
  });

  it('says next to the terms fields that terms are comma-separated, and what a new term changes for search (en)', async () => {
    const page = await open('/glossary', 'en-GB', DESKTOP, 'coordinator.kaluga@demo.clusterbridge.test');
    await page.getByText('Add a concept').click();
    const termsField = page.getByLabel('Terms in English');
    const describedBy = await termsField.getAttribute('aria-describedby');
    expect(describedBy).toBeTruthy();
    expect(await page.locator(`[id="${describedBy}"]`).innerText()).toBe('several terms, separated by commas');
    // a term added to a concept: the outcome speaks of search
    await page.getByLabel('Find a concept by any of its terms').fill('ceramic');
    await page.getByLabel('Find a concept by any of its terms').press('Enter');
    const card = page.locator('.concept-card').first();
    // the whole list shows until the search's answer replaces it
    await expect.poll(() => card.innerText()).toMatch(/ceramic/i);
    await card.getByLabel('New term', { exact: true }).fill('ceramic ware');
    await card.getByRole('button', { name: 'Add term' }).click();
    await expect
      .poll(() => card.innerText())
      .toMatch(/Saved\. (Search now finds \d+ more organisations?|No other organisation mentions this term yet)/);
    expect(await card.innerText()).not.toContain('re-tagged');
    await page.context().close();
  });
});

describe('the audit log', () => {
  it('says what happened in words, with the changed fields as a list (en)', async () => {
    // the organisation's administrator sets a partner aside, as the page lets them
    const member = await open('/organisations/iate-mephi', 'en-GB', DESKTOP, 'iate.admin@demo.clusterbridge.test');
    const first = member.locator('.partner-list > li').first();
    await first.waitFor();
    const candidate = (await first.locator('h3 a').getAttribute('href'))!.split('/').pop()!;
    await first.getByRole('button', { name: 'Not interested' }).click();
    await expect.poll(() => member.locator('.partner-list h3 a[href$="/' + candidate + '"]').count()).toBe(0);
    await member.context().close();

    const page = await open('/admin/audit', 'en-GB', DESKTOP, 'admin@demo.clusterbridge.test');
    await page.locator('table tbody tr').first().waitFor();
    const rows = await page.locator('table tbody tr').allInnerTexts();
    const dismissed = rows.find((r) => r.includes('Partner set aside'));
    expect(dismissed, rows.slice(0, 5).join('\n')).toBeTruthy();
    expect(dismissed).toContain(candidate);
    expect(rows.some((r) => r.includes('Signed in'))).toBe(true);
    const visible = rows.join('\n');
    expect(visible).not.toMatch(/partner\.dismissed|session\.created|\{"/);
    await page.context().close();
  });
});
