import { useState } from 'react';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { Outcome, useAction, useSubmit } from '../../../shared/ui/forms';
import { Status } from '../../../shared/ui/Status';
import { useFieldErrors } from '../../../shared/ui/useFieldErrors';
import { createSession, deleteSession, updateSession, useDelegations, useSessions } from '../api/events';
import type { Event, Session } from '../api/contracts';
import { draftOfSession, inputOfSession, newSessionDraft, type SessionDraft } from '../hooks/session-draft';
import { instantToLocal } from '../hooks/zoned-time';
import { ignoreNoContent } from '../api/no-content';
import { SessionLine } from './ProgrammeView';
import { SessionForm } from './SessionForm';

/** The programme's editor: its sessions in time order, each to edit or delete, and a form to add one. */
export function ProgrammeEditor({ event }: { event: Event }) {
  const { t, lang } = useI18n();
  const sessions = useSessions(event.slug);
  const delegations = useDelegations(event.slug).data?.items ?? [];
  const blank = () => newSessionDraft(lang, instantToLocal(event.startsAt, event.timeZone), '');
  const [editing, setEditing] = useState<{ session: Session | null; draft: SessionDraft } | null>(null);
  const errors = useFieldErrors();
  const save = useSubmit(() =>
    errors.keeping(async () => {
      const body = inputOfSession(editing!.draft, event.timeZone, lang);
      if (editing!.session) await updateSession(event.slug, editing!.session, body);
      else await createSession(event.slug, body);
      setEditing(null);
      sessions.reload();
      return t('events.programme.saved');
    }),
  );
  const remove = useAction();
  const removeOne = (s: Session) => remove.run(() => deleteSession(event.slug, s.id).catch(ignoreNoContent), sessions.reload);
  return (
    <section id="programme" className="stack" aria-labelledby="programme-title">
      <h2 id="programme-title">{t('events.programme.title')}</h2>
      <Status state={sessions} />
      {sessions.data && sessions.data.items.length === 0 && <p className="muted">{t('events.programme.empty')}</p>}
      <ul className="sessions">
        {(sessions.data?.items ?? []).map((s) => (
          <li key={s.id} className="card session-card">
            <SessionLine session={s} zone={event.timeZone} />
            <div className="row">
              <button
                type="button"
                className="secondary"
                onClick={() => setEditing({ session: s, draft: draftOfSession(s, event.timeZone, lang) })}
              >
                {t('events.editor.editItem')}
              </button>
              <button type="button" className="secondary" onClick={() => removeOne(s)}>
                {t('events.editor.deleteItem')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      {editing ? (
        <form onSubmit={save.onSubmit} noValidate aria-label={t('events.programme.formTitle')}>
          <h3>{editing.session ? t('events.programme.editTitle') : t('events.programme.formTitle')}</h3>
          <SessionForm
            draft={editing.draft}
            onChange={(draft) => setEditing({ ...editing, draft })}
            errors={errors}
            delegations={delegations}
            zone={event.timeZone}
          />
          <div className="row">
            <button type="submit" disabled={save.busy}>
              {t('events.programme.save')}
            </button>
            <button type="button" className="secondary" onClick={() => setEditing(null)}>
              {t('events.editor.close')}
            </button>
          </div>
        </form>
      ) : (
        <p>
          <button type="button" onClick={() => setEditing({ session: null, draft: blank() })}>
            {t('events.programme.add')}
          </button>
        </p>
      )}
      <Outcome error={save.error ?? remove.error} done={save.done} />
    </section>
  );
}
