import type { Repositories } from '../../repositories/index.js';
import type { OutcomeGroupRow } from '../../repositories/offers/offer-interest.repository.js';
import type { RegionRow } from '../../repositories/region.repository.js';
import type { InterestOutcomeInput, OutcomeCounts, OutcomeQuery } from '../../shared/schemas/offer-interest.js';
import { requireActor, type Actor } from '../access.js';
import { audit } from '../audit.js';
import { AppError, notFound, unknownValue } from '../errors.js';
import { insertRecord } from '../registry/insert-record.js';
import { requireWritten, type ExpectedVersion } from '../versioning.js';
import { canDecide } from './interest-access.js';

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
      await requireWritten(await tx.offerInterests.update(id, expected, { agreementId: null, outcomeAt: null, outcomeBy: null }, now), () =>
        tx.offerInterests.currentVersion(id),
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
    const monthStart = (m: string) => new Date(`${m}-01T00:00:00Z`);
    const nextMonth = (m: string) => {
      const start = monthStart(m);
      return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
    };
    const groups = await this.repos.offerInterests.outcomeCounts({
      ...(query.from ? { from: monthStart(query.from) } : {}),
      ...(query.to ? { before: nextMonth(query.to) } : {}),
      ...(query.area ? { area: query.area } : {}),
      ...(covered ? { regionCodes: [...covered] } : {}),
    });
    const names = new Map(regions.map((r) => [r.code, r.name]));
    const regionRef = (code: string) => ({ code, name: names.get(code) ?? { original: 'en' as const, en: code } });
    const counts = (g: OutcomeGroupRow) => ({ contacts: g.contacts, agreements: g.agreements });
    const of = (dimension: OutcomeGroupRow['dimension']) =>
      groups.filter((g) => g.dimension === dimension && (dimension === 'total' || g.key !== null));
    const byCount = (a: { contacts: number }, b: { contacts: number }) => b.contacts - a.contacts;
    return {
      totals: of('total')[0] ? counts(of('total')[0]!) : { contacts: 0, agreements: 0 },
      byArea: of('area')
        .map((g) => ({ area: g.key!, ...counts(g) }))
        .sort((a, b) => byCount(a, b) || a.area.localeCompare(b.area)),
      byRegionPair: of('pair')
        .map((g) => ({ owner: regionRef(g.key!), interested: regionRef(g.key2!), ...counts(g) }))
        .sort((a, b) => byCount(a, b) || a.owner.code.localeCompare(b.owner.code) || a.interested.code.localeCompare(b.interested.code)),
      byMonth: of('month')
        .map((g) => ({ month: g.key!, ...counts(g) }))
        .sort((a, b) => a.month.localeCompare(b.month)),
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
