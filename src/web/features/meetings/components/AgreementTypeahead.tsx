import { useEffect, useState } from 'react';
import type { RecordSearchList } from '../../../../shared/schemas/registry-search';
import { getJson, queryString } from '../../../shared/api/client';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { useMlString } from '../../../shared/ui/MlText';
import { TypeaheadSelect } from '../../../shared/ui/Typeahead';

const PAUSE_MS = 250;

/** A registry agreement found by typing words of its title or parties (the registry's own search, any language). */
export function AgreementTypeahead({
  id,
  label,
  value,
  onChange,
  describedBy,
  invalid,
}: {
  id: string;
  label: string;
  value: string | null;
  onChange(slug: string | null): void;
  describedBy?: string;
  invalid?: boolean;
}) {
  const { t } = useI18n();
  const text = useMlString();
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<{ value: string; label: string }[]>([]);
  useEffect(() => {
    if (search.trim().length < 2) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      getJson<RecordSearchList>(
        `/registry/search${queryString({ q: search.trim(), kind: 'agreement', pageSize: 10 })}`,
        controller.signal,
      ).then(
        (list) => setFound(list.results.map((r) => ({ value: r.slug, label: text(r.title) }))),
        () => undefined,
      );
    }, PAUSE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
    // the labels are rebuilt at each render: only a new search asks the registry again
  }, [search]);
  return (
    <TypeaheadSelect
      id={id}
      className="field"
      label={label}
      placeholder={t('meetings.outcome.agreementPlaceholder')}
      data={found}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={search.trim().length < 2 ? t('registry.parties.typeMore') : t('registry.parties.noMatch')}
      aria-describedby={describedBy}
      error={invalid || undefined}
      clearable
      onChange={(v) => onChange(v)}
    />
  );
}
