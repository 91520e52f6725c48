import { useState } from 'react';
import { formatPartialDate } from '../../../../shared/partial-date';
import { STAGES, type StageModel } from '../../../../shared/registry';
import { REGISTRY_LIMITS, type RegistryRecord } from '../../../../shared/schemas/registry';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { Outcome, SelectField, useSubmit } from '../../../shared/ui/forms';
import { changeStage } from '../api/registry';
import { useFieldErrors } from '../../../shared/ui/useFieldErrors';
import { FieldError } from '../../../shared/ui/FieldError';
import { PartialDateField } from './PartialDateField';

const today = () => new Date().toISOString().slice(0, 10);

/** The stage the pipeline goes to next, when the reader may move the record there; else the first they may. */
function proposedStage(record: RegistryRecord): string {
  const { pipeline } = STAGES[record.kind] as StageModel;
  const next = pipeline[pipeline.indexOf(record.stage) + 1];
  return next && record.allowedStages.includes(next) ? next : (record.allowedStages[0] ?? '');
}

/** The record's stages, oldest first (when, why, who), and, for its editors, the move to another. */
export function StageHistory({ record, onChange }: { record: RegistryRecord; onChange(): void }) {
  const { t, lang, dateTime } = useI18n();
  const stage = (s: string) => t(`registry.stages.${record.kind}.${s}`);
  return (
    <section aria-labelledby="record-stages">
      <h2 id="record-stages">{t('registry.stage.history')}</h2>
      <ol className="stage-history">
        {record.stageHistory.map((c, i) => (
          <li key={i}>
            <time dateTime={c.happened.value}>{formatPartialDate(c.happened.value, lang)}</time>{' '}
            <strong>{c.from ? t('registry.stage.fromTo', { from: stage(c.from), to: stage(c.to) }) : stage(c.to)}</strong>
            {c.reason && (
              <>
                {' — '}
                <q>{c.reason}</q>
              </>
            )}
            <span className="muted">
              {' '}
              ({t('registry.stage.recordedBy', { who: c.by ?? t('registry.stage.someone'), at: dateTime(c.recordedAt) })})
            </span>
          </li>
        ))}
      </ol>
      {record.canEdit && record.allowedStages.length > 0 && <StageChangeForm key={record.version} record={record} onChange={onChange} />}
    </section>
  );
}

function StageChangeForm({ record, onChange }: { record: RegistryRecord; onChange(): void }) {
  const { t } = useI18n();
  const [to, setTo] = useState(proposedStage(record));
  const [happened, setHappened] = useState<string | null>(today());
  const [reason, setReason] = useState('');
  const errors = useFieldErrors();
  const submit = useSubmit(async () => {
    await errors.keeping(() =>
      changeStage(record.kind, record.slug, { to, happened: happened ?? undefined, reason: reason.trim() || undefined }, record.version),
    );
    onChange();
  });
  return (
    <form className="stack stage-change" onSubmit={submit.onSubmit} aria-labelledby="stage-change-title">
      <h3 id="stage-change-title">{t('registry.stage.move')}</h3>
      {record.canCoordinate && <p className="muted">{t('registry.stage.coordinatorHint')}</p>}
      <div className="row">
        <SelectField
          id="stage-to"
          label={t('registry.stage.to')}
          value={to}
          options={record.allowedStages.map((s) => ({ value: s, label: t(`registry.stages.${record.kind}.${s}`) }))}
          onChange={setTo}
        />
        <PartialDateField
          id="stage-happened"
          label={t('registry.stage.happened')}
          value={happened}
          onChange={setHappened}
          errors={errors}
          field="body.happened"
        />
      </div>
      <FieldError errors={errors} field="body.to" id="stage-to-error" />
      <div className="field">
        <label htmlFor="stage-reason">{t('registry.stage.reason')}</label>
        <textarea
          id="stage-reason"
          rows={2}
          maxLength={REGISTRY_LIMITS.reason}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      <Outcome error={submit.error} done={null} />
      <div className="row">
        <button type="submit" disabled={submit.busy || !to}>
          {t('registry.stage.submit')}
        </button>
      </div>
    </form>
  );
}
