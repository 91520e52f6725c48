import type { NamedPartyListing } from '../../repositories/registry/named-party.repository.js';
import type { Repositories } from '../../repositories/index.js';
import type { MergeBody, MergeResult, NamedParty, NamedPartyList, NamedPartyQuery } from '../../shared/schemas/registry.js';
import { coordinatedRegions, isAdmin, refusal, requireActor, type Actor } from '../access.js';
import { audit } from '../audit.js';
import { AppError, notFound, unknownValue } from '../errors.js';

const present = (p: NamedPartyListing): NamedParty => ({
  id: p.id,
  name: p.name,
  kind: p.kind,
  regionCode: p.regionCode,
  countryCode: p.countryCode,
  mergedInto: p.mergedIntoOrganisation,
  recordCount: p.recordCount,
});

/** Parties not on the platform yet: the type-ahead of record forms, and their merge once they join. */
export class NamedPartyService {
  constructor(private readonly repos: Repositories) {}

  /** For those who record cooperation (signed in): named parties not merged yet, by name. */
  async search(actor: Actor | null, query: NamedPartyQuery): Promise<NamedPartyList> {
    requireActor(actor);
    return { items: (await this.repos.namedParties.search(query.q ?? '', query.region, query.limit)).map(present) };
  }

  /**
   * The named party joined the platform as this organisation: every record naming it names the
   * organisation now (their regions recomputed, their versions moved on); the named party stays, pointing
   * at it. For coordinators of its region and administrators; once.
   */
  async merge(actorOrNull: Actor | null, id: string, body: MergeBody): Promise<MergeResult> {
    const actor = requireActor(actorOrNull);
    const moved = await this.repos.transaction(async (tx) => {
      const named = await tx.namedParties.lock(id);
      if (!named) throw notFound('The named party', 'params.id');
      const regions = await tx.regions.list();
      // a party known by its country only is merged by a coordinator of a region of that country
      const coordinated = coordinatedRegions(actor, regions);
      const mayMerge = named.regionCode
        ? coordinated.includes(named.regionCode)
        : regions.some((r) => r.countryCode === named.countryCode && coordinated.includes(r.code));
      if (!isAdmin(actor) && !mayMerge) throw refusal(actor, 'Only coordinators of the party’s region merge it.');
      if (named.mergedInto) throw new AppError('already_merged', undefined, 'params.id');
      const organisation = await tx.organisations.getBySlug(body.organisation);
      if (!organisation) throw unknownValue('body.organisation', [body.organisation], 'organisation');
      const now = tx.clock.now();
      const records = await tx.namedParties.merge(id, organisation.id, actor.user.id, now);
      await tx.records.refreshDerived(records);
      for (const recordId of records) await tx.records.update(recordId, {}, now);
      await audit(tx, {
        actorId: actor.user.id,
        action: 'named_party.merged',
        entityType: 'named_party',
        entityId: id,
        regionCode: named.regionCode ?? undefined,
        before: named,
        after: { mergedInto: organisation.id, organisation: organisation.slug, records },
      });
      return records.length;
    });
    return { namedParty: present((await this.repos.namedParties.listing(id))!), movedRecords: moved };
  }
}
