import type { APIRequestContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { newContext } from './browser.js';
import { DEMO_PASSWORD, type useSite } from './site.js';

type Site = ReturnType<typeof useSite>;

export const LIMOUSIN = 'coordinator.limousin@demo.clusterbridge.test';
export const KALUGA = 'coordinator.kaluga@demo.clusterbridge.test';
export const IATE_ADMIN = 'iate.admin@demo.clusterbridge.test';
export const IATE_EDITOR = 'iate.editor@demo.clusterbridge.test';

export interface ApiSession {
  request: APIRequestContext;
  headers: Record<string, string>;
}

/** A demo account's API session: its requests carry the cookie and the anti-forgery token. */
export async function apiAs(site: Site, email: string): Promise<ApiSession> {
  const context = await newContext(site.browser, {});
  const signIn = await context.request.post(`${site.baseUrl}/api/v1/auth/sign-in`, { data: { email, password: DEMO_PASSWORD } });
  expect(signIn.status()).toBe(200);
  return { request: context.request, headers: { 'x-csrf-token': (await signIn.json()).csrfToken } };
}

/** The directory answers searches once its index has loaded, a few seconds after the start (a hook cannot poll). */
export async function directoryFinds(site: Site, q: string, slug: string) {
  for (let attempt = 0; attempt < 60; attempt++) {
    const response = await fetch(`${site.baseUrl}/api/v1/organisations?q=${encodeURIComponent(q)}`);
    if (response.ok && ((await response.json()) as { items: { slug: string }[] }).items.some((o) => o.slug === slug)) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the directory does not find ${slug} by «${q}»`);
}

/**
 * A technopark of Obninsk joins the platform: created by IATE's administrator (who then administers it),
 * validated by Kaluga's coordinator, found by the directory. Returns its slug.
 */
export async function obninskTechnopark(site: Site): Promise<string> {
  const admin = await apiAs(site, IATE_ADMIN);
  const created = await admin.request.post(`${site.baseUrl}/api/v1/organisations`, {
    headers: admin.headers,
    data: {
      kind: 'technopark',
      sector: 'business',
      region: 'RU-KLU',
      city: { original: 'ru', ru: 'Обнинск' },
      name: { original: 'ru', ru: 'Технопарк «Обнинск»', en: 'Obninsk Technopark' },
      shortName: null,
      description: { original: 'ru', ru: 'Площадка для инновационных компаний.' },
      website: null,
      nace: ['68.20'],
      areas: [],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const technopark: string = (await created.json()).slug;
  const submitted = await admin.request.post(`${site.baseUrl}/api/v1/organisations/${technopark}/submit`, { headers: admin.headers });
  expect(submitted.status()).toBe(200);
  const coordinator = await apiAs(site, KALUGA);
  const validated = await coordinator.request.post(`${site.baseUrl}/api/v1/organisations/${technopark}/decision`, {
    headers: coordinator.headers,
    data: { decision: 'validated' },
  });
  expect(validated.status(), await validated.text()).toBe(200);
  await directoryFinds(site, 'ARDL', 'ardl');
  await directoryFinds(site, 'Технопарк Обнинск', technopark);
  return technopark;
}

/** Moves the open record along its stages in Russian, one step at a time, each with its reason. */
export async function recordStages(page: Page, steps: (readonly [stage: string, reason: string])[]) {
  const stage = page.locator('.record > .meta .stage');
  for (const [next, reason] of steps) {
    await page.getByLabel('Новый этап').selectOption({ label: next });
    await page.getByLabel('Причина (необязательно)').fill(reason);
    await page.getByRole('button', { name: 'Записать этап' }).click();
    await expect.poll(() => stage.innerText()).toBe(next);
    await page.locator('.stage-history li', { hasText: reason }).waitFor();
  }
}
