import { presentOfferSummary, type OfferRow } from '../../presenters/offer.presenter.js';
import type { Repositories } from '../../repositories/index.js';
import type { MyOffersQuery, Offer, OfferInput, OfferList, OfferPatch, ReviewOffersQuery } from '../../shared/schemas/offers.js';
import { coordinatedRegions, isAdmin, refusal, requireActor, type Actor } from '../access.js';
import type { ClassificationService } from '../classification.service.js';
import { AppError, unknownValue } from '../errors.js';
import { requireWritten, VersionConflictError, type ExpectedVersion } from '../versioning.js';
import { checkOffer, type OfferFieldsInput } from './offer-input.js';
import { auditOffer, canEditOffer, editableOffer, offerView, readableOffer, today } from './offer-view.js';
import { isOwnersPerson } from './offer-visibility.js';

/** Where an offer's editor may change it: before review, once returned, and while it is up or expired (see docs/decisions.md). */
const EDITABLE_STAGES = new Set(['draft', 'returned', 'published', 'expired']);

/** The offer's fields as they are now, for a patch to be laid over and checked in full. */
function currentFields(row: OfferRow): OfferFieldsInput {
  return {
    kind: row.kind,
    title: row.title,
    summary: row.summary,
    description: row.description,
    areas: row.areaCodes,
    nace: row.naceCodes,
    productCodes: row.productCodes,
    trl: row.trl,
    developmentStage: row.developmentStage,
    ipStatus: row.ipStatus,
    partnershipKinds: row.partnershipKinds,
    partnerKinds: row.partnerKinds,
    partnerSizes: row.partnerSizes,
    partnerRole: row.partnerRole,
    targetRegions: row.targetRegionCodes,
    deadline: row.deadline,
    expiresOn: row.expiresOn,
    anonymous: row.anonymous,
  };
}

/** The fields a patch changed (for the audit log): their values before and after. */
function changed(before: Record<string, unknown>, after: Record<string, unknown>) {
  const keys = Object.keys(after).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  return { before: Object.fromEntries(keys.map((k) => [k, before[k]])), after: Object.fromEntries(keys.map((k) => [k, after[k]])) };
}

/** Offers and requests: their creation, pages, edits and deletion, and the lists of one's own and of the review queue. */
export class OfferService {
  constructor(
    private readonly repos: Repositories,
    private readonly classifications: ClassificationService,
  ) {}

  /** A new draft of one of the author's organisations (which it stays of). */
  async create(actorOrNull: Actor | null, body: OfferInput): Promise<Offer> {
    const actor = requireActor(actorOrNull);
    const organisation = await this.repos.organisations.getBySlug(body.organisation);
    if (!organisation) throw unknownValue('body.organisation', [body.organisation], 'organisation');
    if (!canEditOffer(actor, { organisationId: organisation.id }))
      throw new AppError(
        refusal(actor).code,
        'Offers are written by the administrators and editors of their organisation.',
        'body.organisation',
      );
    const { organisation: _organisation, ...fields } = body;
    const id = await this.repos.transaction(async (tx) => {
      const columns = await checkOffer(tx, this.classifications, fields, today(tx));
      const now = tx.clock.now();
      const { id } = await tx.offerWrites.insert(
        {
          ...columns,
          organisationId: organisation.id,
          regionCode: organisation.regionCode,
          stage: 'draft',
          createdBy: actor.user.id,
          source: 'user',
        },
        now,
      );
      await tx.offerWrites.addStageChange({
        offerId: id,
        fromStage: null,
        toStage: 'draft',
        reason: null,
        changedBy: actor.user.id,
        at: now,
      });
      await tx.offerDocuments.refresh([id]);
      await auditOffer(tx, actor, 'offer.created', { id, regionCode: organisation.regionCode }, undefined, {
        ...columns,
        organisation: organisation.slug,
      });
      return id;
    });
    return offerView(this.repos, this.classifications, actor, id);
  }

  async get(actor: Actor | null, slug: string): Promise<Offer> {
    const row = await readableOffer(this.repos, actor, slug);
    return offerView(this.repos, this.classifications, actor, row.id);
  }

  /**
   * The fields sent replace the offer's, checked with the rest as one offer. A published offer stays
   * published (its organisation was validated, its reviewer checked what it is; a correction should not
   * take it down): the edit is audited. An expiry sent is checked against today, and resets the warnings.
   */
  async update(actorOrNull: Actor | null, slug: string, patch: OfferPatch, expected: ExpectedVersion): Promise<Offer> {
    const id = await this.repos.transaction(async (tx) => {
      const { actor, row } = await editableOffer(tx, actorOrNull, slug);
      if (expected !== null && row.version !== expected) throw new VersionConflictError(row.version);
      if (!EDITABLE_STAGES.has(row.stage))
        throw new AppError(
          'offer_stage_refused',
          row.stage === 'submitted'
            ? 'The offer is being reviewed: it is changed once returned (or published).'
            : 'A closed offer is not changed any more.',
          'params.slug',
        ).because('not_editable', { stage: row.stage });
      const before = currentFields(row);
      const expiryChanged = patch.expiresOn !== undefined && patch.expiresOn !== row.expiresOn;
      const columns = await checkOffer(tx, this.classifications, { ...before, ...patch }, today(tx), { expiryChanged });
      const written = await tx.offerWrites.update(
        row.id,
        { ...columns, ...(expiryChanged ? { expiryWarnedDays: null } : {}) },
        tx.clock.now(),
        row.version,
      );
      await requireWritten(written, () => tx.offers.currentVersion(row.id));
      await tx.offerDocuments.refresh([row.id]);
      const diff = changed(before as unknown as Record<string, unknown>, { ...before, ...patch } as Record<string, unknown>);
      await auditOffer(tx, actor, 'offer.updated', row, { stage: row.stage, ...diff.before }, diff.after);
      return row.id;
    });
    return offerView(this.repos, this.classifications, actorOrNull, id);
  }

  /** Drafts only: an offer that was submitted keeps its history (close it instead). */
  async delete(actorOrNull: Actor | null, slug: string, expected: ExpectedVersion): Promise<void> {
    await this.repos.transaction(async (tx) => {
      const { actor, row } = await editableOffer(tx, actorOrNull, slug);
      if (expected !== null && row.version !== expected) throw new VersionConflictError(row.version);
      if (row.stage !== 'draft')
        throw new AppError('offer_stage_refused', 'Only a draft is deleted: close a published offer instead.', 'params.slug').because(
          'not_a_draft',
        );
      await tx.offerWrites.delete(row.id);
      await auditOffer(tx, actor, 'offer.deleted', row, { slug: row.slug, stage: row.stage, title: row.title });
    });
  }

  /** The offers of the reader's organisations (or of one of them), last changed first. */
  async mine(actorOrNull: Actor | null, query: MyOffersQuery): Promise<OfferList> {
    const actor = requireActor(actorOrNull);
    let organisationIds = [...new Set(actor.grants.flatMap((g) => (g.organisationId ? [g.organisationId] : [])))];
    if (query.organisation) {
      const organisation = await this.repos.organisations.getBySlug(query.organisation);
      if (!organisation) throw unknownValue('query.organisation', [query.organisation], 'organisation');
      if (!organisationIds.includes(organisation.id))
        throw new AppError(
          'forbidden',
          'These are the offers of your own organisations: you are not a member of this one.',
          'query.organisation',
        );
      organisationIds = [organisation.id];
    }
    const { rows, total } = await this.repos.offers.list({
      organisationIds,
      stages: query.stage,
      offset: (query.page - 1) * query.pageSize,
      limit: query.pageSize,
    });
    // the owner's own people always see who owns it
    return {
      items: rows.map((row) => presentOfferSummary(row, { shown: true, why: [] })),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /**
   * The submitted offers a coordinator decides on: of the regions they coordinate (all for a platform
   * administrator), their own organisations' left out (nobody reviews their own offer), oldest change first.
   */
  async reviewQueue(actorOrNull: Actor | null, query: ReviewOffersQuery): Promise<OfferList> {
    const actor = requireActor(actorOrNull);
    const regions = await this.repos.regions.list();
    const coordinated = coordinatedRegions(actor, regions);
    if (!isAdmin(actor) && coordinated.length === 0) throw new AppError('forbidden', 'The review queue is for regional coordinators.');
    if (query.region && !regions.some((r) => r.code === query.region)) throw unknownValue('query.region', [query.region], 'region');
    if (query.region && !isAdmin(actor) && !coordinated.includes(query.region))
      throw new AppError('outside_region', 'You do not coordinate this region.', 'query.region');
    const regionCodes = query.region
      ? regions.filter((r) => r.code === query.region || r.parentCode === query.region).map((r) => r.code)
      : isAdmin(actor)
        ? undefined
        : coordinated;
    const own = new Set(actor.grants.flatMap((g) => (g.organisationId ? [g.organisationId] : [])));
    const { rows, total } = await this.repos.offers.list({
      regionCodes,
      stages: ['submitted'],
      excludeOrganisationIds: [...own],
      oldestFirst: true,
      offset: (query.page - 1) * query.pageSize,
      limit: query.pageSize,
    });
    // a reviewer of the region sees the owner (offer-visibility.ts)
    return {
      items: rows.filter((row) => !isOwnersPerson(actor, row)).map((row) => presentOfferSummary(row, { shown: true, why: [] })),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }
}
