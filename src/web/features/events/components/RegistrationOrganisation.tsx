import { useEffect } from 'react';
import { SECTORS } from '../../../../shared/domain';
import type { MultilingualText } from '../../../../shared/multilingual';
import { useApi } from '../../../shared/api/useApi';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { useMlString } from '../../../shared/ui/MlText';
import { REGION_CHOICES_SHOWN, useRegionGroups } from '../../../shared/ui/region-choices';
import { TypeaheadSelect } from '../../../shared/ui/Typeahead';
import type { FieldErrors } from '../../../shared/ui/useFieldErrors';
import { ErrField, ErrSelect } from './EventTexts';

/** Whom a registrant comes for: one of their organisations (by its slug), or another one typed out. */
export interface OrganisationDraft {
  /** a slug of mine, OTHER for another organisation, '' for none; null until my organisations are known */
  choice: string | null;
  name: string;
  sector: string;
  regionCode: string;
}

export const OTHER = '*other*';
export const noOrganisation: OrganisationDraft = { choice: null, name: '', sector: '', regionCode: '' };

type MyOrganisations = { items: { slug: string; name: MultilingualText }[] };

/**
 * What is sent: my organisation's slug (the API copies its name, sector and region, which attendance by
 * sector and the meeting suggestions need), or what was typed for another one.
 */
export function organisationInput(draft: OrganisationDraft) {
  if (draft.choice && draft.choice !== OTHER) return { organisationSlug: draft.choice };
  if (draft.choice !== OTHER) return {};
  return {
    ...(draft.name.trim() ? { organisationName: draft.name.trim() } : {}),
    ...(draft.sector ? { sector: draft.sector as (typeof SECTORS)[number] } : {}),
    ...(draft.regionCode ? { regionCode: draft.regionCode } : {}),
  };
}

/** The organisation field of the registration form: a choice of my organisations, or another one typed. */
export function RegistrationOrganisation({
  draft,
  onChange,
  errors,
}: {
  draft: OrganisationDraft;
  onChange(draft: OrganisationDraft): void;
  errors: FieldErrors;
}) {
  const { t } = useI18n();
  const text = useMlString();
  const regions = useRegionGroups();
  const mine = useApi<MyOrganisations>('/me/organisations');
  const items = mine.data?.items ?? [];
  // my first organisation is the likely one; without organisations of my own, the only way is to type one out
  useEffect(() => {
    if (draft.choice === null && mine.status !== 'loading') onChange({ ...draft, choice: items[0]?.slug ?? OTHER });
  }, [draft.choice, mine.status, items[0]?.slug]);
  const choice = draft.choice ?? '';
  const set = (patch: Partial<OrganisationDraft>) => onChange({ ...draft, choice, ...patch });
  return (
    <div className="stack registration-organisation">
      {items.length > 0 && (
        <ErrSelect
          id="registration-organisation-choice"
          label={t('events.fields.organisationName')}
          field="body.organisationSlug"
          errors={errors}
          value={choice}
          options={[
            { value: '', label: t('events.registration.noOrganisation') },
            ...items.map((o) => ({ value: o.slug, label: text(o.name) })),
            { value: OTHER, label: t('events.registration.otherOrganisation') },
          ]}
          onChange={(v) => set({ choice: v })}
        />
      )}
      {choice === OTHER && (
        <div className="row">
          <ErrField
            id="registration-organisation"
            label={items.length > 0 ? t('events.registration.otherOrganisationName') : t('events.fields.organisationName')}
            field="body.organisationName"
            errors={errors}
            maxLength={300}
            value={draft.name}
            onChange={(e) => set({ name: e.target.value })}
          />
          <ErrSelect
            id="registration-sector"
            label={t('events.fields.sector')}
            field="body.sector"
            errors={errors}
            value={draft.sector}
            options={[{ value: '', label: '—' }, ...SECTORS.map((s) => ({ value: s, label: t(`events.sectors.${s}`) }))]}
            onChange={(v) => set({ sector: v })}
          />
          <TypeaheadSelect
            id="registration-region"
            className="field region-field"
            label={t('events.fields.regionCode')}
            data={regions.groups}
            searchText={regions.searchText}
            limit={REGION_CHOICES_SHOWN}
            value={draft.regionCode || null}
            onChange={(code) => set({ regionCode: code ?? '' })}
            clearable
            allowDeselect
            error={errors.of('body.regionCode').join(' ') || undefined}
          />
        </div>
      )}
    </div>
  );
}
