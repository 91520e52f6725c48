/// <reference lib="dom" />
// page.evaluate callbacks run in the browser
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, seriousA11yViolations } from './browser.js';
import { pick, typeaheadChoices } from './typeahead.js';
import { useSite } from './site.js';

const site = useSite({ examples: true });

const { open } = site;
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('turning a page of the directory', () => {
  for (const [name, viewport] of [
    ['desktop', DESKTOP],
    ['390 px', PHONE],
  ] as const) {
    it(`takes the reader to the top of the new page's results, with focus on the count (${name})`, async () => {
      const page = await open('/organisations', { locale: 'en-GB', viewport });
      await page.locator('.card').first().waitFor();
      const firstOfPage1 = await page.locator('.card h3').first().innerText();
      await page.getByRole('button', { name: 'Next' }).scrollIntoViewIfNeeded();
      await page.getByRole('button', { name: 'Next' }).click();
      await page.waitForURL(/page=2/);
      await expect.poll(() => page.locator('.card h3').first().innerText()).not.toBe(firstOfPage1);
      await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('result-count'))).toBe(true);
      const top = await page.locator('.result-count').evaluate((e) => e.getBoundingClientRect().top);
      expect(top).toBeGreaterThanOrEqual(-1);
      expect(top).toBeLessThan(viewport.height / 3);
    });
  }
});

describe('a page past the last one', () => {
  it('says so, hides the contradicting page line, and offers the last page (fr)', async () => {
    const page = await open('/organisations?page=99', { locale: 'fr-FR' });
    const pastEnd = page.locator('.past-end');
    await pastEnd.waitFor();
    expect(await pastEnd.innerText()).toMatch(/Il n’y a pas de page 99\u00a0: les résultats s’arrêtent à la page 2/);
    expect(await page.locator('.pagination').count()).toBe(0);
    expect(await page.getByText(/Aucune organisation ne correspond/).count()).toBe(0);
    await page.getByRole('button', { name: 'Aller à la dernière page (2)' }).click();
    await page.waitForURL(/page=2$/);
    await page.locator('.card').first().waitFor();
    expect(await page.locator('.pagination [aria-current="page"]').innerText()).toMatch(/2/);
  });
});

describe('an address the app has no page for', () => {
  it('is answered with the app, which shows "page not found" with links home and to the directory (ru)', async () => {
    const response = await fetch(`${site.baseUrl}/no-such-page`);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    const page = await open('/no-such-page', { locale: 'ru-RU' });
    await page.getByRole('heading', { name: 'Страница не найдена' }).waitFor();
    expect(await page.getByRole('link', { name: 'Главная страница' }).getAttribute('href')).toBe('/');
    expect(await page.getByRole('link', { name: 'Каталог организаций' }).getAttribute('href')).toBe('/organisations');
    expect(await page.locator('.cards').count()).toBe(0);
  });

  it('shows "page not found" under an organisation too, and "no such organisation" for an unknown slug (en)', async () => {
    const deep = await open('/organisations/no-such-slug/whatever', { locale: 'en-GB' });
    await deep.getByRole('heading', { name: 'Page not found' }).waitFor();
    const unknown = await open('/organisations/no-such-slug', { locale: 'en-GB' });
    await unknown.getByRole('heading', { name: 'This organisation does not exist.' }).waitFor();
    // a cooperation list of no kind is no page either (not the agreements' list under another name)
    const noKind = await open('/cooperation/no-such-kind', { locale: 'en-GB' });
    await noKind.getByRole('heading', { name: 'Page not found' }).waitFor();
  });
});

describe('the region filter', () => {
  // the type-ahead's choices read "Name (CODE) · count"; the code says which region a choice is
  const codeOf = (text: string) => /\(([^)]+)\)(?: · \d+)?$/.exec(text)?.[1] ?? '';

  it('groups regions by country with departments under their region, and offers Limousin as one choice (390 px)', async () => {
    const page = await open('/organisations', { locale: 'en-GB', viewport: PHONE });
    await page.locator('.card').first().waitFor();
    // on a phone the filters are folded behind their button
    await page.getByRole('button', { name: /^Filters/ }).click();
    await expect.poll(async () => (await typeaheadChoices(page, 'Region')).some((o) => o.text.startsWith('Limousin'))).toBe(true);
    // 2,000 regions: the list shows those matching what is typed; a region's name finds its departments too
    const options = await typeaheadChoices(page, 'Region', 'Aquitaine');
    const at = (code: string) => options.findIndex((o) => codeOf(o.text) === code);
    // the Limousin departments follow Nouvelle-Aquitaine, in the group of France
    expect(at('FR-NAQ')).toBeGreaterThanOrEqual(0);
    for (const code of ['FR-19', 'FR-23', 'FR-87']) {
      expect(at(code)).toBeGreaterThan(at('FR-NAQ'));
      // Nouvelle-Aquitaine has twelve departments
      expect(at(code)).toBeLessThanOrEqual(at('FR-NAQ') + 12);
      expect(options[at(code)]!.group).toBe('France');
      expect(options[at(code)]!.text).toMatch(/^— /);
    }
    expect((await typeaheadChoices(page, 'Region', 'Kaluga')).find((o) => codeOf(o.text) === 'RU-KLU')!.group).toBe('Russia');
    const limousin = (await typeaheadChoices(page, 'Region', 'Limousin')).find((o) => o.text.startsWith('Limousin'))!;
    expect(codeOf(limousin.text)).toBe('FR-19, FR-23, FR-87');
    expect(limousin.group).toBe('Partnership sides');

    const before = await page.locator('.result-count').innerText();
    await pick(page, 'Region', 'Limousin', /^Limousin/);
    await page.waitForURL(/region=FR-19&region=FR-23&region=FR-87/);
    await expect.poll(() => page.locator('.result-count').innerText()).not.toBe(before);
    // the three departments show as the one side chosen
    expect(await page.locator('.filters .mantine-Pill-root').allInnerTexts()).toEqual([expect.stringMatching(/^Limousin/)]);
    expect(await overflow(page)).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});

describe('a chosen region with a long name', () => {
  it('wraps it inside the filter column, the whole name seen (ru, desktop)', async () => {
    const page = await open('/organisations?region=RU-KLU&region=FR-NAQ', { locale: 'ru-RU' });
    const chips = page.locator('.filters .mantine-Pill-root');
    await expect
      .poll(() => chips.allInnerTexts())
      .toEqual([expect.stringMatching(/^Калужская область \(RU-KLU\)/), expect.stringMatching(/^Новая Аквитания \(FR-NAQ\)/)]);
    const column = await page
      .locator('.filters')
      .evaluate((e) => e.getBoundingClientRect().right - parseFloat(getComputedStyle(e).paddingRight));
    for (const chip of await chips.all()) {
      const seen = await chip.evaluate((e) => {
        const label = e.querySelector('.mantine-Pill-label')!;
        return { right: e.getBoundingClientRect().right, cut: label.scrollWidth - label.clientWidth };
      });
      expect(seen.right).toBeLessThanOrEqual(column + 0.5);
      expect(seen.cut).toBeLessThanOrEqual(0);
    }
    expect(await overflow(page)).toBe(0);
  });
});

describe('the filter choices', () => {
  const optionText = (page: Page, label: string, value: string) =>
    page.getByLabel(label).evaluate(
      (s: HTMLSelectElement, v) =>
        Array.from(s.options)
          .find((o) => o.value === v)!
          .text.trim(),
      value,
    );
  const countOf = (text: string) => Number(/ · (\d+)$/.exec(text)?.[1]);
  const saysCount = (n: number) => new RegExp(`(^|\\D)${n}(\\D|$)`);

  it('show how many organisations each would give with the other filters as they are (ru)', async () => {
    const page = await open('/organisations', { locale: 'ru-RU' });
    await page.locator('.card').first().waitFor();
    await expect.poll(() => optionText(page, 'Тип', 'university')).toMatch(/ · \d+$/);
    const universities = countOf(await optionText(page, 'Тип', 'university'));
    expect(universities).toBeGreaterThan(0);
    // a region's count adds up its departments; Limousin is its three departments
    const regionCount = async (code: string) =>
      countOf(
        (await typeaheadChoices(page, 'Регион', code.includes(',') ? 'Лимузен' : code)).find(
          (o) => o.text.endsWith(`(${code})`) || o.text.includes(`(${code}) · `),
        )!.text,
      );
    const naq = await regionCount('FR-NAQ');
    // one after the other: each types into the same field
    const departments: number[] = [];
    for (const c of ['FR-19', 'FR-23', 'FR-87']) departments.push(await regionCount(c));
    expect(naq).toBeGreaterThanOrEqual(departments.reduce((a, b) => a + b, 0));
    expect(await regionCount('FR-19, FR-23, FR-87')).toBe(departments.reduce((a, b) => a + b, 0));

    await page.getByLabel('Тип').selectOption('university');
    await page.waitForURL(/kind=university/);
    await expect.poll(() => page.locator('.result-count').innerText()).toMatch(saysCount(universities));
    // with the kind chosen, the regions count universities only
    await expect.poll(() => regionCount('FR-NAQ')).toBeLessThanOrEqual(naq);
    const kaluga = await regionCount('RU-KLU');
    await pick(page, 'Регион', 'Калуж', /\(RU-KLU\)/);
    await expect.poll(() => page.locator('.result-count').innerText()).toMatch(saysCount(kaluga));
  });
});

describe('a bad page or order in the address', () => {
  it('falls back to the first page and the default order, and takes the bad values out of the address in place (en)', async () => {
    const page = await open('/organisations?kind=university&page=-3&sort=nonsense', { locale: 'en-GB' });
    await page.waitForURL((url) => !url.searchParams.has('page') && !url.searchParams.has('sort'), { timeout: 10_000 });
    expect(new URL(page.url()).search).toBe('?kind=university');
    await page.locator('.card').first().waitFor();
    expect(await page.locator('.past-end').count()).toBe(0);
    // replaced, not added: going back leaves the list rather than returning to the bad address
    await page.goBack();
    expect(page.url()).toBe('about:blank');
  });
});
