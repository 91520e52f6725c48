import { Fragment } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { LANGUAGES } from '../../../../shared/languages';
import type { MultilingualText } from '../../../../shared/multilingual';
import type { ProfileReview } from '../../../../shared/schemas/review';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { useMlString } from '../../../shared/ui/MlText';
import { Status } from '../../../shared/ui/Status';
import { useTitle } from '../../../shared/ui/useTitle';
import { useReview } from '../api/review';
import { DecisionForm } from './DecisionForm';
import { ProfileChangeList, useValueText } from './ProfileChangeList';

/** A multilingual field in every language it has, one under the other, each marked with its language. */
function EveryLanguage({ label, value }: { label: string; value: MultilingualText | null }) {
  const { t } = useI18n();
  const present = LANGUAGES.filter((l) => value?.[l]?.trim());
  return (
    <>
      <dt>{label}</dt>
      <dd>
        {present.length === 0
          ? t('review.none')
          : present.map((l) => (
              <p key={l} className="review-language">
                <span className="badge">{t(`language.names.${l}`)}</span> <span lang={l}>{value![l]}</span>
              </p>
            ))}
      </dd>
    </>
  );
}

/** The public contact as submitted: its kind, the name or office in every language, e-mail and phone. */
function ContactFacts({ contact }: { contact: NonNullable<ProfileReview['profile']['contact']> }) {
  const { t } = useI18n();
  return (
    <>
      <p>{t(`contact.${contact.kind}`)}</p>
      {contact.personName && <p>{contact.personName}</p>}
      {contact.label && (
        <dl className="facts">
          <EveryLanguage label={t(contact.kind === 'role' ? 'contact.office' : 'contact.personRole')} value={contact.label} />
        </dl>
      )}
      <p>
        {contact.email}
        {contact.phone ? ` · ${contact.phone}` : ''}
      </p>
    </>
  );
}

/** The submitted profile in full: every language, codes with titles, areas and region by name. */
function WholeProfile({ review }: { review: ProfileReview }) {
  const { t } = useI18n();
  const valueText = useValueText(review.codes, review.products);
  const p = review.profile;
  const list = (field: 'nace' | 'productCodes' | 'areas') =>
    (p[field] ?? []).length === 0 ? (
      t('review.none')
    ) : (
      <ul>
        {(p[field] ?? []).map((code) => (
          <li key={code}>{valueText(field, code)}</li>
        ))}
      </ul>
    );
  return (
    <section aria-labelledby="whole-profile">
      <h2 id="whole-profile">{t('review.profile')}</h2>
      <dl className="facts review-facts">
        <EveryLanguage label={t('fields.name')} value={p.name} />
        <EveryLanguage label={t('fields.shortName')} value={p.shortName} />
        <EveryLanguage label={t('fields.description')} value={p.description} />
        <dt>{t('fields.kind')}</dt>
        <dd>{t(`kinds.${p.kind}`)}</dd>
        <dt>{t('fields.sector')}</dt>
        <dd>{t(`sectors.${p.sector}`)}</dd>
        <dt>{t('fields.region')}</dt>
        <dd>
          {valueText('region', p.region)} ({p.region})
        </dd>
        <EveryLanguage label={t('fields.city')} value={p.city} />
        <dt>{t('fields.website')}</dt>
        <dd>
          {p.website ? (
            <a href={p.website} rel="noopener noreferrer nofollow">
              {p.website}
            </a>
          ) : (
            t('review.none')
          )}
        </dd>
        {(['nace', 'productCodes', 'areas'] as const).map((field) => (
          <Fragment key={field}>
            <dt>{t(`fields.${field}`)}</dt>
            <dd>{list(field)}</dd>
          </Fragment>
        ))}
        <dt>{t('fields.contact')}</dt>
        <dd>{p.contact ? <ContactFacts contact={p.contact} /> : t('review.none')}</dd>
      </dl>
    </section>
  );
}

/** A coordinator's review of a submitted profile: what changed since the last decision, the whole profile, the decision. */
export function ReviewPage() {
  const { slug = '' } = useParams();
  const { t, dateTime } = useI18n();
  const text = useMlString();
  const navigate = useNavigate();
  const state = useReview(slug);
  const review = state.data;
  useTitle(review ? t('review.title', { name: text(review.profile.name) }) : t('validation.title'));
  return (
    <div className="review">
      <p>
        <Link to="/validation">{t('review.back')}</Link>
      </p>
      <Status state={state} />
      {review && (
        <>
          <h1>{t('review.title', { name: text(review.profile.name) })}</h1>
          <p className="meta">
            <span className="badge">{t(`status.${review.status}`)}</span>
            <span>{t('review.submitted', { date: dateTime(review.submittedAt) })}</span>
          </p>
          {!review.canDecide && (
            <p className="notice" role="note">
              {t('review.readOnly')}
            </p>
          )}
          <ProfileChangeList review={review} />
          <WholeProfile review={review} />
          {review.canDecide && (
            <section aria-labelledby="decision">
              <h2 id="decision">{t('review.decision')}</h2>
              <DecisionForm slug={review.slug} version={review.version} onDone={() => void navigate('/validation')} />
            </section>
          )}
        </>
      )}
    </div>
  );
}
