import { presentConceptRef } from '../../presenters/glossary.presenter.js';
import { presentOrganisationSummary } from '../../presenters/organisation.presenter.js';
import type { Repositories } from '../../repositories/index.js';
import type { OrganisationRow } from '../../repositories/organisation.repository.js';
import type { MultilingualText } from '../../shared/multilingual.js';
import type { DismissedPartners, PartnerQuery, PartnerSuggestions } from '../../shared/schemas/matching.js';
import { canSeeUnpublished, isAdmin, organisationRole, requireActor, refusal, type Actor } from '../access.js';
import { audit } from '../audit.js';
import type { ClassificationService } from '../classification.service.js';
import { AppError, notFound } from '../errors.js';
import { expandRegions } from '../regions.js';
import { requireKnownAreas } from '../known-areas.js';
import type { NamedIndex } from '../search/snapshot/snapshot-store.js';
import { PartnerIndex } from './partner-index.js';
import { isSubjectConcept } from './subjects.js';
import { matchingWeights, scorePair, type MatchContext } from './scoring.js';

/** Partner matchmaking: suggested partners for an organisation, explained, and "not interested" marks. */
export class MatchService {
  private readonly index: PartnerIndex;
  /** A restore from a snapshot in progress (search/snapshot/): refreshes wait for it, then read only what followed. */
  private restored: () => Promise<unknown> = () => Promise.resolve();

  constructor(
    private readonly repos: Repositories,
    private readonly classifications: ClassificationService,
  ) {
    this.index = new PartnerIndex(repos.matches);
  }

  /** Loads the partner index now rather than on the first suggestion (it reads in pages: requests go on meanwhile). */
  async warmUp(): Promise<void> {
    await this.refreshed();
    this.index.prepareRanking();
  }

  /** The partner index as the snapshot store saves and restores it. */
  snapshotted(): Omit<NamedIndex, 'name'> {
    return {
      index: this.index,
      startFrom: (restore) => {
        this.restored = restore;
      },
    };
  }

  /** Every write taken in, once a restore from a snapshot (if one runs) has ended. */
  private async refreshed(): Promise<void> {
    await this.restored();
    await this.index.refresh();
  }

  /** The partner index with every write taken in: an offer's suggested partners are ranked over it too. */
  async currentIndex(): Promise<PartnerIndex> {
    await this.refreshed();
    return this.index;
  }

  async suggest(slug: string, query: PartnerQuery, actor: Actor | null): Promise<PartnerSuggestions> {
    const source = await this.source(slug, actor);
    const regionCodes = await expandRegions(this.repos, query.region ?? [], 'query.region');
    const areaCodes = query.area ?? [];
    await requireKnownAreas(this.repos, areaCodes, 'query.area');

    // the areas and concepts a suggestion can share are the source's own: their names are read meanwhile,
    // not after the candidates' rows (a round trip less)
    const [pairs, excludedRegions, dismissed, areaRows, terms] = await Promise.all([
      this.regionPairs(source.regionCode),
      regionCodes.length > 0 ? Promise.resolve([]) : this.homeRegions(source.regionCode),
      this.repos.matches.dismissedIds(source.id),
      this.repos.areas.byCodes(source.areaCodes),
      this.repos.glossary.terms(source.conceptCodes.filter(isSubjectConcept)),
      this.refreshed(),
    ]);
    const context: MatchContext = {
      conceptWeights: this.index.conceptWeights(source.conceptCodes),
      rarity: this.index.rarities(source),
      pairedRegions: new Set(pairs.keys()),
    };
    const best = this.index.best(
      matchingWeights(source, context),
      {
        sourceId: source.id,
        regionCodes,
        excludedRegionCodes: excludedRegions,
        kinds: query.kind ?? [],
        sectors: query.sector ?? [],
        areaCodes,
        dismissed,
      },
      query.limit,
    );
    const rows = await this.repos.organisations.inOrder(best.map((b) => b.id));

    const scored = rows.map((row) => ({ row, pair: scorePair(source, row, context) }));
    return {
      items: scored.map(({ row, pair }) => ({
        organisation: presentOrganisationSummary(row),
        score: round(pair.score),
        explanation: {
          areas: areaRows.filter((a) => pair.areas.includes(a.code)).map((a) => ({ code: a.code, name: a.name })),
          nace: pair.nace.flatMap((code) => {
            const entry = this.classifications.naceClass(code);
            return entry ? [{ code, title: entry.title }] : [];
          }),
          products: pair.products.flatMap((p) => {
            const product = this.classifications.products.describe(p.code);
            return product ? [{ ...product, weight: p.weight }] : [];
          }),
          concepts: pair.concepts.map((c) => ({ ...presentConceptRef(c.code, terms), weight: c.weight })),
          complementarity: pair.complementarity > 0 ? { kinds: [source.kind, row.kind], weight: pair.complementarity } : null,
          regionPair: pair.regionPair ? (pairs.get(row.regionCode) ?? null) : null,
          contributions: Object.fromEntries(Object.entries(pair.contributions).map(([k, v]) => [k, round(v)])) as typeof pair.contributions,
        },
      })),
      dismissedCount: dismissed.size,
      excludedRegions,
    };
  }

  async dismiss(slug: string, candidateSlug: string, actor: Actor | null): Promise<void> {
    const { source, candidate, by } = await this.dismissal(slug, candidateSlug, actor);
    await this.repos.transaction(async (tx) => {
      await tx.matches.dismiss(source.id, candidate.id, by.user.id, tx.clock.now());
      await audit(tx, {
        actorId: by.user.id,
        action: 'partner.dismissed',
        entityType: 'organisation',
        entityId: source.id,
        regionCode: source.regionCode,
        after: { candidate: candidate.slug },
      });
    });
  }

  async undismiss(slug: string, candidateSlug: string, actor: Actor | null): Promise<void> {
    const { source, candidate, by } = await this.dismissal(slug, candidateSlug, actor);
    await this.repos.transaction(async (tx) => {
      if (!(await tx.matches.undismiss(source.id, candidate.id)))
        throw notFound(`"Not interested" in ${candidate.slug}`, 'params.candidate');
      await audit(tx, {
        actorId: by.user.id,
        action: 'partner.undismissed',
        entityType: 'organisation',
        entityId: source.id,
        regionCode: source.regionCode,
        before: { candidate: candidate.slug },
      });
    });
  }

  async dismissed(slug: string, actor: Actor | null): Promise<DismissedPartners> {
    const source = await this.source(slug, actor);
    this.requireMember(source, actor);
    const rows = await this.repos.matches.dismissed(source.id);
    return { items: rows.map((r) => ({ organisation: presentOrganisationSummary(r), dismissedAt: r.dismissedAt.toISOString() })) };
  }

  /** The organisation to match: published; an unpublished one is "not found" to those who cannot see it. */
  private async source(slug: string, actor: Actor | null): Promise<OrganisationRow> {
    const row = await this.repos.organisations.getBySlug(slug);
    if (!row || (!row.published && !canSeeUnpublished(actor, row, await this.repos.regions.list())))
      throw notFound(`Organisation "${slug}"`, 'params.slug');
    if (!row.published) throw new AppError('not_published', undefined, 'params.slug');
    return row;
  }

  private requireMember(source: OrganisationRow, actor: Actor | null): Actor {
    const by = requireActor(actor);
    if (!isAdmin(by) && organisationRole(by, source.id) === null) throw refusal(by, 'Only the organisation’s people can mark partners.');
    return by;
  }

  private async dismissal(slug: string, candidateSlug: string, actor: Actor | null) {
    const source = await this.source(slug, actor);
    const by = this.requireMember(source, actor);
    const candidate = await this.repos.organisations.getBySlug(candidateSlug);
    if (!candidate || !candidate.published) throw notFound(`Organisation "${candidateSlug}"`, 'body.candidate');
    if (candidate.id === source.id) throw new AppError('validation_failed', 'An organisation is not its own partner.', 'body.candidate');
    return { source, candidate, by };
  }

  /** Regions on the other side of a partnership the region is on, each with that partnership. */
  async regionPairs(regionCode: string): Promise<Map<string, { partnership: string; name: MultilingualText }>> {
    const sides = await this.repos.partnerships.allSides();
    const pairs = new Map<string, { partnership: string; name: MultilingualText }>();
    for (const side of sides.filter((s) => s.regionCodes.includes(regionCode))) {
      for (const other of sides.filter((s) => s.partnershipId === side.partnershipId && s !== side)) {
        for (const code of other.regionCodes) if (!pairs.has(code)) pairs.set(code, { partnership: side.slug, name: side.name });
      }
    }
    return pairs;
  }

  /** The region itself, the region above it and that region's other subdivisions: "home", left out by default. */
  private async homeRegions(regionCode: string): Promise<string[]> {
    const region = await this.repos.regions.get(regionCode);
    const top = region?.parentCode ?? regionCode;
    return (await this.repos.regions.withSubdivisions([top])).map((r) => r.code).sort();
  }
}

const round = (n: number) => Math.round(n * 1000) / 1000;
