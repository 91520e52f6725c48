import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { postJson } from '../../../shared/api/client';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { useSession } from '../../../shared/session/SessionProvider';
import { Field, Outcome, useErrorText, useSubmit } from '../../../shared/ui/forms';
import { useTitle } from '../../../shared/ui/useTitle';
import { useMlString } from '../../../shared/ui/MlText';
import { organisationHome, useInvitationPreview } from '../invitation';

/** Follows an e-mailed link that needs no more input (confirmation of an address). */
function TokenAction({ title, path, success }: { title: string; path: string; success: string }) {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const errorText = useErrorText();
  const [state, setState] = useState<{ done?: string; error?: string }>({});
  const sent = useRef(false);
  useTitle(title);
  useEffect(() => {
    if (sent.current) return; // a token is single-use: never send it twice
    sent.current = true;
    postJson(path, { token: params.get('token') ?? '' })
      .then(() => setState({ done: success }))
      .catch((e: unknown) => setState({ error: errorText(e) }));
  }, [path, params, success, errorText]);
  return (
    <section className="narrow">
      <h1>{title}</h1>
      {!state.done && !state.error && <p role="status">{t('app.loading')}</p>}
      <Outcome error={state.error ?? null} done={state.done ?? null} />
      <p>
        <Link to="/sign-in">{t('accounts.signIn')}</Link>
      </p>
    </section>
  );
}

export function ConfirmEmailPage() {
  const { t } = useI18n();
  return <TokenAction title={t('accounts.confirmEmail')} path="/auth/confirm-email" success={t('accounts.emailConfirmed')} />;
}

export function ConfirmEmailChangePage() {
  const { t } = useI18n();
  return <TokenAction title={t('accounts.confirmEmail')} path="/me/email/confirm" success={t('accounts.emailChanged')} />;
}

export function ForgotPasswordPage() {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  useTitle(t('accounts.forgotPassword'));
  const { busy, error, done, onSubmit } = useSubmit(async () => {
    await postJson('/auth/password-reset/request', { email });
    return t('accounts.resetSent');
  });
  return (
    <section className="narrow">
      <h1>{t('accounts.forgotPassword')}</h1>
      <form onSubmit={onSubmit} className="stack">
        <Field label={t('accounts.email')} name="email" type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        <button type="submit" disabled={busy}>
          {t('accounts.sendResetLink')}
        </button>
        <Outcome error={error} done={done} />
      </form>
    </section>
  );
}

export function ResetPasswordPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const [password, setPassword] = useState('');
  useTitle(t('accounts.newPassword'));
  const { busy, error, done, onSubmit } = useSubmit(async () => {
    await postJson('/auth/password-reset', { token: params.get('token') ?? '', password });
    return t('accounts.passwordReset');
  });
  return (
    <section className="narrow">
      <h1>{t('accounts.newPassword')}</h1>
      <form onSubmit={onSubmit} className="stack">
        <Field
          label={t('accounts.newPassword')}
          hint={t('accounts.passwordHint')}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <button type="submit" disabled={busy || !!done}>
          {t('accounts.save')}
        </button>
        <Outcome error={error} done={done} />
      </form>
      {done && <Link to="/sign-in">{t('accounts.signIn')}</Link>}
    </section>
  );
}

/** An invitation link: accept it when signed in, or sign up with it. */
export function InvitationPage() {
  const { t, lang } = useI18n();
  const text = useMlString();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const { session, refresh } = useSession();
  const navigate = useNavigate();
  const preview = useInvitationPreview(token);
  useTitle(t('accounts.invitation'));
  const { busy, error, onSubmit } = useSubmit(async () => {
    const { slug, role } = await postJson<{ slug: string; role: string }>('/invitations/accept', { token });
    await refresh();
    navigate(organisationHome(slug, role));
  });
  const invitation = preview.invitation;
  const role = invitation ? t(`roles.${invitation.role}`) : '';
  return (
    <section className="narrow">
      <h1>{t('accounts.invitation')}</h1>
      {invitation && (
        <p className="lead">
          {t(invitation.inviter ? 'membership.invites' : 'membership.invitesNoInviter', {
            inviter: invitation.inviter ?? '',
            organisation: text(invitation.organisation.name),
            role: lang === 'ru' ? role : role.toLowerCase(),
          })}
        </p>
      )}
      {preview.error ? (
        <p role="alert" className="error">
          {preview.error}
        </p>
      ) : session?.user ? (
        <form onSubmit={onSubmit}>
          <button type="submit" disabled={busy}>
            {t('accounts.acceptInvitation')}
          </button>
          <Outcome error={error} done={null} />
        </form>
      ) : (
        <p>
          <Link to={`/sign-up?invitation=${encodeURIComponent(token)}`}>{t('accounts.signUpToJoin')}</Link> ·{' '}
          <Link to={`/sign-in?next=${encodeURIComponent(`/invitation?token=${token}`)}`}>{t('accounts.signInToJoin')}</Link>
        </p>
      )}
    </section>
  );
}
