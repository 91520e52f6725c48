/// <reference lib="dom" />
// page.evaluate callbacks run in the browser
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE } from './browser.js';
import { useSite } from './site.js';

const site = useSite({ examples: true });

const CYRILLIC = /^\p{Script=Cyrillic}/u;
const names = (page: Page) => page.locator('.card h3 a').allInnerTexts();
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('the order of the directory', () => {
  for (const [width, viewport] of [
    ['desktop', DESKTOP],
    ['390 px', PHONE],
  ] as const) {
    it(`starts, for a Russian reader, with the names they see in Cyrillic, in Russian order (${width})`, async () => {
      const page = await site.open('/organisations', { locale: 'ru-RU', viewport });
      await page.locator('.card').first().waitFor();
      const shown = await names(page);
      // Russian originals and Russian translations of French and English names, interleaved
      const cyrillic = shown.slice(
        0,
        shown.findIndex((n) => !CYRILLIC.test(n)),
      );
      expect(cyrillic.length, shown.join(' | ')).toBeGreaterThanOrEqual(10);
      expect(cyrillic).toEqual([...cyrillic].sort(new Intl.Collator('ru').compare));
      expect(shown.slice(cyrillic.length).some((n) => CYRILLIC.test(n))).toBe(false);
      expect(await page.getByLabel('Сортировать').inputValue()).toBe('name');
      expect(await overflow(page)).toBeLessThanOrEqual(0);
    });

    it(`reorders newest first when chosen, in the address, and keeps it on reload (${width})`, async () => {
      const page = await site.open('/organisations', { locale: 'ru-RU', viewport });
      await page.locator('.card').first().waitFor();
      const byName = await names(page);
      const choice = page.getByLabel('Сортировать');
      // without words there is no relevance to sort by
      expect(await choice.locator('option').allInnerTexts()).toEqual(['По названию', 'Сначала новые']);
      const box = (await choice.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
      await choice.selectOption('newest');
      await page.waitForURL(/sort=newest/);
      await expect.poll(() => names(page)).not.toEqual(byName);
      const newest = await names(page);
      await page.reload();
      await page.locator('.card').first().waitFor();
      expect(await page.getByLabel('Сортировать').inputValue()).toBe('newest');
      await expect.poll(() => names(page)).toEqual(newest);
      expect(await overflow(page)).toBeLessThanOrEqual(0);
    });
  }

  it('offers relevance with words, as the default, and orders the matches by name when asked (fr)', async () => {
    const page = await site.open(`/organisations?q=${encodeURIComponent('céramique')}`, { locale: 'fr-FR' });
    await page.locator('.card').first().waitFor();
    const choice = page.getByLabel('Trier par');
    expect(await choice.inputValue()).toBe('relevance');
    expect(await choice.locator('option').allInnerTexts()).toEqual(['Pertinence', 'Nom', 'Plus récentes d’abord']);
    await choice.selectOption('name');
    await page.waitForURL(/sort=name/);
    await expect
      .poll(async () => {
        const shown = await names(page);
        return shown.length > 1 && shown.join('|') === [...shown].sort(new Intl.Collator('fr').compare).join('|');
      })
      .toBe(true);
  });
});
