import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiRequestError, postJson } from '../../../shared/api/client';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { useSession } from '../../../shared/session/SessionProvider';
import { Field, Outcome, useSubmit } from '../../../shared/ui/forms';
import { useTitle } from '../../../shared/ui/useTitle';
import { safeNext } from '../safe-next';

export function SignInPage() {
  const { t } = useI18n();
  const { refresh } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [unconfirmed, setUnconfirmed] = useState(false);
  useTitle(t('accounts.signIn'));
  const { busy, error, done, onSubmit } = useSubmit(async () => {
    setUnconfirmed(false);
    try {
      await postJson('/auth/sign-in', { email, password });
    } catch (e) {
      // the link may be lost or expired: offer a new one right where the refusal is read
      if (e instanceof ApiRequestError && e.body?.error.code === 'email_not_confirmed') setUnconfirmed(true);
      throw e;
    }
    await refresh();
    navigate(safeNext(params.get('next'), window.location.origin));
  });
  const resend = useSubmit(async () => {
    await postJson('/auth/confirm-email/resend', { email });
    return t('membership.confirmationResent');
  });
  return (
    <section className="narrow">
      <h1>{t('accounts.signIn')}</h1>
      <form onSubmit={onSubmit} className="stack">
        <Field
          label={t('accounts.email')}
          name="email"
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <Field
          label={t('accounts.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <button type="submit" disabled={busy}>
          {t('accounts.signIn')}
        </button>
        <Outcome error={error} done={done} />
      </form>
      {unconfirmed && (
        <form onSubmit={resend.onSubmit}>
          <button type="submit" disabled={resend.busy}>
            {t('membership.resendConfirmation')}
          </button>
          <Outcome error={resend.error} done={resend.done} />
        </form>
      )}
      <p>
        <Link to="/forgot-password">{t('accounts.forgotPassword')}</Link> · <Link to="/sign-up">{t('accounts.signUp')}</Link>
      </p>
    </section>
  );
}
