import { useState } from 'react';
import type { Offer, OfferStageBody } from '../../../../shared/schemas/offers';
import { OFFER_LIMITS } from '../../../../shared/offers';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { Outcome, useSubmit } from '../../../shared/ui/forms';
import { changeOfferStage } from '../api/marketplace';
import { useFieldErrors } from '../../../shared/ui/useFieldErrors';
import { FieldError, invalidProps } from '../../../shared/ui/FieldError';

/** A coordinator of the owner's region: publish the submitted offer, or return it with the reasons. */
export function ReviewActions({ offer, onChanged }: { offer: Offer; onChanged(): void }) {
  const { t } = useI18n();
  const errors = useFieldErrors();
  const [reason, setReason] = useState('');
  const move = (body: OfferStageBody) =>
    errors.keeping(async () => {
      await changeOfferStage(offer.slug, body, offer.version);
      onChanged();
    });
  const publish = useSubmit(() => move({ to: 'published' }));
  const giveBack = useSubmit(() => move(reason.trim() ? { to: 'returned', reason } : { to: 'returned' }));
  const busy = publish.busy || giveBack.busy;
  return (
    <section className="notice offer-review" aria-labelledby="offer-review-title">
      <h2 id="offer-review-title">{t('marketplace.review.title')}</h2>
      <div className="field">
        <label htmlFor="offer-review-reason">{t('marketplace.review.reason')}</label>
        <textarea
          id="offer-review-reason"
          rows={3}
          maxLength={OFFER_LIMITS.reason}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          {...invalidProps(errors, 'body.reason', 'offer-review-reason-error')}
        />
        <FieldError errors={errors} field="body.reason" id="offer-review-reason-error" />
      </div>
      <div className="row">
        <button type="button" disabled={busy} onClick={() => void publish.onSubmit()}>
          {t('marketplace.review.publish')}
        </button>
        <button type="button" className="secondary" disabled={busy} onClick={() => void giveBack.onSubmit()}>
          {t('marketplace.review.return')}
        </button>
      </div>
      <Outcome error={publish.error ?? giveBack.error} done={null} />
    </section>
  );
}
