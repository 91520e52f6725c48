import { Link } from 'react-router';
import type { OrganisationSummary } from '../../../../shared/schemas/organisations';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { MlText } from '../../../shared/ui/MlText';
import { MatchedText, MatchExplanation } from './SearchMatch';

export function OrganisationCard({ organisation: o, regionName }: { organisation: OrganisationSummary; regionName: string }) {
  const { t } = useI18n();
  return (
    <li className="card">
      <h3>
        <Link to={`/organisations/${o.slug}`}>
          <MatchedText value={o.name} match={o.match} field="name" />
        </Link>
      </h3>
      <p className="meta">
        <span className="badge">{t(`kinds.${o.kind}`)}</span>
        {o.shortName && <MlText value={o.shortName} className="short-name" />}
        <span>
          {o.city && (
            <>
              <MlText value={o.city} />,{' '}
            </>
          )}
          {regionName}
        </span>
        {o.source === 'synthetic' && <span className="badge synthetic">{t('directory.synthetic')}</span>}
      </p>
      {o.description && (
        <p className="description">
          <MatchedText value={o.description} match={o.match} field="description" />
        </p>
      )}
      {o.match && <MatchExplanation match={o.match} description={o.description} />}
    </li>
  );
}
