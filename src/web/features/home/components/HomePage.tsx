import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { queryString } from '../../../shared/api/client';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { MlText, useMlString } from '../../../shared/ui/MlText';
import { Status } from '../../../shared/ui/Status';
import { AreaChips } from '../../../shared/ui/AreaChips';
import { hasRole, useSession } from '../../../shared/session/SessionProvider';
import { useTitle } from '../../../shared/ui/useTitle';
import { usePartnership, usePartnerships } from '../api/partnerships';
import { CountBars } from './CountBars';

/**
 * The home page of a partnership between regions: both sides, their institutions and counts; `timeline`
 * adds the partnership's timeline (another feature, loaded when the page is).
 */
export function HomePage({ timeline }: { timeline?: (slug: string) => ReactNode } = {}) {
  const { t } = useI18n();
  const text = useMlString();
  const list = usePartnerships();
  const slug = list.data?.items[0]?.slug ?? null;
  const state = usePartnership(slug);
  const { session } = useSession();
  useTitle(null);

  if (list.status === 'ready' && !slug) return <p>{t('home.noPartnership')}</p>;
  const p = state.status === 'ready' ? state.data : undefined;
  // coordinators of a side's regions (or of the region around them) and administrators edit the partnership
  const canEdit =
    !!p &&
    (hasRole(session, 'platform_admin') ||
      !!session?.user?.roles.some(
        (r) =>
          r.role === 'regional_coordinator' &&
          p.sides.some((side) => side.regions.some((reg) => reg.code === r.regionCode || reg.parentCode === r.regionCode)),
      ));
  if (!p) return list.status === 'ready' ? <Status state={state} /> : <Status state={list} />;

  return (
    <>
      <section className="hero">
        <h1>
          <MlText value={p.name} />
        </h1>
        {p.description && <MlText as="p" value={p.description} className="lead" />}
        {canEdit && (
          <p>
            <Link to={`/partnerships/${p.slug}/edit`}>{t('partnership.edit')}</Link>
          </p>
        )}
      </section>

      <div className="sides">
        {p.sides.map((side) => {
          const regions = side.regions.map((r) => r.code);
          return (
            <section key={text(side.name)} className="side" aria-labelledby={`side-${regions[0]}`}>
              <h2 id={`side-${regions[0]}`}>
                <MlText value={side.name} />
              </h2>
              <p className="regions">
                {side.regions.map((r, i) => (
                  <span key={r.code}>
                    {i > 0 && ', '}
                    <MlText value={r.name} /> <span className="code">{r.code}</span>
                  </span>
                ))}
              </p>
              <p>
                <Link to={`/organisations${queryString({ region: regions })}`}>{t('home.browseSide', { side: text(side.name) })}</Link> (
                {t('home.organisations', { count: side.stats.total })})
              </p>
              <h3>{t('home.institutions')}</h3>
              <ul className="institutions">
                {side.institutions.map((o) => (
                  <li key={o.id}>
                    <Link to={`/organisations/${o.slug}`}>
                      <MlText value={o.shortName ?? o.name} />
                    </Link>{' '}
                    <span className="muted">— {t(`kinds.${o.kind}`)}</span>
                    {o.source === 'synthetic' && <span className="badge synthetic">{t('words.example')}</span>}
                  </li>
                ))}
              </ul>
              <CountBars
                title={t('home.byKind')}
                counts={side.stats.byKind.map((k) => ({ label: t(`kinds.${k.value}`), count: k.count }))}
              />
              <CountBars
                title={t('home.bySector')}
                counts={side.stats.bySector.map((s) => ({ label: t(`sectors.${s.value}`), count: s.count }))}
              />
            </section>
          );
        })}
      </div>

      <AreaChips id="areas" title={t('home.areas')} areas={p.areas} />
      {timeline?.(p.slug)}
    </>
  );
}
