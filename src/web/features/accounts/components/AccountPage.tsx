import { useState } from 'react';
import { sendJson } from '../../../shared/api/client';
import { useApi } from '../../../shared/api/useApi';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { hasRole, useSession } from '../../../shared/session/SessionProvider';
import { SubmissionEmailsSetting } from './SubmissionEmailsSetting';
import { Field, Outcome, useAction, useSubmit } from '../../../shared/ui/forms';
import { useTitle } from '../../../shared/ui/useTitle';

interface SessionItem {
  id: string;
  current: boolean;
  createdAt: string;
  lastSeenAt: string;
  userAgent: string | null;
  ip: string | null;
}

export function AccountPage() {
  const { t, dateTime } = useI18n();
  const { session } = useSession();
  const sessions = useApi<{ items: SessionItem[] }>('/me/sessions');
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [emailPassword, setEmailPassword] = useState('');
  const [newEmail, setNewEmail] = useState('');
  useTitle(t('accounts.myAccount'));
  const password = useSubmit(async () => {
    await sendJson('POST', '/me/password', { currentPassword: current, newPassword: next });
    sessions.reload();
    return t('accounts.passwordChanged');
  });
  const email = useSubmit(async () => {
    await sendJson('POST', '/me/email', { password: emailPassword, email: newEmail });
    return t('accounts.emailChangeSent');
  });
  const end = useAction();

  if (!session?.user) return null;

  return (
    <>
      <h1>{t('accounts.myAccount')}</h1>
      <p>
        {session.user.displayName} · {session.user.email}
      </p>
      <div className="columns">
        <section aria-labelledby="change-password">
          <h2 id="change-password">{t('accounts.changePassword')}</h2>
          <form onSubmit={password.onSubmit} className="stack">
            <Field
              label={t('accounts.currentPassword')}
              name="currentPassword"
              type="password"
              autoComplete="current-password"
              required
              value={current}
              onChange={(e) => setCurrent(e.target.value)}
            />
            <Field
              label={t('accounts.newPassword')}
              hint={t('accounts.passwordHint')}
              name="newPassword"
              type="password"
              autoComplete="new-password"
              required
              value={next}
              onChange={(e) => setNext(e.target.value)}
            />
            <button type="submit" disabled={password.busy}>
              {t('accounts.save')}
            </button>
            <Outcome error={password.error} done={password.done} />
          </form>
        </section>
        <section aria-labelledby="change-email">
          <h2 id="change-email">{t('accounts.changeEmail')}</h2>
          <form onSubmit={email.onSubmit} className="stack">
            <Field
              label={t('accounts.newEmail')}
              name="newEmail"
              type="email"
              required
              value={newEmail}
              onChange={(e) => setNewEmail(e.target.value)}
            />
            <Field
              label={t('accounts.password')}
              name="emailPassword"
              type="password"
              autoComplete="current-password"
              required
              value={emailPassword}
              onChange={(e) => setEmailPassword(e.target.value)}
            />
            <button type="submit" disabled={email.busy}>
              {t('accounts.save')}
            </button>
            <Outcome error={email.error} done={email.done} />
          </form>
        </section>
      </div>
      {hasRole(session, 'regional_coordinator') && <SubmissionEmailsSetting />}
      <section aria-labelledby="sessions">
        <h2 id="sessions">{t('accounts.sessions')}</h2>
        <table className="table stacked">
          <thead>
            <tr>
              <th scope="col">{t('accounts.device')}</th>
              <th scope="col">{t('accounts.lastSeen')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('accounts.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {(sessions.data?.items ?? []).map((s) => (
              <tr key={s.id}>
                <td data-label={t('accounts.device')}>
                  {s.userAgent ?? '—'} {s.ip && <span className="muted">({s.ip})</span>}
                </td>
                <td data-label={t('accounts.lastSeen')}>{dateTime(s.lastSeenAt)}</td>
                <td>
                  {s.current ? (
                    <strong>{t('accounts.thisSession')}</strong>
                  ) : (
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => end.run(() => sendJson('DELETE', `/me/sessions/${s.id}`), sessions.reload)}
                    >
                      {t('accounts.endSession')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <Outcome error={end.error} done={null} />
      </section>
    </>
  );
}
