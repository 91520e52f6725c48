/// <reference lib="dom" />
// page.evaluate callbacks run in the browser
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PHONE, seriousA11yViolations } from './browser.js';
import { useSite } from './site.js';

// the founding case, and synthetic records among its organisations (all of them across the two sides)
const site = useSite({
  prepare: [
    ['seed'],
    ['generate', '--organisations', '0', '--agreements', '60', '--initiatives', '20', '--residencies', '5', '--seed', '3'],
  ],
});

async function timelineOf(page: Page, heading: string) {
  const section = page.locator('section.timeline', { has: page.getByRole('heading', { name: heading, level: 2 }) });
  await section.locator('.timeline-entry').first().waitFor({ timeout: 15_000 });
  return section;
}

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('the timeline', () => {
  it('shows the partnership’s records under year and month headings on a phone, a year-only one without a day', async () => {
    const page = await site.open('/', { locale: 'fr-FR', viewport: PHONE });
    const timeline = await timelineOf(page, 'Chronologie du partenariat');
    expect(await timeline.locator('.timeline-year > h3').count()).toBeGreaterThan(0);
    // a record known to its year only sits under the year's heading, outside every month, and says so
    const yearOnly = timeline.locator('.timeline-year > .timeline-entries > .timeline-entry');
    expect(await yearOnly.count()).toBeGreaterThan(0);
    const year = await yearOnly.first().locator('xpath=ancestor::li[contains(@class,"timeline-year")]/h3').innerText();
    expect(await yearOnly.first().locator('.timeline-date').innerText()).toBe(`en ${year}`);
    // days carry their day and month, under their month's heading
    const day = timeline.locator('.timeline-month time.timeline-date').first();
    expect(await day.innerText()).toMatch(/^\d{1,2} \p{L}+$/u);
    expect(await overflow(page)).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('loads more, filters by kind, and links to the record’s page', async () => {
    const page = await site.open('/', { locale: 'en-GB' });
    const timeline = await timelineOf(page, 'Timeline of the partnership');
    const entries = timeline.locator('.timeline-entry');
    expect(await entries.count()).toBe(20);
    await timeline.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => entries.count()).toBe(40);

    await timeline.getByRole('checkbox', { name: 'Residency' }).check();
    // the residencies readable by a visitor (a few synthetic records are unpublished)
    await expect
      .poll(async () => (await timeline.locator('.timeline-kind').allInnerTexts()).every((b) => b.includes('Residency')))
      .toBe(true);
    expect(await entries.count()).toBeGreaterThan(0);
    expect(await entries.count()).toBeLessThanOrEqual(5);
    const badges = await timeline.locator('.timeline-entry .timeline-kind').allInnerTexts();
    expect(badges.every((b) => b.includes('Residency'))).toBe(true);
    expect(await entries.first().locator('a').first().getAttribute('href')).toMatch(
      /^\/cooperation\/residencies\/synthetic-residency-3-\d+$/,
    );
    expect(await timeline.getByRole('button', { name: 'Load more' }).count()).toBe(0);

    // a period that ends before it starts is refused, in the reader's words
    await timeline.getByRole('checkbox', { name: 'Residency' }).uncheck();
    await timeline.getByRole('textbox', { name: 'From', exact: true }).fill('2020');
    await timeline.getByRole('textbox', { name: 'To', exact: true }).fill('2010');
    await expect.poll(() => timeline.getByRole('alert').innerText()).toMatch(/end is before the start/);
  });

  it('shows the organisation’s timeline on its page', async () => {
    const page = await site.open('/organisations/airko', { locale: 'ru-RU', viewport: PHONE });
    const timeline = await timelineOf(page, 'Хронология');
    expect(await timeline.locator('.timeline-entry').count()).toBeGreaterThan(0);
    expect(await overflow(page)).toBe(0);
  });
});
