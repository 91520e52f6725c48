import { Link } from 'react-router';
import type { OrganisationSummary } from '../../../../shared/schemas/organisations';
import { useApi } from '../../../shared/api/useApi';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { MlText } from '../../../shared/ui/MlText';
import { Status } from '../../../shared/ui/Status';
import { useTitle } from '../../../shared/ui/useTitle';
import { organisationHome } from '../../accounts/invitation';

type Mine = OrganisationSummary & { status: string; published: boolean; myRole: string };

export function MyOrganisationsPage() {
  const { t } = useI18n();
  const state = useApi<{ items: Mine[] }>('/me/organisations');
  useTitle(t('myOrgs.title'));
  return (
    <>
      <h1>{t('myOrgs.title')}</h1>
      <p>
        <Link to="/my/organisations/new" className="button">
          {t('myOrgs.create')}
        </Link>
      </p>
      <Status state={state} />
      <ul className="cards">
        {(state.data?.items ?? []).map((o) => (
          <li key={o.id} className="card">
            <h2 className="card-title">
              <Link to={organisationHome(o.slug, o.myRole)}>
                <MlText value={o.name} />
              </Link>
            </h2>
            <p className="meta">
              <span className="badge">{t(`status.${o.status}`)}</span>
              <span>{t(`roles.${o.myRole}`)}</span>
              {o.published && o.myRole !== 'member' && <Link to={`/organisations/${o.slug}`}>{t('myOrgs.publicPage')}</Link>}
              {o.published && <Link to={`/my/organisations/${o.slug}/partners`}>{t('partners.title')}</Link>}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
