/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, seriousA11yViolations } from './browser.js';
import { useSite, type PageOptions } from './site.js';
import { clickOption, pick } from './typeahead.js';

/** Activity codes as chips with type-ahead (shared/ui/CodeInput), and the directory's NACE filter. */

const site = useSite();

async function editor(locale: string, viewport: PageOptions['viewport'] = DESKTOP) {
  const page = await site.open('/my/organisations/iate-mephi', { locale, viewport, email: 'iate.admin@demo.clusterbridge.test' });
  await page.locator('#profile-website').waitFor();
  // start from no codes
  while ((await page.locator('.code-chip').count()) > 0) await page.locator('.code-chip button').first().click();
  return page;
}

const chips = (page: Page) => page.locator('.code-chip').allInnerTexts();
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const savedCodes = (page: Page) =>
  page.evaluate(async () => (await (await fetch('/api/v1/organisations/iate-mephi/profile')).json()).profile.nace as string[]);

describe('the profile’s activity codes', () => {
  it('reads "23.44Z, 72.19Z" typed key by key as two NAF chips with their French titles and NACE classes, and saves both (fr)', async () => {
    const page = await editor('fr-FR');
    const input = page.locator('#profile-nace');
    await input.click();
    await input.pressSequentially('23.44Z, 72.19Z', { delay: 20 });
    await page.keyboard.press('Enter');
    await expect
      .poll(() => chips(page))
      .toEqual([
        "23.44Z NAF Fabrication d'autres produits céramiques à usage technique · enregistré comme NACE 23.44",
        '72.19Z NAF Recherche-développement en autres sciences physiques et naturelles · enregistré comme NACE 72.19',
      ]);
    expect(await input.inputValue()).toBe('');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    // the draft keeps the codes as typed; the NACE classes are what the directory reads
    await expect.poll(() => savedCodes(page)).toEqual(['23.44Z', '72.19Z']);
    await page.context().close();
  });

  it('takes a pasted list, and marks an unknown code naming it (fr, 390 px)', async () => {
    const page = await editor('fr-FR', PHONE);
    const input = page.locator('#profile-nace');
    await input.focus();
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', '62.02; 99.99Z\n28.29A');
      document
        .querySelector('#profile-nace')!
        .dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await expect.poll(() => chips(page)).toHaveLength(3);
    const [nace, unknown, naf] = await chips(page);
    expect(nace).toBe('62.02 Conseil informatique');
    expect(unknown).toBe('«\u00a099.99Z\u00a0»\u00a0: code inconnu');
    expect(naf).toMatch(/^28\.29A NAF .* · enregistré comme NACE 28\.29$/);
    expect(await overflow(page)).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('lets a Russian user find a class by a word of its title and pick it', async () => {
    const page = await editor('ru-RU');
    const input = page.locator('#profile-nace');
    await input.click();
    await input.pressSequentially('керамич');
    await clickOption(page, /^23\.44 NACE Производство прочих технических керамических изделий/);
    await expect.poll(() => chips(page)).toEqual(['23.44 Производство прочих технических керамических изделий']);
    // an ОКВЭД 2 code says which NACE class it is stored as
    await input.pressSequentially('62.02.1,');
    await expect.poll(() => chips(page)).toHaveLength(2);
    expect((await chips(page))[1]).toBe(
      '62.02.1 ОКВЭД 2 Деятельность по планированию, проектированию компьютерных систем · хранится как NACE 62.02',
    );
    await page.getByRole('button', { name: 'Сохранить черновик' }).click();
    await expect.poll(() => savedCodes(page)).toEqual(['23.44', '62.02.1']);
    await page.context().close();
  });
});

describe('the directory’s NACE filter', () => {
  it('finds a class by typing and filters by it (en, desktop and 390 px)', async () => {
    for (const viewport of [DESKTOP, PHONE]) {
      const page = await site.open('/organisations', { locale: 'en-GB', viewport });
      await page.locator('.card').first().waitFor();
      const before = await page.locator('.result-count').innerText();
      if (viewport === PHONE) await page.getByRole('button', { name: /^Filters/ }).click();
      await pick(page, 'NACE class', 'ceramic', /^23\.44 /);
      await page.waitForURL(/nace=23\.44/);
      await expect.poll(() => page.locator('.result-count').innerText()).not.toBe(before);
      expect(await overflow(page)).toBe(0);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.context().close();
    }
  });
});
