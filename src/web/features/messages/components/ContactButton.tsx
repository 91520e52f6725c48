import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import type { MultilingualText } from '../../../../shared/multilingual';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { useSession } from '../../../shared/session/SessionProvider';
import { useContactOptions } from '../api/messages';
import { ContactForm } from './ContactForm';

const REASONS: Record<string, string> = {
  sender_not_validated: 'contact.notValidated',
  own_organisation: 'contact.ownOrganisation',
};

/**
 * "Contact this organisation" for signed-in people of a validated organisation; everyone else is told why
 * not. `eager` asks at once (the organisation's page); otherwise at the click (each suggested partner's card).
 */
export function ContactButton({ slug, name, eager = false }: { slug: string; name: MultilingualText; eager?: boolean }) {
  const { t } = useI18n();
  const { session } = useSession();
  const location = useLocation();
  const [open, setOpen] = useState(false);
  const signedIn = !!session?.user;
  const options = useContactOptions(signedIn && (eager || open) ? slug : null);

  if (!session) return null;
  if (!signedIn) {
    return (
      <p className="contact-action">
        <Link to={`/sign-in?next=${encodeURIComponent(location.pathname)}`}>{t('contact.signIn')}</Link>
      </p>
    );
  }
  const ready = options.status === 'ready' ? options.data : undefined;
  if (ready && !ready.allowed) {
    return <p className="contact-action muted">{t(REASONS[ready.reason ?? ''] ?? `errors.${ready.reason}`)}</p>;
  }
  if (open && ready) return <ContactForm slug={slug} name={name} senders={ready.senders} onCancel={() => setOpen(false)} />;
  return (
    <p className="contact-action">
      <button type="button" onClick={() => setOpen(true)} aria-expanded={open}>
        {t('contact.button')}
      </button>
    </p>
  );
}
