/// <reference lib="dom" />
import type { Page } from 'playwright-core';

/** A type-ahead select's input (Mantine's Select or MultiSelect), by its label. */
export const typeahead = (page: Page, label: string) => page.getByRole('textbox', { name: label, exact: true });

/** Types into a type-ahead select and picks the choice whose text matches. */
export async function pick(page: Page, label: string, typed: string, choice: string | RegExp) {
  const input = typeahead(page, label);
  await input.click();
  await input.fill(typed);
  await page.getByRole('option', { name: choice }).first().click();
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
  await page.keyboard.press('Escape');
  if (typed !== undefined) await typeahead(page, label).fill('');
  return found;
}
