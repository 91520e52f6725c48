/// <reference lib="dom" />
// page.evaluate callbacks run in the browser
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, newContext, seriousA11yViolations } from './browser.js';
import { DEMO_PASSWORD, useSite } from './site.js';

const ACCOUNTS = [
  'admin@demo.clusterbridge.test',
  'coordinator.kaluga@demo.clusterbridge.test',
  'coordinator.limousin@demo.clusterbridge.test',
  'iate.admin@demo.clusterbridge.test',
  'iate.editor@demo.clusterbridge.test',
  'iate.member@demo.clusterbridge.test',
];
const LOCALES = ['ru-RU', 'fr-FR'];

const site = useSite();

async function phonePage(locale: string, email?: string, viewport = PHONE): Promise<Page> {
  const context = await newContext(site.browser, { locale, viewport });
  if (email) {
    const response = await context.request.post(`${site.baseUrl}/api/v1/auth/sign-in`, { data: { email, password: DEMO_PASSWORD } });
    expect(response.ok(), `sign-in of ${email}`).toBe(true);
  }
  return context.newPage();
}

async function open(page: Page, path: string) {
  await page.goto(`${site.baseUrl}${path}`);
  await page.waitForLoadState('networkidle');
  await page
    .locator('h1')
    .first()
    .waitFor({ timeout: 5000 })
    .catch(async () => {
      throw new Error(`${path} shows no heading: ${await page.locator('main').innerText()}`);
    });
}

/** How far the page scrolls sideways: 0 when nothing is wider than the screen. */
function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** The links of the page matching a pattern, as paths. */
async function linksLike(page: Page, pattern: RegExp): Promise<string[]> {
  const hrefs = await page.locator('main a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  return [...new Set(hrefs.filter((h) => pattern.test(h)))];
}

/** The pages a role reaches: its own, those its navigation offers, one organisation it edits and one partnership. */
async function pagesOf(page: Page): Promise<string[]> {
  await open(page, '/my/organisations');
  const paths = ['/my/organisations', '/account'];
  // the first organisation whose profile editor opens (an administrator sees some it may not edit)
  for (const editor of (await linksLike(page, /^\/my\/organisations\/[^/]+$/)).filter((p) => !p.endsWith('/new'))) {
    await page.goto(`${site.baseUrl}${editor}`);
    await page.waitForLoadState('networkidle');
    if (await page.locator('main h1').count()) {
      paths.push(editor);
      break;
    }
  }
  await open(page, '/my/organisations');
  const nav = await page.locator('header nav a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  for (const p of ['/validation', '/admin/audit', '/admin/outbox', '/admin/jobs']) if (nav.includes(p)) paths.push(p);
  if (nav.includes('/validation')) {
    await open(page, '/');
    paths.push(...(await linksLike(page, /^\/partnerships\/[^/]+\/edit$/)).slice(0, 1));
  }
  return paths;
}

describe('on a 390 px phone', () => {
  it('no visitor page scrolls sideways, in ru and fr', async () => {
    const wide: string[] = [];
    for (const locale of LOCALES) {
      const page = await phonePage(locale);
      await open(page, '/organisations');
      const [organisation] = await linksLike(page, /^\/organisations\/[^/?]+$/);
      expect(organisation).toBeTruthy();
      for (const path of ['/', '/organisations', organisation!, '/glossary', '/sign-in', '/sign-up']) {
        await open(page, path);
        const by = await overflow(page);
        if (by > 0) wide.push(`${locale} ${path}: ${by} px too wide`);
      }
      await page.context().close();
    }
    expect(wide).toEqual([]);
  });

  it.each(ACCOUNTS)(
    'no page of %s scrolls sideways, in ru and fr',
    async (email) => {
      const wide: string[] = [];
      {
        for (const locale of LOCALES) {
          const page = await phonePage(locale, email);
          const paths = await pagesOf(page);
          expect(paths.length, `${email}'s pages`).toBeGreaterThanOrEqual(2);
          for (const path of paths) {
            await open(page, path);
            const by = await overflow(page);
            if (by > 0) wide.push(`${email} ${locale} ${path}: ${by} px too wide`);
          }
          await page.context().close();
        }
      }
      expect(wide).toEqual([]);
    },
    180_000,
  );

  it('the header folds into a Menu button that opens the navigation, by mouse and keyboard, and closes on navigation', async () => {
    const page = await phonePage('ru-RU', 'coordinator.kaluga@demo.clusterbridge.test');
    await open(page, '/my/organisations');
    const menu = page.getByRole('button', { name: 'Меню' });
    const validation = page.getByRole('navigation').getByRole('link', { name: 'Проверка' });
    await expect.poll(() => menu.getAttribute('aria-expanded')).toBe('false');
    expect(await validation.isVisible()).toBe(false);

    await menu.click();
    await expect.poll(() => menu.getAttribute('aria-expanded')).toBe('true');
    expect(await validation.isVisible()).toBe(true);
    expect(await overflow(page)).toBe(0);
    await validation.click();
    await page.waitForURL(/\/validation$/);
    await expect.poll(() => menu.getAttribute('aria-expanded')).toBe('false');
    expect(await validation.isVisible()).toBe(false);

    // keyboard: Enter opens, Tab reaches the first link, Escape closes and gives the focus back
    await menu.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => menu.getAttribute('aria-expanded')).toBe('true');
    // the drawer takes the focus once it has opened; Tab then goes from its close button to the first link
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[role="dialog"]') != null)).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('nav') !== null)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => menu.getAttribute('aria-expanded')).toBe('false');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-controls') != null)).toBe(true);

    await menu.click();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('on a desktop the navigation shows without a Menu button', async () => {
    const page = await phonePage('fr-FR', 'admin@demo.clusterbridge.test', DESKTOP);
    await open(page, '/admin/audit');
    expect(await page.getByRole('button', { name: 'Menu' }).isVisible()).toBe(false);
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Journal' }).isVisible()).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('tables stack into cards with their column names, and stay tables on a desktop', async () => {
    const phone = await phonePage('ru-RU', 'iate.admin@demo.clusterbridge.test');
    await open(phone, '/my/organisations/iate-mephi');
    const cell = phone.locator('.table td[data-label]').first();
    await cell.waitFor();
    const label = await cell.getAttribute('data-label');
    expect(await cell.evaluate((td) => getComputedStyle(td, '::before').content)).toBe(`"${label}"`);
    expect(await overflow(phone)).toBe(0);
    expect(await seriousA11yViolations(phone)).toEqual([]);
    await open(phone, '/account');
    expect(await seriousA11yViolations(phone)).toEqual([]);
    await phone.context().close();

    const desktop = await phonePage('ru-RU', 'iate.admin@demo.clusterbridge.test', DESKTOP);
    await open(desktop, '/my/organisations/iate-mephi');
    expect(
      await desktop
        .locator('.table td')
        .first()
        .evaluate((td) => getComputedStyle(td).display),
    ).toBe('table-cell');
    expect(await seriousA11yViolations(desktop)).toEqual([]);
    await desktop.context().close();
  });
});

describe('the directory on a phone', () => {
  it('folds the filters behind a button counting them, so that the first result is on the first screen', async () => {
    const page = await phonePage('fr-FR');
    await open(page, '/organisations?region=RU-KLU&kind=university');
    await page.getByRole('searchbox').first().fill('IATE');
    await page.keyboard.press('Enter');
    await page.waitForURL(/q=IATE/);
    const card = page.locator('.cards > li').first();
    await card.waitFor();
    expect((await card.boundingBox())!.y).toBeLessThan(PHONE.height);

    const button = page.getByRole('button', { name: 'Filtres (2)' });
    await expect.poll(() => button.getAttribute('aria-expanded')).toBe('false');
    const kind = page.locator('select[name=kind]');
    expect(await kind.isVisible()).toBe(false);
    await button.click();
    await expect.poll(() => button.getAttribute('aria-expanded')).toBe('true');
    expect(await kind.isVisible()).toBe(true);
    expect(await overflow(page)).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('keeps the filters open on a desktop', async () => {
    const page = await phonePage('ru-RU', undefined, DESKTOP);
    await open(page, '/organisations?kind=university');
    expect(await page.locator('select[name=kind]').isVisible()).toBe(true);
    expect(await page.locator('.filters-button').isVisible()).toBe(false);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.context().close();
  });
});
