import '../messages.css';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { MultilingualText } from '../../../../shared/multilingual';
import type { ContactOptions } from '../../../../shared/schemas/messaging';
import { MESSAGE_LIMITS } from '../../../../shared/schemas/messaging';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { Outcome, SelectField, useSubmit } from '../../../shared/ui/forms';
import { useMlString } from '../../../shared/ui/MlText';
import { contactOrganisation } from '../api/messages';

/** The letter to an organisation: subject, message, and on behalf of which of the writer's organisations. */
export function ContactForm({
  slug,
  name,
  senders,
  onCancel,
}: {
  slug: string;
  name: MultilingualText;
  senders: ContactOptions['senders'];
  onCancel(): void;
}) {
  const { t, lang } = useI18n();
  const text = useMlString();
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [message, setMessage] = useState('');
  const [sender, setSender] = useState(senders[0]?.slug ?? '');
  const submit = useSubmit(async () => {
    const thread = await contactOrganisation(slug, { title, text: message, senderOrganisation: sender, language: lang });
    void navigate(`/messages/${thread.id}`);
  });
  const id = `contact-${slug}`;
  return (
    <form className="stack contact-form" onSubmit={submit.onSubmit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('contact.formTitle', { organisation: text(name) })}</h3>
      {senders.length > 1 ? (
        <SelectField
          id={`${id}-sender`}
          label={t('contact.onBehalfOf')}
          value={sender}
          options={senders.map((s) => ({ value: s.slug, label: text(s.name) }))}
          onChange={setSender}
        />
      ) : (
        <p className="muted">{t('contact.writingFor', { organisation: text(senders[0]?.name) })}</p>
      )}
      <div className="field">
        <label htmlFor={`${id}-subject`}>{t('contact.subject')}</label>
        <input id={`${id}-subject`} required maxLength={MESSAGE_LIMITS.title} value={title} onChange={(e) => setTitle(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-message`}>{t('contact.message')}</label>
        <textarea
          id={`${id}-message`}
          required
          rows={8}
          maxLength={MESSAGE_LIMITS.text}
          value={message}
          onChange={(e) => setMessage(e.target.value)}
        />
      </div>
      <p className="muted">{t('contact.privacy')}</p>
      <Outcome error={submit.error} done={submit.done} />
      <div className="row">
        <button type="submit" disabled={submit.busy}>
          {t('contact.send')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('contact.cancel')}
        </button>
      </div>
    </form>
  );
}
