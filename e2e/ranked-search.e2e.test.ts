/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PHONE } from './browser.js';
import { useSite } from './site.js';

const site = useSite({ examples: true });

const card = (page: Page, slug: string) => page.locator('.card', { has: page.locator(`a[href$="/organisations/${slug}"]`) });

const searchFor = (q: string, locale: string) => site.open(`/organisations?q=${encodeURIComponent(q)}`, { locale });

describe('a search that ranks descriptions', () => {
  it('finds the ceramic insulator maker for a French description, and says which words it matched (fr)', async () => {
    const page = await searchFor("céramique technique pour l'isolation électrique des fours", 'fr-FR');
    const insulators = card(page, 'example-izolyator');
    await expect.poll(() => insulators.count()).toBe(1);
    const words = await insulators.locator('.match-words').innerText();
    expect(words).toMatch(/Vos mots trouvés\u00a0:.*céramique/s);
    expect(words).toMatch(/Absents\u00a0:.*fours/s);
    expect(await page.locator('.partial-notice:not(.records-partial)').count()).toBe(0);
  });

  it('finds the air-filter companies for a Russian description, on a phone (ru, 390 px)', async () => {
    const page = await site.open(`/organisations?q=${encodeURIComponent('системы очистки воздуха для чистых помещений')}`, {
      locale: 'ru-RU',
      viewport: PHONE,
    });
    await expect.poll(() => card(page, 'example-hepa').count()).toBe(1);
    expect(await card(page, 'example-hepa').locator('.match-words').innerText()).toMatch(/Найдены слова:.*воздуха/s);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.context().close();
  });

  it('says so when no organisation matches enough of the words (en)', async () => {
    const page = await searchFor('ceramics zzqxv', 'en-GB');
    await expect
      .poll(() => page.locator('.partial-notice:not(.records-partial)').innerText())
      .toContain('No organisation matches enough of your words');
    expect(await page.locator('.card').count()).toBeGreaterThan(0);
    expect(await page.locator('.card .match-words').first().innerText()).toMatch(/Not found:.*zzqxv/s);
  });
});
