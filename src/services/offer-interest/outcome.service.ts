import type { Repositories } from '../../repositories/index.js';
import type { ContactRow } from '../../repositories/offers/offer-interest.repository.js';
import type { RegionRow } from '../../repositories/region.repository.js';
import type { InterestOutcomeInput, OutcomeCounts, OutcomeQuery } from '../../shared/schemas/offer-interest.js';
import { requireActor, type Actor } from '../access.js';
import { audit } from '../audit.js';
import { AppError, notFound, unknownValue } from '../errors.js';
import { insertRecord } from '../registry/insert-record.js';
import { requireWritten, type ExpectedVersion } from '../versioning.js';
import { canDecide } from './interest-access.js';

const month = (at: Date) => at.toISOString().slice(0, 7);

/**
 * What a contact led to: the owner marks an accepted interest as having led to an agreement of the registry
 * (one both organisations are parties to, or a new one recorded with both as parties), and the platform
 * counts contacts → agreements per area, region pair and month, as cluster platforms report them.
 */
export class OfferOutcomeService {
  constructor(private readonly repos: Repositories) {}

  /** Links the agreement (an existing one, or one created now); the interest's id on success. */
  async record(actorOrNull: Actor | null, id: string, input: InterestOutcomeInput, expected: ExpectedVersion): Promise<void> {
    const actor = requireActor(actorOrNull);
    if ((input.agreement === undefined) === (input.create === undefined))
      throw new AppError('validation_failed', 'Give either an agreement of the registry or a new one to create, not both.', 'body');
    await this.repos.transaction(async (tx) => {
      const { row, owner, interested } = await this.decidable(tx, actor, id);
      let agreementId: string;
      if (input.agreement !== undefined) {
        const record = await tx.records.get(input.agreement);
        if (!record || record.kind !== 'agreement') throw notFound(`Agreement "${input.agreement}"`, 'body.agreement');
        const parties = new Set((await tx.records.partiesOf([record.id])).flatMap((p) => (p.organisation ? [p.organisation.id] : [])));
        if (!parties.has(owner.id) || !parties.has(interested.id)) throw new AppError('agreement_not_shared', undefined, 'body.agreement');
        agreementId = record.id;
      } else {
        const create = input.create!;
        agreementId = await insertRecord(tx, actor, 'agreement', {
          title: create.title,
          type: create.type,
          summary: create.summary ?? null,
          areas: create.areas,
          ...(create.signed ? { stage: 'signed', happened: create.signed, dated: create.signed } : {}),
          parties: [
            { organisation: owner.slug, role: 'signatory' },
            { organisation: interested.slug, role: 'signatory' },
          ],
        });
      }
      const now = tx.clock.now();
      await requireWritten(
        await tx.offerInterests.update(id, expected, { agreementId, outcomeAt: now, outcomeBy: actor.user.id }, now),
        () => tx.offerInterests.currentVersion(id),
      );
      await audit(tx, {
        actorId: actor.user.id,
        action: 'offer_interest.outcome_recorded',
        entityType: 'offer_interest',
        entityId: id,
        regionCode: owner.regionCode,
        before: { agreementId: row.agreementId, version: row.version },
        after: { agreementId, created: input.create !== undefined },
      });
    });
  }

  /** Unlinks the agreement (which stays in the registry). */
  async clear(actorOrNull: Actor | null, id: string, expected: ExpectedVersion): Promise<void> {
    const actor = requireActor(actorOrNull);
    await this.repos.transaction(async (tx) => {
      const { row, owner } = await this.decidable(tx, actor, id);
      const now = tx.clock.now();
      await requireWritten(
        await tx.offerInterests.update(id, expected, { agreementId: null, outcomeAt: null, outcomeBy: null }, now),
        () => tx.offerInterests.currentVersion(id),
      );
      await audit(tx, {
        actorId: actor.user.id,
        action: 'offer_interest.outcome_cleared',
        entityType: 'offer_interest',
        entityId: id,
        regionCode: owner.regionCode,
        before: { agreementId: row.agreementId, version: row.version },
        after: { agreementId: null },
      });
    });
  }

  /**
   * Contacts (accepted interests, by the month of acceptance) and agreements (by the month the owner
   * recorded them), filtered by the offer's area and by either side's region (a region covers its
   * subdivisions, a country its regions). Numbers only: no organisation is named, anonymous or not.
   */
  async counts(query: OutcomeQuery): Promise<OutcomeCounts> {
    if (query.from && query.to && query.from > query.to)
      throw new AppError('validation_failed', 'The period ends before it starts.', 'query.to').because('ends_before_start');
    const regions = await this.repos.regions.list();
    if (query.area && !(await this.repos.areas.byCodes([query.area])).length) throw unknownValue('query.area', [query.area], 'area');
    const covered = query.region ? coveredRegions(query.region, regions) : null;
    if (covered && covered.size === 0) throw unknownValue('query.region', [query.region!], 'region');
    const within = (at: Date | null) => !!at && (!query.from || month(at) >= query.from) && (!query.to || month(at) <= query.to);
    const rows = (await this.repos.offerInterests.contacts()).filter(
      (r) =>
        (!query.area || r.areaCodes.includes(query.area)) && (!covered || covered.has(r.ownerRegion) || covered.has(r.interestedRegion)),
    );
    const totals = { contacts: 0, agreements: 0 };
    const byArea = new Map<string, typeof totals>();
    const byPair = new Map<string, typeof totals>();
    const byMonth = new Map<string, typeof totals>();
    const add = (map: Map<string, typeof totals>, key: string, field: keyof typeof totals) => {
      const counts = map.get(key) ?? { contacts: 0, agreements: 0 };
      counts[field] += 1;
      map.set(key, counts);
    };
    const count = (r: ContactRow, field: keyof typeof totals, at: Date) => {
      totals[field] += 1;
      for (const area of r.areaCodes) add(byArea, area, field);
      add(byPair, `${r.ownerRegion} ${r.interestedRegion}`, field);
      add(byMonth, month(at), field);
    };
    for (const r of rows) {
      if (within(r.decidedAt)) count(r, 'contacts', r.decidedAt);
      if (r.agreementId && within(r.outcomeAt)) count(r, 'agreements', r.outcomeAt!);
    }
    const regionRef = (code: string) => ({ code, name: regions.find((g) => g.code === code)?.name ?? { original: 'en' as const, en: code } });
    const byCount = (a: { contacts: number }, b: { contacts: number }) => b.contacts - a.contacts;
    return {
      totals,
      byArea: [...byArea].map(([area, c]) => ({ area, ...c })).sort((a, b) => byCount(a, b) || a.area.localeCompare(b.area)),
      byRegionPair: [...byPair]
        .map(([key, c]) => {
          const [owner, interested] = key.split(' ') as [string, string];
          return { owner: regionRef(owner), interested: regionRef(interested), ...c };
        })
        .sort((a, b) => byCount(a, b) || a.owner.code.localeCompare(b.owner.code) || a.interested.code.localeCompare(b.interested.code)),
      byMonth: [...byMonth].map(([m, c]) => ({ month: m, ...c })).sort((a, b) => a.month.localeCompare(b.month)),
    };
  }

  /** The accepted interest, locked, for the owner's administrators and editors. */
  private async decidable(tx: Repositories, actor: Actor, id: string) {
    const row = await tx.offerInterests.lock(id);
    const [offer] = row ? await tx.offerInterests.offersByIds([row.offerId]) : [];
    if (!row || !offer) throw notFound('Interest', 'params.id');
    if (!canDecide(actor, offer)) {
      // either side learns it may not; anyone else that there is no such interest
      const eitherSide = actor.grants.some((g) => g.organisationId === row.organisationId || g.organisationId === offer.organisationId);
      if (!eitherSide) throw notFound('Interest', 'params.id');
      throw new AppError('forbidden', 'Only the offer’s owner’s administrators and editors record what a contact led to.');
    }
    if (row.state !== 'accepted') throw new AppError('interest_not_accepted');
    const orgs = new Map((await tx.organisations.byIds([offer.organisationId, row.organisationId])).map((o) => [o.id, o]));
    return { row, offer, owner: orgs.get(offer.organisationId)!, interested: orgs.get(row.organisationId)! };
  }
}

/** The region, its subdivisions; a country's code: its regions. */
function coveredRegions(code: string, regions: RegionRow[]): Set<string> {
  return new Set(regions.filter((r) => r.code === code || r.parentCode === code || r.countryCode === code).map((r) => r.code));
}
