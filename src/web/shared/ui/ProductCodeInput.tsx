import { Combobox, Pill, PillsInput, useCombobox } from '@mantine/core';
import '@mantine/core/styles/Combobox.css';
import '@mantine/core/styles/Input.css';
import '@mantine/core/styles/Pill.css';
import '@mantine/core/styles/PillsInput.css';
import '@mantine/core/styles/Popover.css';
import { useState } from 'react';
import type { ProductCode } from '../../../shared/schemas/reference';
import { useI18n } from '../i18n/I18nProvider';
import { displayProductCode, productTitle, useProductSearch, useResolvedProducts } from './product-codes';

interface Props {
  id: string;
  label: string;
  /** The codes as typed or picked (CPA / ОКПД 2, HS); the server stores each as cpa:… or hs:…. */
  value: string[];
  onChange(codes: string[]): void;
}

/**
 * Product codes as chips, like the activity codes: typed (a comma or a semicolon ends a code: HS codes are
 * often written with spaces), pasted as a list, or found by the words of their title in any language, shown
 * in the reader's. Each chip says what the code is and what it is stored as; an unknown code stays, marked.
 */
export function ProductCodeInput({ id, label, value, onChange }: Props) {
  const { t, lang } = useI18n();
  const [search, setSearch] = useState('');
  const options = useProductSearch(search, lang);
  const answers = useResolvedProducts(value);
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });

  const add = (codes: string[]) => {
    const fresh = codes.map((c) => c.trim()).filter((c) => c && !value.includes(c));
    if (fresh.length) onChange([...value, ...new Set(fresh)]);
  };
  const typed = (text: string) => {
    const parts = text.split(/[,;]+/);
    const rest = parts.pop() ?? '';
    add(parts);
    setSearch(rest);
    combobox.openDropdown();
    setTimeout(() => (rest ? combobox.selectFirstOption() : combobox.resetSelectedOption()));
  };
  const commit = () => {
    add(search.split(/[,;]+/));
    setSearch('');
  };
  const chipText = (input: string) => {
    const product = answers[input];
    if (product === undefined) return t('codeInput.pending', { code: input });
    if (product === null) return t('codeInput.unknown', { code: input });
    return <ProductText product={product} stored />;
  };

  return (
    <Combobox store={combobox} onOptionSubmit={(code) => (add([code]), setSearch(''), combobox.closeDropdown())} withinPortal={false}>
      <Combobox.DropdownTarget>
        <PillsInput
          id={id}
          label={label}
          description={t('productInput.hint')}
          className="code-input"
          onClick={() => combobox.openDropdown()}
        >
          <Pill.Group>
            {value.map((input, i) => (
              <Pill
                key={`${input}-${i}`}
                withRemoveButton
                className={`code-chip product-chip code-chip-${answers[input] === null ? 'unknown' : answers[input] ? 'resolved' : 'pending'}`}
                removeButtonProps={{ 'aria-label': t('codeInput.remove', { code: input }) }}
                onRemove={() => onChange(value.filter((_, j) => j !== i))}
              >
                {chipText(input)}
              </Pill>
            ))}
            <Combobox.EventsTarget withExpandedAttribute>
              <PillsInput.Field
                role="combobox"
                aria-autocomplete="list"
                value={search}
                maxLength={200}
                placeholder={value.length ? undefined : '25.73.30, 8482 10, подшипники'}
                onChange={(e) => typed(e.currentTarget.value)}
                onPaste={(e) => {
                  const text = e.clipboardData.getData('text');
                  if (!/[,;\n]/.test(text.trim())) return;
                  e.preventDefault();
                  add(`${search}${text}`.split(/[,;\n]+/));
                  setSearch('');
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
      <Combobox.Dropdown hidden={search.trim().length < 2}>
        <Combobox.Options aria-label={label} className="code-options">
          {options.length === 0 && <Combobox.Empty>{t('codeInput.noMatch')}</Combobox.Empty>}
          {options.map((o) => (
            <Combobox.Option value={o.code} key={o.code}>
              <ProductText product={o} />
            </Combobox.Option>
          ))}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}

/** "HS 8482 Ball or roller bearings", in the reader's language when it has a title (else marked). */
export function ProductText({ product, stored = false }: { product: ProductCode; stored?: boolean }) {
  const { t, lang } = useI18n();
  const title = productTitle(product, lang);
  return (
    <>
      <strong>{displayProductCode(product.code)}</strong> <span lang={title.lang}>{title.text}</span>
      {title.lang !== lang && (
        <>
          {' '}
          <abbr className="fallback-marker" title={t('language.shownIn', { language: t(`language.names.${title.lang}`) })}>
            {title.lang.toUpperCase()}
          </abbr>
        </>
      )}
      {stored && <> · {t('productInput.storedAs', { code: product.code })}</>}
    </>
  );
}
