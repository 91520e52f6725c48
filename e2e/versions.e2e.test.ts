/// <reference lib="dom" />
// page.evaluate callbacks run in the browser
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, newContext, PHONE, seriousA11yViolations } from './browser.js';
import { DEMO_PASSWORD, useSite } from './site.js';

/** Two people edit one profile at once: the second save shows the conflict, and they merge or overwrite. */
const EDITOR_URL = '/my/organisations/iate-mephi';

const site = useSite();

async function signedIn(email: string, viewport: { width: number; height: number }): Promise<Page> {
  const page = await (await newContext(site.browser, { viewport })).newPage();
  await page.goto(`${site.baseUrl}/sign-in`);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/my\/organisations/);
  return page;
}

async function openEditor(page: Page) {
  await page.goto(`${site.baseUrl}${EDITOR_URL}`);
  await page.getByLabel('Website').waitFor();
}

async function saveDraft(page: Page) {
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect.poll(() => page.locator('[role=status]').allInnerTexts()).toContain('Draft saved.');
}

/** The profile as saved, read through the API in the page's session. */
const saved = (page: Page) =>
  page.evaluate(async () => (await (await fetch('/api/v1/organisations/iate-mephi/profile')).json()).profile) as Promise<{
    website: string | null;
    description: { en?: string } | null;
    city: { en?: string } | null;
  }>;

describe.each([
  ['desktop', DESKTOP],
  ['a 390 px phone', PHONE],
])('two editors of one profile, on %s', (name, viewport) => {
  let mine: Page;
  let theirs: Page;
  beforeAll(async () => {
    mine = await signedIn('iate.admin@demo.clusterbridge.test', viewport);
    theirs = await signedIn('iate.editor@demo.clusterbridge.test', viewport);
  });
  afterAll(async () => {
    await mine.context().close();
    await theirs.context().close();
  });

  it('shows the fields that differ, and merges: their change kept, mine kept where they changed nothing', async () => {
    await openEditor(mine);
    await openEditor(theirs);
    const website = `https://theirs-${viewport.width}.example.org`;
    await theirs.getByLabel('Website').fill(website);
    await saveDraft(theirs);

    const description = `Mine, edited on ${name}.`;
    await mine.getByLabel('Description (en)').fill(description);
    await mine.getByRole('button', { name: 'Save draft' }).click();
    const conflict = mine.getByRole('alert').filter({ hasText: 'Someone else saved this in the meantime' });
    await conflict.waitFor();
    const rows = await conflict.locator('tbody th').allInnerTexts();
    expect(rows).toEqual(expect.arrayContaining(['Website', 'Description']));
    expect(await conflict.locator('tbody tr', { hasText: 'Website' }).innerText()).toContain(website);
    // the panel fits the screen (its table scrolls within it if it must)
    const box = (await conflict.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
    expect(await seriousA11yViolations(mine)).toEqual([]);

    await conflict.getByRole('button', { name: 'Take theirs and keep my other edits' }).click();
    await expect.poll(() => mine.getByLabel('Website').inputValue()).toBe(website);
    expect(await mine.getByLabel('Description (en)').inputValue()).toBe(description);
    await saveDraft(mine);
    const now = await saved(mine);
    expect(now.website).toBe(website);
    expect(now.description?.en).toBe(description);
  });

  it('overwrites when I keep mine', async () => {
    await openEditor(theirs);
    await theirs.getByLabel('City (en)').fill(`Their city ${viewport.width}`);
    await saveDraft(theirs);

    const city = `My city ${viewport.width}`;
    await mine.getByLabel('City (en)').fill(city);
    await mine.getByRole('button', { name: 'Save draft' }).click();
    const conflict = mine.getByRole('alert').filter({ hasText: 'Someone else saved this in the meantime' });
    await conflict.waitFor();
    expect(await conflict.locator('tbody th').allInnerTexts()).toEqual(['City']);
    await conflict.getByRole('button', { name: 'Keep mine (overwrite)' }).click();
    await expect.poll(() => mine.locator('[role=status]').allInnerTexts()).toContain('Draft saved.');
    expect((await saved(mine)).city?.en).toBe(city);
    expect(await conflict.count()).toBe(0);
  });
  it('shows a partnership saved through the API in between, and merges it with my edit', async () => {
    const coordinator = await signedIn('coordinator.kaluga@demo.clusterbridge.test', viewport);
    await coordinator.goto(`${site.baseUrl}/partnerships/kaluga-limousin/edit`);
    await coordinator.getByLabel('Name (fr)').waitFor();
    const theirs = `Saved through the API, ${viewport.width} px.`;
    const theirName = `Калуга — Лимузен (${viewport.width})`;
    // someone else saves the description and the Russian name while the page is open
    const status = await coordinator.evaluate(
      async ([description, ru]) => {
        const { csrfToken } = await (await fetch('/api/v1/auth/session')).json();
        const got = await fetch('/api/v1/partnerships/kaluga-limousin');
        const p = await got.json();
        const body = {
          name: { ...p.name, ru },
          description: { original: 'en', en: description },
          areas: p.areas.map((a: { code: string }) => a.code),
        };
        const put = await fetch('/api/v1/partnerships/kaluga-limousin', {
          method: 'PUT',
          headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken, 'if-match': got.headers.get('etag')! },
          body: JSON.stringify(body),
        });
        return put.status;
      },
      [theirs, theirName],
    );
    expect(status).toBe(200);

    const name = `Kalouga — Limousin (${viewport.width})`;
    await coordinator.getByLabel('Name (fr)').fill(name);
    await coordinator.getByRole('button', { name: 'Save', exact: true }).click();
    const conflict = coordinator.getByRole('alert').filter({ hasText: 'Someone else saved this in the meantime' });
    await conflict.waitFor();
    expect(await conflict.locator('tbody th').allInnerTexts()).toEqual(['Name', 'Description']);
    const box = (await conflict.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
    await conflict.getByRole('button', { name: 'Take theirs and keep my other edits' }).click();
    await expect.poll(() => coordinator.getByLabel('Description (en)').inputValue()).toBe(theirs);
    // the name is merged language by language: my French and their Russian both stay
    expect(await coordinator.getByLabel('Name (fr)').inputValue()).toBe(name);
    expect(await coordinator.getByLabel('Name (ru)').inputValue()).toBe(theirName);
    await coordinator.getByRole('button', { name: 'Save', exact: true }).click();
    await coordinator.waitForURL(`${site.baseUrl}/`);
    const now = await coordinator.evaluate(async () => (await fetch('/api/v1/partnerships/kaluga-limousin')).json());
    expect(now.name.fr).toBe(name);
    expect(now.name.ru).toBe(theirName);
    expect(now.description.en).toBe(theirs);
    await coordinator.context().close();
  });
  it('shows a glossary concept whose terms changed in between, and adds my term over them', async () => {
    const coordinator = await signedIn('coordinator.limousin@demo.clusterbridge.test', viewport);
    await coordinator.goto(`${site.baseUrl}/glossary`);
    await coordinator.getByLabel('Find a concept by any of its terms').fill('air-filtration');
    await coordinator.getByLabel('Find a concept by any of its terms').press('Enter');
    const card = coordinator.locator('.concept-card', { has: coordinator.locator('code', { hasText: /^air-filtration$/ }) });
    await card.waitFor();
    const theirs = `aerosol barrier ${viewport.width}`;
    const status = await coordinator.evaluate(async (term) => {
      const { csrfToken } = await (await fetch('/api/v1/auth/session')).json();
      const added = await fetch('/api/v1/glossary/concepts/air-filtration/terms', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
        body: JSON.stringify({ language: 'en', term }),
      });
      return added.status;
    }, theirs);
    expect(status).toBe(201);

    const mine = `aerosol screen ${viewport.width}`;
    await card.getByLabel('Language of the new term').selectOption('en');
    await card.getByLabel('New term', { exact: true }).fill(mine);
    await card.getByRole('button', { name: 'Add term' }).click();
    const conflict = card.getByRole('alert').filter({ hasText: 'Someone else saved this in the meantime' });
    await conflict.waitFor();
    expect(await conflict.locator('tbody th').allInnerTexts()).toEqual(['Terms in English']);
    expect(await conflict.locator('tbody td').last().innerText()).toContain(theirs);
    const box = (await conflict.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
    await conflict.getByRole('button', { name: 'Make my change to the saved terms' }).click();
    await expect
      .poll(() => card.locator('[lang=en] .term').allInnerTexts())
      .toEqual(expect.arrayContaining([expect.stringContaining(theirs), expect.stringContaining(mine)]));
    expect(await conflict.count()).toBe(0);
    await coordinator.context().close();
  });
});
