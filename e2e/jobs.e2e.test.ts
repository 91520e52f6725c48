/// <reference lib="dom" />
// page.evaluate callbacks run in the browser
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, seriousA11yViolations } from './browser.js';
import { useSite } from './site.js';

const site = useSite();
const ADMIN = 'admin@demo.clusterbridge.test';

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('the background jobs page', () => {
  it("shows an administrator, in Russian, the server's jobs with their state, attempts and times, and filters them", async () => {
    const page = await site.open('/admin/audit', { locale: 'ru-RU', viewport: DESKTOP, email: ADMIN });
    await page.getByRole('navigation').getByRole('link', { name: 'Фоновые задачи' }).click();
    await page.waitForURL(/\/admin\/jobs$/);
    await page.getByRole('heading', { name: 'Фоновые задачи' }).waitFor();
    // serve runs the submission notices and the reminders' scan as soon as it starts
    const notices = page.getByRole('row').filter({ hasText: 'Уведомления о поданных профилях' }).first();
    await notices.waitFor();
    expect(await notices.innerText()).toMatch(/Выполнена[\s\S]*1 из 1/);
    await page.getByRole('row').filter({ hasText: 'Поиск напоминаний к отправке' }).first().waitFor();
    expect(await page.getByLabel('Задачи по состоянию').innerText()).toMatch(/Ошибка: 0/);

    await page.getByLabel('Состояние').selectOption('failed');
    await page.getByText('Нет подходящих задач.').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('fits a 390 px phone, in French, its rows stacked into cards', async () => {
    const page = await site.open('/admin/jobs', { locale: 'fr-FR', viewport: PHONE, email: ADMIN });
    await page.getByRole('heading', { name: 'Tâches de fond' }).waitFor();
    await page.getByText('Avis de soumission').first().waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('sends the daily digests now, in French, and shows the run with its progress', async () => {
    const page = await site.open('/admin/jobs', { locale: 'fr-FR', viewport: DESKTOP, email: ADMIN });
    await page.getByRole('heading', { name: 'Envoyer les résumés maintenant' }).waitFor();
    await page.getByRole('button', { name: 'Résumés quotidiens' }).click();
    await page.getByRole('status').filter({ hasText: 'Les résumés sont en file' }).waitFor();
    // the runner takes it at its next poll; the page reads it again while it is queued or running
    const run = page.getByRole('row').filter({ hasText: 'Résumés de la place de marché' }).first();
    await expect.poll(async () => (await run.innerText()).replace(/\s+/g, ' '), { timeout: 20_000 }).toMatch(/Terminée.*\d+ sur \d+/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('is not shown to a coordinator, whom the API refuses', async () => {
    const page = await site.open('/admin/audit', {
      locale: 'fr-FR',
      viewport: DESKTOP,
      email: 'coordinator.limousin@demo.clusterbridge.test',
    });
    await page.getByRole('heading').first().waitFor();
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Tâches de fond' }).count()).toBe(0);
    const refused = await page.context().request.get(`${site.baseUrl}/api/v1/admin/jobs`);
    expect(refused.status()).toBe(403);
    await page.context().close();
  });
});
