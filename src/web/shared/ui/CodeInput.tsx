import { Combobox, Pill, PillsInput, useCombobox } from '@mantine/core';
import '@mantine/core/styles/Combobox.css';
import '@mantine/core/styles/Input.css';
import '@mantine/core/styles/Pill.css';
import '@mantine/core/styles/PillsInput.css';
import '@mantine/core/styles/Popover.css';
import { useState, type ClipboardEvent } from 'react';
import { normaliseCode, splitCodes } from '../../../shared/classification-codes';
import { useI18n } from '../i18n/I18nProvider';
import { useCodeCatalogue, useCodeChips } from './useCodeChips';
import { searchCodes, type CodeChip } from './code-catalogue';

interface Props {
  id: string;
  label: string;
  /** The codes as typed or picked (NACE, NAF or ОКВЭД 2); the server stores each as its NACE class. */
  value: string[];
  onChange(codes: string[]): void;
}

/**
 * Activity codes as chips: typed (a comma, a semicolon or a space ends a code), pasted as a list, or found
 * by the words of their title in the reader's language. Each chip says what the code is and, for a NAF or
 * ОКВЭД 2 code, the NACE class it is stored as; an unknown code stays, marked, so that it can be corrected.
 */
export function CodeInput({ id, label, value, onChange }: Props) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const catalogue = useCodeCatalogue();
  const chips = useCodeChips(value, catalogue);
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const options = catalogue ? searchCodes(search, catalogue) : [];

  const add = (codes: string[]) => {
    const known = new Set(value.map(normaliseCode));
    const added = codes.filter((c) => {
      const fresh = !known.has(normaliseCode(c));
      known.add(normaliseCode(c));
      return fresh;
    });
    if (added.length) onChange([...value, ...added]);
  };
  const typed = (text: string) => {
    // what comes before the last separator is finished; the rest is still being typed
    const parts = text.split(/[,;\s]+/);
    const rest = parts.pop() ?? '';
    add(parts.filter(Boolean));
    setSearch(rest);
    combobox.openDropdown();
    combobox.updateSelectedOptionIndex();
    // the first match is the one Enter picks
    setTimeout(() => (rest ? combobox.selectFirstOption() : combobox.resetSelectedOption()));
  };
  const commit = () => {
    add(splitCodes(search));
    setSearch('');
  };
  const paste = (event: ClipboardEvent<HTMLInputElement>) => {
    const text = event.clipboardData.getData('text');
    if (!/[,;\s]/.test(text.trim())) return;
    event.preventDefault();
    add(splitCodes(`${search}${text}`));
    setSearch('');
  };

  return (
    <Combobox store={combobox} onOptionSubmit={(code) => (add([code]), setSearch(''), combobox.closeDropdown())} withinPortal={false}>
      <Combobox.DropdownTarget>
        <PillsInput id={id} label={label} description={t('codeInput.hint')} className="code-input" onClick={() => combobox.openDropdown()}>
          <Pill.Group>
            {chips.map((chip, i) => (
              <Pill
                key={`${chip.input}-${i}`}
                withRemoveButton
                className={`code-chip code-chip-${chip.state}`}
                removeButtonProps={{ 'aria-label': t('codeInput.remove', { code: chip.input }) }}
                onRemove={() => onChange(value.filter((_, j) => j !== i))}
              >
                <ChipText chip={chip} />
              </Pill>
            ))}
            <Combobox.EventsTarget withExpandedAttribute>
              <PillsInput.Field
                role="combobox"
                aria-autocomplete="list"
                value={search}
                maxLength={200}
                placeholder={value.length ? undefined : '23.44, 62.02.1, 28.29A'}
                onChange={(e) => typed(e.currentTarget.value)}
                onPaste={paste}
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
      <Combobox.Dropdown hidden={options.length === 0 && search.trim() === ''}>
        <Combobox.Options aria-label={label} className="code-options">
          {options.length === 0 && <Combobox.Empty>{t('codeInput.noMatch')}</Combobox.Empty>}
          {options.map((o) => (
            <Combobox.Option value={o.code} key={`${o.system}-${o.code}`}>
              <strong>{o.code}</strong> <span className="muted">{t(`codeInput.systems.${o.system}`)}</span> {o.title}
            </Combobox.Option>
          ))}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}

function ChipText({ chip }: { chip: CodeChip }) {
  const { t } = useI18n();
  if (chip.state === 'unknown') return <>{t('codeInput.unknown', { code: chip.input })}</>;
  if (chip.state === 'pending') return <>{t('codeInput.pending', { code: chip.input })}</>;
  return (
    <>
      <strong>{chip.code}</strong> {chip.system !== 'nace2' && <>{t(`codeInput.systems.${chip.system}`)} </>}
      {chip.title}
      {chip.system !== 'nace2' && <> · {t('codeInput.storedAs', { code: chip.nace.code })}</>}
    </>
  );
}
