/// <reference lib="dom" />
// page.evaluate callbacks run in the browser
import type { APIRequestContext } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { lastLink, readOutbox } from '../src/test/outbox.js';
import { DESKTOP, newContext, PHONE, seriousA11yViolations } from './browser.js';
import { DEMO_PASSWORD, useSite } from './site.js';

const site = useSite();
const COORDINATOR = 'coordinator.kaluga@demo.clusterbridge.test';
const RETURNED = 'Ядерный университет Обнинска.';
const RESUBMITTED = 'Ядерный университет Обнинска: атомная энергетика, медицина и ИТ.';

/** A demo account's API session: its requests carry the cookie and the anti-forgery token. */
async function apiAs(email: string): Promise<{ request: APIRequestContext; headers: Record<string, string> }> {
  const context = await newContext(site.browser, {});
  const signIn = await context.request.post(`${site.baseUrl}/api/v1/auth/sign-in`, { data: { email, password: DEMO_PASSWORD } });
  expect(signIn.status()).toBe(200);
  return { request: context.request, headers: { 'x-csrf-token': (await signIn.json()).csrfToken } };
}

async function editAndSubmit(description: string) {
  const { request, headers } = await apiAs('iate.admin@demo.clusterbridge.test');
  const url = `${site.baseUrl}/api/v1/organisations/iate-mephi`;
  const { profile } = await (await request.get(`${url}/profile`)).json();
  const put = await request.put(`${url}/profile`, {
    headers,
    data: { ...profile, description: { ...profile.description, ru: description } },
  });
  expect(put.status()).toBe(200);
  expect((await request.post(`${url}/submit`, { headers })).status()).toBe(200);
}

const overflow = (page: import('playwright-core').Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

beforeAll(async () => {
  // submitted, returned by the coordinator with a reason, changed and submitted again
  await editAndSubmit(RETURNED);
  const coordinator = await apiAs(COORDINATOR);
  const returned = await coordinator.request.post(`${site.baseUrl}/api/v1/organisations/iate-mephi/decision`, {
    headers: coordinator.headers,
    data: { decision: 'returned', reason: 'Опишите направления работы.' },
  });
  expect(returned.status()).toBe(200);
  await editAndSubmit(RESUBMITTED);
});

describe('a coordinator’s review', () => {
  it('fits a phone: the whole profile and the changes, no sideways scroll', async () => {
    const page = await site.open('/validation/iate-mephi', { locale: 'ru-RU', viewport: PHONE, email: COORDINATOR });
    await page.getByRole('heading', { name: 'Что изменилось с последнего решения' }).waitFor();
    await page.getByText(RESUBMITTED).first().waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('shows a Russian coordinator what changed since the return and the codes in Russian, and validates from there', async () => {
    // the e-mail of the submission links to the review, in the coordinator's language
    const told = () =>
      readOutbox(site.platform.outboxDir).filter((m) => m.to === COORDINATOR && m.subject.includes('отправлен на проверку'));
    await expect.poll(() => told().length).toBe(2);
    expect(lastLink(site.platform.outboxDir, COORDINATOR)).toMatch(/\/validation\/iate-mephi$/);

    const page = await site.open('/validation', { locale: 'ru-RU', viewport: DESKTOP, email: COORDINATOR });
    const item = page.locator('.card', { hasText: 'Обнинский институт атомной энергетики' });
    await item.getByRole('link', { name: /Посмотреть профиль целиком/ }).click();
    await page.waitForURL(/\/validation\/iate-mephi$/);
    const changes = page.locator('.review-changes');
    await expect.poll(() => changes.innerText()).toContain('Опишите направления работы.');
    const change = changes.locator('li', { hasText: 'Описание (русский)' });
    expect(await change.locator('.badge').innerText()).toBe('Изменено');
    expect(await change.locator('del').innerText()).toBe(RETURNED);
    expect(await change.locator('ins').innerText()).toBe(RESUBMITTED);
    // only what changed is listed
    expect(await changes.locator('li').count()).toBe(1);
    // the whole profile: every language, the codes with their Russian titles
    const profile = page.locator('.review-facts');
    expect(await profile.innerText()).toContain('85.42 — Образование высшее и подготовка кадров высшей квалификации');
    expect(await profile.innerText()).toContain('Obninsk Institute for Nuclear Power Engineering');
    expect(await profile.innerText()).toContain('Калужская область (RU-KLU)');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Подтвердить' }).click();
    await page.waitForURL(/\/validation$/);
    await expect.poll(() => page.getByText('Профилей на проверку нет.').count()).toBe(1);
    await page.context().close();
  });

  it('saves the choice of a daily digest on the account page', async () => {
    const page = await site.open('/account', { locale: 'ru-RU', email: COORDINATOR });
    await page.getByRole('heading', { name: 'Письма об отправленных профилях' }).waitFor();
    expect(await page.getByLabel('Письмо о каждой отправке').isChecked()).toBe(true);
    await page.getByLabel('Одна сводка в день').check();
    await page.locator('section', { hasText: 'Письма об отправленных профилях' }).getByRole('button', { name: 'Сохранить' }).click();
    await expect.poll(() => page.getByRole('status').innerText()).toBe('Сохранено.');
    await page.reload();
    await page.getByRole('heading', { name: 'Письма об отправленных профилях' }).waitFor();
    await expect.poll(() => page.getByLabel('Одна сводка в день').isChecked()).toBe(true);
    await page.context().close();
  });
});
