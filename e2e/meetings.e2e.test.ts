/// <reference lib="dom" />
// page.evaluate callbacks run in the browser
import type { Page } from 'playwright-core';
import ical from 'node-ical';
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, seriousA11yViolations } from './browser.js';
import { apiAs, IATE_ADMIN, KALUGA, LIMOUSIN } from './registry-helpers.js';
import { pick, typeahead } from './typeahead.js';
import { useSite } from './site.js';

/**
 * The events' "done when": an organiser sets up a brokerage event with a grid of slots and tables;
 * participants register, write what they bring, request and accept meetings; the organiser runs the
 * scheduler, reads the gap figure, pins a meeting and publishes; a participant downloads the iCalendar
 * file (read back by an independent parser) and the PDF agenda. In Russian and French, one participant
 * on a 390 px phone.
 */
const site = useSite();
const IATE_MEMBER = 'iate.member@demo.clusterbridge.test';

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
/** What passes the screen's right edge (a box, or a text wider than its box), to tell where a sideways scroll comes from. */
const wide = (page: Page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return Array.from(document.querySelectorAll('body *'))
      .filter((e) => {
        const box = e.getBoundingClientRect();
        return (
          box.right + window.scrollX > width + 1 || (box.left + e.scrollWidth > width + 1 && getComputedStyle(e).overflowX === 'visible')
        );
      })
      .slice(-8)
      .map(
        (e) => `${e.tagName.toLowerCase()}.${String(e.className)}#${e.id} ${Math.round(e.getBoundingClientRect().left + e.scrollWidth)}`,
      );
  });
const fits = async (page: Page) => expect(await overflow(page), (await wide(page)).join('\n')).toBeLessThanOrEqual(0);

/** A day some weeks ahead (YYYY-MM-DD), so that registration and requests are open. */
const eventDay = () => new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);

async function ok<T>(response: { status(): number; text(): Promise<string>; json(): Promise<unknown> }, status = 200): Promise<T> {
  expect(response.status(), await response.text()).toBe(status);
  return (await response.json()) as T;
}

/** The organiser, in Russian, creates the brokerage event through its editor: kind, titles, zone, times, a participation type with meetings, published. */
async function brokerageEvent(day: string): Promise<{ slug: string; page: Page }> {
  const page = await site.open('/events/new', { locale: 'ru-RU', viewport: DESKTOP, email: IATE_ADMIN });
  await page.getByRole('heading', { name: 'Новое событие', level: 1 }).waitFor();
  await page.getByLabel('Вид', { exact: true }).selectOption({ label: 'Бизнес-встречи' });
  await page.getByLabel('Язык оригинала').selectOption({ label: 'русский' });
  await page.getByLabel('Название (ru)', { exact: true }).fill('Биржа контактов в Обнинске');
  await page.getByLabel('Название (fr)', { exact: true }).fill('Rencontres d’affaires à Obninsk');
  // the zones' field opens once their list has arrived
  await expect.poll(() => typeahead(page, 'Часовой пояс').isEnabled()).toBe(true);
  await pick(page, 'Часовой пояс', 'Moscow', /^Europe\/Moscow/);
  await page.getByLabel('Начало', { exact: true }).fill(`${day}T09:00`);
  await page.getByLabel('Окончание', { exact: true }).fill(`${day}T18:00`);
  await pick(page, 'Регион', 'Калуж', /RU-KLU/);
  await expect.poll(() => page.locator('.organisers input[type=checkbox]').first().isChecked()).toBe(true);
  await page.getByLabel('Регистрация открыта').check();
  await page.getByLabel('Деловые встречи один на один').check();
  await page.getByRole('button', { name: 'Создать черновик' }).click();
  await page.waitForURL(/\/events\/[^/]+\/edit$/);
  const slug = new URL(page.url()).pathname.split('/')[2]!;

  // one participation type, whose participants may take part in the meetings
  await page.getByRole('button', { name: 'Добавить вид участия' }).click();
  const type = page.getByRole('form', { name: 'Вид участия' });
  await type.getByLabel('Вид участия', { exact: true }).selectOption({ label: 'Компания' });
  await type.getByLabel('Название (ru)', { exact: true }).fill('Участник');
  await type.getByLabel('Название (fr)', { exact: true }).fill('Participant');
  await type.getByLabel('Название (en)', { exact: true }).fill('Participant');
  await type.getByLabel('Может участвовать в деловых встречах').check();
  await type.getByRole('button', { name: 'Сохранить вид участия' }).click();
  await page.locator('#participation-types', { hasText: '0 подтверждено' }).waitFor();
  // left empty, the capacity is no limit (not "0 of 0", which would put everyone on the waiting list)
  expect(await page.locator('#participation-types').innerText()).not.toMatch(/0 из 0/);

  await page.getByRole('button', { name: 'Опубликовать' }).click();
  await page.getByText('Опубликовано: событие видят все.').waitFor();
  return { slug, page };
}

/** A participant registers on the event's page, in the page's language. */
async function register(page: Page, words: { type: RegExp; register: string; confirmed: string }): Promise<void> {
  await page.getByRole('radio', { name: words.type }).check();
  await page.getByRole('button', { name: words.register }).click();
  // what the panel says, when it says something else (a refusal on a field)
  await expect.poll(() => page.locator('.registration').innerText(), { timeout: 30_000 }).toContain(words.confirmed);
  await page.locator('.my-registration .badge', { hasText: words.confirmed }).waitFor();
}

describe('one-to-one meetings at a brokerage event', () => {
  it('goes from the grid to requests, the scheduler’s gap figure, a pin, the final schedule and a participant’s calendar', async () => {
    const day = eventDay();
    const { slug, page: editor } = await brokerageEvent(day);
    const russian = { type: /Участник/, register: 'Зарегистрироваться', confirmed: 'Подтверждена' };

    // the participants register on the event's page: the Russian one on a phone, the French one, the IATE member
    const kalugaEvent = await site.open(`/events/${slug}`, { locale: 'ru-RU', viewport: PHONE, email: KALUGA });
    await kalugaEvent.getByRole('heading', { name: 'Биржа контактов в Обнинске' }).waitFor();
    await register(kalugaEvent, russian);
    await fits(kalugaEvent);
    const limousinEvent = await site.open(`/events/${slug}`, { locale: 'fr-FR', viewport: DESKTOP, email: LIMOUSIN });
    await limousinEvent.getByRole('heading', { name: 'Rencontres d’affaires à Obninsk' }).waitFor();
    await register(limousinEvent, { type: /Participant/, register: 'S’inscrire', confirmed: 'Confirmée' });
    const memberEvent = await site.open(`/events/${slug}`, { locale: 'ru-RU', viewport: DESKTOP, email: IATE_MEMBER });
    await register(memberEvent, russian);
    for (const p of [editor, kalugaEvent, limousinEvent, memberEvent]) await p.context().close();
    const limousinApi = await apiAs(site, LIMOUSIN);
    const memberApi = await apiAs(site, IATE_MEMBER);

    // the organiser sets the meetings' rules and the grid, in Russian
    const organiser = await site.open(`/events/${slug}/schedule`, { locale: 'ru-RU', viewport: DESKTOP, email: IATE_ADMIN });
    await organiser.getByRole('heading', { name: 'Расписание встреч', level: 1 }).waitFor();
    await organiser.getByLabel('Длительность встречи (минуты)').fill('30');
    await organiser.getByLabel('Перерыв после стольких встреч подряд').fill('3');
    await organiser.getByRole('button', { name: 'Сохранить настройки' }).click();
    await organiser.getByText('Настройки сохранены.').waitFor();
    await organiser.getByRole('button', { name: 'Добавить интервал' }).click();
    await organiser.getByLabel('День').last().fill(day);
    await organiser.getByLabel('С', { exact: true }).fill('10:00');
    await organiser.getByLabel('До', { exact: true }).fill('12:00');
    await organiser.getByLabel('Столов').fill('2');
    await organiser.getByRole('button', { name: 'Сохранить сетку' }).click();
    await organiser.getByText('Сетка сохранена.').waitFor();
    // four slots of 30 minutes, two tables each
    await expect.poll(() => organiser.locator('.schedule-grid .grid-slot').count()).toBe(4);

    // a French participant takes part, writes what she brings and asks a Russian one to meet
    const limousin = await site.open(`/events/${slug}/meetings`, { locale: 'fr-FR', viewport: DESKTOP, email: LIMOUSIN });
    await limousin.getByRole('heading', { name: 'Rendez-vous d’affaires', level: 1 }).waitFor();
    await limousin.getByLabel('Je participe aux rendez-vous d’affaires').check();
    await limousin.getByLabel('Offre et recherche (fr)').fill('Nous cherchons des partenaires en céramique technique.');
    await limousin.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await limousin.getByText('Enregistré.').waitFor();

    // the Russian participant, on a phone, takes part and is away for the last slot
    const kaluga = await site.open(`/events/${slug}/meetings`, { locale: 'ru-RU', viewport: PHONE, email: KALUGA });
    await kaluga.getByRole('heading', { name: 'Деловые встречи', level: 1 }).waitFor();
    await kaluga.getByLabel('Я участвую в деловых встречах').check();
    await kaluga.getByLabel('Предлагаю и ищу (ru)').fill('Предлагаем площадку технопарка для пилотных проектов.');
    await kaluga.locator('.blocked-slots input[type=checkbox]').last().check();
    await kaluga.getByRole('button', { name: 'Сохранить', exact: true }).click();
    await kaluga.getByText('Сохранено.').waitFor();
    await fits(kaluga);

    // the third takes part through the API
    const memberMine = await ok<{ version: number; meetingProfile: unknown; offerIds: string[]; blockedTimes: unknown[] }>(
      await memberApi.request.get(`${site.baseUrl}/api/v1/events/${slug}/meetings/me`),
    );
    await ok(
      await memberApi.request.put(`${site.baseUrl}/api/v1/events/${slug}/meetings/me`, {
        headers: { ...memberApi.headers, 'if-match': `"${memberMine.version}"` },
        data: { meetingsEnabled: true, meetingProfile: { original: 'en', en: 'Sensors.' }, offerIds: [], blockedTimes: [] },
      }),
    );

    // the French participant finds the Russian one among all participants and sends a must-meet request
    await limousin.reload();
    await limousin.getByLabel('Chercher un participant par nom ou organisation').fill('АИРКО');
    await limousin.getByRole('button', { name: 'Rechercher' }).click();
    const person = limousin.locator('.meeting-person', { hasText: 'Координатор' }).last();
    await person.getByRole('button', { name: /^Demander un rendez-vous à/ }).click();
    await person.getByLabel('Priorité').selectOption({ label: 'À rencontrer absolument' });
    await person.getByLabel('Message').fill('Bonjour, parlons de céramique technique.');
    await person.getByRole('button', { name: 'Envoyer la demande' }).click();
    await limousin.getByText('Votre demande est envoyée.').waitFor();
    expect(await seriousA11yViolations(limousin)).toEqual([]);

    // and the IATE member asks the French participant, who accepts through the API
    const people = await ok<{ items: { registrationId: string; name: string }[] }>(
      await memberApi.request.get(`${site.baseUrl}/api/v1/events/${slug}/meeting-participants`),
    );
    const limousinId = people.items.find((p) => p.name.includes('Coordinatrice'))!.registrationId;
    await ok(
      await memberApi.request.post(`${site.baseUrl}/api/v1/events/${slug}/meeting-requests`, {
        headers: memberApi.headers,
        data: { recipientRegistrationId: limousinId, priority: 'would_like' },
      }),
      201,
    );
    const received = await ok<{ received: { id: string; version: number }[] }>(
      await limousinApi.request.get(`${site.baseUrl}/api/v1/events/${slug}/meeting-requests/mine`),
    );
    await ok(
      await limousinApi.request.post(`${site.baseUrl}/api/v1/meeting-requests/${received.received[0]!.id}/accept`, {
        headers: { ...limousinApi.headers, 'if-match': `"${received.received[0]!.version}"` },
        data: { priority: 'would_like' },
      }),
    );

    // the Russian participant accepts on the phone, with his own priority
    await kaluga.reload();
    const request = kaluga.locator('.meeting-request', { hasText: 'Bonjour, parlons de céramique technique.' });
    await request.getByLabel('Приоритет').selectOption({ label: 'Обязательно встретиться' });
    await request.getByRole('button', { name: 'Принять' }).click();
    await request.locator('.badge', { hasText: 'Принят' }).waitFor();
    await fits(kaluga);

    // the organiser runs the scheduler and reads the gap figure in Russian
    await organiser.reload();
    await organiser.getByRole('button', { name: 'Запустить планировщик (предварительно)' }).click();
    await expect.poll(() => organiser.locator('.gap-figure').innerText()).toBe('Запланировано 2 из 2 принятых встреч; возможно не более 2');
    await expect.poll(() => organiser.locator('.schedule-grid .grid-meeting').count()).toBe(2);
    // the meeting that two sides must have is pinned where it is
    const cell = organiser.locator('.grid-meeting', { hasText: 'Координатор' });
    await cell.getByRole('button', { name: /^Закрепить/ }).click();
    await cell.locator('.badge', { hasText: 'Закреплена' }).waitFor();
    // moving the other meeting onto the pinned one's slot and table is refused, naming why
    const other = organiser.locator('.grid-meeting', { hasText: 'Member of IATE' });
    await other.getByRole('button', { name: /^Перенести/ }).click();
    const form = organiser.getByRole('form', { name: 'Перенести встречу' });
    const pinnedSlot = await cell.evaluate((td) => (td.parentElement?.querySelector('th')?.textContent ?? '').trim());
    const slotOption = await form
      .getByLabel('Слот')
      .evaluate(
        (select, hours) => Array.from((select as HTMLSelectElement).options).find((o) => o.text.endsWith(hours))?.value ?? '',
        pinnedSlot,
      );
    await form.getByLabel('Слот').selectOption(slotOption);
    await form.getByRole('button', { name: 'Поставить сюда' }).click();
    await form.getByRole('alert').waitFor();
    expect(await form.getByRole('alert').innerText()).toMatch(/Это место занято|Coordinatrice/);
    await form.getByRole('button', { name: 'Закрыть' }).click();
    expect(await seriousA11yViolations(organiser)).toEqual([]);
    // and publishes the final schedule
    await organiser.getByRole('button', { name: 'Опубликовать окончательное расписание' }).click();
    await organiser.locator('.badge', { hasText: 'Окончательное расписание опубликовано' }).waitFor();

    // on a phone the organiser's grid scrolls inside its frame; the page does not
    const phoneOrganiser = await site.open(`/events/${slug}/schedule`, { locale: 'fr-FR', viewport: PHONE, email: IATE_ADMIN });
    await phoneOrganiser.locator('.schedule-grid').waitFor();
    await phoneOrganiser.locator('.gap-figure', { hasText: '2 rendez-vous planifiés sur 2 acceptés' }).waitFor();
    await fits(phoneOrganiser);

    // the Russian participant's agenda on the phone: the meeting, its table, the downloads
    await kaluga.goto(`${site.baseUrl}/events/${slug}/agenda`);
    await kaluga.getByRole('heading', { name: 'Моя программа', level: 1 }).waitFor();
    const meeting = kaluga.locator('.agenda-meeting').first();
    await meeting.getByRole('heading', { name: /^Встреча: Coordinatrice/ }).waitFor();
    expect(await meeting.locator('.badge', { hasText: /^Стол \d$/ }).count()).toBe(1);
    expect(await kaluga.getByLabel('Адрес для приложений календаря (webcal)').inputValue()).toMatch(/^webcal:\/\//);
    await fits(kaluga);
    expect(await seriousA11yViolations(kaluga)).toEqual([]);

    const [download] = await Promise.all([
      kaluga.waitForEvent('download'),
      kaluga.getByRole('link', { name: 'Скачать календарь (.ics)' }).click(),
    ]);
    const calendarText = await new Promise<string>((resolve, reject) => {
      void download.createReadStream().then((stream) => {
        let text = '';
        stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        stream.on('end', () => resolve(text));
        stream.on('error', reject);
      }, reject);
    });
    const events = Object.values(ical.sync.parseICS(calendarText)).filter((c) => c?.type === 'VEVENT') as ical.VEvent[];
    const meetings = events.filter((e) => String(e.summary).includes('Coordinatrice'));
    expect(meetings).toHaveLength(1);
    expect(Date.parse(String(meetings[0]!.start)) - Date.parse(`${day}T10:00:00+03:00`)).toBeGreaterThanOrEqual(0);
    expect(Date.parse(String(meetings[0]!.end)) - Date.parse(String(meetings[0]!.start))).toBe(30 * 60_000);

    // the PDF agenda, as the page's link downloads it (in the reader's language)
    const pdfLink = kaluga.getByRole('link', { name: 'Скачать программу (PDF)' });
    expect(await pdfLink.getAttribute('href')).toBe(`/api/v1/events/${slug}/agenda/mine.pdf?lang=ru`);
    const [pdfDownload] = await Promise.all([kaluga.waitForEvent('download'), pdfLink.click()]);
    expect(pdfDownload.suggestedFilename()).toMatch(/\.pdf$/);
    const pdf = await kaluga.context().request.get(`${site.baseUrl}${await pdfLink.getAttribute('href')}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 4).toString('latin1')).toBe('%PDF');

    // the French participant's agenda names the meetings in French, with the figures of the event
    await limousin.goto(`${site.baseUrl}/events/${slug}/agenda`);
    await limousin.getByRole('heading', { name: 'Mon programme', level: 1 }).waitFor();
    await expect.poll(() => limousin.locator('.agenda-meeting').count()).toBe(2);
    await limousin.goto(`${site.baseUrl}/events/${slug}/meetings`);
    await limousin.getByRole('heading', { name: 'Les rendez-vous de l’événement' }).waitFor();

    for (const p of [organiser, phoneOrganiser, limousin, kaluga]) await p.context().close();
  });
});
