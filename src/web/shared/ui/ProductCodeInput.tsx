import { useState } from 'react';
import { ChipsField } from './ChipsField';
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

  const add = (codes: string[]) => {
    const fresh = codes.map((c) => c.trim()).filter((c) => c && !value.includes(c));
    if (fresh.length) onChange([...value, ...new Set(fresh)]);
  };
  const chipText = (input: string) => {
    const product = answers[input];
    if (product === undefined) return t('codeInput.pending', { code: input });
    if (product === null) return t('codeInput.unknown', { code: input });
    return <ProductText product={product} stored />;
  };

  return (
    <ChipsField
      id={id}
      label={label}
      description={t('productInput.hint')}
      placeholder="25.73.30, 8482 10, подшипники"
      value={value}
      onChange={onChange}
      add={add}
      separators={/[,;]+/}
      split={(text) => text.split(/[,;\n]+/)}
      pasteSeparators={/[,;\n]/}
      search={search}
      onSearch={setSearch}
      chip={(input) => ({
        className: `code-chip product-chip code-chip-${answers[input] === null ? 'unknown' : answers[input] ? 'resolved' : 'pending'}`,
        content: chipText(input),
      })}
      options={options.map((o) => ({ value: o.code, key: o.code, content: <ProductText product={o} /> }))}
      dropdownHidden={search.trim().length < 2}
    />
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
