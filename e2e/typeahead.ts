/// <reference lib="dom" />
import type { Locator, Page } from 'playwright-core';

/** A type-ahead select's input (Mantine's Select or MultiSelect), by its label. */
export const typeahead = (page: Page, label: string) => page.getByRole('textbox', { name: label, exact: true });

/**
 * Clicks a choice of the opened list once the list holds still. As typing narrows the list, it is drawn
 * again, and on a busy machine a click aimed at the choice can land where it was a moment before: when the
 * select's `input` still shows what was typed afterwards (a picked choice replaces it), the click is tried
 * again, as a user would.
 */
export async function clickOption(page: Page, choice: string | RegExp, input?: Locator) {
  const option = page.getByRole('option', { name: choice }).first();
  await option.waitFor();
  const listbox = page.getByRole('listbox');
  const place = async () => JSON.stringify([await option.boundingBox(), await listbox.locator('[role=option]').count()]);
  let last = await place();
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(60);
    const now = await place();
    if (now === last) break;
    last = now;
  }
  const typed = input ? await input.inputValue() : undefined;
  await option.click();
  for (let attempt = 0; input && attempt < 3; attempt++) {
    await page.waitForTimeout(150);
    if ((await input.inputValue()) !== typed || !(await option.isVisible())) break;
    await option.click();
  }
}

/** Types into a type-ahead select and picks the choice whose text matches. */
export async function pick(page: Page, label: string, typed: string, choice: string | RegExp) {
  const input = typeahead(page, label);
  await input.click();
  await input.fill(typed);
  await clickOption(page, choice, input);
}

/** A type-ahead select's choices, each with its group's name, read from its opened list (after typing, when given). */
export async function typeaheadChoices(page: Page, label: string, typed?: string): Promise<{ text: string; group: string }[]> {
  await typeahead(page, label).click();
  if (typed !== undefined) await typeahead(page, label).fill(typed);
  const listbox = page.getByRole('listbox');
  await listbox.locator('[role=option]').first().waitFor();
  const read = () =>
    listbox.evaluate((list) =>
      Array.from(list.querySelectorAll('[role=option]')).map((o) => ({
        text: (o.textContent ?? '').trim(),
        // a group is its label followed by its options
        group: o.parentElement?.querySelector(':scope > [class*="groupLabel"]')?.textContent ?? '',
      })),
    );
  // what was typed narrows the list at the next render: the choices are read once they hold still
  let found = await read();
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(50);
    const again = await read();
    if (JSON.stringify(again) === JSON.stringify(found)) break;
    found = again;
  }
  // emptied first, then closed: emptying reopens the list, which would be left open for the next step
  if (typed !== undefined) await typeahead(page, label).fill('');
  await page.keyboard.press('Escape');
  return found;
}
