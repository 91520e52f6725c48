import '../marketplace.css';
import { Link, useParams } from 'react-router';
import type { Offer } from '../../../../shared/schemas/offers';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { useSession } from '../../../shared/session/SessionProvider';
import { MlText, useMlString } from '../../../shared/ui/MlText';
import { Status } from '../../../shared/ui/Status';
import { useTitle } from '../../../shared/ui/useTitle';
import { useReferenceNames } from '../../../shared/ui/useReferenceNames';
import { useOffer } from '../api/marketplace';
import { FollowButton } from './FollowButton';
import { InterestForm } from './InterestForm';
import { MatchesPanel } from './MatchesPanel';
import { Day, KindBadge, OwnerName, StageBadge } from './offer-words';
import { OwnerActions } from './OwnerActions';
import { ReceivedInterests } from './ReceivedInterests';
import { ReviewActions } from './ReviewActions';
import { OfferHistory } from './OfferHistory';

/**
 * An offer or request: what it is and seeks; for a member of another organisation, the way to express
 * interest and to follow it; for its people, its stage's actions and the interests received; for a
 * coordinator of its region, the review. The page's title is the offer's own: never its owner's name.
 */
export function OfferPage() {
  const { slug = '' } = useParams();
  const { t } = useI18n();
  const text = useMlString();
  const state = useOffer(slug);
  const offer = state.data;
  useTitle(offer ? text(offer.title) : t('marketplace.title'));
  if (!offer) return <Status state={state} />;
  return (
    <article className="offer-page">
      <p>
        <Link to="/marketplace">← {t('marketplace.title')}</Link>
      </p>
      <p className="meta">
        <KindBadge kind={offer.kind} />
        <StageBadge stage={offer.stage} />
      </p>
      <h1>
        <MlText value={offer.title} />
      </h1>
      <p className="offer-owner">
        <OwnerName offer={offer} />
      </p>
      {state.status === 'error' && <Status state={state} />}
      {offer.can.edit && <OwnerActions offer={offer} onChanged={state.reload} />}
      {offer.can.review && offer.stage === 'submitted' && <ReviewActions offer={offer} onChanged={state.reload} />}
      <OfferDetails offer={offer} />
      <Engage offer={offer} />
      {offer.can.edit && <ReceivedInterests offer={offer} />}
      {offer.stage === 'published' && <MatchesPanel offer={offer} />}
      <OfferHistory history={offer.history} />
    </article>
  );
}

/** Express interest and follow, for a signed-in member of another organisation; a visitor is asked to sign in. */
function Engage({ offer }: { offer: Offer }) {
  const { t } = useI18n();
  const { session } = useSession();
  if (offer.stage !== 'published') return null;
  if (session && !session.user)
    return (
      <p>
        <Link to={`/sign-in?next=${encodeURIComponent(`/marketplace/${offer.slug}`)}`}>{t('marketplace.interest.signIn')}</Link>
      </p>
    );
  if (!session?.user || offer.can.edit) return null;
  return (
    <section className="offer-engage" aria-labelledby="offer-engage-title">
      <h2 id="offer-engage-title">{t('marketplace.interest.title')}</h2>
      <FollowButton slug={offer.slug} />
      {offer.can.expressInterest ? (
        <InterestForm slug={offer.slug} />
      ) : offer.can.interestRefused === 'already_expressed' ? (
        <p>
          {t('marketplace.interest.alreadyExpressed')} <Link to="/my/interests">{t('marketplace.interest.myInterests')}</Link>
        </p>
      ) : (
        <p className="muted">
          {t(offer.can.interestRefused === 'own_offer' ? 'marketplace.interest.ownOffer' : 'marketplace.interest.notOpen')}
        </p>
      )}
    </section>
  );
}

function OfferDetails({ offer }: { offer: Offer }) {
  const { t } = useI18n();
  const names = useReferenceNames();
  const text = useMlString();
  const list = (values: string[], key: string) => values.map((v) => t(`${key}.${v}`)).join(', ');
  const rows: [string, React.ReactNode][] = [
    [t('marketplace.fields.region'), names.region(offer.regionCode)],
    [t('marketplace.fields.areas'), offer.areas.map(names.area).join(', ')],
    [t('marketplace.fields.nace'), offer.nace.join(', ')],
    [
      t('marketplace.fields.productCodes'),
      offer.products.map((p) => `${p.code.replace(/^\w+:/, '')} ${text({ original: 'en', ...p.title })}`).join('; '),
    ],
    [t('marketplace.fields.trl'), offer.trl === null ? '' : t('marketplace.trlValue', { trl: offer.trl })],
    [t('marketplace.fields.developmentStage'), offer.developmentStage ? t(`marketplace.developmentStages.${offer.developmentStage}`) : ''],
    [t('marketplace.fields.ipStatus'), offer.ipStatus ? t(`marketplace.ipStatuses.${offer.ipStatus}`) : ''],
    [t('marketplace.fields.partnershipKinds'), list(offer.partnershipKinds, 'marketplace.partnershipKinds')],
    [t('marketplace.fields.partnerKinds'), list(offer.partnerKinds, 'kinds')],
    [t('marketplace.fields.partnerSizes'), list(offer.partnerSizes, 'marketplace.partnerSizes')],
    [t('marketplace.fields.partnerRole'), offer.partnerRole ? <MlText value={offer.partnerRole} /> : ''],
    [
      t('marketplace.fields.targetRegions'),
      offer.targetRegions.length ? offer.targetRegions.map(names.region).join(', ') : t('marketplace.anywhere'),
    ],
    [t('marketplace.fields.deadline'), offer.deadline ? <Day day={offer.deadline} /> : ''],
    [t('marketplace.fields.expiresOn'), <Day day={offer.expiresOn} />],
  ];
  return (
    <>
      {offer.summary && <MlText as="p" className="lead" value={offer.summary} />}
      {offer.description && <MlText as="div" className="offer-description" value={offer.description} />}
      <dl className="offer-fields">
        {rows
          .filter(([, value]) => value !== '')
          .map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
    </>
  );
}
