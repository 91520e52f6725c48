import type { ReactNode } from 'react';
import type { MultilingualText } from '../../../../shared/multilingual';
import type { ProfileChanges } from '../../../../shared/schemas/profile';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { useReferenceNames } from '../../../shared/ui/useReferenceNames';
import { EveryLanguage } from '../../../shared/ui/VersionConflict';

type Field = keyof ProfileChanges;

/** A profile field's name in the reader's language (the same as the form's). */
export function useProfileFieldLabel(): (field: Field) => string {
  const { t } = useI18n();
  const labels: Record<Field, string> = {
    kind: t('organisation.kind'),
    sector: t('organisation.sector'),
    region: t('organisation.region'),
    city: t('myOrgs.fields.city'),
    name: t('myOrgs.fields.name'),
    shortName: t('myOrgs.fields.shortName'),
    description: t('myOrgs.fields.description'),
    website: t('organisation.website'),
    nace: t('myOrgs.codes'),
    productCodes: t('myOrgs.products'),
    areas: t('organisation.areas'),
    contact: t('contact.publicContact'),
  };
  return (field) => labels[field];
}

/** A profile field's value as text: every language of a multilingual one, marked with its language. */
export function useProfileFieldValue(): (field: Field, value: ProfileChanges[Field]) => ReactNode {
  const { t } = useI18n();
  const names = useReferenceNames();
  return (field, value) => {
    if (field === 'kind') return t(`kinds.${value as string}`);
    if (field === 'sector') return t(`sectors.${value as string}`);
    if (field === 'region') return names.region(value as string);
    if (field === 'areas') return (value as string[]).map(names.area).join(', ');
    if (field === 'contact') {
      const c = value as ProfileChanges['contact'];
      return c ? [c.personName, c.label && c.label[c.label.original], c.email, c.phone].filter(Boolean).join(' · ') : '—';
    }
    if (Array.isArray(value)) return value.join(', ');
    if (value && typeof value === 'object') return <EveryLanguage value={value as MultilingualText} />;
    return String(value);
  };
}
