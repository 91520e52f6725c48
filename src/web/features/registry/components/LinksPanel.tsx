import { useState } from 'react';
import { Link } from 'react-router';
import { RECORD_KINDS, type RecordKind } from '../../../../shared/registry';
import type { RegistryRecord } from '../../../../shared/schemas/registry';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { Outcome, SelectField, useAction, useSubmit } from '../../../shared/ui/forms';
import { MlText, useMlString } from '../../../shared/ui/MlText';
import { TypeaheadSelect } from '../../../shared/ui/Typeahead';
import { addLink, recordPage, removeLink, useRecordList } from '../api/registry';
import { useFieldErrors } from '../../../shared/ui/useFieldErrors';
import { FieldError } from '../../../shared/ui/FieldError';

const isRecordKind = (kind: string): kind is RecordKind => (RECORD_KINDS as readonly string[]).includes(kind);

/** The records this one is linked to, either way; its editors link another record or remove a link they made. */
export function LinksPanel({ record, onChange }: { record: RegistryRecord; onChange(): void }) {
  const { t } = useI18n();
  const remove = useAction();
  if (record.links.length === 0 && !record.canEdit) return null;
  return (
    <section aria-labelledby="record-links">
      <h2 id="record-links">{t('registry.links.title')}</h2>
      {record.links.length === 0 && <p className="muted">{t('registry.links.none')}</p>}
      <ul className="link-list">
        {record.links.map((l) => (
          <li key={`${l.kind}:${l.id}`}>
            <span className="muted">{isRecordKind(l.kind) ? t(`registry.kinds.${l.kind}.one`) : l.kind}</span>{' '}
            {isRecordKind(l.kind) && l.slug ? (
              <Link to={recordPage(l.kind, l.slug)}>{l.title ? <MlText value={l.title} /> : l.slug}</Link>
            ) : (
              <MlText value={l.title} />
            )}
            {record.canEdit && l.direction === 'out' && (
              <button
                type="button"
                className="link-button"
                onClick={() => remove.run(() => removeLink(record.kind, record.slug, l.kind, l.id), onChange)}
              >
                {t('registry.links.remove')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <Outcome error={remove.error} done={null} />
      {record.canEdit && <NewLink record={record} onChange={onChange} />}
    </section>
  );
}

/** A record to link, chosen among the newest of a kind by its title. */
function NewLink({ record, onChange }: { record: RegistryRecord; onChange(): void }) {
  const { t } = useI18n();
  const text = useMlString();
  const [kind, setKind] = useState<RecordKind>(record.kind);
  const [target, setTarget] = useState<string | null>(null);
  const candidates = useRecordList(kind, { pageSize: 100 });
  const errors = useFieldErrors();
  const submit = useSubmit(async () => {
    await errors.keeping(() => addLink(record.kind, record.slug, { targetKind: kind, targetSlug: target ?? undefined }));
    setTarget(null);
    onChange();
  });
  const choices = (candidates.data?.items ?? [])
    .filter((r) => r.id !== record.id && !record.links.some((l) => l.id === r.id))
    .map((r) => ({ value: r.slug, label: text(r.title) || r.slug }));
  return (
    <form className="stack new-link" onSubmit={submit.onSubmit}>
      <h3>{t('registry.links.add')}</h3>
      <div className="row">
        <SelectField
          id="link-kind"
          label={t('registry.links.kind')}
          value={kind}
          options={RECORD_KINDS.map((k) => ({ value: k, label: t(`registry.kinds.${k}.one`) }))}
          onChange={(k) => {
            setKind(k);
            setTarget(null);
          }}
        />
        <TypeaheadSelect
          id="link-target"
          className="field grow"
          label={t('registry.links.record')}
          data={choices}
          value={target}
          onChange={setTarget}
          placeholder={t('registry.links.choose')}
        />
      </div>
      <FieldError errors={errors} field="body" id="link-error" />
      <Outcome error={submit.error} done={null} />
      <div className="row">
        <button type="submit" disabled={submit.busy || !target}>
          {t('registry.links.addButton')}
        </button>
      </div>
    </form>
  );
}
