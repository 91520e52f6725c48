import { ProductText } from '../../../shared/ui/ProductCodeInput';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import type { OrganisationDetail, PersonRole } from '../../../../shared/schemas/organisations';
import type { Language } from '../../../../shared/languages';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { MlText, useMlString } from '../../../shared/ui/MlText';
import { Status } from '../../../shared/ui/Status';
import { AreaChips } from '../../../shared/ui/AreaChips';
import { useTitle } from '../../../shared/ui/useTitle';
import { useOrganisation } from '../api/organisations';
import { useApi } from '../../../shared/api/useApi';
import { useSession } from '../../../shared/session/SessionProvider';

/**
 * What the organisation's own people are told on its page: a member what a member may do, and all of them
 * why an unpublished profile is not public yet (its status, read from their own list of organisations).
 */
function OwnPeopleNotes({ organisation }: { organisation: OrganisationDetail }) {
  const { t } = useI18n();
  const text = useMlString();
  const { session } = useSession();
  const grant = session?.user?.roles.find((r) => r.organisationId === organisation.id);
  const mine = useApi<{ items: { id: string; status: string; published: boolean }[] }>(grant ? '/me/organisations' : null);
  if (!grant) return null;
  const own = mine.data?.items.find((i) => i.id === organisation.id);
  const region = text(organisation.region.name);
  return (
    <>
      {own && !own.published && own.status !== 'validated' && (
        <p role="status" className="notice">
          {t(`membership.notPublic.${own.status}`, { region })}
        </p>
      )}
      {grant.role === 'member' && <p className="notice">{t('membership.memberLine', { organisation: text(organisation.name) })}</p>}
    </>
  );
}

/** A person's name in the reader's script, with the original beside it when that differs. */
function personName(p: PersonRole, lang: Language): { shown: string; original: string | null } {
  const shown = (lang === 'ru' ? p.nameCyrillic : p.nameLatin) ?? p.name;
  return { shown, original: shown === p.name ? null : p.name };
}

/**
 * An organisation's public page; `contact`, `related` and `timeline` add sections from other features
 * (contact, suggested partners, the records it is a party of).
 */
export function OrganisationPage({
  related,
  contact,
  timeline,
}: {
  related?: (organisation: OrganisationDetail) => ReactNode;
  contact?: (organisation: OrganisationDetail) => ReactNode;
  timeline?: (organisation: OrganisationDetail) => ReactNode;
}) {
  const { slug = '' } = useParams();
  const { t, lang } = useI18n();
  const text = useMlString();
  const state = useOrganisation(slug);
  const o = state.status === 'ready' ? state.data : undefined;
  useTitle(o ? text(o.name) : null);

  if (state.status === 'error' && 'status' in state.error && state.error.status === 404) {
    return (
      <>
        <h1>{t('organisation.notFound')}</h1>
        <Link to="/organisations">{t('organisation.back')}</Link>
      </>
    );
  }
  if (!o) return <Status state={state} />;

  return (
    <article className="organisation">
      <p>
        <Link to="/organisations">← {t('organisation.back')}</Link>
      </p>
      <h1>
        <MlText value={o.name} />
      </h1>
      {o.source === 'synthetic' && (
        <p>
          <span className="badge synthetic">{t('words.example')}</span>
        </p>
      )}
      {o.shortName && <MlText as="p" value={o.shortName} className="short-name lead" />}
      <OwnPeopleNotes organisation={o} />
      {o.description && <MlText as="p" value={o.description} className="description" />}
      {contact?.(o)}

      <section aria-labelledby="facts">
        <h2 id="facts">{t('organisation.facts')}</h2>
        <dl className="facts">
          <dt>{t('organisation.kind')}</dt>
          <dd>{t(`kinds.${o.kind}`)}</dd>
          <dt>{t('organisation.sector')}</dt>
          <dd>{t(`sectors.${o.sector}`)}</dd>
          <dt>{t('organisation.region')}</dt>
          <dd>
            <MlText value={o.region.name} /> ({o.region.code})
          </dd>
          {o.city && (
            <>
              <dt>{t('organisation.city')}</dt>
              <dd>
                <MlText value={o.city} />
              </dd>
            </>
          )}
          {o.website && (
            <>
              <dt>{t('organisation.website')}</dt>
              <dd>
                <a href={o.website} rel="noopener noreferrer nofollow">
                  {o.website}
                </a>
              </dd>
            </>
          )}
        </dl>
      </section>

      <AreaChips id="areas" title={t('organisation.areas')} areas={o.areas} />

      {o.nace.length > 0 && (
        <section aria-labelledby="nace">
          <h2 id="nace">{t('organisation.nace')}</h2>
          <ul>
            {o.nace.map((n) => (
              <li key={n.code}>
                <Link to={`/organisations?nace=${n.code}`}>{n.code}</Link>{' '}
                {n.title[lang] ?? (
                  <>
                    <span lang="en">{n.title.en}</span>{' '}
                    <abbr className="fallback-marker" title={t('language.shownIn', { language: t('language.names.en') })}>
                      EN
                    </abbr>
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      {o.products.length > 0 && (
        <section aria-labelledby="products">
          <h2 id="products">{t('organisation.products')}</h2>
          <ul>
            {o.products.map((p) => (
              <li key={p.code}>
                <ProductText product={p} />
              </li>
            ))}
          </ul>
        </section>
      )}

      {timeline?.(o)}
      {related?.(o)}

      {o.people.length > 0 && (
        <section aria-labelledby="people">
          <h2 id="people">{t('organisation.people')}</h2>
          <ul className="people">
            {o.people.map((p) => {
              const name = personName(p, lang);
              return (
                <li key={p.personId}>
                  <strong>{name.shown}</strong>
                  {name.original && (
                    <span className="original-name" lang={/\p{Script=Cyrillic}/u.test(name.original) ? 'ru' : undefined}>
                      {' '}
                      ({name.original})
                    </span>
                  )}
                  {p.role && (
                    <>
                      {' — '}
                      <MlText value={p.role} />
                    </>
                  )}
                  {p.email && (
                    <>
                      {' · '}
                      <a href={`mailto:${p.email}`}>{p.email}</a>
                    </>
                  )}
                  {p.phone && (
                    <>
                      {' · '}
                      <a href={`tel:${p.phone.replace(/[^+\d]/g, '')}`}>{p.phone}</a>
                    </>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </article>
  );
}
