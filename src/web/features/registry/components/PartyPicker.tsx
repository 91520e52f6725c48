import { useEffect, useMemo, useState } from 'react';
import type { MultilingualText } from '../../../../shared/multilingual';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { useMlString } from '../../../shared/ui/MlText';
import { TypeaheadSelect } from '../../../shared/ui/Typeahead';
import { useReferenceNames } from '../../../shared/ui/useReferenceNames';
import { findNamedParties, findOrganisations } from '../api/registry';
import type { PartyDraft } from '../hooks/record-draft';

type Found = { value: string; label: string; party: PartyDraft };

const valueOf = (party: PartyDraft) =>
  'organisation' in party ? `org:${party.organisation.slug}` : 'namedParty' in party ? `named:${party.namedParty.id}` : null;

/** Typing settles for this long before the directory is asked. */
const PAUSE_MS = 200;

/**
 * A party found by name: the directory's organisations (any region of the platform) and the named
 * parties recorded before, not yet on the platform (marked so). The choices are the API's, as found.
 */
export function PartyPicker({
  id,
  label,
  party,
  onPick,
  describedBy,
  invalid,
}: {
  id: string;
  label: string;
  party: PartyDraft;
  onPick(party: PartyDraft): void;
  describedBy?: string;
  invalid?: boolean;
}) {
  const { t } = useI18n();
  const text = useMlString();
  const names = useReferenceNames();
  const labelOf = (name: MultilingualText, regionCode: string, named: boolean) =>
    named
      ? t('registry.parties.namedChoice', { name: text(name), region: names.region(regionCode) })
      : `${text(name)} (${names.region(regionCode)})`;
  const current: Found | null =
    'organisation' in party
      ? { value: valueOf(party)!, label: labelOf(party.organisation.name, party.organisation.regionCode, false), party }
      : 'namedParty' in party
        ? { value: valueOf(party)!, label: labelOf(party.namedParty.name, party.namedParty.regionCode, true), party }
        : null;
  const [search, setSearch] = useState(current?.label ?? '');
  const [found, setFound] = useState<Found[]>([]);

  useEffect(() => {
    const words = search.trim();
    if (words.length < 2 || words === current?.label) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      const role = party.role;
      void Promise.allSettled([findOrganisations(words, controller.signal), findNamedParties(words, controller.signal)]).then(
        ([orgs, named]) => {
          if (controller.signal.aborted) return;
          const next: Found[] = [];
          if (orgs.status === 'fulfilled')
            for (const o of orgs.value.items)
              next.push({
                value: `org:${o.slug}`,
                label: labelOf(o.name, o.regionCode, false),
                party: { role, organisation: { slug: o.slug, name: o.name, regionCode: o.regionCode } },
              });
          if (named.status === 'fulfilled')
            for (const n of named.value.items.filter((n) => !n.mergedInto))
              next.push({
                value: `named:${n.id}`,
                label: labelOf(n.name, n.regionCode ?? n.countryCode, true),
                party: { role, namedParty: { id: n.id, name: n.name, regionCode: n.regionCode ?? n.countryCode } },
              });
          setFound(next);
        },
      );
    }, PAUSE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
    // labels are rebuilt at every render: only a new search (or role) asks the API again
  }, [search, party.role]);

  const choices = useMemo(() => {
    const all = current ? [current, ...found.filter((f) => f.value !== current.value)] : found;
    return all;
  }, [current?.value, current?.label, found]);

  return (
    <TypeaheadSelect
      id={id}
      className="field party-picker"
      label={label}
      placeholder={t('registry.parties.searchPlaceholder')}
      data={choices.map(({ value, label }) => ({ value, label }))}
      value={current?.value ?? null}
      searchValue={search}
      onSearchChange={setSearch}
      // the API found these by its own matching (sound keys, any language): nothing is filtered out again
      filter={({ options }) => options}
      nothingFoundMessage={search.trim().length < 2 ? t('registry.parties.typeMore') : t('registry.parties.noMatch')}
      aria-describedby={describedBy}
      error={invalid || undefined}
      onChange={(value) => {
        const chosen = choices.find((c) => c.value === value);
        if (chosen) onPick({ ...chosen.party, role: party.role } as PartyDraft);
      }}
    />
  );
}
