import { Combobox, Pill, PillsInput, useCombobox } from '@mantine/core';
import '@mantine/core/styles/Combobox.css';
import '@mantine/core/styles/Input.css';
import '@mantine/core/styles/Pill.css';
import '@mantine/core/styles/PillsInput.css';
import '@mantine/core/styles/Popover.css';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider';

export interface ChipsFieldProps {
  id: string;
  label: string;
  description: string;
  placeholder: string;
  /** The codes as typed or picked, each a chip. */
  value: string[];
  onChange(codes: string[]): void;
  /** Adds codes that are not there yet (the caller says when two are the same). */
  add(codes: string[]): void;
  /** What ends a code being typed. */
  separators: RegExp;
  /** A typed or pasted text read as codes; a paste holding `pasteSeparators` is read so, else typed. */
  split(text: string): string[];
  pasteSeparators: RegExp;
  search: string;
  onSearch(text: string): void;
  /** Each chip's state (a class: resolved, pending, unknown…) and text. */
  chip(input: string, index: number): { className: string; content: ReactNode };
  options: { value: string; key: string; content: ReactNode }[];
  dropdownHidden: boolean;
}

/**
 * Codes as chips with a type-ahead (activity codes, product codes): what comes before a separator is a
 * finished code, a pasted list is split, Enter takes what is typed or the highlighted choice, Backspace
 * in an empty field removes the last chip.
 */
export function ChipsField(props: ChipsFieldProps) {
  const { id, label, description, placeholder, value, onChange, add, separators, split, pasteSeparators, search, onSearch } = props;
  const { t } = useI18n();
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const typed = (text: string) => {
    const parts = text.split(separators);
    const rest = parts.pop() ?? '';
    add(parts.filter(Boolean));
    onSearch(rest);
    combobox.openDropdown();
    combobox.updateSelectedOptionIndex();
    // the first match is the one Enter picks
    setTimeout(() => (rest ? combobox.selectFirstOption() : combobox.resetSelectedOption()));
  };
  const commit = () => {
    add(split(search));
    onSearch('');
  };

  return (
    <Combobox store={combobox} onOptionSubmit={(code) => (add([code]), onSearch(''), combobox.closeDropdown())} withinPortal={false}>
      <Combobox.DropdownTarget>
        <PillsInput id={id} label={label} description={description} className="code-input" onClick={() => combobox.openDropdown()}>
          <Pill.Group>
            {value.map((input, i) => {
              const chip = props.chip(input, i);
              return (
                <Pill
                  key={`${input}-${i}`}
                  withRemoveButton
                  className={chip.className}
                  removeButtonProps={{ 'aria-label': t('codeInput.remove', { code: input }) }}
                  onRemove={() => onChange(value.filter((_, j) => j !== i))}
                >
                  {chip.content}
                </Pill>
              );
            })}
            <Combobox.EventsTarget withExpandedAttribute>
              <PillsInput.Field
                role="combobox"
                aria-autocomplete="list"
                value={search}
                maxLength={200}
                placeholder={value.length ? undefined : placeholder}
                onChange={(e) => typed(e.currentTarget.value)}
                onPaste={(e) => {
                  const text = e.clipboardData.getData('text');
                  if (!pasteSeparators.test(text.trim())) return;
                  e.preventDefault();
                  add(split(`${search}${text}`));
                  onSearch('');
                }}
                onFocus={() => combobox.openDropdown()}
                onBlur={() => {
                  combobox.closeDropdown();
                  commit();
                }}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && (!combobox.dropdownOpened || combobox.getSelectedOptionIndex() === -1)) {
                    e.preventDefault();
                    commit();
                  } else if (e.key === 'Backspace' && search === '' && value.length) onChange(value.slice(0, -1));
                }}
              />
            </Combobox.EventsTarget>
          </Pill.Group>
        </PillsInput>
      </Combobox.DropdownTarget>
      <Combobox.Dropdown hidden={props.dropdownHidden}>
        <Combobox.Options aria-label={label} className="code-options">
          {props.options.length === 0 && <Combobox.Empty>{t('codeInput.noMatch')}</Combobox.Empty>}
          {props.options.map((o) => (
            <Combobox.Option value={o.value} key={o.key}>
              {o.content}
            </Combobox.Option>
          ))}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
