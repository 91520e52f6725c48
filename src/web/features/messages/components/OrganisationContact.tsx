import type { OrganisationDetail } from '../../../../shared/schemas/organisations';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { MlText } from '../../../shared/ui/MlText';
import { ContactButton } from './ContactButton';

/** The organisation's public contact (its e-mail and phone for those who may see them) and the way to write to it. */
export function OrganisationContact({ organisation }: { organisation: OrganisationDetail }) {
  const { t } = useI18n();
  const c = organisation.contact;
  return (
    <section aria-labelledby="contact" className="organisation-contact">
      <h2 id="contact">{t('contact.heading')}</h2>
      {c && (
        <p className="public-contact">
          {c.personName && <strong>{c.personName}</strong>}
          {c.personName && c.label && ' — '}
          {c.label && <MlText value={c.label} />}
          {c.email && (
            <>
              {' · '}
              <a href={`mailto:${c.email}`}>{c.email}</a>
            </>
          )}
          {c.phone && (
            <>
              {' · '}
              <a href={`tel:${c.phone.replace(/[^+\d]/g, '')}`}>{c.phone}</a>
            </>
          )}
        </p>
      )}
      {c && c.email === undefined && <p className="muted">{t('contact.detailsHidden')}</p>}
      <ContactButton slug={organisation.slug} name={organisation.name} eager />
    </section>
  );
}
