import type { OfferRow } from '../../presenters/offer.presenter.js';
import type { Repositories } from '../../repositories/index.js';
import type { RegionRow } from '../../repositories/region.repository.js';
import type { OfferStage } from '../../shared/offers.js';
import type { Offer, OfferStageBody } from '../../shared/schemas/offers.js';
import { type Actor } from '../access.js';
import type { ClassificationService } from '../classification.service.js';
import { AppError, type ErrorReason } from '../errors.js';
import { requireWritten, VersionConflictError, type ExpectedVersion } from '../versioning.js';
import { checkedExpiry, invalid } from './offer-input.js';
import { auditOffer, canEditOffer, lockedOffer, offerView, today } from './offer-view.js';
import { canReviewOffer, isOwnersPerson } from './offer-visibility.js';

/** The moves of the lifecycle (shared/offers.ts): from where to where, and whose they are. */
const MOVES: { from: OfferStage[]; to: OfferStageBody['to']; by: 'owner' | 'reviewer' }[] = [
  { from: ['draft', 'returned'], to: 'submitted', by: 'owner' },
  { from: ['submitted'], to: 'returned', by: 'reviewer' },
  { from: ['submitted'], to: 'published', by: 'reviewer' },
  // a renewal: published again until a later day, without a second review (its text was reviewed)
  { from: ['published', 'expired'], to: 'published', by: 'owner' },
  { from: ['published', 'expired'], to: 'closed', by: 'owner' },
];

const refused = (reason: ErrorReason, message: string, code: 'offer_stage_refused' | 'forbidden' = 'offer_stage_refused') =>
  new AppError(code, message, 'body.to').because(reason);

/**
 * Why the actor may not make the move, or null: the owner's editors submit, renew and close; a
 * coordinator of the owner's region returns and publishes, and never an offer of their own organisation.
 */
function refusalOf(actor: Actor, row: OfferRow, to: OfferStageBody['to'], regions: RegionRow[]): AppError | null {
  const move = MOVES.find((m) => m.to === to && m.from.includes(row.stage));
  const owner = canEditOffer(actor, row);
  const reviewer = canReviewOffer(actor, row, regions);
  if (!move) {
    if (!owner && !reviewer)
      return refused('owner_decides', 'Only the offer’s organisation and its region’s coordinators move it.', 'forbidden');
    return row.stage === to
      ? refused('same_stage', `The offer is ${to} already.`)
      : refused('skips_stage', `A ${row.stage} offer does not move to ${to}.`);
  }
  if (move.by === 'owner' && !owner)
    return refused('owner_decides', 'The offer’s organisation submits, renews and closes it.', 'forbidden');
  if (move.by === 'reviewer') {
    if (isOwnersPerson(actor, row))
      return refused('own_offer', 'A coordinator of the region other than the organisation’s own people reviews its offer.', 'forbidden');
    if (!reviewer) return refused('reviewer_decides', 'A coordinator of the offer’s region returns or publishes it.', 'forbidden');
  }
  return null;
}

/** Stage changes of offers: each one a row of the history, audited, checked against the locked row. */
export class OfferLifecycleService {
  constructor(
    private readonly repos: Repositories,
    private readonly classifications: ClassificationService,
  ) {}

  /**
   * Moves the offer to `to`. The row is locked first, so of two changes at once with the same If-Match
   * the second is checked against what the first left (a version conflict).
   */
  async change(actorOrNull: Actor | null, slug: string, body: OfferStageBody, expected: ExpectedVersion): Promise<Offer> {
    const id = await this.repos.transaction(async (tx) => {
      const { actor, row } = await lockedOffer(tx, actorOrNull, slug);
      const regions = await tx.regions.list();
      const refusal = refusalOf(actor, row, body.to, regions);
      if (refusal?.code === 'forbidden') throw refusal;
      if (expected !== null && row.version !== expected) throw new VersionConflictError(row.version);
      if (refusal) throw refusal;
      const day = today(tx);
      const reason = body.reason?.trim() || null;
      if (body.to === 'returned' && !reason)
        throw invalid('body.reason', 'required', 'Say why the offer is returned: its organisation reads it to mend the offer.');
      const renewal = body.to === 'published' && row.stage !== 'submitted';
      if (renewal && body.expiresOn === undefined) throw invalid('body.expiresOn', 'required', 'A renewal gives the new expiry date.');
      if (body.expiresOn !== undefined && body.to !== 'published')
        throw invalid('body.expiresOn', 'invalid', 'An expiry date is given when the offer is published or renewed.');
      const expiresOn = body.expiresOn !== undefined ? checkedExpiry(body.expiresOn, day, 'body.expiresOn') : row.expiresOn;
      if (body.to === 'published') {
        if (expiresOn < day)
          throw invalid('body.expiresOn', 'in_past', `The offer’s expiry date ${expiresOn} has passed: give a new one.`, {
            value: expiresOn,
          });
        if (row.deadline !== null && row.deadline > expiresOn)
          throw invalid(
            'body.expiresOn',
            'after_expiry',
            `The offer’s deadline ${row.deadline} is after ${expiresOn}: give a later expiry, or change the deadline first.`,
            {
              value: row.deadline,
              expiresOn,
            },
          );
        const organisation = await tx.organisations.getById(row.organisationId);
        if (!organisation?.published)
          throw refused('owner_not_published', 'The organisation’s own profile is validated before its offers are published.');
      }
      const now = tx.clock.now();
      const columns = {
        stage: body.to,
        ...(body.to === 'submitted' ? { regionCode: row.organisation.regionCode } : {}),
        ...(body.to === 'published' ? { expiresOn, expiryWarnedDays: null, ...(renewal ? {} : { publishedAt: now }) } : {}),
      };
      await requireWritten(await tx.offerWrites.update(row.id, columns, now, row.version), () => tx.offers.currentVersion(row.id));
      await tx.offerWrites.addStageChange({
        offerId: row.id,
        fromStage: row.stage,
        toStage: body.to,
        reason,
        changedBy: actor.user.id,
        at: now,
      });
      await auditOffer(
        tx,
        actor,
        'offer.stage_changed',
        row,
        { stage: row.stage, expiresOn: row.expiresOn },
        { stage: body.to, expiresOn, reason },
      );
      return row.id;
    });
    return offerView(this.repos, this.classifications, actorOrNull, id);
  }
}
