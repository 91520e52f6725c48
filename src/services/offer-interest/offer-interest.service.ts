import type { Repositories } from '../../repositories/index.js';
import type { InterestOfferRow, InterestRow } from '../../repositories/offers/offer-interest.repository.js';
import type { OrganisationRow } from '../../repositories/organisation.repository.js';
import { presentInterest } from '../../presenters/offer-interest.presenter.js';
import type { Language } from '../../shared/languages.js';
import { resolveText } from '../../shared/multilingual.js';
import type { InterestState } from '../../shared/offers.js';
import type { Interest, InterestDecline, InterestInput, InterestList } from '../../shared/schemas/offer-interest.js';
import { canSeeContacts, requireActor, type Actor } from '../access.js';
import { audit } from '../audit.js';
import { AppError, notFound } from '../errors.js';
import type { MailSettings } from '../mailer.js';
import { canReviewOffer, isOwnersPerson, organisationShown } from '../offers/offer-visibility.js';
import { requireWritten, type ExpectedVersion } from '../versioning.js';
import { canDecide, canWithdraw, isOpen, organisationIdsOf, sideOf } from './interest-access.js';
import { firstMessage, tellAuthor, tellOwner } from './interest-mail.js';

const today = (repos: Repositories) => repos.clock.now().toISOString().slice(0, 10);

/**
 * Expressions of interest: a member of another organisation writes to an offer's owner, which accepts
 * (a thread opens between the two and each sees the other's contacts) or declines. An anonymous owner is
 * named to the interested side from its acceptance on, and never before (offer-visibility.ts).
 */
export class OfferInterestService {
  constructor(
    private readonly repos: Repositories,
    private readonly mail: MailSettings,
  ) {}

  async express(actorOrNull: Actor | null, slug: string, input: InterestInput): Promise<Interest> {
    const actor = requireActor(actorOrNull);
    const offer = await this.offer(slug);
    // any offer not open (a draft, one returned, expired, closed) is refused alike: nothing more is told of it
    if (!isOpen(offer, today(this.repos))) throw new AppError('offer_not_open', undefined, 'params.slug');
    const interested = await this.interestedOrganisation(actor, input.organisation, offer);
    const id = await this.repos.transaction(async (tx) => {
      const created = await tx.offerInterests.insert({
        offerId: offer.id,
        organisationId: interested.id,
        authorId: actor.user.id,
        message: input.message.trim(),
        answers: { offers: input.answers.offers.trim(), expects: input.answers.expects.trim(), timeline: input.answers.timeline.trim() },
        language: (input.language ?? actor.user.language) as Language,
        createdAt: tx.clock.now(),
        updatedAt: tx.clock.now(),
      });
      if (!created) throw new AppError('interest_exists', undefined, 'params.slug');
      await audit(tx, {
        actorId: actor.user.id,
        action: 'offer_interest.expressed',
        entityType: 'offer_interest',
        entityId: created.id,
        regionCode: interested.regionCode,
        after: { offer: offer.id, organisation: interested.slug, length: created.message.length },
      });
      await tellOwner(tx, this.mail, { interest: created, offer, interested, author: actor.user });
      return created.id;
    });
    return this.get(actor, id);
  }

  /** The interests an offer received: for its owner's people, its reviewers and administrators. */
  async received(actorOrNull: Actor | null, slug: string, state?: InterestState): Promise<InterestList> {
    const actor = requireActor(actorOrNull);
    const offer = await this.offer(slug);
    const regions = await this.repos.regions.list();
    if (!isOwnersPerson(actor, offer) && !canReviewOffer(actor, offer, regions)) throw new AppError('forbidden');
    return { items: await this.presentAll(actor, await this.repos.offerInterests.ofOffer(offer.id, state)) };
  }

  /** The interests the reader's organisations expressed, newest first. */
  async mine(actorOrNull: Actor | null, state?: InterestState): Promise<InterestList> {
    const actor = requireActor(actorOrNull);
    const rows = await this.repos.offerInterests.ofOrganisations([...organisationIdsOf(actor)], state);
    return { items: await this.presentAll(actor, rows) };
  }

  async get(actorOrNull: Actor | null, id: string): Promise<Interest> {
    const actor = requireActor(actorOrNull);
    const [item] = await this.presentAll(actor, [await this.readable(actor, id)]);
    return item!;
  }

  /** Accepted: a thread between the two opens with the interest as its first message; contacts are shown. */
  async accept(actorOrNull: Actor | null, id: string, expected: ExpectedVersion): Promise<Interest> {
    const actor = requireActor(actorOrNull);
    await this.decide(actor, id, expected, async (tx, row, offer, owner, interested) => {
      const now = tx.clock.now();
      // an author whose account is gone since: the letter is quoted by the one who accepts, from the owner's side
      const author = row.authorId ? { id: row.authorId, organisationId: interested.id } : { id: actor.user.id, organisationId: owner.id };
      const thread = await tx.messaging.createThread(
        {
          subjectKind: 'offer',
          subjectId: offer.id,
          senderOrganisationId: interested.id,
          receiverOrganisationId: owner.id,
          title: resolveText(offer.title, row.language)?.text ?? offer.slug,
          startedBy: author.id,
        },
        now,
      );
      await tx.messaging.addMessage({
        threadId: thread.id,
        authorId: author.id,
        authorOrganisationId: author.organisationId,
        body: firstMessage(row),
        language: row.language,
        at: now,
      });
      await tx.messaging.markRead(thread.id, actor.user.id, now);
      return { state: 'accepted', threadId: thread.id, declineReason: null };
    });
    return this.get(actor, id);
  }

  async decline(actorOrNull: Actor | null, id: string, body: InterestDecline, expected: ExpectedVersion): Promise<Interest> {
    const actor = requireActor(actorOrNull);
    await this.decide(actor, id, expected, async () => ({ state: 'declined', declineReason: body.reason?.trim() ?? null }));
    return this.get(actor, id);
  }

  /** Taken back by the interested side while the owner has not decided; the owner is not told by e-mail. */
  async withdraw(actorOrNull: Actor | null, id: string, expected: ExpectedVersion): Promise<Interest> {
    const actor = requireActor(actorOrNull);
    const existing = await this.readable(actor, id);
    if (!canWithdraw(actor, { organisationId: existing.organisationId, state: 'pending' }))
      throw new AppError('forbidden', 'Only the interested organisation’s people withdraw its interest.');
    await this.repos.transaction(async (tx) => {
      const row = (await tx.offerInterests.lock(id))!;
      if (row.state !== 'pending') throw new AppError('interest_not_pending');
      const now = tx.clock.now();
      await requireWritten(await tx.offerInterests.update(id, expected, { state: 'withdrawn' }, now), () =>
        tx.offerInterests.currentVersion(id),
      );
      await audit(tx, {
        actorId: actor.user.id,
        action: 'offer_interest.withdrawn',
        entityType: 'offer_interest',
        entityId: id,
        before: { state: row.state, version: row.version },
        after: { state: 'withdrawn' },
      });
    });
    return this.get(actor, id);
  }

  /** One decision of the owner's admins or editors on a pending interest, versioned, in one transaction. */
  private async decide(
    actor: Actor,
    id: string,
    expected: ExpectedVersion,
    work: (
      tx: Repositories,
      row: InterestRow,
      offer: InterestOfferRow,
      owner: OrganisationRow,
      interested: OrganisationRow,
    ) => Promise<{ state: 'accepted' | 'declined'; threadId?: string; declineReason: string | null }>,
  ): Promise<void> {
    const existing = await this.readable(actor, id);
    const [offer] = await this.repos.offerInterests.offersByIds([existing.offerId]);
    if (!canDecide(actor, offer!))
      throw new AppError('forbidden', 'Only the offer’s owner’s administrators and editors decide on an interest.');
    await this.repos.transaction(async (tx) => {
      const row = (await tx.offerInterests.lock(id))!;
      if (row.state !== 'pending') throw new AppError('interest_not_pending');
      const orgs = new Map((await tx.organisations.byIds([offer!.organisationId, row.organisationId])).map((o) => [o.id, o]));
      const owner = orgs.get(offer!.organisationId)!;
      const interested = orgs.get(row.organisationId)!;
      const decided = await work(tx, row, offer!, owner, interested);
      const now = tx.clock.now();
      const values = { ...decided, decidedBy: actor.user.id, decidedAt: now };
      await requireWritten(await tx.offerInterests.update(id, expected, values, now), () => tx.offerInterests.currentVersion(id));
      await audit(tx, {
        actorId: actor.user.id,
        action: `offer_interest.${decided.state}`,
        entityType: 'offer_interest',
        entityId: id,
        regionCode: owner.regionCode,
        before: { state: row.state, version: row.version },
        after: { state: decided.state, threadId: decided.threadId ?? null, reason: decided.declineReason },
      });
      await tellAuthor(tx, this.mail, { interest: { ...row, ...values }, offer: offer!, owner, decision: decided.state });
    });
  }

  private async offer(slug: string): Promise<InterestOfferRow> {
    const offer = await this.repos.offerInterests.offerBySlug(slug);
    if (!offer) throw notFound(`Offer "${slug}"`, 'params.slug');
    return offer;
  }

  /** The organisation the actor is interested for: the one named, or their only validated one other than the owner. */
  private async interestedOrganisation(actor: Actor, named: string | undefined, offer: InterestOfferRow): Promise<OrganisationRow> {
    const own = organisationIdsOf(actor);
    if (named !== undefined) {
      const org = await this.repos.organisations.getBySlug(named);
      if (!org || !own.has(org.id))
        throw new AppError('forbidden', 'You express interest only on behalf of an organisation you belong to.', 'body.organisation');
      if (org.id === offer.organisationId) throw new AppError('own_offer', undefined, 'body.organisation');
      if (!org.published) throw new AppError('sender_not_validated', undefined, 'body.organisation');
      return org;
    }
    const validated = (await this.repos.organisations.byIds([...own])).filter((o) => o.published);
    const candidates = validated.filter((o) => o.id !== offer.organisationId);
    if (candidates.length === 1) return candidates[0]!;
    if (candidates.length > 1)
      throw new AppError('validation_failed', 'Say on behalf of which organisation you are interested.', 'body.organisation').because(
        'required',
      );
    if (own.has(offer.organisationId)) throw new AppError('own_offer');
    throw new AppError('sender_not_validated');
  }

  /** The interest, for either side, the offer's reviewers and administrators; anyone else is told there is none. */
  private async readable(actor: Actor, id: string): Promise<InterestRow> {
    const row = await this.repos.offerInterests.get(id);
    if (!row) throw notFound('Interest', 'params.id');
    const [offer] = await this.repos.offerInterests.offersByIds([row.offerId]);
    if (!offer || !sideOf(actor, row, offer, await this.repos.regions.list())) throw notFound('Interest', 'params.id');
    return row;
  }

  /** Each interest as the reader sees it: an anonymous owner only once it accepted the reader's organisation. */
  private async presentAll(actor: Actor, rows: InterestRow[]): Promise<Interest[]> {
    if (rows.length === 0) return [];
    const offerIds = [...new Set(rows.map((r) => r.offerId))];
    const [offers, regions, revealed] = await Promise.all([
      this.repos.offerInterests.offersByIds(offerIds),
      this.repos.regions.list(),
      this.repos.offerInterests.revealedTo(offerIds),
    ]);
    const offerById = new Map(offers.map((o) => [o.id, o]));
    const orgIds = [...new Set([...offers.map((o) => o.organisationId), ...rows.map((r) => r.organisationId)])];
    const orgs = new Map((await this.repos.organisations.byIds(orgIds)).map((o) => [o.id, o]));
    const authorIds = [...new Set(rows.flatMap((r) => (r.authorId ? [r.authorId] : [])))];
    const authors = new Map((await this.repos.accounts.usersByIds(authorIds)).map((u) => [u.id, u.displayName]));
    const agreementIds = [...new Set(rows.flatMap((r) => (r.agreementId ? [r.agreementId] : [])))];
    const agreements = new Map(
      (await Promise.all(agreementIds.map((a) => this.repos.records.get(a)))).flatMap((a) => (a ? [[a.id, a] as const] : [])),
    );
    const published = new Set([...orgs.values()].filter((o) => o.published).map((o) => o.id));
    const details = canSeeContacts(actor, published);
    return rows.flatMap((row) => {
      const offer = offerById.get(row.offerId);
      const side = offer && sideOf(actor, row, offer, regions);
      if (!offer || !side) return [];
      const owner = orgs.get(offer.organisationId)!;
      const agreement = row.agreementId ? agreements.get(row.agreementId) : undefined;
      return [
        presentInterest(row, {
          offer,
          owner,
          interested: orgs.get(row.organisationId)!,
          side,
          ownerShown: organisationShown(actor, offer, regions, revealed.get(offer.id)),
          contactDetails: details,
          authorName: row.authorId ? (authors.get(row.authorId) ?? null) : null,
          agreement: agreement ? { id: agreement.id, slug: agreement.slug, title: agreement.title } : null,
          can: {
            decide: canDecide(actor, offer) && row.state === 'pending',
            withdraw: canWithdraw(actor, row),
            recordOutcome: canDecide(actor, offer) && row.state === 'accepted',
          },
        }),
      ];
    });
  }
}
