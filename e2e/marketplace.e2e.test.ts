/// <reference lib="dom" />
// page.evaluate callbacks run in the browser
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, seriousA11yViolations } from './browser.js';
import { apiAs, IATE_ADMIN, KALUGA, LIMOUSIN, type ApiSession } from './registry-helpers.js';
import { readOutbox } from '../src/test/outbox.js';
import { useSite } from './site.js';

/**
 * The marketplace's "done when": a Kaluga organisation publishes a technology request in Russian, a
 * Kaluga coordinator publishes it from the review queue, a Limousin organisation finds it from a French
 * query and expresses interest, the owner accepts, both answer in the thread, the contact is marked as
 * having led to a new agreement (in the registry and the counts); a member follows an offer and saves a search,
 * and gets the digest of what it finds.
 */
const site = useSite();

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const inAYear = () => new Date(Date.now() + 300 * 86_400_000).toISOString().slice(0, 10);

/** The marketplace search answers once its index has caught up with the publication (a hook cannot poll). */
async function searchFinds(q: string, slug: string, lang = 'fr') {
  for (let attempt = 0; attempt < 60; attempt++) {
    const response = await fetch(`${site.baseUrl}/api/v1/offers?q=${encodeURIComponent(q)}&lang=${lang}`);
    if (response.ok && ((await response.json()) as { items: { slug: string }[] }).items.some((o) => o.slug === slug)) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the marketplace does not find ${slug} by «${q}»`);
}

/** An offer written, submitted and published through the API (the pages' walk is the test below). */
async function publishedOffer(owner: ApiSession, coordinator: ApiSession, body: Record<string, unknown>): Promise<string> {
  const created = await owner.request.post(`${site.baseUrl}/api/v1/offers`, {
    headers: owner.headers,
    data: {
      organisation: 'iate-mephi',
      kind: 'technology_offer',
      summary: null,
      description: null,
      areas: [],
      nace: [],
      productCodes: [],
      trl: 6,
      developmentStage: null,
      ipStatus: null,
      partnershipKinds: ['licensing'],
      partnerKinds: [],
      partnerSizes: [],
      partnerRole: null,
      targetRegions: [],
      deadline: null,
      expiresOn: inAYear(),
      anonymous: false,
      ...body,
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const offer = (await created.json()) as { slug: string; version: number };
  const submitted = await owner.request.post(`${site.baseUrl}/api/v1/offers/${offer.slug}/stage`, {
    headers: { ...owner.headers, 'if-match': `"${offer.version}"` },
    data: { to: 'submitted' },
  });
  expect(submitted.status(), await submitted.text()).toBe(200);
  const published = await coordinator.request.post(`${site.baseUrl}/api/v1/offers/${offer.slug}/stage`, {
    headers: { ...coordinator.headers, 'if-match': `"${(await submitted.json()).version}"` },
    data: { to: 'published' },
  });
  expect(published.status(), await published.text()).toBe(200);
  return offer.slug;
}

describe('the marketplace', () => {
  it('carries a Russian technology request to a French partner, a thread, an agreement and the counts', async () => {
    const title = 'Керамические мембранные фильтры для очистки воды';
    // the owner writes the request in Russian, in the editor
    const owner = await site.open('/my/offers/new', { locale: 'ru-RU', viewport: DESKTOP, email: IATE_ADMIN });
    await owner.getByRole('heading', { name: 'Новое предложение или запрос' }).waitFor();
    await owner.getByLabel('Вид', { exact: true }).selectOption({ label: 'Технологический запрос' });
    await owner.getByLabel('Название (ru)').fill(title);
    await owner.getByLabel('Кратко (ru)').fill('Ищем технологию керамических фильтров для очистки воды на предприятиях Обнинска.');
    await owner.getByLabel('Уровень готовности технологии').selectOption({ label: 'УГТ 5' });
    await owner.getByRole('checkbox', { name: 'Лицензионное соглашение' }).check();
    // the preview says how matching reads the Russian words
    await owner.locator('.tagging-preview dl, .tagging-preview .muted').first().waitFor();
    await owner.getByRole('button', { name: 'Отправить на проверку' }).click();
    await owner.waitForURL(/\/marketplace\/[^/]+$/);
    const offerPath = new URL(owner.url()).pathname;
    const slug = offerPath.split('/').pop()!;
    await owner.locator('.offer-stage', { hasText: 'На проверке' }).first().waitFor();
    expect(await owner.title()).toContain(title);

    // a coordinator of Kaluga publishes it from the review queue
    const coordinator = await site.open('/review/offers', { locale: 'ru-RU', viewport: DESKTOP, email: KALUGA });
    await coordinator.getByRole('link', { name: title }).click();
    await coordinator.getByRole('button', { name: 'Опубликовать' }).click();
    await coordinator.locator('.offer-stage', { hasText: 'Опубликовано' }).first().waitFor();
    expect(await seriousA11yViolations(coordinator)).toEqual([]);

    // a Limousin organisation finds it from French words and expresses interest
    await searchFinds('filtres céramiques', slug);
    const partner = await site.open('/marketplace', { locale: 'fr-FR', viewport: DESKTOP, email: LIMOUSIN });
    await partner.getByLabel('Chercher des offres et des demandes').fill('filtres céramiques');
    await partner.getByRole('button', { name: 'Rechercher' }).click();
    const card = partner.locator('.offer-card', { hasText: title });
    await card.waitFor();
    // a Russian title is shown with its language marked for a French reader
    expect(await card.locator('abbr.fallback-marker').first().innerText()).toBe('RU');
    expect(await card.locator('.why').innerText()).toMatch(/^Pourquoi\u00a0:/);
    expect(await seriousA11yViolations(partner)).toEqual([]);
    await card.getByRole('link', { name: title }).click();
    await partner
      .getByLabel('Message', { exact: true })
      .fill('Bonjour, nous avons des partenaires qui fabriquent des membranes céramiques.');
    await partner.getByLabel('Qu’offrez-vous\u00a0?').fill('Une technologie de filtration céramique éprouvée.');
    await partner.getByLabel('Qu’attendez-vous\u00a0?').fill('Un accord de licence.');
    await partner.getByLabel('Quel est votre calendrier\u00a0?').fill('Six mois.');
    await partner.getByRole('button', { name: 'Manifester mon intérêt' }).click();
    await partner.getByText('Votre manifestation d’intérêt est envoyée.', { exact: false }).waitFor();

    // the owner accepts it and answers in the thread
    await owner.goto(`${site.baseUrl}${offerPath}`);
    const received = owner.locator('.interest-item').first();
    await received.getByRole('button', { name: 'Принять' }).click();
    await received.locator('.badge', { hasText: 'Принято' }).waitFor();
    await received.getByRole('link', { name: 'Открыть переписку' }).click();
    await owner.waitForURL(/\/messages\/[0-9a-f-]{36}$/);
    const threadPath = new URL(owner.url()).pathname;
    await owner.getByLabel('Ваш ответ').fill('Здравствуйте! Давайте обсудим лицензию.');
    await owner.getByRole('button', { name: 'Отправить ответ' }).click();
    await expect.poll(() => owner.locator('.thread-body').allInnerTexts()).toContain('Здравствуйте! Давайте обсудим лицензию.');

    // the partner sees the acceptance on its page of interests, and answers in the same thread
    await partner.goto(`${site.baseUrl}/my/interests`);
    const sent = partner.locator('.interest-item', { hasText: title });
    await sent.locator('.badge', { hasText: 'Acceptée' }).waitFor();
    await sent.getByRole('link', { name: 'Ouvrir la conversation' }).click();
    await partner.waitForURL((url) => url.pathname === threadPath);
    await partner.getByLabel('Votre réponse').fill('Très bien, envoyons un projet de licence.');
    await partner.getByRole('button', { name: 'Envoyer la réponse' }).click();
    await expect.poll(() => partner.locator('.thread-body').allInnerTexts()).toHaveLength(3);

    // the owner records that the contact led to a new agreement, which the registry shows
    await owner.goto(`${site.baseUrl}${offerPath}`);
    const accepted = owner.locator('.interest-item').first();
    await accepted.getByLabel('Соглашение', { exact: true }).selectOption({ label: 'Новое соглашение' });
    await accepted.getByLabel('Название нового соглашения').fill('Лицензия на керамические фильтры');
    await accepted.getByRole('button', { name: 'Записать соглашение' }).click();
    await accepted.getByRole('link', { name: 'Лицензия на керамические фильтры' }).click();
    await owner.waitForURL(/\/cooperation\/agreements\/[^/]+$/);
    await owner.getByRole('heading', { name: 'Лицензия на керамические фильтры' }).waitFor();

    // and the counts show the contact and the agreement
    const counts = await site.open('/marketplace/outcomes', { locale: 'en-GB', viewport: DESKTOP });
    await expect.poll(() => counts.locator('.outcome-total').innerText()).toBe('Contacts: 1 → agreements: 1');
    expect(await seriousA11yViolations(counts)).toEqual([]);

    for (const p of [owner, coordinator, partner, counts]) await p.context().close();
  });

  it('lets a member follow an offer and save a search for a daily digest, listed with its frequency', async () => {
    const owner = await apiAs(site, IATE_ADMIN);
    const coordinator = await apiAs(site, KALUGA);
    const first = await publishedOffer(owner, coordinator, { title: { original: 'en', en: 'Radiation-hard sensors for reactors' } });
    // the follower follows it from its page, on a phone, in French
    const follower = await site.open(`/marketplace/${first}`, { locale: 'fr-FR', viewport: PHONE, email: LIMOUSIN });
    await follower.getByRole('button', { name: 'Suivre' }).click();
    await follower.getByRole('button', { name: 'Suivie' }).waitFor();
    expect(await follower.getByRole('button', { name: 'Suivie' }).getAttribute('aria-pressed')).toBe('true');
    const follows = await follower.evaluate(
      async () => (await (await fetch('/api/v1/my/follows')).json()) as { items: { offer: { slug: string } }[] },
    );
    expect(follows.items.map((f) => f.offer.slug)).toContain(first);
    // and saves a search, daily
    await follower.goto(`${site.baseUrl}/marketplace?q=capteurs`);
    await follower.getByLabel('Nom de la recherche').fill('Capteurs');
    await follower.getByLabel('Résumé', { exact: true }).selectOption('daily');
    await follower.getByRole('button', { name: 'Enregistrer cette recherche' }).click();
    await follower.getByText('Recherche enregistrée', { exact: false }).waitFor();
    await follower.goto(`${site.baseUrl}/my/saved-searches`);
    const saved = follower.locator('.saved-search', { hasText: 'Capteurs' });
    await saved.waitFor();
    // what it asks, and the offer followed, listed beside it
    expect(await saved.locator('.meta').first().innerText()).toBe('«\u00a0capteurs\u00a0»');
    const followed = follower.getByRole('region', { name: 'Offres que je suis' });
    await followed.getByRole('heading', { name: 'Radiation-hard sensors for reactors' }).waitFor();
    expect(await saved.getByLabel('Résumé').inputValue()).toBe('daily');
    // the frequency changes from the list, over the version shown
    await saved.getByLabel('Résumé').selectOption('weekly');
    await expect
      .poll(
        async () =>
          (
            await follower.evaluate(
              async () => (await (await fetch('/api/v1/my/saved-searches')).json()) as { items: { frequency: string }[] },
            )
          ).items[0]?.frequency,
      )
      .toBe('weekly');
    expect(await overflow(follower)).toBeLessThanOrEqual(0);
    expect(await seriousA11yViolations(follower)).toEqual([]);
    await follower.context().close();
  });

  it('e-mails a member whose saved search finds a new offer the digest, in French, when an administrator sends the digests now', async () => {
    const owner = await apiAs(site, IATE_ADMIN);
    const coordinator = await apiAs(site, KALUGA);
    const member = await site.open('/marketplace?q=dosim%C3%A8tres', { locale: 'fr-FR', viewport: DESKTOP, email: LIMOUSIN });
    await member.getByLabel('Nom de la recherche').fill('Dosimètres');
    await member.getByLabel('Résumé', { exact: true }).selectOption('daily');
    await member.getByRole('button', { name: 'Enregistrer cette recherche' }).click();
    await member.getByText('Recherche enregistrée', { exact: false }).waitFor();
    await member.context().close();
    // published after the search was saved: the next digest's news
    const slug = await publishedOffer(owner, coordinator, {
      title: { original: 'fr', fr: 'Dosimètres individuels pour les centrales nucléaires' },
    });
    await searchFinds('dosimètres', slug);
    const admin = await apiAs(site, 'admin@demo.clusterbridge.test');
    const sent = await admin.request.post(`${site.baseUrl}/api/v1/admin/jobs/digests`, {
      headers: admin.headers,
      data: { frequency: 'daily' },
    });
    expect(sent.status(), await sent.text()).toBe(202);
    const digest = () =>
      readOutbox(site.platform.outboxDir).find((m) => m.to.toLowerCase() === LIMOUSIN && m.subject.includes('Dosimètres'));
    await expect.poll(() => digest()?.subject, { timeout: 20_000 }).toBe('1 nouvelle offre pour «\u00a0Dosimètres\u00a0»');
    expect(digest()!.text).toContain(`/marketplace/${slug}`);
    expect(digest()!.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
  });

  it('names no owner of an anonymous offer, on its page and in the search', async () => {
    const owner = await apiAs(site, IATE_ADMIN);
    const coordinator = await apiAs(site, KALUGA);
    const slug = await publishedOffer(owner, coordinator, {
      title: { original: 'fr', fr: 'Procédé discret de frittage de céramiques' },
      anonymous: true,
    });
    await searchFinds('frittage', slug);
    const traces = ['IATE', 'ИАТЭ', 'iate-mephi', 'МИФИ', 'MEPhI', 'Администратор ИАТЭ'];
    for (const [locale, anonymous] of [
      ['fr-FR', 'Organisation anonyme'],
      ['ru-RU', 'Анонимная организация'],
      ['en-GB', 'Anonymous organisation'],
    ] as const) {
      const reader = await site.open(`/marketplace?q=frittage`, { locale, viewport: PHONE, email: LIMOUSIN });
      const card = reader.locator('.offer-card', { hasText: 'frittage' });
      await card.waitFor();
      expect(await card.locator('.anonymous-owner').innerText()).toContain(anonymous);
      await card.getByRole('link').first().click();
      await reader.locator('.offer-page .anonymous-owner').waitFor();
      const shown = `${await reader.title()} ${await reader.content()}`;
      for (const trace of traces) expect(shown, `${locale}: ${trace}`).not.toContain(trace);
      expect(await seriousA11yViolations(reader)).toEqual([]);
      await reader.context().close();
    }
  });

  it('fits the marketplace and the editor on a 390 px phone in French, and passes the accessibility checks', async () => {
    const page = await site.open('/marketplace', { locale: 'fr-FR', viewport: PHONE, email: IATE_ADMIN });
    await page.getByRole('heading', { name: 'Offres et demandes de coopération' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.goto(`${site.baseUrl}/my/offers/new`);
    await page.getByLabel('Titre (fr)').fill('Capteurs de rayonnement pour réacteurs de recherche');
    await page.getByLabel('Titre (ru)').fill('Радиационно-стойкие датчики');
    await page.getByText('Comment la mise en relation la voit').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    // a refusal is shown on its field, in French: an expiry in the past
    await page.getByLabel('Expire le').fill('2020-01-01');
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await page.locator('#offer-expires-error').waitFor();
    expect(await page.locator('#offer-expires').getAttribute('aria-invalid')).toBe('true');
    for (const path of ['/my/offers', '/my/interests', '/my/saved-searches']) {
      await page.goto(`${site.baseUrl}${path}`);
      await page.locator('h1').waitFor();
      await page.waitForLoadState('networkidle');
      expect(await overflow(page), path).toBeLessThanOrEqual(0);
      expect(await seriousA11yViolations(page), path).toEqual([]);
    }
    await page.context().close();
  });

  it.each(['ru-RU', 'en-GB'])('passes the accessibility checks in %s', async (locale) => {
    const page = await site.open('/marketplace', { locale, viewport: DESKTOP, email: KALUGA });
    await page.locator('h1').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await seriousA11yViolations(page)).toEqual([]);
    for (const path of ['/review/offers', '/my/offers/new', '/marketplace/outcomes']) {
      await page.goto(`${site.baseUrl}${path}`);
      await page.locator('h1').waitFor();
      await page.waitForLoadState('networkidle');
      expect(await seriousA11yViolations(page), path).toEqual([]);
    }
    await page.context().close();
  });
});
