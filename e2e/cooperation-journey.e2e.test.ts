/// <reference lib="dom" />
// page.evaluate callbacks run in the browser
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { readOutbox } from '../src/test/outbox.js';
import { DESKTOP, PHONE, seriousA11yViolations } from './browser.js';
import { apiAs, IATE_ADMIN, IATE_EDITOR, KALUGA, LIMOUSIN, obninskTechnopark, recordStages } from './registry-helpers.js';
import { useSite } from './site.js';
import { clickOption, pick } from './typeahead.js';

/**
 * The cooperation registry end to end, as the Kaluga–Limousin partnership uses it: a French coordinator
 * records the 2004 agreement between a Limousin agency and an Obninsk institute, attaches its signed text
 * and links it to a joint initiative; in Russian the initiative moves along its pipeline and an overdue
 * milestone brings its administrators a reminder from the background jobs; a residency in an Obninsk
 * technopark is recorded and admitted; all of it is on the partnership's timeline; the record with its
 * documents fits a phone. The reminders' scan runs every few seconds here (hourly by default).
 */
const site = useSite({ env: { REMINDER_SCAN_SECONDS: '2' } });

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

const AGREEMENT = 'Accord Obninsk – Limousin sur la céramique technique';
const INITIATIVE = { ru: 'Летняя школа по технической керамике', fr: 'École d’été de céramique technique' };
const MILESTONE = 'Программа школы';
const RESIDENCY = 'Резидентство Технического университета Лимузена в технопарке';
// the signed text: a PDF (its type is read from its bytes) of some 200 KB, sent in several pieces
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj <<>> endobj\n'), randomBytes(200_000), Buffer.from('\n%%EOF\n')]);
const PDF_NAME = 'accord-obninsk-limousin-2004.pdf';

let technopark = '';
let initiative = '';
let agreementPath = '';

beforeAll(async () => {
  technopark = await obninskTechnopark(site);
  // the joint initiative the agreement led to, of an Obninsk institute and a Limousin university
  const editor = await apiAs(site, IATE_EDITOR);
  const created = await editor.request.post(`${site.baseUrl}/api/v1/initiatives`, {
    headers: editor.headers,
    data: {
      title: { original: 'ru', ...INITIATIVE },
      dated: '2025-06',
      parties: [
        { organisation: 'iate-mephi', role: 'coordinator' },
        { organisation: 'limousin-technical-university', role: 'partner' },
      ],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  initiative = (await created.json()).slug;
});

/** The partnership's timeline entry for `title`, loading more pages until it is there. */
async function timelineEntry(timeline: Locator, title: string): Promise<Locator> {
  const entry = timeline.locator('.timeline-entry', { hasText: title }).first();
  for (let page = 0; page < 20 && (await entry.count()) === 0; page++) {
    const more = timeline.getByRole('button', { name: 'Показать ещё' });
    if ((await more.count()) === 0) break;
    await more.click();
    await timeline.page().waitForTimeout(300);
  }
  await entry.waitFor();
  return entry;
}

describe('a cooperation of the Kaluga–Limousin partnership, from the agreement to the timeline', () => {
  it('records in French an agreement of 2004 between Limoges and Obninsk, attaches its PDF, downloads it and links the initiative', async () => {
    const page = await site.open('/cooperation/new?kind=agreements', { locale: 'fr-FR', viewport: DESKTOP, email: LIMOUSIN });
    await page.getByRole('heading', { name: 'Nouvelle fiche de coopération' }).waitFor();
    await page.getByLabel('Rédigé en').selectOption('fr');
    await page.getByLabel('Titre (fr)').fill(AGREEMENT);
    // one party in Haute-Vienne (FR-87), one in the Kaluga region (RU-KLU)
    await pick(page, 'Partie 1', 'ARDL', /Agence régionale de développement du Limousin/);
    await pick(page, 'Partie 2', 'IATE', /Institut d'énergie nucléaire d'Obninsk/);
    await page.getByLabel('Signé', { exact: true }).fill('2004');
    await page.getByText('Compris comme 2004').waitFor();
    await page.getByRole('button', { name: 'Créer' }).click();
    await page.waitForURL(/\/cooperation\/agreements\/[^/]+$/);
    agreementPath = new URL(page.url()).pathname;
    await page.getByRole('heading', { name: AGREEMENT }).waitFor();
    expect(await page.locator('.record-facts time').first().innerText()).toBe('2004');
    expect(await page.locator('.party-list a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
      '/organisations/ardl',
      '/organisations/iate-mephi',
    ]);

    // the signed text, through the documents panel
    const documents = page.locator('section.documents-panel');
    await documents.getByText('Aucun document joint pour l’instant.').waitFor();
    const chooser = page.waitForEvent('filechooser');
    await documents.getByRole('button', { name: 'Joindre un fichier' }).click();
    await (await chooser).setFiles({ name: PDF_NAME, mimeType: 'application/pdf', buffer: PDF });
    await documents.getByText(`${PDF_NAME} est joint.`).waitFor();
    const item = documents.locator('.document-item', { hasText: PDF_NAME });
    expect(await item.locator('.document-facts').innerText()).toContain('PDF');
    // downloaded, it is the very file that was attached
    const download = page.waitForEvent('download');
    await item.getByRole('link', { name: `Télécharger ${PDF_NAME}` }).click();
    const downloaded = await download;
    expect(downloaded.suggestedFilename()).toBe(PDF_NAME);
    const bytes = readFileSync((await downloaded.path())!);
    expect(bytes.length).toBe(PDF.length);
    expect(sha256(bytes)).toBe(sha256(PDF));

    // linked to the joint initiative it led to, which links back
    await page.getByLabel('Type de fiche', { exact: true }).selectOption('initiative');
    const target = page.getByRole('textbox', { name: 'Fiche', exact: true });
    await target.click();
    await target.pressSequentially('École');
    await clickOption(page, INITIATIVE.fr);
    await page.getByRole('button', { name: 'Lier', exact: true }).click();
    await page.locator('.link-list').getByRole('link', { name: INITIATIVE.fr }).click();
    await page.getByRole('heading', { name: INITIATIVE.fr }).waitFor();
    await page.locator('.link-list').getByRole('link', { name: AGREEMENT }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('moves the initiative along its pipeline in Russian; its overdue milestone e-mails its administrators', async () => {
    const page = await site.open(`/cooperation/initiatives/${initiative}`, { locale: 'ru-RU', viewport: DESKTOP, email: IATE_EDITOR });
    await page.getByRole('heading', { name: INITIATIVE.ru }).waitFor();
    const stage = page.locator('.record > .meta .stage');
    expect(await stage.innerText()).toBe('Предложена');
    await recordStages(page, [
      ['Обсуждается', 'Соглашение 2004 года подписано'],
      ['Согласована', 'Программа утверждена'],
      ['Выполняется', 'Набор слушателей открыт'],
    ]);
    await page.locator('.link-list').getByRole('link', { name: AGREEMENT }).waitFor();

    // a milestone that was due three days ago, not done: the next reminders' scan e-mails IATE's administrator
    const mailsBefore = readOutbox(site.platform.outboxDir).length;
    await page.getByLabel('Контрольная точка', { exact: true }).fill(MILESTONE);
    await page.getByLabel('Срок', { exact: true }).fill(isoDay(-3));
    await page.getByRole('button', { name: 'Добавить', exact: true }).click();
    await page.locator('.milestone', { hasText: MILESTONE }).locator('.overdue-badge').waitFor();
    const reminder = () =>
      readOutbox(site.platform.outboxDir)
        .slice(mailsBefore)
        .find((m) => m.to === IATE_ADMIN && m.subject.includes(`просрочен этап «${MILESTONE}»`));
    await expect.poll(reminder, { timeout: 30_000, interval: 500 }).toBeDefined();
    expect(reminder()!.subject).toContain(INITIATIVE.ru);
    expect(reminder()!.text).toContain(`/cooperation/initiatives/${initiative}`);
    await page.context().close();
  });

  it('records in Russian a residency of a Limousin university in an Obninsk technopark, which the technopark admits', async () => {
    const page = await site.open('/cooperation/new?kind=residencies', { locale: 'ru-RU', viewport: DESKTOP, email: KALUGA });
    await page.getByRole('heading', { name: 'Новая запись о сотрудничестве' }).waitFor();
    await page.getByLabel('Название (ru)').fill(RESIDENCY);
    await pick(page, 'Участник 1', 'Лимузен', /Технический университет Лимузена/);
    await pick(page, 'Участник 2', 'Технопарк Обнинск', /Технопарк «Обнинск»/);
    await page.getByLabel('Начало', { exact: true }).fill('2026-09');
    await page.getByLabel('Офис').check();
    await page.getByRole('button', { name: 'Создать' }).click();
    await page.waitForURL(/\/cooperation\/residencies\/[^/]+$/);
    await page.getByRole('heading', { name: RESIDENCY }).waitFor();
    expect(await page.locator('.record > .meta .stage').innerText()).toBe('Заявка');
    await page.context().close();

    const host = await site.open(`/cooperation/hosts/${technopark}`, { locale: 'ru-RU', viewport: DESKTOP, email: IATE_ADMIN });
    await host.getByRole('heading', { name: 'Заявки и резиденты' }).waitFor();
    const applications = host.locator('section', { has: host.getByRole('heading', { name: 'Заявки', exact: true }) });
    await applications.locator('.host-row', { hasText: RESIDENCY }).getByRole('button', { name: 'Принять' }).click();
    const residents = host.locator('section', { has: host.getByRole('heading', { name: 'Принятые и резиденты' }) });
    const admitted = residents.locator('.host-row', { hasText: RESIDENCY });
    await admitted.waitFor();
    expect(await admitted.locator('.stage').innerText()).toBe('Принят');
    await host.context().close();
  });

  it('shows the agreement, the initiative, its milestone and the residency on the partnership’s timeline, in Russian', async () => {
    const page = await site.open('/', { locale: 'ru-RU', viewport: DESKTOP, email: KALUGA });
    const timeline = page.locator('section.timeline', { has: page.getByRole('heading', { name: 'Хронология партнёрства', level: 2 }) });
    await timeline.locator('.timeline-entry').first().waitFor({ timeout: 15_000 });
    const agreement = await timelineEntry(timeline, AGREEMENT);
    expect(await agreement.locator('.timeline-date').innerText()).toBe('в 2004 году');
    expect(await agreement.locator('a').first().getAttribute('href')).toBe(agreementPath);
    const joint = await timelineEntry(timeline, INITIATIVE.ru);
    expect(await joint.locator('a').first().getAttribute('href')).toBe(`/cooperation/initiatives/${initiative}`);
    // the milestone three days late says so, as its initiative's page does
    const milestone = await timelineEntry(timeline, MILESTONE);
    expect(await milestone.locator('.timeline-meta').innerText()).toBe(`Веха инициативы «${INITIATIVE.ru}» · просрочен`);
    const residency = await timelineEntry(timeline, RESIDENCY);
    expect(await residency.locator('.timeline-kind').innerText()).toContain('Резидентство');
    await page.context().close();
  });

  it('fits a 390 px phone: the agreement’s page with its documents scrolls no sideways, in French', async () => {
    const page = await site.open(agreementPath, { locale: 'fr-FR', viewport: PHONE, email: LIMOUSIN });
    await page.getByRole('heading', { name: AGREEMENT }).waitFor();
    const documents = page.locator('section.documents-panel');
    await documents.locator('.document-item', { hasText: PDF_NAME }).waitFor();
    await documents.getByRole('button', { name: 'Joindre un fichier' }).waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.context().close();

    // a visitor reads the published agreement's documents, and is offered no upload or delete
    const visitor = await site.open(agreementPath, { locale: 'fr-FR', viewport: PHONE });
    const visible = visitor.locator('section.documents-panel');
    await visible.getByRole('link', { name: `Télécharger ${PDF_NAME}` }).waitFor();
    expect(await visible.getByRole('button').count()).toBe(0);
    expect(await overflow(visitor)).toBeLessThanOrEqual(0);
    await visitor.context().close();
  });
});
