import { useState } from 'react';
import { DIGEST_FREQUENCIES, type DigestFrequency } from '../../../../shared/offers';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { Outcome, useSubmit } from '../../../shared/ui/forms';
import { saveSearch, type MarketQuery } from '../api/marketplace';

/** "Save this search": a digest of the new offers it finds, daily or weekly, by e-mail. */
export function SaveSearch({ query }: { query: MarketQuery }) {
  const { t } = useI18n();
  const [frequency, setFrequency] = useState<DigestFrequency>('weekly');
  const { page: _page, ...search } = query;
  const save = useSubmit(async () => {
    await saveSearch({ query: search, frequency });
    return t('marketplace.savedSearches.saved');
  });
  return (
    <form className="save-search row" onSubmit={save.onSubmit}>
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
