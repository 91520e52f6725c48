import { useState } from 'react';
import { foldText } from '../../../../shared/classification-codes';
import { PARTICIPATION_KINDS, QUESTION_KINDS } from '../../../../shared/events';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { Outcome, useAction, useSubmit } from '../../../shared/ui/forms';
import { Status } from '../../../shared/ui/Status';
import { useFieldErrors, type FieldErrors } from '../../../shared/ui/useFieldErrors';
import { createParticipationType, deleteParticipationType, updateParticipationType, useParticipationTypes } from '../api/events';
import type { Event, ParticipationType } from '../api/contracts';
import { ignoreNoContent } from '../api/no-content';
import { draftOfType, inputOfType, newQuestion, newTypeDraft, type QuestionDraft, type TypeDraft } from '../hooks/type-draft';
import { Named, useNamed } from './event-words';
import { ErrField, ErrSelect, EventTexts } from './EventTexts';

/** The ways to take part (speaker, delegate, company, visitor): capacity, approval, meetings, questions; with their counts. */
export function ParticipationTypesEditor({ event }: { event: Event }) {
  const { t, lang } = useI18n();
  const list = useParticipationTypes(event.slug);
  const [editing, setEditing] = useState<{ type: ParticipationType | null; draft: TypeDraft } | null>(null);
  const errors = useFieldErrors();
  const remove = useAction();
  const save = useSubmit(() =>
    errors.keeping(async () => {
      const body = inputOfType(editing!.draft, lang);
      if (editing!.type) await updateParticipationType(event.slug, editing!.type, body);
      else await createParticipationType(event.slug, body);
      setEditing(null);
      list.reload();
      return t('events.types.saved');
    }),
  );
  return (
    <section id="participation-types" className="stack" aria-labelledby="types-title">
      <h2 id="types-title">{t('events.types.title')}</h2>
      <Status state={list} />
      {list.data?.items.length === 0 && <p className="muted">{t('events.types.empty')}</p>}
      <ul className="cards">
        {(list.data?.items ?? []).map((p) => (
          <li key={p.id} className="card">
            <TypeLine type={p} />
            <div className="row">
              <button type="button" className="secondary" onClick={() => setEditing({ type: p, draft: draftOfType(p, lang) })}>
                {t('events.editor.editItem')}
              </button>
              <button
                type="button"
                className="secondary"
                onClick={() => remove.run(() => deleteParticipationType(event.slug, p.id).catch(ignoreNoContent), list.reload)}
              >
                {t('events.editor.deleteItem')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      {editing ? (
        <form onSubmit={save.onSubmit} noValidate aria-label={t('events.types.formTitle')}>
          <h3>{t('events.types.formTitle')}</h3>
          <TypeForm draft={editing.draft} onChange={(draft) => setEditing({ ...editing, draft })} errors={errors} />
          <div className="row">
            <button type="submit" disabled={save.busy}>
              {t('events.types.save')}
            </button>
            <button type="button" className="secondary" onClick={() => setEditing(null)}>
              {t('events.editor.close')}
            </button>
          </div>
        </form>
      ) : (
        <p>
          <button type="button" onClick={() => setEditing({ type: null, draft: newTypeDraft(lang) })}>
            {t('events.types.add')}
          </button>
        </p>
      )}
      <Outcome error={save.error ?? remove.error} done={save.done} />
    </section>
  );
}

/** A type's name, kind and counts: confirmed of capacity, places left, waiting, awaiting approval. */
export function TypeLine({ type }: { type: ParticipationType }) {
  const { t } = useI18n();
  const named = useNamed();
  const kind = t(`events.participationKinds.${type.kind}`);
  // a type often bears its kind's name ("Entreprise" of kind company): the badge would only repeat it
  const sameWords = foldText(named(type.name)) === foldText(kind);
  return (
    <div>
      <h3>
        <Named value={type.name} /> {!sameWords && <span className="badge">{kind}</span>}
      </h3>
      <p className="meta">
        {type.capacity === null || type.capacity === undefined
          ? t('events.types.confirmedNoLimit', { count: type.confirmedCount })
          : t('events.types.confirmedOf', { count: type.confirmedCount, capacity: type.capacity })}
        {type.waitlistedCount > 0 && ` · ${t('events.types.waitlisted', { count: type.waitlistedCount })}`}
        {type.pendingCount > 0 && ` · ${t('events.types.pending', { count: type.pendingCount })}`}
        {type.requiresApproval && ` · ${t('events.types.requiresApproval')}`}
      </p>
    </div>
  );
}

function TypeForm({ draft, onChange, errors }: { draft: TypeDraft; onChange(d: TypeDraft): void; errors: FieldErrors }) {
  const { t } = useI18n();
  const set = <K extends keyof TypeDraft>(key: K, value: TypeDraft[K]) => onChange({ ...draft, [key]: value });
  const question = (i: number, patch: Partial<QuestionDraft>) =>
    set(
      'questions',
      draft.questions.map((q, j) => (j === i ? { ...q, ...patch } : q)),
    );
  return (
    <div className="stack type-form">
      <ErrSelect
        id="type-kind"
        label={t('events.fields.participationKind')}
        field="body.kind"
        errors={errors}
        value={draft.kind}
        options={PARTICIPATION_KINDS.map((k) => ({ value: k, label: t(`events.participationKinds.${k}`) }))}
        onChange={(k) => set('kind', k as TypeDraft['kind'])}
      />
      <EventTexts
        prefix="type"
        fields={[{ key: 'name', label: t('events.fields.typeName'), maxLength: 200, required: true }]}
        values={{ name: draft.name }}
        original={draft.name.original}
        onChange={(_k, value) => set('name', value ?? { original: draft.name.original })}
        errors={errors}
      />
      <ErrField
        id="type-capacity"
        type="number"
        min={0}
        inputMode="numeric"
        label={t('events.fields.capacity')}
        hint={t('events.types.capacityHint')}
        field="body.capacity"
        errors={errors}
        value={draft.capacity}
        onChange={(e) => set('capacity', e.target.value)}
      />
      <label className="checkbox">
        <input type="checkbox" checked={draft.requiresApproval} onChange={(e) => set('requiresApproval', e.target.checked)} />{' '}
        {t('events.fields.requiresApproval')}
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={draft.meetingsAllowed} onChange={(e) => set('meetingsAllowed', e.target.checked)} />{' '}
        {t('events.fields.meetingsAllowed')}
      </label>
      <fieldset className="questions">
        <legend>{t('events.fields.questions')}</legend>
        {draft.questions.map((q, i) => (
          <div key={q.id} className="stack question-row">
            <div className="row">
              <ErrField
                id={`question-${i}-label`}
                label={t('events.types.questionLabel')}
                field={`body.questions.${i}.label`}
                errors={errors}
                maxLength={300}
                value={q.label}
                onChange={(e) => question(i, { label: e.target.value })}
              />
              <ErrSelect
                id={`question-${i}-kind`}
                label={t('events.types.questionKind')}
                field={`body.questions.${i}.kind`}
                errors={errors}
                value={q.kind}
                options={QUESTION_KINDS.map((k) => ({ value: k, label: t(`events.questionKinds.${k}`) }))}
                onChange={(k) => question(i, { kind: k as QuestionDraft['kind'] })}
              />
            </div>
            {q.kind === 'choice' && (
              <div className="field">
                <label htmlFor={`question-${i}-choices`}>{t('events.types.choices')}</label>
                <textarea
                  id={`question-${i}-choices`}
                  rows={3}
                  value={q.choices}
                  onChange={(e) => question(i, { choices: e.target.value })}
                />
              </div>
            )}
            <label className="checkbox">
              <input type="checkbox" checked={q.required} onChange={(e) => question(i, { required: e.target.checked })} />{' '}
              {t('events.types.required')}
            </label>
            <button
              type="button"
              className="secondary"
              onClick={() =>
                set(
                  'questions',
                  draft.questions.filter((_, j) => j !== i),
                )
              }
            >
              {t('events.types.removeQuestion')}
            </button>
          </div>
        ))}
        <button type="button" className="secondary" onClick={() => set('questions', [...draft.questions, newQuestion()])}>
          {t('events.types.addQuestion')}
        </button>
      </fieldset>
    </div>
  );
}
