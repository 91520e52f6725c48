import type { Repositories } from '../repositories/index.js';
import { presentOrganisationSummary } from '../presenters/organisation.presenter.js';
import { presentArea, presentRegion } from '../presenters/reference.presenter.js';
import { ORGANISATION_KINDS, SECTORS, type OrganisationKind } from '../shared/domain.js';
import type { OrganisationStats, Partnership } from '../shared/schemas/reference.js';
import type { MultilingualText } from '../shared/multilingual.js';
import { coordinatedRegions, isAdmin, refusal, requireActor, type Actor } from './access.js';
import { requireKnownAreas } from './known-areas.js';
import { audit } from './audit.js';
import { notFound, unknownValue } from './errors.js';
import { requireWritten, type ExpectedVersion } from './versioning.js';

/** The kinds shown as a region's institutions on a partnership page, in this order. */
const INSTITUTION_KINDS: OrganisationKind[] = [
  'government_body',
  'development_agency',
  'university',
  'research_institute',
  'technopark',
  'cluster_organisation',
  'municipality',
  'venue',
];
const MAX_INSTITUTIONS = 30;

export class PartnershipService {
  constructor(private readonly repos: Repositories) {}

  async list() {
    return (await this.repos.partnerships.list()).map((p) => ({ slug: p.slug, name: p.name }));
  }

  async get(slug: string): Promise<Partnership> {
    const found = await this.repos.partnerships.getBySlug(slug);
    if (!found) throw notFound(`Partnership "${slug}"`, 'params.slug');
    const sides = await Promise.all(
      found.sides.map(async (side) => {
        const regions = await this.repos.regions.withSubdivisions(side.regionCodes);
        const codes = regions.map((r) => r.code);
        // the founding case's page shows the regions' real institutions: invented example records stay out
        const institutions = await this.repos.organisations.listByRegionsAndKinds(codes, INSTITUTION_KINDS, true);
        institutions.sort((a, b) => INSTITUTION_KINDS.indexOf(a.kind) - INSTITUTION_KINDS.indexOf(b.kind));
        return {
          name: side.name,
          regions: regions.map(presentRegion),
          institutions: institutions.slice(0, MAX_INSTITUTIONS).map(presentOrganisationSummary),
          stats: await this.stats(codes, true),
        };
      }),
    );
    const areas = await this.repos.areas.byCodes(found.partnership.areaCodes);
    return {
      slug: found.partnership.slug,
      name: found.partnership.name,
      description: found.partnership.description,
      sides,
      areas: areas.map(presentArea),
      version: found.partnership.version,
    };
  }

  /**
   * A partnership's own texts and areas, edited by the coordinators of the regions on either side (and
   * administrators). The change is audited under the coordinator's region. With an expected version
   * (If-Match), a partnership edited by someone else since is refused. Returns the new version.
   */
  async update(
    actorOrNull: Actor | null,
    slug: string,
    changes: { name: MultilingualText; description: MultilingualText | null; areas: string[] },
    expected: ExpectedVersion = null,
  ): Promise<number> {
    const actor = requireActor(actorOrNull);
    const found = await this.repos.partnerships.getBySlug(slug);
    if (!found) throw notFound(`Partnership "${slug}"`, 'params.slug');
    const sideRegions = found.sides.flatMap((s) => s.regionCodes);
    const mine = coordinatedRegions(actor, await this.repos.regions.list()).filter((c) => sideRegions.includes(c));
    if (!isAdmin(actor) && mine.length === 0) {
      throw refusal(actor, "Only the coordinators of the partnership's regions edit it.");
    }
    await requireKnownAreas(this.repos, changes.areas, 'body.areas');
    const { partnership } = found;
    return this.repos.transaction(async (tx) => {
      const written = await tx.partnerships.update(
        partnership.id,
        { name: changes.name, description: changes.description, areaCodes: changes.areas },
        expected,
      );
      const version = await requireWritten(written, async () => (await tx.partnerships.getBySlug(slug))?.partnership.version);
      await audit(tx, {
        actorId: actor.user.id,
        action: 'partnership.updated',
        entityType: 'partnership',
        entityId: partnership.id,
        regionCode: mine[0] ?? null,
        before: { name: partnership.name, description: partnership.description, areas: partnership.areaCodes },
        after: changes,
      });
      return version;
    });
  }

  /** Counts for the given regions and their subdivisions; all regions when none is given. */
  async statsForRegions(asked: string[]): Promise<OrganisationStats> {
    if (asked.length === 0) return this.stats(null);
    const regions = await this.repos.regions.withSubdivisions(asked);
    const unknown = asked.filter((c) => !regions.some((r) => r.code === c));
    if (unknown.length > 0) throw unknownValue('query.region', unknown, 'region');
    return this.stats(regions.map((r) => r.code));
  }

  /** Organisations by kind and by sector, every kind and sector listed even when zero. */
  async stats(regionCodes: string[] | null, withoutExamples = false): Promise<OrganisationStats> {
    const [byKind, bySector] = await Promise.all([
      this.repos.organisations.countsBy('kind', regionCodes, withoutExamples),
      this.repos.organisations.countsBy('sector', regionCodes, withoutExamples),
    ]);
    return {
      total: [...byKind.values()].reduce((a, b) => a + b, 0),
      byKind: ORGANISATION_KINDS.map((value) => ({ value, count: byKind.get(value) ?? 0 })),
      bySector: SECTORS.map((value) => ({ value, count: bySector.get(value) ?? 0 })),
    };
  }
}
