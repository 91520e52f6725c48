import { useState } from 'react';
import { DIGEST_FREQUENCIES, type DigestFrequency } from '../../../../shared/offers';
import type { SavedOfferQueryInput } from '../../../../shared/schemas/offer-alerts';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { Outcome, useSubmit } from '../../../shared/ui/forms';
import { saveSearch, type MarketQuery } from '../api/marketplace';
import { useFieldErrors } from '../../../shared/ui/useFieldErrors';
import { FieldError, invalidProps } from '../../../shared/ui/FieldError';

/** What of the marketplace's search a saved search keeps: the words, kinds, areas and owners' regions. */
export function savedQuery(query: MarketQuery): SavedOfferQueryInput {
  const { q, kind, area, region } = query;
  return {
    ...(q ? { q } : {}),
    ...(kind?.length ? { kind: [...new Set(kind)] as SavedOfferQueryInput['kind'] } : {}),
    ...(area?.length ? { area: [...new Set(area)] } : {}),
    ...(region?.length ? { region: [...new Set(region)] } : {}),
  };
}

/** "Save this search": a digest of the new offers it finds, daily or weekly, by e-mail. */
export function SaveSearch({ query }: { query: MarketQuery }) {
  const { t } = useI18n();
  const errors = useFieldErrors();
  const [frequency, setFrequency] = useState<DigestFrequency>('weekly');
  const [name, setName] = useState('');
  const save = useSubmit(() =>
    errors.keeping(async () => {
      const named = name.trim() || query.q || t('marketplace.savedSearches.everything');
      await saveSearch({ name: named.slice(0, 100), query: savedQuery(query), frequency });
      setName('');
      return t('marketplace.savedSearches.saved');
    }),
  );
  return (
    <form className="save-search row" onSubmit={save.onSubmit} noValidate>
      <div className="field">
        <label htmlFor="save-search-name">{t('marketplace.savedSearches.name')}</label>
        <input
          id="save-search-name"
          value={name}
          maxLength={100}
          placeholder={query.q ?? ''}
          onChange={(e) => setName(e.target.value)}
          {...invalidProps(errors, 'body.name', 'save-search-name-error')}
        />
        <FieldError errors={errors} field="body.name" id="save-search-name-error" />
      </div>
      <div className="field">
        <label htmlFor="save-search-frequency">{t('marketplace.savedSearches.frequency')}</label>
        <select id="save-search-frequency" value={frequency} onChange={(e) => setFrequency(e.target.value as DigestFrequency)}>
          {DIGEST_FREQUENCIES.map((f) => (
            <option key={f} value={f}>
              {t(`marketplace.savedSearches.frequencies.${f}`)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="secondary" disabled={save.busy}>
        {t('marketplace.savedSearches.save')}
      </button>
      <Outcome error={save.error} done={save.done} />
    </form>
  );
}
