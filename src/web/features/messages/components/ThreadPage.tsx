import '../messages.css';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { MESSAGE_LIMITS } from '../../../../shared/schemas/messaging';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { Outcome, useSubmit } from '../../../shared/ui/forms';
import { MlText, useMlString } from '../../../shared/ui/MlText';
import { Status } from '../../../shared/ui/Status';
import { useTitle } from '../../../shared/ui/useTitle';
import { replyInThread, useThread } from '../api/messages';

/** One thread: its messages, each in the language it was written in, and the reply box. */
export function ThreadPage() {
  const { id = '' } = useParams();
  const { t, lang, dateTime } = useI18n();
  const text = useMlString();
  const state = useThread(id);
  const thread = state.data;
  const [reply, setReply] = useState('');
  useTitle(thread?.title ?? t('messages.title'));
  const submit = useSubmit(async () => {
    await replyInThread(id, { text: reply, language: lang });
    setReply('');
    state.reload();
  });

  if (state.status === 'error' && 'status' in state.error && state.error.status === 404) {
    return (
      <>
        <h1>{t('messages.notFound')}</h1>
        <Link to="/messages">{t('messages.back')}</Link>
      </>
    );
  }
  if (!thread) return <Status state={state} />;
  const orgOf = (side: 'sender' | 'receiver') => (side === 'sender' ? thread.sender : thread.receiver);
  return (
    <article className="thread">
      <p>
        <Link to="/messages">← {t('messages.back')}</Link>
      </p>
      <h1>{thread.title}</h1>
      <p className="meta">
        <Link to={`/organisations/${thread.sender.slug}`}>
          <MlText value={thread.sender.name} />
        </Link>
        {' → '}
        <Link to={`/organisations/${thread.receiver.slug}`}>
          <MlText value={thread.receiver.name} />
        </Link>
      </p>
      <ol className="thread-messages">
        {thread.messages.map((m) => (
          <li key={m.id} className={`thread-message ${m.side}${m.mine ? ' mine' : ''}`}>
            <p className="meta">
              <strong>{m.mine ? t('messages.you') : (m.author ?? '—')}</strong>
              <span>{text(orgOf(m.side).name)}</span>
              <time dateTime={m.createdAt}>{dateTime(m.createdAt)}</time>
            </p>
            <p className="thread-body" lang={m.language}>
              {m.body}
            </p>
          </li>
        ))}
      </ol>
      <form className="stack reply-form" onSubmit={submit.onSubmit}>
        <div className="field">
          <label htmlFor="thread-reply">{t('messages.reply')}</label>
          <textarea
            id="thread-reply"
            required
            rows={5}
            maxLength={MESSAGE_LIMITS.text}
            value={reply}
            onChange={(e) => setReply(e.target.value)}
          />
        </div>
        <Outcome error={submit.error} done={submit.done} />
        <div className="row">
          <button type="submit" disabled={submit.busy}>
            {t('messages.sendReply')}
          </button>
        </div>
      </form>
    </article>
  );
}
