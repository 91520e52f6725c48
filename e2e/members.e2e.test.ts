/// <reference lib="dom" />
// page.evaluate callbacks run in the browser
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newContext, PHONE } from './browser.js';
import { pick } from './typeahead.js';
import { DEMO_PASSWORD, useSite } from './site.js';
import { lastLink, readOutbox } from '../src/test/outbox.js';

const IATE_EN = 'Obninsk Institute for Nuclear Power Engineering of the National Research Nuclear University MEPhI';
const IATE_FR = "Institut d'énergie nucléaire d'Obninsk de l'Université nationale de recherche nucléaire MEPhI";

const site = useSite();

async function fresh(locale = 'en-GB', viewport?: { width: number; height: number }): Promise<Page> {
  return (await newContext(site.browser, { locale, ...(viewport ? { viewport } : {}) })).newPage();
}

const LABELS = { en: ['E-mail address', 'Password', 'Sign in'], fr: ['Adresse e-mail', 'Mot de passe', 'Se connecter'] } as const;

async function signIn(page: Page, email: string, password = DEMO_PASSWORD, lang: 'en' | 'fr' = 'en', next = '') {
  const [emailLabel, passwordLabel, button] = LABELS[lang];
  await page.goto(`${site.baseUrl}/sign-in${next ? `?next=${encodeURIComponent(next)}` : ''}`);
  await page.getByLabel(emailLabel).fill(email);
  await page.getByLabel(passwordLabel).fill(password);
  await page.getByRole('button', { name: button }).click();
}

/** The link of the newest e-mail to an address, read from the delivered message, as its recipient reads it. */
async function linkFromOutbox(to: string, after = 0): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(() => (link = readOutbox(site.platform.outboxDir).length > after ? lastLink(site.platform.outboxDir, to) : undefined))
    .toBeTruthy();
  return link!.replace(/^https?:\/\/[^/]+/, site.baseUrl);
}

async function invite(admin: Page, email: string, role: string) {
  const before = readOutbox(site.platform.outboxDir).length;
  await admin.goto(`${site.baseUrl}/my/organisations/iate-mephi`);
  await admin.getByLabel('Invite by e-mail').fill(email);
  await admin.getByRole('combobox', { name: /^Role/ }).selectOption(role);
  await admin.getByRole('button', { name: 'Invite', exact: true }).click();
  await expect.poll(() => admin.locator('.table').innerText()).toContain(email);
  return linkFromOutbox(email, before);
}

describe('a member of an organisation', () => {
  for (const [name, viewport] of [
    ['desktop', undefined],
    ['390 px', PHONE],
  ] as const) {
    it(`goes from "My organisations" to the organisation's page and is told what a member sees (${name})`, async () => {
      const member = await fresh('en-GB', viewport);
      await signIn(member, 'iate.member@demo.clusterbridge.test');
      await member.waitForURL(/\/my\/organisations$/);
      await member.getByRole('link', { name: IATE_EN }).click();
      await member.waitForURL(/\/organisations\/iate-mephi$/);
      await expect
        .poll(() => member.locator('main').innerText())
        .toContain(`You are a member of ${IATE_EN}: you see its contacts and the contacts of partner organisations.`);
      await member.context().close();
    });
  }
});

describe('an invitation', () => {
  let admin: Page;
  beforeAll(async () => {
    admin = await fresh();
    await signIn(admin, 'iate.admin@demo.clusterbridge.test');
    await admin.waitForURL(/\/my\/organisations/);
  });
  afterAll(() => admin.context().close());

  it('names the inviter, the organisation and the role, and its sign-up keeps the invited address', async () => {
    const link = await invite(admin, 'marie@example.org', 'member');
    const guest = await fresh('fr-FR');
    await guest.goto(link);
    await expect
      .poll(() => guest.locator('main').innerText())
      .toContain(`Администратор ИАТЭ vous invite à rejoindre ${IATE_FR} en tant que membre.`);
    await guest.getByRole('link', { name: 'Créer un compte pour rejoindre' }).click();
    const email = guest.getByLabel('Adresse e-mail');
    await expect.poll(() => email.inputValue()).toBe('marie@example.org');
    expect(await email.evaluate((e) => (e as HTMLInputElement).readOnly)).toBe(true);
    await guest.context().close();
  });

  it("accepted by a signed-in member-to-be, lands on the organisation's page, not on a refusal", async () => {
    const link = await invite(admin, 'coordinator.limousin@demo.clusterbridge.test', 'member');
    const coordinator = await fresh('fr-FR', PHONE);
    await signIn(coordinator, 'coordinator.limousin@demo.clusterbridge.test', DEMO_PASSWORD, 'fr', link.replace(site.baseUrl, ''));
    await coordinator.waitForURL(/\/invitation\?token=/);
    await coordinator.getByRole('button', { name: "Accepter l'invitation" }).click();
    await coordinator.waitForURL(/\/organisations\/iate-mephi$/);
    await expect.poll(() => coordinator.locator('main').innerText()).toContain(`Vous êtes membre de ${IATE_FR}`);
    expect(await coordinator.locator('[role=alert]').count()).toBe(0);
    await coordinator.context().close();
  });

  it('is listed while pending with who sent it, and an administrator cancels it: its link no longer works', async () => {
    const link = await invite(admin, 'late@example.org', 'org_editor');
    const row = admin.locator('tr', { hasText: 'late@example.org' });
    await expect.poll(() => row.innerText()).toMatch(/by Администратор ИАТЭ/);
    await admin.getByRole('button', { name: 'Cancel the invitation: late@example.org' }).click();
    await expect.poll(() => admin.locator('.table').innerText()).not.toContain('late@example.org');
    const guest = await fresh();
    await guest.goto(link);
    await expect.poll(() => guest.locator('[role=alert]').innerText()).toBeTruthy();
    expect(await guest.getByRole('link', { name: 'Create an account to join' }).count()).toBe(0);
    await guest.context().close();
  });
});

describe('a new account', () => {
  it('whose sign-in waits for confirmation gets the link again, and then sees why its submitted profile is not public', async () => {
    const page = await fresh();
    await page.goto(`${site.baseUrl}/sign-up`);
    await page.getByLabel('Your name').fill('Lost Link');
    await page.getByLabel('E-mail address').fill('lost@example.org');
    await page.getByLabel('Password', { exact: true }).fill('Filtration-Ceramics-2026');
    await page.getByRole('button', { name: 'Sign up' }).click();
    await expect.poll(() => page.locator('[role=status]').innerText()).toMatch(/^Check your e-mail/);
    await linkFromOutbox('lost@example.org');
    const before = readOutbox(site.platform.outboxDir).length;

    await signIn(page, 'lost@example.org', 'Filtration-Ceramics-2026');
    await page.getByRole('button', { name: 'Send the confirmation link again' }).click();
    await expect.poll(() => page.locator('[role=status]').innerText()).toContain('a new link is on its way');
    await page.goto(await linkFromOutbox('lost@example.org', before));
    await expect.poll(() => page.locator('[role=status]').innerText()).toBe('Your address is confirmed. You can sign in.');

    await signIn(page, 'lost@example.org', 'Filtration-Ceramics-2026');
    await page.waitForURL(/\/my\/organisations$/);
    await page.getByRole('link', { name: 'Add an organisation' }).click();
    await page.getByLabel('Written in').selectOption('en');
    // a new author's first organisation has no region chosen for them
    await pick(page, 'Region', 'Kaluga', /RU-KLU/);
    await page.getByLabel('Name (en)', { exact: true }).fill('Kaluga Lost Filters');
    await page.getByLabel('Name (ru)', { exact: true }).fill('Калужские фильтры');
    await page.getByLabel('Description (en)').fill('Filters.');
    await page.locator('#profile-nace').fill('28.29.1');
    await page.locator('#profile-nace').press('Enter');
    await page.getByLabel('Filters and filtering materials').check();
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.waitForURL(/\/my\/organisations\/kaluga-lost-filters$/);
    await expect.poll(() => page.locator('main').innerText()).toContain('Not public yet: a draft');
    await page.getByRole('button', { name: 'Submit for validation' }).click();
    const waiting = 'Not public yet: waiting for validation by the coordinators of Kaluga Oblast.';
    await expect.poll(() => page.locator('main').innerText()).toContain(waiting);
    await page.goto(`${site.baseUrl}/organisations/kaluga-lost-filters`);
    await expect.poll(() => page.locator('main').innerText()).toContain(waiting);
    await page.context().close();
  });
});
