import { useState, type ReactNode } from 'react';
import type { PartnerSuggestions } from '../../../../shared/schemas/matching';
import { Link } from 'react-router';
import { useRegions } from '../../../shared/api/reference';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { hasRole, useSession } from '../../../shared/session/SessionProvider';
import { useAction } from '../../../shared/ui/forms';
import { MlText, useMlString } from '../../../shared/ui/MlText';
import { Status } from '../../../shared/ui/Status';
import { dismiss, undismiss, useDismissed, usePartners, type PartnerFilters } from '../api/partners';
import { PartnerExplanation } from './PartnerExplanation';
import { PartnerFilterBar } from './PartnerFilterBar';
import { firstLine, matchStrength } from './match-words';

/**
 * Suggested partners for an organisation, with why each is suggested; its own people can set one aside
 * ("not interested") and take it back.
 */
export function SuggestedPartners({
  organisationId,
  slug,
  cardAction,
}: {
  organisationId: string;
  slug: string;
  /** What another feature adds to each card ("Contact this organisation"). */
  cardAction?: (partner: PartnerSuggestions['items'][number]['organisation']) => ReactNode;
}) {
  const { t } = useI18n();
  const text = useMlString();
  const { session } = useSession();
  const [filters, setFilters] = useState<PartnerFilters>({});
  const [showDismissed, setShowDismissed] = useState(false);
  const state = usePartners(slug, filters);
  const regions = new Map((useRegions().data?.items ?? []).map((r) => [r.code, r.name]));
  const canMark = hasRole(session, 'platform_admin') || !!session?.user?.roles.some((r) => r.organisationId === organisationId);
  const dismissed = useDismissed(slug, canMark && showDismissed);
  const action = useAction();
  const after = () => {
    state.reload();
    dismissed.reload();
  };

  return (
    <section aria-labelledby="partners" className="partners">
      <h2 id="partners">{t('partners.title')}</h2>
      <p className="muted">{t('partners.intro')}</p>
      <PartnerFilterBar filters={filters} onChange={setFilters} />
      <Status state={state} />
      {action.error && (
        <p role="alert" className="error">
          {action.error}
        </p>
      )}
      {state.data && state.data.items.length === 0 && <p>{t('partners.none')}</p>}
      <ol className="cards partner-list">
        {(state.data?.items ?? []).map((s) => (
          <li key={s.organisation.id} className="card">
            <h3>
              <Link to={`/organisations/${s.organisation.slug}`}>
                <MlText value={s.organisation.name} />
              </Link>
            </h3>
            <p className="meta">
              <span className="badge">{t(`kinds.${s.organisation.kind}`)}</span>
              <span>{text(regions.get(s.organisation.regionCode)) || s.organisation.regionCode}</span>
              <span className={`strength ${matchStrength(s.score)}`}>{t(`words.strength.${matchStrength(s.score)}`)}</span>
              {s.organisation.source === 'synthetic' && <span className="badge synthetic">{t('words.example')}</span>}
            </p>
            <MlText as="p" className="partner-does" value={firstLine(s.organisation.description)} />
            <PartnerExplanation explanation={s.explanation} score={s.score} />
            {cardAction?.(s.organisation)}
            {canMark && (
              <button type="button" className="link-button" onClick={() => action.run(() => dismiss(slug, s.organisation.slug), after)}>
                {t('partners.notInterested')}
              </button>
            )}
          </li>
        ))}
      </ol>
      {canMark && (state.data?.dismissedCount ?? 0) > 0 && (
        <details open={showDismissed} onToggle={(e) => setShowDismissed((e.target as HTMLDetailsElement).open)}>
          <summary>{t('partners.dismissed', { count: state.data!.dismissedCount })}</summary>
          <ul>
            {(dismissed.data?.items ?? []).map((d) => (
              <li key={d.organisation.id}>
                <MlText value={d.organisation.name} />{' '}
                <button type="button" className="link-button" onClick={() => action.run(() => undismiss(slug, d.organisation.slug), after)}>
                  {t('partners.undo')}
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
