/// <reference lib="dom" />
// page.evaluate callbacks run in the browser
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, seriousA11yViolations } from './browser.js';
import { apiAs as apiAsOn, IATE_ADMIN, IATE_EDITOR, LIMOUSIN, obninskTechnopark, recordStages } from './registry-helpers.js';
import { useSite } from './site.js';
import { clickOption, pick } from './typeahead.js';

/**
 * The cooperation registry in the browser: a French coordinator records an agreement known only by its
 * year; a Russian editor moves an initiative along its pipeline; a residency applied for is admitted by its
 * host; the list and a record fit a 390 px phone.
 */
const site = useSite();

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const apiAs = (email: string) => apiAsOn(site, email);

let technopark = '';

beforeAll(async () => {
  technopark = await obninskTechnopark(site);
});

describe('the cooperation registry', () => {
  it('records in French an agreement signed in 2004 between Limousin and Obninsk, shown as «2004»', async () => {
    const page = await site.open('/cooperation/new?kind=agreements', { locale: 'fr-FR', viewport: DESKTOP, email: LIMOUSIN });
    await page.getByRole('heading', { name: 'Nouvelle fiche de coopération' }).waitFor();
    await page.getByLabel('Rédigé en').selectOption('fr');
    await page.getByLabel('Titre (fr)').fill('Accord de coopération Limousin – Obninsk');
    await pick(page, 'Partie 1', 'ARDL', /Agence régionale de développement du Limousin/);
    await pick(page, 'Partie 2', 'IATE', /Institut d'énergie nucléaire d'Obninsk/);
    // a third party not on the platform yet, named here
    await page.getByRole('button', { name: 'Ajouter une partie' }).click();
    await page.getByRole('button', { name: 'Absente de la plateforme\u00a0? Nommez-la' }).nth(2).click();
    await page.getByLabel('Nom de la partie 3').fill('Technopole de Limoges');
    await page.getByLabel('Type de la partie 3').selectOption('technopark');
    // typed key by key, as a person does (a filled-in text closes Mantine's list of choices)
    const region = page.getByRole('textbox', { name: 'Région de la partie 3', exact: true });
    await region.click();
    await region.pressSequentially('Vienne');
    await clickOption(page, /\(FR-87\)/);
    await page.getByLabel('Rôle de la partie 3').selectOption('observer');
    // a day that does not exist is refused by the API, which names the field: its message is beside it, in French
    await page.getByLabel('Signé', { exact: true }).fill('2023-02-30');
    await page.getByRole('button', { name: 'Créer' }).click();
    await expect
      .poll(() =>
        page
          .locator('#record-dated-error')
          .innerText()
          .catch(() => ''),
      )
      .toContain('n’existe pas');
    expect(await page.getByLabel('Signé', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Signé', { exact: true }).fill('2004');
    await page.getByText('Compris comme 2004').waitFor();
    await page.getByRole('button', { name: 'Créer' }).click();

    await page.waitForURL(/\/cooperation\/agreements\/[^/]+$/);
    await page.getByRole('heading', { name: 'Accord de coopération Limousin – Obninsk' }).waitFor();
    expect(await page.locator('.record-facts time').first().innerText()).toBe('2004');
    // no validity was given: the page says so, rather than calling it open-ended
    expect(await page.locator('.record-facts').innerText()).toContain('non précisée');
    const parties = await page.locator('.party-list li').allInnerTexts();
    expect(parties).toHaveLength(3);
    expect(parties[0]).toContain('Agence régionale de développement du Limousin');
    expect(parties[2]).toMatch(/Technopole de Limoges\s+pas encore sur la plateforme — Observateur/);
    expect(await page.locator('.party-list a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
      '/organisations/ardl',
      '/organisations/iate-mephi',
    ]);
    const recordPath = new URL(page.url()).pathname;

    // someone else saves a summary while the title is edited: the conflict is shown, and both edits are kept
    await page.getByRole('link', { name: 'Modifier' }).click();
    await page.getByLabel('Titre (fr)').fill('Accord de coopération Limousin – Obninsk (2004)');
    const other = await apiAs(LIMOUSIN);
    const api = `${site.baseUrl}/api/v1${recordPath.replace('/cooperation', '')}`;
    const { version } = await (await other.request.get(api)).json();
    const patched = await other.request.patch(api, {
      headers: { ...other.headers, 'if-match': `"${version}"` },
      data: { summary: { original: 'fr', fr: 'Échanges entre les deux agences.' } },
    });
    expect(patched.status(), await patched.text()).toBe(200);
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByRole('heading', { name: "Quelqu'un d'autre a enregistré entre-temps" }).waitFor();
    await page.getByRole('button', { name: 'Prendre la leur et garder mes autres modifications' }).click();
    expect(await page.getByLabel('Titre (fr)').inputValue()).toBe('Accord de coopération Limousin – Obninsk (2004)');
    expect(await page.getByLabel('Résumé (fr)').inputValue()).toBe('Échanges entre les deux agences.');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.waitForURL((url) => url.pathname === recordPath);
    await page.getByRole('heading', { name: 'Accord de coopération Limousin – Obninsk (2004)' }).waitFor();
    await page.getByText('Échanges entre les deux agences.').waitFor();

    // the list shows it at its own precision, and finds it by a month of that year
    await page.goto(`${site.baseUrl}/cooperation/agreements?from=2004-06&to=2004-06`);
    const row = page.locator('.record-row', { hasText: 'Accord de coopération Limousin – Obninsk (2004)' });
    await row.waitFor();
    expect(await row.locator('time').innerText()).toBe('2004');
    await page.goto(`${site.baseUrl}/cooperation/agreements?from=2005`);
    await page.getByText('Aucune fiche ne correspond à ces filtres.').waitFor();
    await page.context().close();
  });

  it('moves an initiative along its pipeline in Russian, each step with its date and reason', async () => {
    const editor = await apiAs(IATE_EDITOR);
    const created = await editor.request.post(`${site.baseUrl}/api/v1/initiatives`, {
      headers: editor.headers,
      data: {
        title: { original: 'ru', ru: 'Летняя школа по ядерной медицине' },
        dated: '2025-06',
        parties: [
          { organisation: 'iate-mephi', role: 'coordinator' },
          { organisation: 'limousin-technical-university', role: 'partner' },
        ],
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const { slug } = await created.json();

    const page = await site.open(`/cooperation/initiatives/${slug}`, { locale: 'ru-RU', viewport: DESKTOP, email: IATE_EDITOR });
    await page.getByRole('heading', { name: 'Летняя школа по ядерной медицине' }).waitFor();
    const stage = page.locator('.record > .meta .stage');
    expect(await stage.innerText()).toBe('Предложена');
    // an editor is offered the next step and the ends, never a skip
    expect((await page.getByLabel('Новый этап').locator('option').allInnerTexts()).sort()).toEqual(['Обсуждается', 'Отменена']);
    await recordStages(page, [
      ['Обсуждается', 'Партнёры согласились обсудить программу'],
      ['Согласована', 'Программа утверждена'],
      ['Выполняется', 'Набор слушателей открыт'],
    ]);
    expect(await page.locator('.stage-history li').count()).toBe(4);

    // a milestone, then marked done
    await page.getByLabel('Контрольная точка', { exact: true }).fill('Программа курса');
    await page.getByLabel('Срок', { exact: true }).fill('2025-05-01');
    await page.getByRole('button', { name: 'Добавить', exact: true }).click();
    const milestone = page.locator('.milestone', { hasText: 'Программа курса' });
    await milestone.locator('.overdue-badge').waitFor();
    await milestone.getByRole('button', { name: 'Отметить выполненной' }).click();
    await expect.poll(() => milestone.locator('.overdue-badge').count()).toBe(0);

    // linked to the academic partnership it came from, which then shows the link too
    const partnership = await editor.request.post(`${site.baseUrl}/api/v1/academic-partnerships`, {
      headers: editor.headers,
      data: {
        title: { original: 'ru', ru: 'Двойной диплом по ядерной медицине' },
        kinds: ['double_degree'],
        parties: [
          { organisation: 'iate-mephi', role: 'partner' },
          { organisation: 'limousin-technical-university', role: 'partner' },
        ],
      },
    });
    expect(partnership.status(), await partnership.text()).toBe(201);
    await page.getByLabel('Вид записи', { exact: true }).selectOption('academic_partnership');
    const target = page.getByRole('textbox', { name: 'Запись', exact: true });
    await target.click();
    await target.pressSequentially('Двойной');
    await clickOption(page, 'Двойной диплом по ядерной медицине');
    await page.getByRole('button', { name: 'Связать', exact: true }).click();
    await page.locator('.link-list').getByRole('link', { name: 'Двойной диплом по ядерной медицине' }).click();
    await page.getByRole('heading', { name: 'Двойной диплом по ядерной медицине' }).waitFor();
    await page.locator('.link-list').getByRole('link', { name: 'Летняя школа по ядерной медицине' }).waitFor();
    await page.context().close();
  });

  it('records a residency in Russian that the technopark admits', async () => {
    const page = await site.open('/cooperation/new?kind=residencies', { locale: 'ru-RU', viewport: DESKTOP, email: IATE_EDITOR });
    await page.getByRole('heading', { name: 'Новая запись о сотрудничестве' }).waitFor();
    await page.getByLabel('Название (ru)').fill('Резидентство ИАТЭ в технопарке');
    await pick(page, 'Участник 1', 'ИАТЭ', /Обнинский институт атомной энергетики/);
    await pick(page, 'Участник 2', 'Технопарк Обнинск', /Технопарк «Обнинск»/);
    await page.getByLabel('Начало', { exact: true }).fill('2026-09');
    await page.getByLabel('Офис').check();
    await page.getByLabel('Наставничество').check();
    await page.getByRole('button', { name: 'Создать' }).click();
    await page.waitForURL(/\/cooperation\/residencies\/[^/]+$/);
    await page.getByRole('heading', { name: 'Резидентство ИАТЭ в технопарке' }).waitFor();
    expect(await page.locator('.record > .meta .stage').innerText()).toBe('Заявка');
    await page.context().close();

    // the technopark's administrator finds it among the applications and admits it
    const host = await site.open('/cooperation/residencies', { locale: 'ru-RU', viewport: DESKTOP, email: IATE_ADMIN });
    await host.getByRole('link', { name: 'Заявки и резиденты: Технопарк «Обнинск»' }).click();
    await host.getByRole('heading', { name: 'Заявки и резиденты' }).waitFor();
    const applications = host.locator('section', { has: host.getByRole('heading', { name: 'Заявки', exact: true }) });
    const application = applications.locator('.host-row', { hasText: 'Резидентство ИАТЭ в технопарке' });
    await application.getByRole('button', { name: 'Принять' }).click();
    const residents = host.locator('section', { has: host.getByRole('heading', { name: 'Принятые и резиденты' }) });
    await residents.locator('.host-row', { hasText: 'Резидентство ИАТЭ в технопарке' }).waitFor();
    expect(await residents.locator('.host-row .stage').first().innerText()).toBe('Принят');
    await host.context().close();
  });

  it('fits a 390 px phone: the list, a record and its form scroll no sideways, in Russian', async () => {
    // a record of its own, with long names in every part the page shows
    const coordinator = await apiAs(LIMOUSIN);
    const created = await coordinator.request.post(`${site.baseUrl}/api/v1/agreements`, {
      headers: coordinator.headers,
      data: {
        type: 'memorandum_of_understanding',
        title: { original: 'ru', ru: 'Меморандум о взаимопонимании между агентствами развития Лимузена и Калужской области' },
        summary: { original: 'ru', ru: 'Обмен контактами в отрасли фильтров и технической керамики.' },
        dated: '2004-06-15',
        validFrom: '2004-06',
        validUntil: '2009',
        commitmentRoles: [
          { role: 'national_coordinator', party: 0, eventSeries: { original: 'ru', ru: 'Фестиваль науки' }, country: 'FR' },
        ],
        parties: [
          { organisation: 'ardl', role: 'signatory' },
          { organisation: 'airko', role: 'signatory' },
          { named: { name: { original: 'fr', fr: 'Technopole de Limoges' }, kind: 'technopark', region: 'FR-87' }, role: 'observer' },
        ],
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const page = await site.open('/cooperation/agreements', { locale: 'ru-RU', viewport: PHONE, email: LIMOUSIN });
    await page.locator('.record-row').first().waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.locator('.record-row a').first().click();
    await page.locator('.record-facts').waitFor();
    await page.locator('.stage-change').waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Изменить' }).click();
    await page.getByLabel('Название (ru)').waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.goto(`${site.baseUrl}/cooperation/hosts/${technopark}`);
    await page.getByRole('heading', { name: 'Заявки и резиденты' }).waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.context().close();
  });
});
