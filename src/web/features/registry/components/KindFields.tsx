import { useMemo } from 'react';
import type { Language } from '../../../../shared/languages';
import {
  ACADEMIC_PARTNERSHIP_KINDS,
  AGREEMENT_TYPES,
  COMMITMENT_ROLES,
  RESIDENCY_SERVICES,
  type CommitmentRole,
} from '../../../../shared/registry';
import { REGISTRY_LIMITS } from '../../../../shared/schemas/registry';
import { useRegions } from '../../../shared/api/reference';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { SelectField } from '../../../shared/ui/forms';
import { useMlString } from '../../../shared/ui/MlText';
import type { PartyDraft, RecordDraft } from '../hooks/record-draft';
import type { FieldErrors } from '../hooks/useFieldErrors';
import { FieldError } from './FieldError';

type Props = { draft: RecordDraft; onChange(draft: RecordDraft): void; errors: FieldErrors };

/** What only the draft's kind has: an agreement's type and commitment roles, a partnership's kinds and participants, a residency's services. */
export function KindFields(props: Props) {
  switch (props.draft.kind) {
    case 'agreement':
      return <AgreementFields {...props} />;
    case 'academic_partnership':
      return <AcademicFields {...props} />;
    case 'residency':
      return <Choices {...props} field="services" values={RESIDENCY_SERVICES} labels="registry.services" legend="registry.form.services" />;
    case 'initiative':
      return null;
  }
}

function Choices({
  draft,
  onChange,
  errors,
  field,
  values,
  labels,
  legend,
}: Props & { field: 'services' | 'kinds'; values: readonly string[]; labels: string; legend: string }) {
  const { t } = useI18n();
  const chosen = draft[field];
  return (
    <fieldset className="areas">
      <legend>{t(legend)}</legend>
      {values.map((v) => (
        <label key={v} className="checkbox">
          <input
            type="checkbox"
            checked={chosen.includes(v)}
            onChange={(e) => onChange({ ...draft, [field]: e.target.checked ? [...chosen, v] : chosen.filter((c) => c !== v) })}
          />{' '}
          {t(`${labels}.${v}`)}
        </label>
      ))}
      <FieldError errors={errors} field={`body.${field}`} id={`record-${field}-error`} />
    </fieldset>
  );
}

function AgreementFields(props: Props) {
  const { draft, onChange, errors } = props;
  const { t } = useI18n();
  return (
    <>
      <SelectField
        id="record-type"
        label={t('registry.form.type')}
        value={draft.type}
        options={AGREEMENT_TYPES.map((v) => ({ value: v, label: t(`registry.types.${v}`) }))}
        onChange={(type) => onChange({ ...draft, type })}
      />
      <FieldError errors={errors} field="body.type" id="record-type-error" />
      <CommitmentRolesField {...props} />
    </>
  );
}

/** The name a party row shows in another field's choices: its name, or "Party 2" while none is chosen. */
function usePartyName() {
  const { t } = useI18n();
  const text = useMlString();
  return (party: PartyDraft, i: number) => {
    if ('organisation' in party) return text(party.organisation.name);
    if ('namedParty' in party) return text(party.namedParty.name);
    if ('named' in party && party.named.name[party.named.name.original]) return text(party.named.name);
    return t('registry.parties.party', { number: i + 1 });
  };
}

/** The countries of the platform's regions, by name in the reader's language. */
function useCountries(lang: Language) {
  const regions = useRegions().data?.items;
  return useMemo(() => {
    const names = new Intl.DisplayNames([lang], { type: 'region' });
    const codes = [...new Set((regions ?? []).map((r) => r.countryCode))];
    return codes.map((c) => ({ value: c, label: names.of(c) ?? c })).sort((a, b) => a.label.localeCompare(b.label, lang));
  }, [regions, lang]);
}

function CommitmentRolesField({ draft, onChange, errors }: Props) {
  const { t, lang } = useI18n();
  const partyName = usePartyName();
  const countries = useCountries(lang);
  const roles = draft.commitmentRoles;
  const original = draft.title.original;
  const set = (i: number, changes: Partial<RecordDraft['commitmentRoles'][number]>) =>
    onChange({ ...draft, commitmentRoles: roles.map((r, j) => (j === i ? { ...r, ...changes } : r)) });
  return (
    <fieldset className="commitment-roles">
      <legend>{t('registry.form.commitmentRoles')}</legend>
      <p className="muted">{t('registry.form.commitmentRolesHint')}</p>
      {roles.map((r, i) => {
        const id = `record-commitment-${i}`;
        return (
          <div key={i} className="stack commitment-role">
            <div className="row">
              <SelectField
                id={`${id}-party`}
                label={t('registry.form.commitmentParty')}
                value={String(r.party)}
                options={draft.parties.map((p, j) => ({ value: String(j), label: partyName(p, j) }))}
                onChange={(v) => set(i, { party: Number(v) })}
              />
              <SelectField
                id={`${id}-role`}
                label={t('registry.form.commitmentRole')}
                value={r.role}
                options={COMMITMENT_ROLES.map((c) => ({ value: c, label: t(`registry.commitmentRoles.${c}`) }))}
                onChange={(role: CommitmentRole) => set(i, { role })}
              />
              <div className="field grow">
                <label htmlFor={`${id}-series`}>{t('registry.form.eventSeries')}</label>
                <input
                  id={`${id}-series`}
                  maxLength={REGISTRY_LIMITS.title}
                  value={r.eventSeries[r.eventSeries.original] ?? ''}
                  onChange={(e) => set(i, { eventSeries: { original, [original]: e.target.value || undefined } })}
                />
              </div>
              <SelectField
                id={`${id}-country`}
                label={t('registry.form.country')}
                value={r.country}
                placeholder={t('registry.form.chooseCountry')}
                options={countries}
                onChange={(country) => set(i, { country })}
              />
              <button type="button" className="link-button" onClick={() => onChange({ ...draft, commitmentRoles: roles.filter((_, j) => j !== i) })}>
                {t('registry.form.remove')}
              </button>
            </div>
            <FieldError errors={errors} field={`body.commitmentRoles[${i}]`} id={`${id}-error`} />
          </div>
        );
      })}
      <button
        type="button"
        className="secondary"
        onClick={() =>
          onChange({
            ...draft,
            commitmentRoles: [...roles, { role: 'national_coordinator', party: 0, eventSeries: { original }, country: '' }],
          })
        }
      >
        {t('registry.form.addCommitmentRole')}
      </button>
    </fieldset>
  );
}

function AcademicFields(props: Props) {
  const { draft, onChange, errors } = props;
  const { t } = useI18n();
  const rows = draft.participation;
  const set = (i: number, changes: Partial<RecordDraft['participation'][number]>) =>
    onChange({ ...draft, participation: rows.map((r, j) => (j === i ? { ...r, ...changes } : r)) });
  return (
    <>
      <Choices {...props} field="kinds" values={ACADEMIC_PARTNERSHIP_KINDS} labels="registry.academicKinds" legend="registry.form.academicKinds" />
      <fieldset className="participation">
        <legend>{t('registry.form.participation')}</legend>
        {rows.map((r, i) => {
          const id = `record-participation-${i}`;
          return (
            <div key={i} className="stack">
              <div className="row">
                <div className="field">
                  <label htmlFor={`${id}-year`}>{t('registry.form.academicYear')}</label>
                  <input id={`${id}-year`} placeholder="2024/2025" value={r.academicYear} onChange={(e) => set(i, { academicYear: e.target.value.trim() })} />
                </div>
                <div className="field">
                  <label htmlFor={`${id}-count`}>{t('registry.form.participants')}</label>
                  <input
                    id={`${id}-count`}
                    type="number"
                    min={0}
                    value={r.participants}
                    onChange={(e) => set(i, { participants: Math.max(0, Math.trunc(Number(e.target.value) || 0)) })}
                  />
                </div>
                <button type="button" className="link-button" onClick={() => onChange({ ...draft, participation: rows.filter((_, j) => j !== i) })}>
                  {t('registry.form.remove')}
                </button>
              </div>
              <FieldError errors={errors} field={`body.participation[${i}]`} id={`${id}-error`} />
            </div>
          );
        })}
        <button type="button" className="secondary" onClick={() => onChange({ ...draft, participation: [...rows, { academicYear: '', participants: 0 }] })}>
          {t('registry.form.addYear')}
        </button>
      </fieldset>
    </>
  );
}
