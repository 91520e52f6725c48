import type { ReactNode } from 'react';
import { LANGUAGES, type Language } from '../../../../shared/languages';
import type { MultilingualText } from '../../../../shared/multilingual';
import { AGREEMENT_TYPES, RECORD_KINDS, type RecordKind } from '../../../../shared/registry';
import { REGISTRY_LIMITS } from '../../../../shared/schemas/registry';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { AreaCheckboxes } from '../../../shared/ui/AreaCheckboxes';
import { SelectField } from '../../../shared/ui/forms';
import { withKind, type RecordDraft } from '../hooks/record-draft';
import type { FieldErrors } from '../../../shared/ui/useFieldErrors';
import { FieldError } from '../../../shared/ui/FieldError';
import { KindFields } from './KindFields';
import { MultilingualFields, type TextFieldSpec } from './MultilingualFields';
import { PartialDateField } from './PartialDateField';
import { PartiesField } from './PartiesField';

type TextKey = 'title' | 'summary' | 'commitments';

/** A record's create and edit form; the kind is chosen when creating only. */
export function RecordForm({
  draft,
  onChange,
  errors,
  kindFixed,
  actions,
}: {
  draft: RecordDraft;
  onChange(draft: RecordDraft): void;
  errors: FieldErrors;
  kindFixed: boolean;
  actions: ReactNode;
}) {
  const { t } = useI18n();
  const original = draft.title.original;
  const texts: TextFieldSpec<TextKey>[] = [
    { key: 'title', label: t('registry.form.title'), maxLength: REGISTRY_LIMITS.title },
    { key: 'summary', label: t('registry.form.summary'), maxLength: REGISTRY_LIMITS.summary, multiline: true },
    ...(draft.kind === 'agreement'
      ? [{ key: 'commitments' as const, label: t('registry.form.commitments'), maxLength: REGISTRY_LIMITS.commitments, multiline: true }]
      : []),
  ];
  const setOriginal = (lang: Language) => {
    const retag = (v: MultilingualText | null) => (v ? { ...v, original: lang } : v);
    onChange({ ...draft, title: { ...draft.title, original: lang }, summary: retag(draft.summary), commitments: retag(draft.commitments) });
  };
  const openEnded = draft.validUntil === null;
  return (
    <div className="stack record-form">
      <div className="row">
        {!kindFixed && (
          <SelectField
            id="record-kind"
            label={t('registry.form.kind')}
            value={draft.kind}
            options={RECORD_KINDS.map((k) => ({ value: k, label: t(`registry.kinds.${k}.one`) }))}
            onChange={(kind: RecordKind) => onChange(withKind(draft, kind))}
          />
        )}
        {draft.kind === 'agreement' && (
          <SelectField
            id="record-type"
            label={t('registry.form.type')}
            value={draft.type}
            options={AGREEMENT_TYPES.map((v) => ({ value: v, label: t(`registry.types.${v}`) }))}
            onChange={(type) => onChange({ ...draft, type })}
          />
        )}
        <SelectField
          id="record-original"
          label={t('myOrgs.originalLanguage')}
          value={original}
          options={LANGUAGES.map((l) => ({ value: l, label: t(`language.names.${l}`) }))}
          onChange={setOriginal}
        />
      </div>
      <FieldError errors={errors} field="body.type" id="record-type-error" />
      <MultilingualFields
        idPrefix="record"
        fields={texts}
        values={{ title: draft.title, summary: draft.summary, commitments: draft.commitments }}
        original={original}
        onChange={(key, value) => onChange({ ...draft, [key]: key === 'title' ? (value ?? { original }) : value })}
        errors={errors}
      />
      <PartiesField
        kind={draft.kind}
        parties={draft.parties}
        original={original}
        onChange={(parties) => onChange({ ...draft, parties })}
        errors={errors}
      />
      <fieldset className="dates">
        <legend>{t('registry.form.dates')}</legend>
        <div className="row">
          <PartialDateField
            id="record-dated"
            label={t(draft.kind === 'agreement' ? 'registry.fields.signed' : 'registry.fields.started')}
            value={draft.dated}
            onChange={(dated) => onChange({ ...draft, dated })}
            errors={errors}
            field="body.dated"
          />
          <PartialDateField
            id="record-valid-from"
            label={t('registry.fields.validFrom')}
            value={draft.validFrom}
            onChange={(validFrom) => onChange({ ...draft, validFrom })}
            errors={errors}
            field="body.validFrom"
          />
          <PartialDateField
            id="record-valid-until"
            label={t('registry.fields.validUntil')}
            value={openEnded ? null : draft.validUntil}
            disabled={openEnded}
            onChange={(validUntil) => onChange({ ...draft, validUntil: validUntil ?? '' })}
            errors={errors}
            field="body.validUntil"
          />
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={openEnded} onChange={(e) => onChange({ ...draft, validUntil: e.target.checked ? null : '' })} />{' '}
          {t('registry.fields.openEnded')}
        </label>
      </fieldset>
      <KindFields draft={draft} onChange={onChange} errors={errors} />
      <AreaCheckboxes legend={t('registry.fields.areas')} chosen={draft.areas} onChange={(areas) => onChange({ ...draft, areas })} />
      <FieldError errors={errors} field="body.areas" id="record-areas-error" />
      <label className="checkbox">
        <input type="checkbox" checked={draft.published} onChange={(e) => onChange({ ...draft, published: e.target.checked })} />{' '}
        {t('registry.form.published')}
      </label>
      <div className="row">{actions}</div>
    </div>
  );
}
