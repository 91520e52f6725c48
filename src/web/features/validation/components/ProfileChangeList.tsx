import type { ProfileChange, ProfileReview } from '../../../../shared/schemas/review';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { useCodeTitle } from '../hooks/useCodeTitle';

/** A changed value in words: an area's or a region's name, a code with its title, a kind, else the text itself. */
export function useValueText(codes: ProfileReview['codes'], products: ProfileReview['products'] = []) {
  const { t } = useI18n();
  const codeTitle = useCodeTitle(codes, products);
  return (field: string, value: string) => {
    if (field === 'kind') return t(`kinds.${value}`);
    if (field === 'sector') return t(`sectors.${value}`);
    if (field === 'nace') return codeTitle(value);
    if (field === 'productCodes') return codeTitle.product(value);
    if (field === 'areas') return codeTitle.area(value);
    if (field === 'region') return codeTitle.region(value);
    if (field === 'contact.kind') return t(`contact.${value}`);
    return value;
  };
}

/** The words for each part of the public contact (contact.* in the locales). */
const CONTACT_PART_LABEL: Record<string, string> = {
  'contact.kind': 'kind',
  'contact.personName': 'personName',
  'contact.label': 'officeOrRole',
  'contact.email': 'email',
  'contact.phone': 'phone',
};

/** What changed since the last decision: each field (in each language), added, removed or changed, old → new. */
export function ProfileChangeList({ review }: { review: ProfileReview }) {
  const { t, dateTime } = useI18n();
  const valueText = useValueText(review.codes, review.products);
  const { since, changes } = review;
  const fieldName = (field: string) =>
    field.startsWith('contact.') ? `${t('fields.contact')} — ${t(`contact.${CONTACT_PART_LABEL[field] ?? 'kind'}`)}` : t(`fields.${field}`);
  const label = (c: ProfileChange) => `${fieldName(c.field)}${c.language ? ` (${t(`language.names.${c.language}`)})` : ''}`;
  return (
    <section aria-labelledby="changes" className="review-changes">
      <h2 id="changes">{t('review.changes')}</h2>
      {since === null ? (
        <p>{t('review.firstSubmission')}</p>
      ) : (
        <p className="muted">
          {since.decision === 'published'
            ? t('review.sincePublished')
            : since.decision === 'validated'
              ? t('review.sinceValidated', { date: dateTime(since.at!) })
              : t('review.sinceReturned', { date: dateTime(since.at!), reason: since.reason ?? '' })}
        </p>
      )}
      {since !== null && changes.length === 0 && <p>{t('review.noChanges')}</p>}
      {changes.length > 0 && (
        <ul className="changes">
          {changes.map((c, i) => (
            <li key={i} className={`change-${c.change}`}>
              <strong>{label(c)}</strong> <span className="badge">{t(`review.${c.change}`)}</span>
              <div className="change-values">
                {c.before !== null && (
                  <del lang={c.language ?? undefined} aria-label={t('review.before')}>
                    {valueText(c.field, c.before)}
                  </del>
                )}
                {c.before !== null && c.after !== null && <span aria-hidden="true"> → </span>}
                {c.after !== null && (
                  <ins lang={c.language ?? undefined} aria-label={t('review.after')}>
                    {valueText(c.field, c.after)}
                  </ins>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
