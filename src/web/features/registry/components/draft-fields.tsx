import type { ReactNode } from 'react';
import type { MultilingualText } from '../../../../shared/multilingual';
import { formatPartialDate } from '../../../../shared/partial-date';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { useMlString } from '../../../shared/ui/MlText';
import { useReferenceNames } from '../../../shared/ui/useReferenceNames';
import { EveryLanguage } from '../../../shared/ui/VersionConflict';
import type { PartyDraft, RecordDraft } from '../hooks/record-draft';

type Field = keyof RecordDraft & string;

const LABELS: Record<Field, string> = {
  kind: 'registry.form.kind',
  title: 'registry.form.title',
  summary: 'registry.form.summary',
  areas: 'registry.fields.areas',
  dated: 'registry.fields.dated',
  validFrom: 'registry.fields.validFrom',
  validUntil: 'registry.fields.validUntil',
  published: 'registry.form.published',
  parties: 'registry.parties.title',
  type: 'registry.form.type',
  commitments: 'registry.form.commitments',
  commitmentRoles: 'registry.form.commitmentRoles',
  kinds: 'registry.form.academicKinds',
  participation: 'registry.form.participation',
  services: 'registry.form.services',
};

/** A form field's name in the reader's language, for the conflict's rows. */
export function useDraftFieldLabel(): (field: Field) => string {
  const { t } = useI18n();
  return (field) => t(LABELS[field]);
}

/** A form field's value as text, for the conflict's rows: every language of a text, names of parties and areas. */
export function useDraftFieldValue(): (field: Field, value: RecordDraft[Field]) => ReactNode {
  const { t, lang } = useI18n();
  const text = useMlString();
  const names = useReferenceNames();
  const party = (p: PartyDraft) =>
    'organisation' in p ? text(p.organisation.name) : 'namedParty' in p ? text(p.namedParty.name) : 'named' in p ? text(p.named.name) : '—';
  return (field, value) => {
    if (field === 'dated' || field === 'validFrom' || field === 'validUntil')
      return typeof value === 'string' && value ? formatPartialDate(value, lang) : t('registry.fields.openEnded');
    if (field === 'published') return t(value ? 'registry.form.yes' : 'registry.form.no');
    if (field === 'areas') return (value as string[]).map(names.area).join(', ');
    if (field === 'parties') return (value as PartyDraft[]).map((p) => `${party(p)} (${t(`registry.roles.${p.role}`)})`).join('; ');
    if (field === 'type') return t(`registry.types.${value as string}`);
    if (field === 'kinds') return (value as string[]).map((k) => t(`registry.academicKinds.${k}`)).join(', ');
    if (field === 'services') return (value as string[]).map((s) => t(`registry.services.${s}`)).join(', ');
    if (field === 'participation')
      return (value as RecordDraft['participation']).map((p) => `${p.academicYear}: ${p.participants}`).join('; ');
    if (field === 'commitmentRoles')
      return (value as RecordDraft['commitmentRoles'])
        .map((c) => `${t(`registry.commitmentRoles.${c.role}`)} ${text(c.eventSeries)} ${c.country}`)
        .join('; ');
    if (value && typeof value === 'object') return <EveryLanguage value={value as MultilingualText} />;
    return String(value);
  };
}
