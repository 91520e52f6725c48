/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE } from './browser.js';
import { useSite, type PageOptions } from './site.js';

/** The server's refusals, shown in the reader's language with the field's name, never in English. */

const site = useSite();

async function signedInPage(locale: string, viewport: PageOptions['viewport'], path: string, email = 'iate.admin@demo.clusterbridge.test') {
  const page = await site.open(path, { locale, viewport, email });
  await page.locator('#profile-website').waitFor();
  return page;
}

const editorIn = (locale: string, viewport: { width: number; height: number }) =>
  signedInPage(locale, viewport, '/my/organisations/iate-mephi');

const alertText = (page: Page) => page.locator('[role=alert]').allInnerTexts();

describe('errors from the server', () => {
  it('says in Russian, on a phone, which field is too long and that the name is needed in its original language', async () => {
    const page = await editorIn('ru-RU', PHONE);
    await page.locator('#profile-city-en').fill('К'.repeat(250));
    await page.getByRole('button', { name: 'Сохранить черновик' }).click();
    await expect.poll(() => alertText(page)).toContain('Город (английский): не более 200 символов.');

    await page.locator('#profile-city-en').fill('Obninsk');
    await page.locator('#profile-name-ru').fill('');
    await page.getByRole('button', { name: 'Сохранить черновик' }).click();
    await expect
      .poll(() => alertText(page))
      .toContain('Название нужно указать на языке оригинала (русский) или выбрать другой язык оригинала.');
    for (const text of await alertText(page)) expect(text).not.toMatch(/[A-Za-z]{4,}/);
    await page.context().close();
  });

  it('names an unknown activity code in French, with French typography', async () => {
    const page = await editorIn('fr-FR', DESKTOP);
    await page.locator('#profile-nace').fill('99.99');
    await page.locator('#profile-nace').press('Enter');
    // the chip already says so; the server's refusal names the code too
    expect(await page.locator('.code-chip-unknown').innerText()).toBe('«\u00a099.99\u00a0»\u00a0: code inconnu');
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await expect.poll(() => alertText(page)).toContain('«\u00a099.99\u00a0» n’est pas un code NACE Rév. 2, NAF rév. 2 ou ОКВЭД 2.');
    await page.context().close();
  });
});

describe('forms that help', () => {
  it('takes a website typed as www.… and saves it with https://', async () => {
    const page = await editorIn('en-GB', PHONE);
    await page.locator('#profile-website').fill('www.obninsk-example.ru');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect.poll(() => page.locator('[role=status]').allInnerTexts()).toContain('Draft saved.');
    expect(await page.locator('#profile-website').inputValue()).toBe('https://www.obninsk-example.ru');
    const saved = await page.evaluate(async () => (await (await fetch('/api/v1/organisations/iate-mephi/profile')).json()).profile.website);
    expect(saved).toBe('https://www.obninsk-example.ru');
    await page.context().close();
  });

  it('starts a new organisation in the author’s language and region, and never asks a French author for Russian', async () => {
    // IATE MEPhI's administrator: their organisation is in RU-KLU, and they read French
    const page = await signedInPage('fr-FR', DESKTOP, '/my/organisations/new');
    await expect.poll(() => page.locator('#profile-region').inputValue()).toMatch(/\(RU-KLU\)$/);
    expect(await page.locator('#profile-original').inputValue()).toBe('fr');
    await page.locator('#profile-name-fr').fill('Filtres de démonstration');
    await page.locator('#profile-name-en').fill('Demonstration Filters');
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await page.waitForURL(/\/my\/organisations\/filtres-de-demonstration/);
    await page.context().close();

    // the administrator has no organisation of their own: no region is chosen for them
    const admin = await signedInPage('ru-RU', PHONE, '/my/organisations/new', 'admin@demo.clusterbridge.test');
    expect(await admin.locator('#profile-region').inputValue()).toBe('');
    expect(await admin.locator('#profile-region').getAttribute('placeholder')).toBe('Выберите регион');
    expect(await admin.locator('#profile-original').inputValue()).toBe('ru');
    await admin.context().close();
  });
});
