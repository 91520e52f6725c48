/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newContext, PHONE, a11yReport } from './browser.js';
import { useSite } from './site.js';
import { clickOption, typeahead } from './typeahead.js';

const site = useSite({ examples: true });

const open = (path: string, locale = 'en-GB') => site.open(path, { locale });

const card = (page: Page, title: string) => page.locator('.card', { has: page.locator('h3', { hasText: title }) });

describe('cross-lingual search', () => {
  it('shows French and English filtration companies for «фильтрующие материалы», with the reason', async () => {
    const page = await open('/organisations');
    await page.getByLabel('Search organisations').fill('фильтрующие материалы');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const french = card(page, 'Textiles Filtrants du Rhône');
    await expect.poll(() => french.count()).toBe(1);
    expect(await french.locator('.match-reasons:not(.match-codes)').innerText()).toMatch(
      /Matched because:.*filtering materials.*médias filtrants/s,
    );
    expect(await french.locator('mark').allInnerTexts()).toContain('Médias filtrants');
    const english = card(page, 'CleanAir Systems');
    expect(await english.locator('.match-reasons:not(.match-codes)').innerText()).toContain('air filtration');
    // the Russian reader sees the concept in Russian
    const ru = await open(`/organisations?q=${encodeURIComponent('фильтрующие материалы')}`, 'ru-RU');
    await expect
      .poll(() => card(ru, 'Textiles Filtrants du Rhône').locator('.match-reasons:not(.match-codes)').innerText())
      .toContain('фильтрующие материалы');
  });

  it('marks a description shown in another language than the reader’s', async () => {
    const ru = await open('/organisations/example-airpure', 'ru-RU');
    const description = ru.locator('.description');
    await expect.poll(() => description.count()).toBe(1);
    expect(await description.locator('span[lang=fr]').count()).toBe(1);
    expect(await description.locator('.fallback-marker').getAttribute('title')).toMatch(/французский/);
    await ru.context().close();
  });

  it('finds a person’s organisation by the name in another script', async () => {
    const page = await open(`/organisations?q=${encodeURIComponent('Ванденбрук')}`);
    await expect.poll(() => page.locator('.card h3').allInnerTexts()).toEqual(['Limousin Regional Council']);
  });
});

describe('suggested partners', () => {
  it('suggests Limousin partners on the page of a Kaluga ceramics company, with explanations', async () => {
    const page = await open('/organisations/example-tehkeram');
    const first = page.locator('.partner-list > li').first();
    await expect.poll(() => first.innerText()).toContain('Partner regions: Kaluga Region — Limousin');
    // the region's name comes with the list of regions, which may arrive after the suggestions
    await expect.poll(() => first.innerText()).toMatch(/Haute-Vienne|Corrèze|Creuse/);
    const text = await first.innerText();
    expect(text).toMatch(/Shares \d+ areas? of cooperation: .*Non-metallic materials and industrial ceramics/);
    expect(text).toContain('technical ceramics');
    // a filter narrows the list
    await page.getByRole('combobox', { name: /^Kind/ }).selectOption('university');
    await expect.poll(() => page.locator('.partner-list h3').allInnerTexts()).toEqual(['Université de Limoges FR']);
    await page.getByRole('combobox', { name: /^Kind/ }).selectOption('');
    // a region chosen replaces the default (beyond the company's own region); the sector narrows too
    // the whole list is back before the region is chosen (a list redrawn meanwhile would drop the typed text)
    await expect.poll(() => page.locator('.partner-list > li').count()).toBeGreaterThan(1);
    // typed key by key, as a person does (a filled-in text may close Mantine's list of choices)
    await typeahead(page, 'Region').click();
    await typeahead(page, 'Region').pressSequentially('Ile-de');
    await clickOption(page, /^Île-de-France/);
    await expect.poll(() => page.locator('.partner-list h3').allInnerTexts()).toEqual(['Advanced Ceramic Components']);
    await page.getByRole('button', { name: 'Clear the region' }).click();
    await page.getByLabel('Sector').selectOption('science');
    await expect.poll(() => page.locator('.partner-list h3').allInnerTexts()).toEqual(['Université de Limoges FR']);
  });

  it('fits a phone: filters and explanations without sideways scrolling', async () => {
    const page = await (await newContext(site.browser, { locale: 'ru-RU', viewport: PHONE })).newPage();
    await page.goto(`${site.baseUrl}/organisations/example-tehkeram`);
    await expect.poll(() => page.locator('.partner-list > li').count()).toBeGreaterThan(3);
    // the areas' long names come with the list of areas
    await expect.poll(() => page.getByLabel('Направление сотрудничества').locator('option').count()).toBeGreaterThan(3);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.context().close();
  });
});

describe('the glossary', () => {
  it('lets a coordinator add a term that search uses at once', async () => {
    const page = await open('/sign-in');
    await page.getByLabel('E-mail address').fill('coordinator.limousin@demo.clusterbridge.test');
    await page.getByLabel('Password').fill('Demo-Clusterbridge-2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/my\/organisations/);

    await page.goto(`${site.baseUrl}/organisations?q=wadding`);
    await expect.poll(() => page.locator('.result-count').innerText()).toBe('0 organisations found');

    await page.goto(`${site.baseUrl}/glossary`);
    await page.getByLabel('Find a concept by any of its terms').fill('non tissés');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const concept = page.locator('.concept-card', { has: page.locator('code', { hasText: /^nonwovens$/ }) });
    await expect.poll(() => concept.count()).toBe(1);
    await concept.getByLabel('Language of the new term').selectOption('en');
    await concept.getByLabel('New term', { exact: true }).fill('wadding');
    await concept.getByRole('button', { name: 'Add term' }).click();
    // no organisation writes "wadding" (nor a word the vocabularies translate it to): the message says so, and search still finds the concept's organisations
    await expect
      .poll(() => concept.locator('[role=status]').innerText())
      .toMatch(/Saved\. (Search now finds \d+ more organisations?|No other organisation mentions this term yet)/);

    await page.goto(`${site.baseUrl}/organisations?q=wadding`);
    // (names shown in another language than the reader's carry a language marker: "… FR")
    await expect
      .poll(async () => (await page.locator('.card h3').allInnerTexts()).some((t) => t.startsWith('Textiles Filtrants du Rhône')))
      .toBe(true);
  });
});

describe('accessibility (axe-core)', () => {
  const pages = [`/organisations?q=${encodeURIComponent('фильтрующие материалы')}`, '/organisations/example-tehkeram', '/glossary'];
  for (const locale of ['en-GB', 'fr-FR', 'ru-RU']) {
    for (const viewport of [undefined, PHONE]) {
      it(`finds no serious or critical violation in ${locale}${viewport ? ' on a phone' : ''}`, async () => {
        for (const { path, violations } of await a11yReport(site.browser, site.baseUrl, pages, { locale, viewport })) {
          expect({ path, violations }).toEqual({ path, violations: [] });
        }
      });
    }
  }
});
