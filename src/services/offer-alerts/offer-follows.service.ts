import { presentOfferSummary } from '../../presenters/offer.presenter.js';
import type { Repositories } from '../../repositories/index.js';
import type { FollowState, MyFollows } from '../../shared/schemas/offer-matching.js';
import { requireActor, type Actor } from '../access.js';
import { audit } from '../audit.js';
import { AppError, notFound } from '../errors.js';
import { canSeeOffer, organisationShown } from '../offers/offer-visibility.js';
import type { FollowUpdates } from './follow-updates.js';

/** Following an offer: a member is told by e-mail when it is renewed, closed, expires or is edited (follow-updates.ts). */
export class OfferFollowsService {
  constructor(
    private readonly repos: Repositories,
    /** The job that tells followers of changes (on the job runner; run by hand in tests and the CLI). */
    readonly updates: FollowUpdates,
  ) {}

  /** Follows a published offer; following it again changes nothing. */
  async follow(slug: string, actorOrNull: Actor | null): Promise<FollowState> {
    const actor = requireActor(actorOrNull);
    const offer = await this.visible(slug, actor);
    if (offer.stage !== 'published') throw new AppError('offer_not_published', undefined, 'params.slug');
    await this.repos.transaction(async (tx) => {
      if (!(await tx.offerFollows.follow(actor.user.id, offer.id, tx.clock.now()))) return;
      await audit(tx, {
        actorId: actor.user.id,
        action: 'offer.followed',
        entityType: 'offer',
        entityId: offer.id,
        regionCode: offer.regionCode,
      });
    });
    return { offer: offer.slug, following: true };
  }

  /** Ends following an offer (whatever its stage now); ending it again changes nothing. */
  async unfollow(slug: string, actorOrNull: Actor | null): Promise<FollowState> {
    const actor = requireActor(actorOrNull);
    const offer = await this.repos.offers.get(slug);
    // a follower may end following an offer that is no longer published: they knew it when they followed
    if (
      !offer ||
      !((await this.repos.offerFollows.isFollowing(actor.user.id, offer.id)) || canSeeOffer(actor, offer, await this.repos.regions.list()))
    )
      throw notFound(`Offer "${slug}"`, 'params.slug');
    await this.repos.transaction(async (tx) => {
      if (!(await tx.offerFollows.unfollow(actor.user.id, offer.id))) return;
      await audit(tx, {
        actorId: actor.user.id,
        action: 'offer.unfollowed',
        entityType: 'offer',
        entityId: offer.id,
        regionCode: offer.regionCode,
      });
    });
    return { offer: offer.slug, following: false };
  }

  /** The published offers the member follows, each naming its owner only where organisationShown says so. */
  async mine(actorOrNull: Actor | null): Promise<MyFollows> {
    const actor = requireActor(actorOrNull);
    const follows = await this.repos.offerFollows.published(actor.user.id);
    const ids = follows.map((f) => f.offerId);
    const [rows, revealed, regions] = await Promise.all([
      this.repos.offers.summaries(ids),
      this.repos.offers.revealedTo(ids),
      this.repos.regions.list(),
    ]);
    const at = new Map(follows.map((f) => [f.offerId, f.followedAt]));
    return {
      items: rows.map((row) => ({
        offer: presentOfferSummary(row, { shown: organisationShown(actor, row, regions, revealed.get(row.id)), why: [] }),
        followedAt: at.get(row.id)!.toISOString(),
      })),
    };
  }

  private async visible(slug: string, actor: Actor) {
    const offer = await this.repos.offers.get(slug);
    if (!offer || !canSeeOffer(actor, offer, await this.repos.regions.list())) throw notFound(`Offer "${slug}"`, 'params.slug');
    return offer;
  }
}
