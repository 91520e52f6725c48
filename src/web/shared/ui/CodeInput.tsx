import { useState } from 'react';
import { ChipsField } from './ChipsField';
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

  return (
    <ChipsField
      id={id}
      label={label}
      description={t('codeInput.hint')}
      placeholder="23.44, 62.02.1, 28.29A"
      value={value}
      onChange={onChange}
      add={add}
      separators={/[,;\s]+/}
      split={splitCodes}
      pasteSeparators={/[,;\s]/}
      search={search}
      onSearch={setSearch}
      chip={(_, i) => {
        const chip = chips[i]!;
        return { className: `code-chip code-chip-${chip.state}`, content: <ChipText chip={chip} /> };
      }}
      options={options.map((o) => ({
        value: o.code,
        key: `${o.system}-${o.code}`,
        content: (
          <>
            <strong>{o.code}</strong> <span className="muted">{t(`codeInput.systems.${o.system}`)}</span> {o.title}
          </>
        ),
      }))}
      dropdownHidden={options.length === 0 && search.trim() === ''}
    />
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
