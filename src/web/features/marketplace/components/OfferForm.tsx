import type { ReactNode } from 'react';
import { ORGANISATION_KINDS } from '../../../../shared/domain';
import { LANGUAGES, type Language } from '../../../../shared/languages';
import type { MultilingualText } from '../../../../shared/multilingual';
import {
  DEVELOPMENT_STAGES,
  IP_STATUSES,
  OFFER_KINDS,
  OFFER_LIMITS,
  PARTNER_SIZES,
  PARTNERSHIP_KINDS_SOUGHT,
  TRL_MAX,
  TRL_MIN,
} from '../../../../shared/offers';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { AreaCheckboxes } from '../../../shared/ui/AreaCheckboxes';
import { CodeInput } from '../../../shared/ui/CodeInput';
import { SelectField } from '../../../shared/ui/forms';
import { ProductCodeInput } from '../../../shared/ui/ProductCodeInput';
import { REGION_CHOICES_SHOWN, useRegionGroups } from '../../../shared/ui/region-choices';
import { TypeaheadMultiSelect } from '../../../shared/ui/Typeahead';
import { withOriginal, type OfferDraft } from '../hooks/offer-draft';
import type { FieldErrors } from '../../../shared/ui/useFieldErrors';
import { FieldError, invalidProps } from '../../../shared/ui/FieldError';
import { OfferTexts, type TextKey, type TextSpec } from './OfferTexts';
import { TaggingPreview } from './TaggingPreview';

/** The offer editor: what it is, its texts in three languages, what it seeks and where, its dates; and how matching sees it. */
export function OfferForm({
  draft,
  onChange,
  errors,
  organisations,
  actions,
}: {
  draft: OfferDraft;
  onChange(draft: OfferDraft): void;
  errors: FieldErrors;
  /** The organisations it may be of, when creating (fixed once created: then none). */
  organisations?: { value: string; label: string }[];
  actions: ReactNode;
}) {
  const { t } = useI18n();
  const regions = useRegionGroups();
  const original = draft.title.original;
  const texts: TextSpec[] = [
    { key: 'title', label: t('marketplace.fields.title'), maxLength: OFFER_LIMITS.title },
    { key: 'summary', label: t('marketplace.fields.summary'), maxLength: OFFER_LIMITS.summary, rows: 3 },
    { key: 'description', label: t('marketplace.fields.description'), maxLength: OFFER_LIMITS.description, rows: 8 },
    { key: 'partnerRole', label: t('marketplace.fields.partnerRole'), maxLength: OFFER_LIMITS.partnerRole, rows: 2 },
  ];
  const set = <K extends keyof OfferDraft>(key: K, value: OfferDraft[K]) => onChange({ ...draft, [key]: value });
  const none = { value: '', label: t('marketplace.editor.none') };
  return (
    <div className="stack offer-form">
      <div className="row">
        {organisations && (
          <SelectField
            id="offer-organisation"
            label={t('marketplace.fields.organisation')}
            value={draft.organisation}
            options={organisations}
            placeholder={t('marketplace.editor.chooseOrganisation')}
            onChange={(organisation) => set('organisation', organisation)}
          />
        )}
        <SelectField
          id="offer-kind"
          label={t('marketplace.fields.kind')}
          value={draft.kind}
          options={OFFER_KINDS.map((k) => ({ value: k, label: t(`marketplace.kinds.${k}`) }))}
          onChange={(kind) => set('kind', kind)}
        />
        <SelectField
          id="offer-original"
          label={t('marketplace.editor.originalLanguage')}
          value={original}
          options={LANGUAGES.map((l) => ({ value: l, label: t(`language.names.${l}`) }))}
          onChange={(l: Language) => onChange(withOriginal(draft, l))}
        />
      </div>
      <FieldError errors={errors} field="body.organisation" id="offer-organisation-error" />
      <OfferTexts
        fields={texts}
        values={{ title: draft.title, summary: draft.summary, description: draft.description, partnerRole: draft.partnerRole }}
        original={original}
        onChange={(key: TextKey, value: MultilingualText | null) => set(key, key === 'title' ? (value ?? { original }) : value)}
        errors={errors}
      />
      <AreaCheckboxes legend={t('marketplace.fields.areas')} chosen={draft.areas} onChange={(areas) => set('areas', areas)} />
      <FieldError errors={errors} field="body.areas" id="offer-areas-error" />
      <CodeInput id="offer-nace" label={t('marketplace.fields.nace')} value={draft.nace} onChange={(nace) => set('nace', nace)} />
      <FieldError errors={errors} field="body.nace" id="offer-nace-error" />
      <ProductCodeInput
        id="offer-products"
        label={t('marketplace.fields.productCodes')}
        value={draft.productCodes}
        onChange={(c) => set('productCodes', c)}
      />
      <FieldError errors={errors} field="body.productCodes" id="offer-products-error" />
      <div className="row">
        <Choice
          id="offer-trl"
          label={t('marketplace.fields.trl')}
          value={draft.trl === null ? '' : String(draft.trl)}
          options={[
            none,
            ...Array.from({ length: TRL_MAX - TRL_MIN + 1 }, (_, i) => ({
              value: String(i + TRL_MIN),
              label: t('marketplace.trlValue', { trl: i + TRL_MIN }),
            })),
          ]}
          onChange={(v) => set('trl', v ? Number(v) : null)}
          errors={errors}
          field="body.trl"
        />
        <Choice
          id="offer-stage"
          label={t('marketplace.fields.developmentStage')}
          value={draft.developmentStage ?? ''}
          options={[none, ...DEVELOPMENT_STAGES.map((s) => ({ value: s, label: t(`marketplace.developmentStages.${s}`) }))]}
          onChange={(v) => set('developmentStage', (v || null) as OfferDraft['developmentStage'])}
          errors={errors}
          field="body.developmentStage"
        />
        <Choice
          id="offer-ip"
          label={t('marketplace.fields.ipStatus')}
          value={draft.ipStatus ?? ''}
          options={[none, ...IP_STATUSES.map((s) => ({ value: s, label: t(`marketplace.ipStatuses.${s}`) }))]}
          onChange={(v) => set('ipStatus', (v || null) as OfferDraft['ipStatus'])}
          errors={errors}
          field="body.ipStatus"
        />
      </div>
      <Checkboxes
        legend={t('marketplace.fields.partnershipKinds')}
        values={PARTNERSHIP_KINDS_SOUGHT}
        label={(v) => t(`marketplace.partnershipKinds.${v}`)}
        chosen={draft.partnershipKinds}
        onChange={(v) => set('partnershipKinds', v)}
      />
      <fieldset className="partner-sought">
        <legend>{t('marketplace.editor.partnerSought')}</legend>
        <Checkboxes
          legend={t('marketplace.fields.partnerKinds')}
          values={ORGANISATION_KINDS}
          label={(v) => t(`kinds.${v}`)}
          chosen={draft.partnerKinds}
          onChange={(v) => set('partnerKinds', v)}
        />
        <Checkboxes
          legend={t('marketplace.fields.partnerSizes')}
          values={PARTNER_SIZES}
          label={(v) => t(`marketplace.partnerSizes.${v}`)}
          chosen={draft.partnerSizes}
          onChange={(v) => set('partnerSizes', v)}
        />
      </fieldset>
      <TypeaheadMultiSelect
        id="offer-targets"
        className="field region-field"
        label={t('marketplace.fields.targetRegions')}
        description={t('marketplace.editor.targetsHint')}
        data={regions.groups}
        searchText={regions.searchText}
        limit={REGION_CHOICES_SHOWN}
        value={draft.targetRegions}
        onChange={(targetRegions) => set('targetRegions', targetRegions)}
        clearable
        error={errors.of('body.targetRegions').join(' ') || undefined}
      />
      <div className="row">
        <DateInput
          id="offer-deadline"
          label={t('marketplace.fields.deadline')}
          value={draft.deadline ?? ''}
          onChange={(v) => set('deadline', v || null)}
          errors={errors}
          field="body.deadline"
        />
        <DateInput
          id="offer-expires"
          label={t('marketplace.fields.expiresOn')}
          value={draft.expiresOn}
          onChange={(v) => set('expiresOn', v)}
          errors={errors}
          field="body.expiresOn"
        />
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={draft.anonymous} onChange={(e) => set('anonymous', e.target.checked)} />{' '}
        {t('marketplace.fields.anonymous')}
      </label>
      <p className="muted">{t('marketplace.editor.anonymousHint')}</p>
      <TaggingPreview draft={draft} />
      <div className="row">{actions}</div>
    </div>
  );
}

function Choice(props: {
  id: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange(v: string): void;
  errors: FieldErrors;
  field: string;
}) {
  const errorId = `${props.id}-error`;
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select
        id={props.id}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        {...invalidProps(props.errors, props.field, errorId)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError errors={props.errors} field={props.field} id={errorId} />
    </div>
  );
}

function DateInput(props: { id: string; label: string; value: string; onChange(v: string): void; errors: FieldErrors; field: string }) {
  const errorId = `${props.id}-error`;
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="date"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        {...invalidProps(props.errors, props.field, errorId)}
      />
      <FieldError errors={props.errors} field={props.field} id={errorId} />
    </div>
  );
}

function Checkboxes<T extends string>(props: {
  legend: string;
  values: readonly T[];
  label(v: T): string;
  chosen: T[];
  onChange(v: T[]): void;
}) {
  return (
    <fieldset className="checkboxes">
      <legend>{props.legend}</legend>
      {props.values.map((v) => (
        <label key={v} className="checkbox">
          <input
            type="checkbox"
            checked={props.chosen.includes(v)}
            onChange={(e) => props.onChange(e.target.checked ? [...props.chosen, v] : props.chosen.filter((c) => c !== v))}
          />{' '}
          {props.label(v)}
        </label>
      ))}
    </fieldset>
  );
}
