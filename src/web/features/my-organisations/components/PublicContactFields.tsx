import '../public-contact.css';
import { LANGUAGES, type Language } from '../../../../shared/languages';
import type { MultilingualText } from '../../../../shared/multilingual';
import type { PublicContact } from '../../../../shared/schemas/public-contact';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { SelectField } from '../../../shared/ui/forms';

type Kind = 'none' | PublicContact['kind'];

/**
 * The organisation's public contact, chosen by its admins: none, a role address (the office and its
 * address) or one named person (name, role in each language, address, phone).
 */
export function PublicContactFields({
  value,
  original,
  onChange,
}: {
  value: PublicContact | null;
  original: Language;
  onChange(next: PublicContact | null): void;
}) {
  const { t } = useI18n();
  const kind: Kind = value?.kind ?? 'none';
  const current: PublicContact = value ?? { kind: 'role', personName: null, label: null, email: '', phone: null };
  const setKind = (next: Kind) =>
    onChange(next === 'none' ? null : { ...current, kind: next, personName: next === 'person' ? (current.personName ?? '') : null });
  const setLabel = (lang: Language, input: string) => {
    const label: MultilingualText = { ...(current.label ?? { original }), original, [lang]: input || undefined };
    onChange({ ...current, label: LANGUAGES.some((l) => label[l]) ? label : null });
  };
  const labelName = kind === 'person' ? t('contact.personRole') : t('contact.office');
  return (
    <fieldset className="public-contact-fields">
      <legend>{t('contact.publicContact')}</legend>
      <p className="muted">{t('contact.hint')}</p>
      <SelectField
        id="contact-kind"
        label={t('contact.kind')}
        value={kind}
        options={(['none', 'role', 'person'] as const).map((k) => ({ value: k, label: t(`contact.${k}`) }))}
        onChange={setKind}
      />
      {value && (
        <>
          {value.kind === 'person' && (
            <label className="field" htmlFor="contact-person-name">
              <span>{t('contact.personName')}</span>
              <input
                id="contact-person-name"
                maxLength={200}
                value={value.personName ?? ''}
                onChange={(e) => onChange({ ...value, personName: e.target.value })}
              />
            </label>
          )}
          <div className="row">
            {LANGUAGES.map((l) => (
              <label key={l} className="field grow" htmlFor={`contact-label-${l}`} lang={l}>
                <span>{`${labelName} (${l})`}</span>
                <input
                  id={`contact-label-${l}`}
                  maxLength={200}
                  value={value.label?.[l] ?? ''}
                  onChange={(e) => setLabel(l, e.target.value)}
                />
              </label>
            ))}
          </div>
          <div className="row">
            <label className="field grow" htmlFor="contact-email">
              <span>{t('contact.email')}</span>
              <input
                id="contact-email"
                type="email"
                autoComplete="off"
                maxLength={254}
                value={value.email}
                onChange={(e) => onChange({ ...value, email: e.target.value.trim() })}
              />
            </label>
            <label className="field grow" htmlFor="contact-phone">
              <span>{t('contact.phone')}</span>
              <input
                id="contact-phone"
                type="tel"
                maxLength={40}
                value={value.phone ?? ''}
                onChange={(e) => onChange({ ...value, phone: e.target.value || null })}
              />
            </label>
          </div>
        </>
      )}
    </fieldset>
  );
}
