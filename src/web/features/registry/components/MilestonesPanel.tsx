import { useState } from 'react';
import { formatPartialDate } from '../../../../shared/partial-date';
import { REGISTRY_LIMITS, type RegistryRecord } from '../../../../shared/schemas/registry';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { Outcome, useAction, useSubmit } from '../../../shared/ui/forms';
import { MlText } from '../../../shared/ui/MlText';
import { addMilestone, updateMilestone } from '../api/registry';
import { useFieldErrors } from '../../../shared/ui/useFieldErrors';
import { FieldError } from '../../../shared/ui/FieldError';

const today = () => new Date().toISOString().slice(0, 10);

/** An initiative's milestones: due and done days, overdue ones marked; its editors add them and mark them done. */
export function MilestonesPanel({ record, onChange }: { record: RegistryRecord; onChange(): void }) {
  const { t, lang } = useI18n();
  const done = useAction();
  const day = (d: string) => formatPartialDate(d, lang);
  return (
    <section aria-labelledby="record-milestones">
      <h2 id="record-milestones">{t('registry.milestones.title')}</h2>
      {record.milestones.length === 0 && <p className="muted">{t('registry.milestones.none')}</p>}
      <ul className="milestone-list">
        {record.milestones.map((m) => (
          <li key={m.id} className={m.overdue ? 'milestone overdue' : 'milestone'}>
            <MlText value={m.title} />
            {m.dueOn && <span className="muted"> — {t('registry.milestones.due', { date: day(m.dueOn) })}</span>}
            {m.doneOn && <span className="badge done"> {t('registry.milestones.doneOn', { date: day(m.doneOn) })}</span>}
            {m.overdue && <span className="badge overdue-badge">{t('registry.milestones.overdue')}</span>}
            {record.canEdit && !m.doneOn && (
              <button
                type="button"
                className="link-button"
                onClick={() => done.run(() => updateMilestone(record.slug, m.id, { doneOn: today() }), onChange)}
              >
                {t('registry.milestones.markDone')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <Outcome error={done.error} done={null} />
      {record.canEdit && <NewMilestone slug={record.slug} onChange={onChange} />}
    </section>
  );
}

function NewMilestone({ slug, onChange }: { slug: string; onChange(): void }) {
  const { t, lang } = useI18n();
  const [title, setTitle] = useState('');
  const [dueOn, setDueOn] = useState('');
  const errors = useFieldErrors();
  const submit = useSubmit(async () => {
    await errors.keeping(() => addMilestone(slug, { title: { original: lang, [lang]: title.trim() }, dueOn: dueOn || null }));
    setTitle('');
    setDueOn('');
    onChange();
  });
  return (
    <form className="stack new-milestone" onSubmit={submit.onSubmit}>
      <h3>{t('registry.milestones.add')}</h3>
      <div className="row">
        <div className="field grow">
          <label htmlFor="milestone-title">{t('registry.milestones.name')}</label>
          <input id="milestone-title" required maxLength={REGISTRY_LIMITS.title} value={title} onChange={(e) => setTitle(e.target.value)} />
          <FieldError errors={errors} field="body.title" id="milestone-title-error" />
        </div>
        <div className="field">
          <label htmlFor="milestone-due">{t('registry.milestones.dueOn')}</label>
          <input id="milestone-due" type="date" value={dueOn} onChange={(e) => setDueOn(e.target.value)} />
          <FieldError errors={errors} field="body.dueOn" id="milestone-due-error" />
        </div>
      </div>
      <Outcome error={submit.error} done={null} />
      <div className="row">
        <button type="submit" disabled={submit.busy}>
          {t('registry.milestones.addButton')}
        </button>
      </div>
    </form>
  );
}
