/// <reference lib="dom" />
// page.evaluate callbacks run in the browser
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE } from './browser.js';
import { IATE_ADMIN, IATE_EDITOR } from './registry-helpers.js';
import { useSite } from './site.js';
import { pick, typeahead } from './typeahead.js';

/**
 * The events' pages: in French, an organiser creates a round table in Obninsk (Europe/Moscow) with a
 * programme, a delegation and one place for visitors, and publishes it; a member registers in Russian on a
 * phone and gets the place, the next one is put on the waiting list; the organiser checks the first in by
 * name at the door. And the founding round table of the demo data says "18 avril", with no year.
 */
const site = useSite();

const MEMBER = 'iate.member@demo.clusterbridge.test';
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
/** A day next year: the event is ahead, whenever the test runs. */
const nextYear = new Date().getUTCFullYear() + 1;

describe('events', () => {
  it('carries a round table from its French editor to a Russian registration on a phone, the waiting list and check-in', async () => {
    const title = 'Table ronde sur les matériaux pour le nucléaire';
    const organiser = await site.open('/events/new', { locale: 'fr-FR', viewport: DESKTOP, email: IATE_ADMIN });
    await organiser.getByRole('heading', { name: 'Nouvel événement' }).waitFor();
    await organiser.getByLabel('Type', { exact: true }).selectOption({ label: 'Table ronde' });
    await organiser.getByLabel('Écrit en').selectOption({ label: 'français' });
    await organiser.getByLabel('Titre (fr)').fill(title);
    // the zones' field opens once their list has arrived
    await expect.poll(() => typeahead(organiser, 'Fuseau horaire').isEnabled()).toBe(true);
    await pick(organiser, 'Fuseau horaire', 'Moscow', /^Europe\/Moscow/);
    await organiser.getByLabel('Début', { exact: true }).fill(`${nextYear}-04-18T10:00`);
    await organiser.getByLabel('Fin', { exact: true }).fill(`${nextYear}-04-18T18:00`);
    await organiser.getByLabel('Nom du lieu').fill('Maison des scientifiques d’Obninsk');
    await pick(organiser, 'Région', 'Kalou', /RU-KLU/);
    // the organiser's one organisation organises it
    await expect.poll(() => organiser.locator('.organisers input[type=checkbox]').first().isChecked()).toBe(true);
    await organiser.getByRole('button', { name: 'Créer le brouillon' }).click();
    await organiser.waitForURL(/\/events\/[^/]+\/edit$/);
    const slug = new URL(organiser.url()).pathname.split('/')[2]!;

    // the programme: a session at the venue's time
    await organiser.getByRole('button', { name: 'Ajouter une séance' }).click();
    const session = organiser.getByRole('form', { name: 'Nouvelle séance' });
    await session.getByLabel('Titre (fr)').fill('Ouverture et présentation des régions');
    await session.getByLabel('Début', { exact: true }).fill(`${nextYear}-04-18T10:00`);
    await session.getByLabel('Fin', { exact: true }).fill(`${nextYear}-04-18T11:30`);
    await session.getByLabel('Salle').fill('Grande salle');
    await session.getByRole('button', { name: 'Enregistrer la séance' }).click();
    await organiser.locator('#programme .session-title', { hasText: 'Ouverture et présentation des régions' }).waitFor();

    // the delegation from Limousin, led by the vice-president of its regional council
    await organiser.getByRole('button', { name: 'Ajouter une délégation' }).click();
    const delegation = organiser.getByRole('form', { name: 'Délégation' });
    await delegation.getByLabel('Nom de la délégation (fr)').fill('Délégation de la Nouvelle-Aquitaine');
    await pick(organiser, 'Région d’origine de la délégation', 'Nouvelle', /\(FR-NAQ\)/);
    await expect.poll(() => typeahead(organiser, 'Région d’origine de la délégation').inputValue()).toMatch(/FR-NAQ/);
    await delegation.getByLabel('Fonction').first().fill('Vice-président du conseil régional');
    await delegation.getByRole('button', { name: 'Enregistrer la délégation' }).click();
    await organiser.locator('#delegations .members-list', { hasText: 'Vice-président du conseil régional' }).waitFor();

    // one place for visitors
    await organiser.getByRole('button', { name: 'Ajouter un type de participation' }).click();
    const type = organiser.getByRole('form', { name: 'Type de participation' });
    await type.getByLabel('Type de participation').selectOption({ label: 'Visiteur' });
    await type.getByLabel('Nom (fr)').fill('Visiteur');
    await type.getByLabel('Capacité').fill('1');
    await type.getByRole('button', { name: 'Enregistrer le type de participation' }).click();
    await organiser.locator('#participation-types', { hasText: '0 confirmé sur 1' }).waitFor();

    await organiser.getByRole('button', { name: 'Publier' }).click();
    await organiser.getByText('Publié\u00a0: tout le monde voit l’événement.').waitFor();

    // a member registers in Russian, on a phone
    const member = await site.open(`/events/${slug}`, { locale: 'ru-RU', viewport: PHONE, email: MEMBER });
    await member.getByRole('heading', { name: title }).waitFor();
    // the time at the venue, and the reader's own (the browser runs in UTC)
    await member.locator('.event-facts', { hasText: '10:00' }).waitFor();
    await member.locator('.event-facts .your-time', { hasText: '07:00 по вашему времени' }).first().waitFor();
    await member.locator('.programme .session-title', { hasText: 'Ouverture' }).waitFor();
    await member.locator('.delegations', { hasText: 'Глава делегации' }).waitFor();
    await member.getByRole('radio', { name: /Visiteur/ }).check();
    await member.getByRole('button', { name: 'Зарегистрироваться' }).click();
    await member.locator('.my-registration .badge', { hasText: 'Подтверждена' }).waitFor();
    expect(await overflow(member)).toBeLessThanOrEqual(0);

    // the place is taken: the next registrant waits
    const next = await site.open(`/events/${slug}`, { locale: 'ru-RU', viewport: PHONE, email: IATE_EDITOR });
    await next.getByRole('radio', { name: /Visiteur/ }).check();
    await next.getByRole('button', { name: 'Зарегистрироваться' }).click();
    await next.locator('.my-registration .badge', { hasText: 'В листе ожидания, место 1' }).waitFor();

    // at the door, on the organiser's phone: found by name, checked in
    const door = await site.open(`/events/${slug}/check-in`, { locale: 'fr-FR', viewport: PHONE, email: IATE_ADMIN });
    await door.getByLabel('Nom', { exact: true }).fill('Member');
    await door.getByRole('button', { name: 'Enregistrer l’arrivée de Member of IATE' }).click();
    await door.getByRole('status').filter({ hasText: 'Arrivée de Member of IATE enregistrée' }).waitFor();
    await door.locator('.check-in-person .checked-in').waitFor();
    expect(await overflow(door)).toBeLessThanOrEqual(0);

    // the attendees' list counts them
    await door.goto(`${site.baseUrl}/events/${slug}/attendees`);
    await door.locator('.type-counts', { hasText: '1 confirmé sur 1' }).waitFor();
    await door.locator('.type-counts', { hasText: '1 sur liste d’attente' }).waitFor();
    await Promise.all([organiser, member, next, door].map((p) => p.context().close()));
  }, 240_000);

  it('shows the founding round table on 18 April with no year, as its source knows it', async () => {
    const list = (await (await fetch(`${site.baseUrl}/api/v1/events?pageSize=50`)).json()) as {
      items: { slug: string; knownDate: string | null }[];
    };
    const founding = list.items.find((e) => e.knownDate === '--04-18');
    expect(founding, JSON.stringify(list.items)).toBeDefined();
    const page = await site.open(`/events/${founding!.slug}`, { locale: 'fr-FR', viewport: PHONE });
    const when = page.locator('.event-facts .event-when');
    await when.waitFor();
    expect((await when.innerText()).trim()).toBe('18 avril');
    await page.locator('.delegations .head').first().waitFor();
    await page.locator('.attendance .reported', { hasText: 'Environ 35 participants' }).waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.context().close();
  });
});
