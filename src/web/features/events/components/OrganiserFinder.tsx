import { useEffect, useState } from 'react';
import type { OrganisationList } from '../../../../shared/schemas/organisations';
import { getJson, queryString } from '../../../shared/api/client';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { useMlString } from '../../../shared/ui/MlText';
import { TypeaheadSelect } from '../../../shared/ui/Typeahead';
import { useReferenceNames } from '../../../shared/ui/useReferenceNames';
import type { OrganiserChoice } from './EventForm';

/** Typing settles for this long before the directory is asked. */
const PAUSE_MS = 200;

/**
 * Any organisation of the directory, found by name: a regional coordinator (or an administrator) organises
 * events on behalf of organisations they do not edit, which the API allows for the event's region.
 */
export function OrganiserFinder({ onPick }: { onPick(organisation: OrganiserChoice): void }) {
  const { t } = useI18n();
  const text = useMlString();
  const names = useReferenceNames();
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<OrganisationList['items']>([]);
  useEffect(() => {
    const words = search.trim();
    if (words.length < 2) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      getJson<OrganisationList>(`/organisations${queryString({ q: words, pageSize: 8 })}`, controller.signal)
        .then((list) => !controller.signal.aborted && setFound(list.items))
        .catch(() => undefined);
    }, PAUSE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [search]);
  return (
    <TypeaheadSelect
      id="event-organiser-find"
      className="field"
      label={t('events.editor.findOrganiser')}
      placeholder={t('registry.parties.searchPlaceholder')}
      data={found.map((o) => ({ value: o.slug, label: `${text(o.name)} (${names.region(o.regionCode)})` }))}
      value={null}
      searchValue={search}
      onSearchChange={setSearch}
      // the API found these by its own matching: nothing is filtered out again
      filter={({ options }) => options}
      nothingFoundMessage={search.trim().length < 2 ? t('registry.parties.typeMore') : t('registry.parties.noMatch')}
      onChange={(slug) => {
        const chosen = found.find((o) => o.slug === slug);
        if (!chosen) return;
        onPick({ slug: chosen.slug, name: chosen.name });
        setSearch('');
      }}
    />
  );
}
