import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Offer, OfferStageBody } from '../../../../shared/schemas/offers';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { Outcome, useSubmit } from '../../../shared/ui/forms';
import { changeOfferStage, deleteOffer } from '../api/marketplace';
import { dayFromToday } from '../hooks/offer-draft';
import { useFieldErrors } from '../../../shared/ui/useFieldErrors';
import { FieldError, invalidProps } from '../../../shared/ui/FieldError';

/** What the offer's people do with it at its stage: edit, submit for review, close, renew until a new day, delete a draft. */
export function OwnerActions({ offer, onChanged }: { offer: Offer; onChanged(): void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const errors = useFieldErrors();
  const [expiresOn, setExpiresOn] = useState(dayFromToday(182));
  const move = (body: OfferStageBody) =>
    errors.keeping(async () => {
      await changeOfferStage(offer.slug, body, offer.version);
      onChanged();
    });
  const submit = useSubmit(() => move({ to: 'submitted' }));
  const close = useSubmit(() => move({ to: 'closed' }));
  const renew = useSubmit(() => move({ to: 'published', expiresOn }));
  const remove = useSubmit(async () => {
    await deleteOffer(offer.slug);
    navigate('/my/offers');
  });
  const editable = offer.stage === 'draft' || offer.stage === 'returned' || offer.stage === 'published';
  const busy = submit.busy || close.busy || renew.busy || remove.busy;
  return (
    <section className="notice offer-actions" aria-labelledby="offer-actions-title">
      <h2 id="offer-actions-title">{t('marketplace.owner.title')}</h2>
      {offer.stage === 'returned' && <p>{t('marketplace.owner.returned')}</p>}
      {offer.stage === 'submitted' && <p>{t('marketplace.owner.submitted')}</p>}
      <div className="row">
        {editable && (
          <Link className="button secondary" to={`/my/offers/${encodeURIComponent(offer.slug)}/edit`}>
            {t('marketplace.owner.edit')}
          </Link>
        )}
        {(offer.stage === 'draft' || offer.stage === 'returned') && (
          <button type="button" disabled={busy} onClick={() => void submit.onSubmit()}>
            {t('marketplace.owner.submit')}
          </button>
        )}
        {offer.stage === 'published' && (
          <button type="button" className="secondary" disabled={busy} onClick={() => void close.onSubmit()}>
            {t('marketplace.owner.close')}
          </button>
        )}
        {offer.stage === 'draft' && (
          <button type="button" className="secondary" disabled={busy} onClick={() => void remove.onSubmit()}>
            {t('marketplace.owner.delete')}
          </button>
        )}
      </div>
      {(offer.stage === 'expired' || offer.stage === 'published') && (
        <form className="row renew" onSubmit={renew.onSubmit} noValidate>
          <div className="field">
            <label htmlFor="offer-renew-until">{t('marketplace.owner.renewUntil')}</label>
            <input
              id="offer-renew-until"
              type="date"
              value={expiresOn}
              onChange={(e) => setExpiresOn(e.target.value)}
              {...invalidProps(errors, 'body.expiresOn', 'offer-renew-until-error')}
            />
            <FieldError errors={errors} field="body.expiresOn" id="offer-renew-until-error" />
          </div>
          <button type="submit" disabled={busy}>
            {t('marketplace.owner.renew')}
          </button>
        </form>
      )}
      <Outcome error={submit.error ?? close.error ?? renew.error ?? remove.error} done={null} />
    </section>
  );
}
