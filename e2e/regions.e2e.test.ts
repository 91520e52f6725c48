/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, seriousA11yViolations } from './browser.js';
import { useSite, type PageOptions } from './site.js';
import { clickOption, pick, typeahead, typeaheadChoices } from './typeahead.js';

/** Every region of Europe, 2,000 of them: found by typing, in any language, in the profile editor and the directory. */

const site = useSite({ examples: true });

async function editor(locale: string, viewport: PageOptions['viewport'] = DESKTOP) {
  const page = await site.open('/my/organisations/iate-mephi', { locale, viewport, email: 'iate.admin@demo.clusterbridge.test' });
  await page.locator('#profile-website').waitFor();
  return page;
}

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('the profile editor’s region', () => {
  it('replaces the region shown by what one types into it, as a user types (fr)', async () => {
    const page = await editor('fr-FR');
    const input = typeahead(page, 'Région');
    expect(await input.inputValue()).toMatch(/Kalouga/);
    // a click, then keys: the chosen label is selected, so the typing replaces it
    await input.click();
    await page.keyboard.type('Bavière');
    await clickOption(page, 'Bavière (DE-BY)', input);
    expect(await input.inputValue()).toBe('Bavière (DE-BY)');
    await page.context().close();
  });

  it('finds Bavaria by its English name, under Germany, and shows no more than a screenful of choices (en)', async () => {
    const page = await editor('en-GB');
    const choices = await typeaheadChoices(page, 'Region', 'Bavaria');
    expect(choices).toEqual([{ text: 'Bavaria (DE-BY)', group: 'Germany' }]);
    // opened without typing, the list shows its first choices, not 2,000
    const opened = await typeaheadChoices(page, 'Region', '');
    expect(opened.length).toBeLessThanOrEqual(60);
    await pick(page, 'Region', 'Bavaria', 'Bavaria (DE-BY)');
    expect(await page.locator('#profile-region').inputValue()).toBe('Bavaria (DE-BY)');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('finds «Bavière» typed in French, and typed in Russian too, on a phone (fr, 390 px)', async () => {
    const page = await editor('fr-FR', PHONE);
    expect(await typeaheadChoices(page, 'Région', 'Бавария')).toEqual([{ text: 'Bavière (DE-BY)', group: 'Allemagne' }]);
    await pick(page, 'Région', 'bavie', 'Bavière (DE-BY)');
    expect(await page.locator('#profile-region').inputValue()).toBe('Bavière (DE-BY)');
    expect(await overflow(page)).toBe(0);
    await page.context().close();
  });

  it('finds «Бавария» (ru)', async () => {
    const page = await editor('ru-RU');
    await pick(page, 'Регион', 'Бавария', 'Бавария (DE-BY)');
    expect(await page.locator('#profile-region').inputValue()).toBe('Бавария (DE-BY)');
    await page.context().close();
  });
});

describe('the directory’s region filter', () => {
  it('filters by a Swedish region found by its country’s name, with its count (en)', async () => {
    const page = await site.open('/organisations', { locale: 'en-GB' });
    await page.locator('.card').first().waitFor();
    const swedish = () => typeaheadChoices(page, 'Region', 'Sweden');
    // the counts come with the listing's facets
    await expect
      .poll(async () => (await swedish()).find((c) => c.text.startsWith('Västra Götaland (SE-O)'))?.text)
      .toBe('Västra Götaland (SE-O) · 1');
    expect((await swedish()).length).toBeGreaterThan(10);
    expect((await swedish()).every((c) => c.group === 'Sweden')).toBe(true);
    // the whole country comes first in its group
    expect((await swedish())[0]!.text).toBe('Sweden: all regions · 1');
    await pick(page, 'Region', 'vastra gota', /^Västra Götaland \(SE-O\)/);
    await page.waitForURL(/region=SE-O/);
    await expect.poll(() => page.locator('.card h3').allInnerTexts()).toEqual([expect.stringContaining('Nordclean Air Filtration')]);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('filters by a whole country: Germany (en)', async () => {
    const page = await site.open('/organisations', { locale: 'en-GB' });
    await page.locator('.card').first().waitFor();
    await pick(page, 'Region', 'Germany', /^Germany: all regions/);
    await page.waitForURL(/country=DE/);
    await expect.poll(() => page.locator('.card h3').allInnerTexts()).toEqual([expect.stringContaining('Oberpfalz Carbide Works')]);
    expect(await page.locator('.filters .mantine-Pill-root').allInnerTexts()).toEqual([expect.stringMatching(/^Germany: all regions/)]);
    await page.context().close();
  });

  it('filters by a Swedish region on a phone (fr, 390 px)', async () => {
    const page = await site.open('/organisations', { locale: 'fr-FR', viewport: PHONE });
    await page.locator('.card').first().waitFor();
    await page.getByRole('button', { name: /^Filtres/ }).click();
    await pick(page, 'Région', 'Suède Västra', /^Västra Götaland \(SE-O\)/);
    await page.waitForURL(/region=SE-O/);
    await expect.poll(() => page.locator('.card h3').allInnerTexts()).toEqual([expect.stringContaining('Nordclean Air Filtration')]);
    expect(await typeahead(page, 'Région').isVisible()).toBe(true);
    expect(await overflow(page)).toBe(0);
    await page.context().close();
  });
});
