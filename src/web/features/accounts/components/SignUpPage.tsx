import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { LANGUAGES, type Language } from '../../../../shared/languages';
import { postJson } from '../../../shared/api/client';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { Field, Outcome, SelectField, useSubmit } from '../../../shared/ui/forms';
import { useTitle } from '../../../shared/ui/useTitle';
import { useInvitationPreview } from '../invitation';

export function SignUpPage() {
  const { t, lang } = useI18n();
  const [params] = useSearchParams();
  const invitation = params.get('invitation') ?? undefined;
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [language, setLanguage] = useState<Language>(lang);
  // an invitation is for one address: the form takes it from the invitation and keeps it
  const invited = useInvitationPreview(invitation).invitation?.email;
  useEffect(() => {
    if (invited) setEmail(invited);
  }, [invited]);
  useTitle(t('accounts.signUp'));
  const { busy, error, done, onSubmit } = useSubmit(async () => {
    await postJson('/auth/sign-up', { email, password, displayName, language, ...(invitation ? { invitation } : {}) });
    return invitation ? t('accounts.signedUpInvited') : t('accounts.signedUp');
  });
  return (
    <section className="narrow">
      <h1>{t('accounts.signUp')}</h1>
      {done ? (
        <>
          <Outcome error={null} done={done} />
          <p>
            <Link to="/sign-in">{t('accounts.signIn')}</Link>
          </p>
        </>
      ) : (
        <form onSubmit={onSubmit} className="stack">
          <Field
            label={t('accounts.displayName')}
            name="displayName"
            required
            maxLength={120}
            value={displayName}
            onChange={(e) => setDisplayName(e.target.value)}
          />
          <Field
            label={t('accounts.email')}
            name="email"
            type="email"
            autoComplete="email"
            required
            readOnly={!!invited}
            hint={invited ? t('membership.invitedAddress') : undefined}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <Field
            label={t('accounts.password')}
            hint={t('accounts.passwordHint')}
            name="password"
            type="password"
            autoComplete="new-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <SelectField
            id="language"
            label={t('accounts.emailLanguage')}
            value={language}
            options={LANGUAGES.map((l) => ({ value: l, label: t(`language.names.${l}`) }))}
            onChange={(l) => setLanguage(l)}
          />
          <button type="submit" disabled={busy}>
            {t('accounts.signUp')}
          </button>
          <Outcome error={error} done={null} />
        </form>
      )}
    </section>
  );
}
