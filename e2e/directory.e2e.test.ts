/// <reference lib="dom" />
// page.evaluate callbacks run in the browser
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PHONE, a11yReport } from './browser.js';
import { pick } from './typeahead.js';
import { useSite } from './site.js';

const site = useSite();

const { open } = site;

const resultCount = (page: Page) => page.locator('.result-count').innerText();
const cardTitles = (page: Page) => page.locator('.card:not(.record-result) h3').allInnerTexts();

describe('the web app', () => {
  it('is served as a production build, whatever NODE_ENV the build ran under', async () => {
    // the tests build it under vitest's NODE_ENV=test; Vite would then bundle React's development build
    const html = await (await fetch(`${site.baseUrl}/`)).text();
    const script = /<script type="module"[^>]*src="([^"]+)"/.exec(html)?.[1];
    expect(script).toBeTruthy();
    const entry = await (await fetch(`${site.baseUrl}${script}`)).text();
    // the entry and the chunks it imports at once (the bundler may put the texts and React in a shared one)
    const imported = [...entry.matchAll(/from\s*"\.\/([^"]+\.js)"/g)].map((m) => m[1]!);
    const chunks = await Promise.all(imported.map(async (file) => (await fetch(`${site.baseUrl}/assets/${file}`)).text()));
    const bundle = [entry, ...chunks].join('\n');
    expect(bundle.length).toBeGreaterThan(10_000);
    expect(bundle).toContain('Clusterbridge');
    // a warning that only React's development build carries (the bundle itself is too long for a message)
    expect(bundle.includes('should have a unique "key" prop'), "React's development build was bundled").toBe(false);
  });
});

describe('languages', () => {
  it("starts in the browser's language", async () => {
    const page = await open('/', { locale: 'fr-FR' });
    await expect.poll(() => page.locator('h1').innerText()).toBe('Région de Kalouga — Limousin');
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await page.context().close();
  });

  it('switches language and remembers the choice', async () => {
    const page = await open('/');
    await expect.poll(() => page.locator('h1').innerText()).toBe('Kaluga Region — Limousin');
    await page.getByRole('button', { name: 'Русский' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Калужская область — Лимузен');
    expect(await page.getAttribute('html', 'lang')).toBe('ru');
    await page.getByRole('link', { name: 'Организации' }).first().click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Каталог организаций');
    await page.reload();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Каталог организаций');
    await expect.poll(() => resultCount(page)).toBe('Найдено 7 организаций');
    await page.context().close();
  });
});

describe('home page', () => {
  it("shows both regions, their institutions and counts, and leads to a side's organisations", async () => {
    const page = await open('/');
    const limousin = page.locator('.side', { hasText: 'Haute-Vienne' });
    await expect
      .poll(() => limousin.locator('.institutions li').allInnerTexts())
      .toEqual(['Limousin Regional Council — Government body', 'ARDL — Development agency', 'Limousin technical university — University']);
    expect(await limousin.locator('.count-bars').first().innerText()).toContain('University');
    await page.getByRole('link', { name: 'All organisations of Limousin' }).click();
    await expect.poll(() => resultCount(page)).toBe('3 organisations found');
    await page.context().close();
  });
});

describe('organisation directory', () => {
  it('searches across scripts, filters and opens an organisation', async () => {
    const page = await open('/organisations');
    await expect.poll(() => resultCount(page)).toBe('7 organisations found');

    await page.getByRole('searchbox', { name: 'Search organisations' }).fill('Обнинск');
    await page.keyboard.press('Enter');
    await expect.poll(() => resultCount(page)).toBe('3 organisations found');
    expect((await cardTitles(page)).sort()).toEqual([
      'Obninsk City Administration',
      'Obninsk House of Scientists',
      'Obninsk Institute for Nuclear Power Engineering of the National Research Nuclear University MEPhI',
    ]);
    expect(page.url()).toContain('q=%D0%9E');

    await page.getByRole('combobox', { name: /^Kind/ }).selectOption('university');
    await expect.poll(() => resultCount(page)).toBe('1 organisation found');

    await page.getByRole('link', { name: /Obninsk Institute/ }).click();
    await expect.poll(() => page.locator('h1').innerText()).toMatch(/^Obninsk Institute for Nuclear Power Engineering/);
    expect(await page.locator('.facts').innerText()).toContain('Kaluga Oblast (RU-KLU)');
    expect(await page.locator('section[aria-labelledby=nace]').innerText()).toContain('85.42 Tertiary education');

    await page.goBack();
    await expect.poll(() => resultCount(page)).toBe('1 organisation found');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => resultCount(page)).toBe('3 organisations found');
    await page.context().close();
  });

  it('filters by region and area of cooperation', async () => {
    const page = await open('/organisations');
    await pick(page, 'Region', 'Nouvelle', /\(FR-NAQ\)/);
    await expect.poll(() => resultCount(page)).toBe('3 organisations found');
    await page.getByLabel('Area of cooperation').selectOption('industrial-control-software');
    await expect.poll(() => cardTitles(page)).toEqual(['Limousin Regional Development Agency']);
    await page.context().close();
  });

  it('filters by the code of a Russian or French registration', async () => {
    const page = await open('/organisations', { locale: 'ru-RU' });
    await page.getByLabel('Или ваш код (ОКВЭД 2, NAF)').fill('85.22');
    await page.getByRole('button', { name: 'Применить' }).click();
    await expect
      .poll(() => page.locator('.national-code [role=status]').innerText())
      .toBe('85.22 → NACE 85.42 Образование высшее и подготовка кадров высшей квалификации');
    await expect.poll(() => resultCount(page)).toBe('Найдено 2 организации');
    // the NACE filter shows the class chosen
    expect(await page.locator('.filters .mantine-Pill-root').allInnerTexts()).toEqual([expect.stringMatching(/^85\.42 /)]);
    await page.getByLabel('Или ваш код (ОКВЭД 2, NAF)').fill('99.99.9');
    await page.getByRole('button', { name: 'Применить' }).click();
    await expect.poll(() => page.locator('.national-code [role=alert]').innerText()).toContain('99.99.9');
    await page.context().close();
  });

  it("shows people in the reader's script and marks a text shown in another language", async () => {
    const en = await open('/organisations/airko');
    await expect.poll(() => en.locator('.people').innerText()).toBe('Anatoly Sotnikov (Анатолий Сотников) — Director general');
    await en.context().close();

    const ru = await open('/organisations/iate-mephi', { locale: 'ru-RU' });
    await expect.poll(() => ru.locator('h1').innerText()).toBe('Обнинский институт атомной энергетики НИЯУ МИФИ');
    // ОКВЭД 2 uses 85.42 for another activity: NACE 85.42 gets its Russian title through the crosswalk
    const nace = ru.locator('section', { hasText: 'NACE' });
    expect(await nace.innerText()).toContain('85.42 Образование высшее и подготовка кадров высшей квалификации');
    expect(await nace.locator('.fallback-marker').count()).toBe(0);
    await ru.context().close();

    const council = await open('/organisations/limousin-regional-council', { locale: 'ru-RU' });
    await expect
      .poll(() => council.locator('.people').innerText())
      .toBe('Жерар Ванденбрук (Gérard Vandenbroucke) — Вице-президент регионального совета');
    await council.context().close();
  });

  it('works on a phone without sideways scrolling', async () => {
    const page = await open('/organisations', { viewport: PHONE });
    await expect.poll(() => resultCount(page)).toBe('7 organisations found');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.getByRole('searchbox').fill('AIRKO');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect.poll(() => resultCount(page)).toBe('1 organisation found');
    await page.context().close();
  });
});

describe('accessibility (axe-core)', () => {
  const pages = ['/', '/organisations', '/organisations?q=obninsk', '/organisations/airko', '/organisations/iate-mephi'];
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
