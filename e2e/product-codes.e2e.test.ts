/// <reference lib="dom" />
// page.evaluate callbacks run in the browser
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, newContext, PHONE, seriousA11yViolations } from './browser.js';
import { DEMO_PASSWORD, useSite, type PageOptions } from './site.js';
import { clickOption } from './typeahead.js';

/** Product codes on a profile (shared/ui/ProductCodeInput): picked by a word of their title, saved, shown once validated. */

const site = useSite();
const ADMIN = 'iate.admin@demo.clusterbridge.test';

async function editor(locale: string, viewport: PageOptions['viewport'] = DESKTOP) {
  const page = await site.open('/my/organisations/iate-mephi', { locale, viewport, email: ADMIN });
  await page.locator('#profile-products').waitFor();
  while ((await page.locator('.product-chip').count()) > 0) await page.locator('.product-chip button').first().click();
  return page;
}

/** The saved draft submitted and validated by the region's coordinator, so that the public page shows it. */
async function submitAndValidate() {
  const as = async (email: string) => {
    const context = await newContext(site.browser, {});
    const signIn = await context.request.post(`${site.baseUrl}/api/v1/auth/sign-in`, { data: { email, password: DEMO_PASSWORD } });
    expect(signIn.status()).toBe(200);
    return { request: context.request, headers: { 'x-csrf-token': (await signIn.json()).csrfToken } };
  };
  const url = `${site.baseUrl}/api/v1/organisations/iate-mephi`;
  const admin = await as(ADMIN);
  expect((await admin.request.post(`${url}/submit`, { headers: admin.headers })).status()).toBe(200);
  const coordinator = await as('coordinator.kaluga@demo.clusterbridge.test');
  const decided = await coordinator.request.post(`${url}/decision`, { headers: coordinator.headers, data: { decision: 'validated' } });
  expect(decided.status()).toBe(200);
}

const chips = (page: Page) => page.locator('.product-chip').allInnerTexts();
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const savedProducts = (page: Page) =>
  page.evaluate(async () => (await (await fetch('/api/v1/organisations/iate-mephi/profile')).json()).profile.productCodes as string[]);

describe('the profile’s product codes', () => {
  it('finds bearings by «подшип», saves them as hs:8482 and lists them with their Russian title on the organisation page (ru)', async () => {
    const page = await editor('ru-RU');
    const input = page.locator('#profile-products');
    await input.click();
    await input.pressSequentially('подшип');
    await clickOption(page, /^HS 8482 Подшипники шариковые или роликовые/);
    await expect.poll(() => chips(page)).toEqual(['HS 8482 Подшипники шариковые или роликовые · сохраняется как hs:8482']);
    // a 9-digit ОКПД 2 code typed in full says the 6-digit code it is stored as
    await input.pressSequentially('23.43.10.110;');
    await expect.poll(() => chips(page)).toHaveLength(2);
    // its title arrives with the answer to the code's look-up
    await expect
      .poll(async () => (await chips(page))[1])
      .toMatch(/^CPA 23\.43\.10 Изоляторы электрические из керамики.* · сохраняется как cpa:23\.43\.10$/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Сохранить черновик' }).click();
    await expect.poll(() => savedProducts(page)).toEqual(['hs:8482', 'cpa:23.43.10']);
    await page.context().close();

    await submitAndValidate();
    const org = await site.open('/organisations/iate-mephi', { locale: 'ru-RU', viewport: DESKTOP });
    const products = org.locator('section[aria-labelledby="products"]');
    await expect.poll(() => products.locator('h2').innerText()).toBe('Продукция');
    expect(await products.locator('li').allInnerTexts()).toEqual([
      'HS 8482 Подшипники шариковые или роликовые',
      expect.stringMatching(/^CPA 23\.43\.10 Изоляторы электрические из керамики/),
    ]);
    await org.context().close();
  });

  it('finds ball bearings by «roulement» on a phone and shows them in French on the organisation page (fr, 390 px)', async () => {
    const page = await editor('fr-FR', PHONE);
    const input = page.locator('#profile-products');
    await input.click();
    await input.pressSequentially('roulements à billes');
    await clickOption(page, /^HS 8482\.10 /);
    await expect
      .poll(() => chips(page))
      .toEqual(['HS 8482.10 Roulements à billes, à galets, à rouleaux ou à aiguilles — Roulements à billes · enregistré comme hs:848210']);
    expect(await overflow(page)).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await expect.poll(() => savedProducts(page)).toEqual(['hs:848210']);
    await page.context().close();

    await submitAndValidate();
    const org = await site.open('/organisations/iate-mephi', { locale: 'fr-FR', viewport: PHONE });
    const products = org.locator('section[aria-labelledby="products"]');
    await expect.poll(() => products.locator('h2').innerText()).toBe('Produits');
    expect(await products.locator('li').allInnerTexts()).toEqual([
      'HS 8482.10 Roulements à billes, à galets, à rouleaux ou à aiguilles — Roulements à billes',
    ]);
    expect(await overflow(org)).toBe(0);
    await org.context().close();
  });
});
