import '../messages.css';
import { Link } from 'react-router';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { useMlString } from '../../../shared/ui/MlText';
import { Status } from '../../../shared/ui/Status';
import { useTitle } from '../../../shared/ui/useTitle';
import { useThreads } from '../api/messages';

/** The threads of the reader's organisations, newest first, unread ones marked. */
export function MessagesPage() {
  const { t, dateTime } = useI18n();
  const text = useMlString();
  const state = useThreads();
  useTitle(t('messages.title'));
  const items = state.data?.items ?? [];
  return (
    <>
      <h1>{t('messages.title')}</h1>
      <Status state={state} />
      {state.status === 'ready' && items.length === 0 && <p>{t('messages.none')}</p>}
      <ul className="cards thread-list">
        {items.map((thread) => (
          <li key={thread.id} className={`card${thread.unread ? ' unread' : ''}`}>
            <h2 className="thread-title">
              <Link to={`/messages/${thread.id}`}>{thread.title}</Link>
              {thread.unread && <span className="badge">{t('messages.unread')}</span>}
            </h2>
            <p className="meta">
              <span>{t('messages.from', { sender: text(thread.sender.name), receiver: text(thread.receiver.name) })}</span>
              <span>{t('messages.count', { count: thread.messageCount })}</span>
              <time dateTime={thread.lastMessageAt}>{dateTime(thread.lastMessageAt)}</time>
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
