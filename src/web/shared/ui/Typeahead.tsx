import { MultiSelect, Select, type ComboboxItem, type ComboboxParsedItem, type MultiSelectProps, type SelectProps } from '@mantine/core';
import '@mantine/core/styles/CloseButton.css';
import '@mantine/core/styles/Combobox.css';
import '@mantine/core/styles/Input.css';
import '@mantine/core/styles/Pill.css';
import '@mantine/core/styles/PillsInput.css';
import '@mantine/core/styles/Popover.css';
import { foldText } from '../../../shared/classification-codes';
import { useI18n } from '../i18n/I18nProvider';

/** Every word typed appears in the choice's label, accents and case aside ("lim" finds "Limousin"). */
function foldFilter({ options, search }: { options: ComboboxParsedItem[]; search: string }): ComboboxParsedItem[] {
  const words = foldText(search).split(/\s+/).filter(Boolean);
  const keep = (item: ComboboxItem) => words.every((w) => foldText(item.label).includes(w));
  return options.flatMap((o): ComboboxParsedItem[] => {
    if (!('group' in o)) return keep(o) ? [o] : [];
    const items = o.items.filter(keep);
    return items.length ? [{ ...o, items }] : [];
  });
}

// no scrolling box inside the list: axe wants one focusable, and a focusable box is not allowed inside a
// listbox; the lists are short (regions) or limited (the first NACE classes matching what is typed)
// Enter picks the first match, as one expects when typing narrowed the list to the choice one wants
const common = {
  searchable: true,
  filter: foldFilter,
  withScrollArea: false,
  selectFirstOptionOnChange: true,
  comboboxProps: { shadow: 'md' },
} as const;

/** A select one can type into to find a choice among many (a region). */
export function TypeaheadSelect(props: SelectProps) {
  const { t } = useI18n();
  return <Select {...common} nothingFoundMessage={t('codeInput.noMatch')} allowDeselect={false} {...props} />;
}

/** Several choices among many, found by typing (regions, NACE classes); each shows as a chip. */
export function TypeaheadMultiSelect(props: MultiSelectProps) {
  const { t } = useI18n();
  return <MultiSelect {...common} nothingFoundMessage={t('codeInput.noMatch')} hidePickedOptions={false} {...props} />;
}
