import { useMemo, type ReactNode } from 'react';
import type { Language } from '../../../../shared/languages';
import { ACADEMIC_PARTNERSHIP_KINDS, COMMITMENT_ROLES, RESIDENCY_SERVICES, type CommitmentRole } from '../../../../shared/registry';
import { REGISTRY_LIMITS } from '../../../../shared/schemas/registry';
import { useRegions } from '../../../shared/api/reference';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { SelectField } from '../../../shared/ui/forms';
import { useMlString } from '../../../shared/ui/MlText';
import type { PartyDraft, RecordDraft } from '../hooks/record-draft';
import type { FieldErrors } from '../../../shared/ui/useFieldErrors';
import { FieldError } from '../../../shared/ui/FieldError';

type Props = { draft: RecordDraft; onChange(draft: RecordDraft): void; errors: FieldErrors };

/** What only the draft's kind has (an agreement's type is at the form's top): an agreement's commitment roles, a partnership's kinds and participants, a residency's services. */
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
  return <CommitmentRolesField {...props} />;
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

/**
 * A list of rows the form edits (commitment roles, participants per year): each row's fields, its remove
 * button and the API's refusal of it (body.<field>[i]), then the button that adds one.
 */
function EditableRows<K extends 'commitmentRoles' | 'participation'>({
  draft,
  onChange,
  errors,
  field,
  blank,
  addLabel,
  children,
}: Props & {
  field: K;
  blank: RecordDraft[K][number];
  addLabel: string;
  children(row: RecordDraft[K][number], set: (changes: Partial<RecordDraft[K][number]>) => void, id: string): ReactNode;
}) {
  const { t } = useI18n();
  const rows = draft[field] as RecordDraft[K][number][];
  const update = (next: RecordDraft[K][number][]) => onChange({ ...draft, [field]: next });
  return (
    <>
      {rows.map((row, i) => {
        const id = `record-${field}-${i}`;
        return (
          <div key={i} className="stack editable-row">
            <div className="row">
              {children(row, (changes) => update(rows.map((r, j) => (j === i ? { ...r, ...changes } : r))), id)}
              <button type="button" className="link-button" onClick={() => update(rows.filter((_, j) => j !== i))}>
                {t('registry.form.remove')}
              </button>
            </div>
            <FieldError errors={errors} field={`body.${field}[${i}]`} id={`${id}-error`} />
          </div>
        );
      })}
      <button type="button" className="secondary" onClick={() => update([...rows, blank])}>
        {addLabel}
      </button>
    </>
  );
}

function CommitmentRolesField(props: Props) {
  const { draft } = props;
  const { t, lang } = useI18n();
  const partyName = usePartyName();
  const countries = useCountries(lang);
  const original = draft.title.original;
  return (
    <fieldset className="commitment-roles">
      <legend>{t('registry.form.commitmentRoles')}</legend>
      <p className="muted">{t('registry.form.commitmentRolesHint')}</p>
      <EditableRows
        {...props}
        field="commitmentRoles"
        blank={{ role: 'national_coordinator', party: 0, eventSeries: { original }, country: '' }}
        addLabel={t('registry.form.addCommitmentRole')}
      >
        {(r, set, id) => (
          <>
            <SelectField
              id={`${id}-party`}
              label={t('registry.form.commitmentParty')}
              value={String(r.party)}
              options={draft.parties.map((p, j) => ({ value: String(j), label: partyName(p, j) }))}
              onChange={(v) => set({ party: Number(v) })}
            />
            <SelectField
              id={`${id}-role`}
              label={t('registry.form.commitmentRole')}
              value={r.role}
              options={COMMITMENT_ROLES.map((c) => ({ value: c, label: t(`registry.commitmentRoles.${c}`) }))}
              onChange={(role: CommitmentRole) => set({ role })}
            />
            <div className="field grow">
              <label htmlFor={`${id}-series`}>{t('registry.form.eventSeries')}</label>
              <input
                id={`${id}-series`}
                maxLength={REGISTRY_LIMITS.title}
                value={r.eventSeries[r.eventSeries.original] ?? ''}
                onChange={(e) => set({ eventSeries: { original, [original]: e.target.value || undefined } })}
              />
            </div>
            <SelectField
              id={`${id}-country`}
              label={t('registry.form.country')}
              value={r.country}
              placeholder={t('registry.form.chooseCountry')}
              options={countries}
              onChange={(country) => set({ country })}
            />
          </>
        )}
      </EditableRows>
    </fieldset>
  );
}

function AcademicFields(props: Props) {
  const { t } = useI18n();
  return (
    <>
      <Choices
        {...props}
        field="kinds"
        values={ACADEMIC_PARTNERSHIP_KINDS}
        labels="registry.academicKinds"
        legend="registry.form.academicKinds"
      />
      <fieldset className="participation">
        <legend>{t('registry.form.participation')}</legend>
        <EditableRows {...props} field="participation" blank={{ academicYear: '', participants: 0 }} addLabel={t('registry.form.addYear')}>
          {(r, set, id) => (
            <>
              <div className="field">
                <label htmlFor={`${id}-year`}>{t('registry.form.academicYear')}</label>
                <input
                  id={`${id}-year`}
                  placeholder="2024/2025"
                  value={r.academicYear}
                  onChange={(e) => set({ academicYear: e.target.value.trim() })}
                />
              </div>
              <div className="field">
                <label htmlFor={`${id}-count`}>{t('registry.form.participants')}</label>
                <input
                  id={`${id}-count`}
                  type="number"
                  min={0}
                  value={r.participants}
                  onChange={(e) => set({ participants: Math.max(0, Math.trunc(Number(e.target.value) || 0)) })}
                />
              </div>
            </>
          )}
        </EditableRows>
      </fieldset>
    </>
  );
}
