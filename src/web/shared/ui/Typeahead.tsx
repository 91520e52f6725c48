import { MultiSelect, Select, type ComboboxItem, type ComboboxParsedItem, type MultiSelectProps, type SelectProps } from '@mantine/core';
import '@mantine/core/styles/CloseButton.css';
import '@mantine/core/styles/Combobox.css';
import '@mantine/core/styles/Input.css';
import '@mantine/core/styles/Pill.css';
import '@mantine/core/styles/PillsInput.css';
import '@mantine/core/styles/Popover.css';
import { foldText } from '../../../shared/classification-codes';
import { useI18n } from '../i18n/I18nProvider';

/** A choice's words to search, folded, when they are more than its label (a region's names in every language). */
type SearchText = (value: string) => string | undefined;

/**
 * Every word typed appears in the choice's label or its search text, accents and case aside ("lim" finds
 * "Limousin", "бавария" finds "Bavaria (DE-BY)"); at most `limit` choices, the first ones.
 */
function foldFilter(searchText?: SearchText) {
  return ({ options, search, limit }: { options: ComboboxParsedItem[]; search: string; limit: number }): ComboboxParsedItem[] => {
    const words = foldText(search).split(/\s+/).filter(Boolean);
    let left = limit;
    const keep = (item: ComboboxItem) => {
      if (left <= 0) return false;
      const text = searchText?.(item.value) ?? foldText(item.label);
      const kept = words.every((w) => text.includes(w));
      if (kept) left--;
      return kept;
    };
    return options.flatMap((o): ComboboxParsedItem[] => {
      if (!('group' in o)) return keep(o) ? [o] : [];
      const items = o.items.filter(keep);
      return items.length ? [{ ...o, items }] : [];
    });
  };
}

// no scrolling box inside the list: axe wants one focusable, and a focusable box is not allowed inside a
// listbox; the lists are short or limited (the first regions or NACE classes matching what is typed)
// Enter picks the first match, as one expects when typing narrowed the list to the choice one wants
const common = {
  searchable: true,
  withScrollArea: false,
  selectFirstOptionOnChange: true,
  comboboxProps: { shadow: 'md' },
} as const;

/** A select one can type into to find a choice among many (a region). */
export function TypeaheadSelect({ searchText, onFocus, ...props }: SelectProps & { searchText?: SearchText }) {
  const { t } = useI18n();
  return (
    <Select
      {...common}
      filter={foldFilter(searchText)}
      nothingFoundMessage={t('codeInput.noMatch')}
      allowDeselect={false}
      // the chosen label is selected on focus, so that what one types replaces it rather than being added to it
      onFocus={(event) => {
        event.currentTarget.select();
        onFocus?.(event);
      }}
      {...props}
    />
  );
}

/** Several choices among many, found by typing (regions, NACE classes); each shows as a chip. */
export function TypeaheadMultiSelect({ searchText, ...props }: MultiSelectProps & { searchText?: SearchText }) {
  const { t } = useI18n();
  return (
    <MultiSelect
      {...common}
      filter={foldFilter(searchText)}
      nothingFoundMessage={t('codeInput.noMatch')}
      hidePickedOptions={false}
      {...props}
    />
  );
}
