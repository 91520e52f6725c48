/// <reference lib="dom" />
// page.evaluate callbacks run in the browser
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readOutbox } from '../src/test/outbox.js';
import { DESKTOP, PHONE } from './browser.js';
import { useSite } from './site.js';

/**
 * A person of a validated demo organisation (ARDL, Limousin) writes to another (IATE, Obninsk) from its
 * page, in French; IATE's administrator reads it from the e-mailed link and answers in Russian.
 */
const site = useSite();
const SENDER = 'coordinator.limousin@demo.clusterbridge.test';
const RECEIVER = 'iate.admin@demo.clusterbridge.test';

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const mailsTo = (email: string) => readOutbox(site.platform.outboxDir).filter((m) => m.to.toLowerCase() === email);

describe('contacting an organisation', () => {
  it('tells a visitor to sign in, and shows no contact address', async () => {
    const page = await site.open('/organisations/iate-mephi', { locale: 'en-GB', viewport: DESKTOP });
    await page.getByRole('link', { name: 'Sign in to contact this organisation' }).first().waitFor();
    expect(await page.getByRole('button', { name: 'Contact this organisation' }).count()).toBe(0);
    expect(await page.locator('a[href^="mailto:"]').count()).toBe(0);
    await page.context().close();
  });

  describe.each([
    ['desktop', DESKTOP],
    ['a 390 px phone', PHONE],
  ])('on %s', (_name, viewport) => {
    it('sends a letter in French from the page, and the receiving admin answers in Russian', async () => {
      const subject = `Filtres céramiques (${viewport.width})`;
      const page = await site.open('/organisations/iate-mephi', { locale: 'fr-FR', viewport, email: SENDER });
      await page.getByRole('button', { name: 'Contacter cette organisation' }).first().click();
      await page.getByLabel('Objet').fill(subject);
      await page.getByLabel('Message', { exact: true }).fill('Bonjour, nous cherchons un partenaire pour des filtres en céramique.');
      if (viewport === PHONE) expect(await overflow(page)).toBeLessThanOrEqual(0);
      await page.getByRole('button', { name: 'Envoyer' }).click();
      await page.waitForURL(/\/messages\/[0-9a-f-]{36}$/);
      await page.getByRole('heading', { name: subject }).waitFor();
      expect(await page.locator('.thread-body').allInnerTexts()).toEqual([
        'Bonjour, nous cherchons un partenaire pour des filtres en céramique.',
      ]);
      const threadPath = new URL(page.url()).pathname;

      // the administrator is e-mailed in Russian, with the sender to answer to and the thread's link
      await expect.poll(() => mailsTo(RECEIVER).filter((m) => m.text.includes(subject)).length).toBe(1);
      const mail = mailsTo(RECEIVER).find((m) => m.text.includes(subject))!;
      expect(mail.subject).toContain('пишет в');
      expect(mail.replyTo).toBe(SENDER);
      expect(mail.text).toContain(threadPath);

      const admin = await site.open('/messages', { locale: 'ru-RU', viewport, email: RECEIVER });
      await admin.getByRole('link', { name: subject }).click();
      await admin.getByLabel('Ваш ответ').fill('Здравствуйте! Нам интересно, давайте обсудим.');
      if (viewport === PHONE) expect(await overflow(admin)).toBeLessThanOrEqual(0);
      await admin.getByRole('button', { name: 'Отправить ответ' }).click();
      await expect.poll(() => admin.locator('.thread-body').allInnerTexts()).toHaveLength(2);
      expect(await admin.locator('.thread-body').nth(1).getAttribute('lang')).toBe('ru');
      if (viewport === PHONE) expect(await overflow(admin)).toBeLessThanOrEqual(0);

      // the sender reads the answer on the platform and by e-mail, without the administrator's address
      await expect.poll(() => mailsTo(SENDER).filter((m) => m.text.includes('давайте обсудим')).length).toBeGreaterThan(0);
      expect(mailsTo(SENDER).at(-1)!.replyTo).toBeUndefined();
      await page.reload();
      await expect.poll(() => page.locator('.thread-body').allInnerTexts()).toHaveLength(2);
      expect(await page.content()).not.toContain(RECEIVER);
      if (viewport === PHONE) expect(await overflow(page)).toBeLessThanOrEqual(0);
      await page.context().close();
      await admin.context().close();
    });
  });

  it('offers the form on each suggested partner’s card, and tells one’s own organisation apart', async () => {
    const page = await site.open('/organisations/iate-mephi', { locale: 'ru-RU', viewport: PHONE, email: RECEIVER });
    await page.getByText('Это ваша организация.').waitFor();
    const card = page.locator('.partner-list .card').first();
    await card.getByRole('button', { name: 'Связаться с организацией' }).click();
    await card.getByLabel('Тема').waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.context().close();
  });

  it('fits the public contact fields on a phone in Russian, whose choices are the longest', async () => {
    const page = await site.open('/my/organisations/iate-mephi', { locale: 'ru-RU', viewport: PHONE, email: RECEIVER });
    await page.getByLabel('Вид контакта').selectOption('person');
    await page.getByLabel('Имя', { exact: true }).waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.context().close();
  });

  it('lets the admins choose the public contact in the profile editor', async () => {
    const page = await site.open('/my/organisations/iate-mephi', { locale: 'en-GB', viewport: PHONE, email: RECEIVER });
    await page.getByLabel('Kind of contact').selectOption('role');
    await page.getByLabel('Office (en)').fill('International office');
    await page.getByLabel('E-mail', { exact: true }).fill('international@iate.example.ru');
    await page.getByLabel('Phone').fill('+7 484 393-00-00');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect.poll(() => page.locator('[role=status]').allInnerTexts()).toContain('Draft saved.');
    const saved = await page.evaluate(async () => (await (await fetch('/api/v1/organisations/iate-mephi/profile')).json()).profile.contact);
    expect(saved).toMatchObject({ kind: 'role', label: { en: 'International office' }, email: 'international@iate.example.ru' });
    await page.context().close();
  });
});
