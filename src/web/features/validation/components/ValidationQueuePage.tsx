import { Link } from 'react-router';
import type { OrganisationSummary } from '../../../../shared/schemas/organisations';
import type { ProfileChanges } from '../../../../shared/schemas/profile';
import { useApi } from '../../../shared/api/useApi';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { MlText, useMlString } from '../../../shared/ui/MlText';
import { Status } from '../../../shared/ui/Status';
import { useTitle } from '../../../shared/ui/useTitle';
import { DecisionForm } from './DecisionForm';

type Item = OrganisationSummary & { pending: ProfileChanges; submittedAt: string };

export function ValidationQueuePage() {
  const { t, dateTime } = useI18n();
  const state = useApi<{ items: Item[] }>('/validation-queue');
  const text = useMlString();
  useTitle(t('validation.title'));
  return (
    <>
      <h1>{t('validation.title')}</h1>
      <Status state={state} />
      {state.data?.items.length === 0 && <p>{t('validation.empty')}</p>}
      <ul className="cards">
        {(state.data?.items ?? []).map((item) => (
          <li key={item.id} className="card">
            <h2 className="card-title">
              <MlText value={item.pending.name} />
            </h2>
            <p className="meta">
              <span className="badge">{t(`kinds.${item.pending.kind}`)}</span>
              <span>{item.pending.region}</span>
              <span>{dateTime(item.submittedAt)}</span>
            </p>
            {item.pending.region !== item.regionCode && (
              <p className="notice" role="note">
                {t('validation.movingRegion', { from: item.regionCode, to: item.pending.region })}
              </p>
            )}
            {item.pending.description && <MlText as="p" value={item.pending.description} />}
            <p>
              <Link to={`/validation/${item.slug}`}>
                {t('review.open')}
                <span className="visually-hidden">: {text(item.pending.name)}</span>
              </Link>
            </p>
            <DecisionForm slug={item.slug} onDone={state.reload} />
          </li>
        ))}
      </ul>
    </>
  );
}
