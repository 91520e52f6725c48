/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { RecordSearchList } from '../src/shared/schemas/registry-search.js';
import { PHONE } from './browser.js';
import { useSite } from './site.js';

const site = useSite();

/**
 * The registry's answer, as the API gives it (registry-search.test.ts checks the API finds these): the
 * demo data has no registry records yet, so the page is given this one to show.
 */
const answer = (kind: string | null): RecordSearchList => {
  const agreement: RecordSearchList['results'][number] = {
    kind: 'agreement',
    slug: 'obninsk-limoges-filters-2004',
    title: {
      original: 'ru',
      ru: 'Соглашение о сотрудничестве в области фильтрующих материалов',
      en: 'Cooperation agreement on filtering materials',
    },
    titleHighlight: {
      language: 'ru',
      segments: [
        { text: 'Соглашение о сотрудничестве в области ', hit: false },
        { text: 'фильтрующих материалов', hit: true },
      ],
    },
    summary: {
      language: 'ru',
      segments: [
        { text: 'Стороны разрабатывают ', hit: false },
        { text: 'фильтрующие материалы', hit: true },
      ],
    },
    types: ['cooperation_agreement'],
    stage: 'signed',
    date: { value: '2004', precision: 'year' },
    parties: [
      { original: 'en', en: 'Obninsk Filter Works' },
      { original: 'fr', fr: 'Non-tissés de Limoges' },
    ],
    match: {
      words: [
        { word: 'matériaux', way: 'concept' },
        { word: 'filtrants', way: 'concept' },
      ],
      concepts: [
        {
          code: 'filtering-materials',
          label: { original: 'en', en: 'filtering materials', fr: 'matériaux filtrants', ru: 'фильтрующие материалы' },
        },
      ],
    },
  };
  const initiative: RecordSearchList['results'][number] = {
    ...agreement,
    kind: 'initiative',
    slug: 'filter-trials',
    title: { original: 'fr', fr: 'Essais communs de matériaux filtrants' },
    titleHighlight: {
      language: 'fr',
      segments: [
        { text: 'Essais communs de ', hit: false },
        { text: 'matériaux filtrants', hit: true },
      ],
    },
    summary: null,
    types: [],
    stage: 'active',
    date: { value: '2019-06', precision: 'month' },
    match: {
      words: [
        { word: 'matériaux', way: 'text' },
        { word: 'filtrants', way: 'text' },
      ],
      concepts: [],
    },
  };
  const results = [agreement, initiative].filter((r) => kind === null || r.kind === kind);
  return {
    results,
    total: results.length,
    page: 1,
    pageSize: 5,
    facets: { kind: { agreement: 1, initiative: 1 }, stage: {} },
    partial: false,
  };
};

async function withRegistry(page: Page): Promise<string[]> {
  const asked: string[] = [];
  await page.route('**/api/v1/registry/search?*', async (route) => {
    const url = new URL(route.request().url());
    asked.push(url.search);
    await route.fulfill({ json: answer(url.searchParams.get('kind')) });
  });
  return asked;
}

describe('registry search on the directory page', () => {
  it('shows the cooperation records the words find, by kind, with why, and leads to each record at 390 px', async () => {
    const page = await site.open('/organisations', { locale: 'fr-FR', viewport: PHONE });
    const asked = await withRegistry(page);
    await page.getByLabel('Rechercher des organisations').fill('matériaux filtrants');
    await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
    const section = page.locator('.record-results');
    await expect.poll(() => section.locator('.card').count()).toBe(2);
    expect(asked[0]).toContain('q=mat%C3%A9riaux+filtrants');
    expect(await section.locator('h2').innerText()).toBe('Registre de coopération');
    expect(await section.locator('.record-kinds button').allInnerTexts()).toEqual(['Toutes\u00a0: 2', '1 accord', '1 initiative commune']);
    const agreement = section.locator('.card').first();
    // no French title: the Russian original (before the English translation) with the words marked, and the summary too
    expect(await agreement.locator('h3').innerText()).toBe('Соглашение о сотрудничестве в области фильтрующих материалов');
    expect(await agreement.locator('h3 mark').allInnerTexts()).toEqual(['фильтрующих материалов']);
    expect(await agreement.locator('.description mark').allInnerTexts()).toEqual(['фильтрующие материалы']);
    expect(await agreement.locator('.meta').innerText()).toMatch(/Accord.*Signé.*2004/s);
    expect(await agreement.locator('.match-words').innerText()).toMatch(/matériaux.*par le sens/s);
    expect(await agreement.locator('.match-reasons').innerText()).toContain('matériaux filtrants');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    // a kind narrows the list
    await section.getByRole('button', { name: '1 initiative commune' }).click();
    await expect.poll(() => section.locator('.card').count()).toBe(1);
    expect(asked.at(-1)).toContain('kind=initiative');
    expect(await section.getByRole('button', { name: '1 initiative commune' }).getAttribute('aria-pressed')).toBe('true');
    expect(await section.locator('.card h3 a').getAttribute('href')).toBe('/cooperation/initiatives/filter-trials');
    await section.getByRole('button', { name: 'Toutes\u00a0: 2' }).click();
    await expect.poll(() => section.locator('.card').count()).toBe(2);
    expect(await section.locator('.card h3 a').first().getAttribute('href')).toBe('/cooperation/agreements/obninsk-limoges-filters-2004');
    await page.context().close();
  });

  it('shows no registry section without words', async () => {
    const page = await site.open('/organisations', { locale: 'en-GB' });
    await withRegistry(page);
    await page.locator('h1').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.locator('.record-results').count()).toBe(0);
    await page.context().close();
  });
});
