import { presentOffer, type OfferRow } from '../../presenters/offer.presenter.js';
import type { Repositories } from '../../repositories/index.js';
import type { RegionRow } from '../../repositories/region.repository.js';
import type { Offer } from '../../shared/schemas/offers.js';
import type { ProductCode } from '../../shared/schemas/product-code.js';
import { isAdmin, organisationRole, refusal, requireActor, type Actor } from '../access.js';
import { audit } from '../audit.js';
import type { ClassificationService } from '../classification.service.js';
import { notFound } from '../errors.js';
import { isOpen, organisationIdsOf } from '../offer-interest/interest-access.js';
import { canReviewOffer, canSeeOffer, isOwnersPerson, organisationShown } from './offer-visibility.js';

export const today = (repos: Repositories) => repos.clock.now().toISOString().slice(0, 10);

/** Who writes an offer: an administrator or editor of its organisation, or a platform administrator. */
export function canEditOffer(actor: Actor | null, offer: Pick<OfferRow, 'organisationId'>): boolean {
  const role = actor ? organisationRole(actor, offer.organisationId) : null;
  return isAdmin(actor) || role === 'org_admin' || role === 'org_editor';
}

/**
 * Who decides on a submitted offer: a coordinator of the owner's region (or a platform administrator) who
 * is not one of the owner's people: nobody reviews their own organisation's offer.
 */
export const decidesOnOffer = (actor: Actor | null, offer: OfferRow, regions: RegionRow[]) =>
  canReviewOffer(actor, offer, regions) && !isOwnersPerson(actor, offer);

/** Whether the reader is shown the offer's owner (organisationShown, with who the owner accepted). */
export async function ownerShown(repos: Repositories, actor: Actor | null, offer: OfferRow, regions: RegionRow[]): Promise<boolean> {
  if (!offer.anonymous) return true;
  const revealed = await repos.offers.revealedTo([offer.id]);
  return organisationShown(actor, offer, regions, revealed.get(offer.id));
}

/**
 * The ids of the offers whose owner the reader is shown (organisationShown, with the organisations each
 * owner accepted): for lists of result lines, `presentOfferSummary(row, { shown: shown.has(row.id), … })`.
 */
export async function ownersShownTo(
  repos: Repositories,
  actor: Actor | null,
  rows: readonly Pick<OfferRow, 'id' | 'organisationId' | 'regionCode' | 'stage' | 'anonymous'>[],
): Promise<Set<string>> {
  const regions = await repos.regions.list();
  const revealed = await repos.offers.revealedTo(rows.filter((r) => r.anonymous).map((r) => r.id));
  return new Set(rows.filter((r) => organisationShown(actor, r, regions, revealed.get(r.id))).map((r) => r.id));
}

/** An offer the reader may see; else 404 (an unpublished offer is not revealed to others). */
export async function readableOffer(repos: Repositories, actor: Actor | null, slug: string): Promise<OfferRow> {
  const row = await repos.offers.get(slug);
  if (!row || !canSeeOffer(actor, row, await repos.regions.list())) throw notFound('The offer', 'params.slug');
  return row;
}

/** An offer the actor is about to change, its row locked and read as it is now. */
export async function lockedOffer(tx: Repositories, actorOrNull: Actor | null, slug: string): Promise<{ actor: Actor; row: OfferRow }> {
  const actor = requireActor(actorOrNull);
  const seen = await readableOffer(tx, actor, slug);
  return { actor, row: (await tx.offers.lock(seen.id))! };
}

/** An offer its editor is about to change: 404 for one they do not see, 403 for one they may not write. */
export async function editableOffer(tx: Repositories, actorOrNull: Actor | null, slug: string) {
  const { actor, row } = await lockedOffer(tx, actorOrNull, slug);
  if (!canEditOffer(actor, row)) throw refusal(actor, 'Only the administrators and editors of the offer’s organisation change it.');
  return { actor, row };
}

export function describedProducts(classifications: ClassificationService, codes: string[]): ProductCode[] {
  return codes.flatMap((code) => classifications.products.describe(code) ?? []);
}

/**
 * Why a signed-in member may not express interest, so that the page says so rather than offer a form the
 * API would refuse: the offer is not open (not published, or past its expiry), it is their organisation's,
 * or every organisation of theirs other than the owner expressed interest already. Undefined when they may.
 */
async function whyNoInterest(repos: Repositories, actor: Actor | null, row: OfferRow, owners: boolean) {
  if (!actor) return undefined;
  const mine = [...organisationIdsOf(actor)].filter((id) => id !== row.organisationId);
  if (mine.length === 0) return owners ? ('own_offer' as const) : ('not_open' as const);
  // the same rule the expression of interest itself is checked by
  if (!isOpen(row, repos.clock.now().toISOString().slice(0, 10))) return 'not_open' as const;
  const expressed = new Set((await repos.offerInterests.ofOffer(row.id)).map((i) => i.organisationId));
  return mine.every((id) => expressed.has(id)) ? ('already_expressed' as const) : undefined;
}

/** The offer as the reader sees it: its owner only where organisationShown allows, and what they may do. */
export async function offerView(
  repos: Repositories,
  classifications: ClassificationService,
  actor: Actor | null,
  id: string,
): Promise<Offer> {
  const row = (await repos.offers.get(id))!;
  const regions = await repos.regions.list();
  const [shown, history] = await Promise.all([ownerShown(repos, actor, row, regions), repos.offers.history(row.id)]);
  const owners = isOwnersPerson(actor, row);
  const interestRefused = await whyNoInterest(repos, actor, row, owners);
  return presentOffer(row, {
    shown,
    history,
    products: describedProducts(classifications, row.productCodes),
    can: {
      edit: canEditOffer(actor, row) && row.stage !== 'closed',
      review: row.stage === 'submitted' && decidesOnOffer(actor, row, regions),
      expressInterest: !!actor && interestRefused === undefined,
      ...(interestRefused ? { interestRefused } : {}),
    },
  });
}

/** The audit event of a write of an offer (its region: the owner's, for the coordinators' log). */
export function auditOffer(
  tx: Repositories,
  actor: Actor | null,
  action: string,
  row: Pick<OfferRow, 'id' | 'regionCode'>,
  before?: unknown,
  after?: unknown,
) {
  return audit(tx, {
    actorId: actor?.user.id ?? null,
    action,
    entityType: 'offer',
    entityId: row.id,
    regionCode: row.regionCode,
    before,
    after,
  });
}
