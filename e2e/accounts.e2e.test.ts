/// <reference lib="dom" />
// page.evaluate callbacks run in the browser
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type RunningPlatform } from './platform.js';
import { launchBrowser, newContext, seriousA11yViolations } from './browser.js';
import { pick } from './typeahead.js';
import { lastLink, readOutbox } from '../src/test/outbox.js';

let baseUrl = '';
let platform: RunningPlatform;
const DEMO_PASSWORD = 'Demo-Clusterbridge-2026';
let browser: Browser;
let admin: Page;

beforeAll(async () => {
  platform = await startPlatform();
  baseUrl = platform.baseUrl;
  browser = await launchBrowser();
  admin = await signedIn('admin@demo.clusterbridge.test', DEMO_PASSWORD);
});
afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

async function fresh(locale = 'en-GB'): Promise<Page> {
  const context: BrowserContext = await newContext(browser, { locale });
  return context.newPage();
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/my\/organisations/);
}

async function signedIn(email: string, password: string): Promise<Page> {
  const page = await fresh();
  await signIn(page, email, password);
  return page;
}

/**
 * The link of the newest e-mail to an address, read from the message itself (the outbox folder's .eml
 * files), as its recipient reads it: the outbox page administrators see has no tokens in its links.
 */
async function linkFromOutbox(to: string, after = 0): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(() => (link = readOutbox(platform.outboxDir).length > after ? lastLink(platform.outboxDir, to) : undefined))
    .toBeTruthy();
  return link!.replace(/^https?:\/\/[^/]+/, baseUrl);
}

describe('from sign-up to a validated organisation with a colleague', () => {
  it('signs up, confirms, creates and submits an organisation, has it validated, and invites a colleague who edits it', async () => {
    const founder = await fresh();
    await founder.goto(`${baseUrl}/sign-up`);
    await founder.getByLabel('Your name').fill('Olga Founder');
    await founder.getByLabel('E-mail address').fill('olga@example.org');
    await founder.getByLabel('Password', { exact: true }).fill('Filtration-Ceramics-2026');
    await founder.getByRole('button', { name: 'Sign up' }).click();
    await expect.poll(() => founder.locator('[role=status]').innerText()).toMatch(/^Check your e-mail/);

    await founder.goto(await linkFromOutbox('olga@example.org'));
    await expect.poll(() => founder.locator('[role=status]').innerText()).toBe('Your address is confirmed. You can sign in.');
    await signIn(founder, 'olga@example.org', 'Filtration-Ceramics-2026');

    await founder.getByRole('link', { name: 'Add an organisation' }).click();
    await founder.getByLabel('Written in').selectOption('en');
    // a new author's first organisation has no region chosen for them
    await pick(founder, 'Region', 'Kaluga', /RU-KLU/);
    await founder.getByLabel('Name (en)', { exact: true }).fill('Obninsk Filtration Works');
    await founder.getByLabel('Name (ru)', { exact: true }).fill('Обнинский фильтровальный завод');
    await founder
      .getByLabel('Description (en)')
      .fill('Industrial filters. <img src=x onerror="window.__xss=1"> <script>window.__xss=2</script>');
    await founder.locator('#profile-nace').fill('28.29.1');
    await founder.locator('#profile-nace').press('Enter');
    await founder.getByLabel('Filters and filtering materials').check();
    await founder.getByRole('button', { name: 'Save draft' }).click();
    await founder.waitForURL(/\/my\/organisations\/obninsk-filtration-works$/);
    await expect.poll(() => founder.locator('.status-line').innerText()).toContain('Draft');
    await founder.getByRole('button', { name: 'Submit for validation' }).click();
    await expect.poll(() => founder.locator('.status-line').innerText()).toContain('Submitted');

    const coordinator = await signedIn('coordinator.kaluga@demo.clusterbridge.test', DEMO_PASSWORD);
    await coordinator.goto(`${baseUrl}/validation`);
    const item = coordinator.locator('.card', { hasText: 'Obninsk Filtration Works' });
    await item.getByRole('button', { name: 'Validate' }).click();
    await expect.poll(() => coordinator.locator('.card', { hasText: 'Obninsk Filtration Works' }).count()).toBe(0);

    // public now, and the stored markup is shown as text and runs nothing
    const visitor = await fresh();
    await visitor.goto(`${baseUrl}/organisations/obninsk-filtration-works`);
    await expect.poll(() => visitor.locator('.description').innerText()).toContain('<img src=x onerror="window.__xss=1">');
    expect(await visitor.locator('.description img, .description script').count()).toBe(0);
    expect(await visitor.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

    await founder.reload();
    await founder.getByLabel('Invite by e-mail').fill('pierre@example.org');
    await founder.getByRole('combobox', { name: /^Role/ }).selectOption('org_editor');
    await founder.getByRole('button', { name: 'Invite', exact: true }).click();
    await expect.poll(() => founder.locator('.table').innerText()).toContain('pierre@example.org');

    const colleague = await fresh('fr-FR');
    await colleague.goto(await linkFromOutbox('pierre@example.org'));
    await colleague.getByRole('link', { name: 'Créer un compte pour rejoindre' }).click();
    await colleague.getByLabel('Votre nom').fill('Pierre Collègue');
    // the address comes from the invitation
    await expect.poll(() => colleague.getByLabel('Adresse e-mail').inputValue()).toBe('pierre@example.org');
    await colleague.getByLabel('Mot de passe', { exact: true }).fill('Limoges-Porcelaine-77');
    await colleague.getByRole('button', { name: "S'inscrire" }).click();
    await expect.poll(() => colleague.locator('[role=status]').innerText()).toContain("rejoint l'organisation");
    await colleague.goto(`${baseUrl}/sign-in`);
    await colleague.getByLabel('Adresse e-mail').fill('pierre@example.org');
    await colleague.getByLabel('Mot de passe').fill('Limoges-Porcelaine-77');
    await colleague.getByRole('button', { name: 'Se connecter' }).click();
    await colleague.waitForURL(/\/my\/organisations/);
    await colleague.getByRole('link', { name: 'Obninsk Filtration Works' }).click();
    await colleague.getByLabel('Nom (fr)', { exact: true }).fill('Filtres industriels d’Obninsk');
    await colleague.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await expect.poll(() => colleague.locator('[role=status]').innerText()).toBe('Brouillon enregistré.');
    // the public page keeps the validated profile until the change is validated
    await visitor.reload();
    await expect.poll(() => visitor.locator('h1').innerText()).toBe('Obninsk Filtration Works');

    for (const page of [founder, coordinator, visitor, colleague]) await page.context().close();
  });

  it('answers a sign-up with a taken address as any other, and shows administrators no usable link', async () => {
    const page = await fresh();
    const before = readOutbox(platform.outboxDir).length;
    await page.goto(`${baseUrl}/sign-up`);
    await page.getByLabel('Your name').fill('Someone Else');
    await page.getByLabel('E-mail address').fill('iate.member@demo.clusterbridge.test');
    await page.getByLabel('Password', { exact: true }).fill('Filtration-Ceramics-2026');
    await page.getByRole('button', { name: 'Sign up' }).click();
    await expect.poll(() => page.locator('[role=status]').innerText()).toMatch(/^Check your e-mail/);
    const link = await linkFromOutbox('iate.member@demo.clusterbridge.test', before);
    expect(link).toMatch(/\/sign-in$/);
    await page.context().close();

    await admin.goto(`${baseUrl}/admin/outbox`);
    await admin.locator('.email').first().waitFor();
    const shown = await admin.locator('.cards').innerText();
    expect(shown).toContain('token=[redacted]');
    expect(shown).not.toMatch(/token=(?!\[redacted\])/);
  });

  it('follows only paths of this site after signing in', async () => {
    for (const next of ['//example.org', '/\\example.org', 'https://example.org', 'javascript:alert(1)']) {
      const page = await fresh();
      await page.goto(`${baseUrl}/sign-in?next=${encodeURIComponent(next)}`);
      await page.getByLabel('E-mail address').fill('iate.member@demo.clusterbridge.test');
      await page.getByLabel('Password').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(`${baseUrl}/`);
      await page.locator('h1').waitFor();
      expect(await page.locator('body').innerText(), next).not.toContain('could not be loaded');
      await page.context().close();
    }
    const page = await fresh();
    await page.goto(`${baseUrl}/sign-in?next=${encodeURIComponent('/account')}`);
    await page.getByLabel('E-mail address').fill('iate.member@demo.clusterbridge.test');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${baseUrl}/account`);
    await page.context().close();
  });

  it('answers a wrong password without telling whether the account exists', async () => {
    const page = await fresh();
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByLabel('E-mail address').fill('nobody@example.org');
    await page.getByLabel('Password').fill('Whatever-password-1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.locator('[role=alert]').innerText()).toBe('The e-mail address or the password is wrong.');
    await page.context().close();
  });

  it('lets a user see and end their sessions', async () => {
    const first = await signedIn('iate.member@demo.clusterbridge.test', DEMO_PASSWORD);
    const second = await signedIn('iate.member@demo.clusterbridge.test', DEMO_PASSWORD);
    await first.goto(`${baseUrl}/account`);
    await expect.poll(() => first.locator('tbody tr').count()).toBeGreaterThanOrEqual(2);
    const before = await first.locator('tbody tr').count();
    await first.getByRole('button', { name: 'End' }).first().click();
    await expect.poll(() => first.locator('tbody tr').count()).toBe(before - 1);
    await first.context().close();
    await second.context().close();
  });
});

describe('accessibility of the account pages (axe-core)', () => {
  it('finds no serious or critical violation', async () => {
    const page = await signedIn('iate.admin@demo.clusterbridge.test', DEMO_PASSWORD);
    for (const path of ['/account', '/my/organisations', '/my/organisations/iate-mephi', '/my/organisations/new']) {
      await page.goto(`${baseUrl}${path}`);
      await page.locator('h1').waitFor();
      await page.waitForLoadState('networkidle');
      expect({ path, violations: await seriousA11yViolations(page) }).toEqual({ path, violations: [] });
    }
    await page.context().close();
    const visitor = await fresh();
    for (const path of ['/sign-in', '/sign-up', '/forgot-password']) {
      await visitor.goto(`${baseUrl}${path}`);
      await visitor.locator('h1').waitFor();
      expect({ path, violations: await seriousA11yViolations(visitor) }).toEqual({ path, violations: [] });
    }
    for (const path of ['/validation', '/admin/audit', '/admin/outbox']) {
      await admin.goto(`${baseUrl}${path}`);
      await admin.locator('h1').waitFor();
      await admin.waitForLoadState('networkidle');
      expect({ path, violations: await seriousA11yViolations(admin) }).toEqual({ path, violations: [] });
    }
  });
});

describe('partnership content', () => {
  it('is edited by a coordinator of its regions from the home page', async () => {
    const coordinator = await signedIn('coordinator.limousin@demo.clusterbridge.test', DEMO_PASSWORD);
    await coordinator.goto(`${baseUrl}/`);
    await coordinator.getByRole('link', { name: 'Edit the partnership' }).click();
    await coordinator
      .getByLabel('Description (en)')
      .fill('Companies, universities and public bodies of Kaluga and Limousin working together.');
    expect(await seriousA11yViolations(coordinator)).toEqual([]);
    await coordinator.getByRole('button', { name: 'Save' }).click();
    await coordinator.waitForURL(`${baseUrl}/`);
    await expect
      .poll(() => coordinator.locator('.hero .lead').innerText())
      .toBe('Companies, universities and public bodies of Kaluga and Limousin working together.');
    await coordinator.context().close();

    const member = await signedIn('iate.member@demo.clusterbridge.test', DEMO_PASSWORD);
    await member.goto(`${baseUrl}/`);
    await member.locator('h1').waitFor();
    expect(await member.getByRole('link', { name: 'Edit the partnership' }).count()).toBe(0);
    await member.context().close();
  });
});
