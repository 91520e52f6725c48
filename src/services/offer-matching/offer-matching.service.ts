import { presentOfferSummary, type OfferRow } from '../../presenters/offer.presenter.js';
import { presentOrganisationSummary } from '../../presenters/organisation.presenter.js';
import type { Repositories } from '../../repositories/index.js';
import type { OfferMatchProfile } from '../../repositories/offer-matching/offer-match.repository.js';
import type { Language } from '../../shared/languages.js';
import type { MultilingualText } from '../../shared/multilingual.js';
import type {
  OfferMatches,
  OfferMatchQuery,
  SuggestedOffers,
  SuggestedOffersQuery,
  SuggestedPartners,
  SuggestedPartnersQuery,
} from '../../shared/schemas/offer-matching.js';
import { isAdmin, organisationRole, refusal, requireActor, type Actor } from '../access.js';
import type { ClassificationService } from '../classification.service.js';
import { notFound } from '../errors.js';
import type { MatchService } from '../matching/match.service.js';
import {
  complementaryOfferKinds,
  matchingWeights,
  scorePair,
  type MatchContext,
  type MatchProfile,
  type ScoredPair,
} from '../matching/scoring.js';
import { canReviewOffer, canSeeOffer, isOwnersPerson, organisationShown } from '../offers/offer-visibility.js';
import { expandRegions } from '../regions.js';
import { explainPair, type ExplainedSides, type ExplanationLabels } from './explanation.js';
import { OfferIndex } from './offer-index.js';

/** An offer as matching sees it: its codes, its kind and what it seeks, its owner's kind. */
export const offerProfile = (
  o: Pick<
    OfferMatchProfile,
    | 'kind'
    | 'ownerKind'
    | 'regionCode'
    | 'areaCodes'
    | 'naceClasses'
    | 'productCodes'
    | 'conceptCodes'
    | 'partnerKinds'
    | 'targetRegionCodes'
  >,
): MatchProfile => ({
  kind: o.ownerKind,
  regionCode: o.regionCode,
  areaCodes: o.areaCodes,
  naceClasses: o.naceClasses,
  productCodes: o.productCodes,
  conceptCodes: o.conceptCodes,
  offer: { kind: o.kind, partnerKinds: o.partnerKinds, targetRegionCodes: o.targetRegionCodes },
});

const rowProfile = (row: OfferRow): MatchProfile =>
  offerProfile({ ...row, ownerKind: row.organisation.kind, naceClasses: row.naceCodes, targetRegionCodes: row.targetRegionCodes });

const round = (n: number) => Math.round(n * 1000) / 1000;
const NOTHING: { items: [] } = { items: [] };

/**
 * Matching of the marketplace (docs/matching.md, "Offers and requests"): an offer's best requests (and a
 * request's offers), the organisations that fit an offer, the offers that fit an organisation. Ranked by
 * the offer index or the partner index with scoring's weights, explained by scorePair in the reader's
 * language. An anonymous offer's owner is named by organisationShown alone, and never suggested for it.
 */
export class OfferMatchingService {
  readonly index: OfferIndex;

  constructor(
    private readonly repos: Repositories,
    private readonly classifications: ClassificationService,
    private readonly partners: MatchService,
  ) {
    // on PGlite, with no write since its last look, a refresh reads nothing
    this.index = new OfferIndex(repos.offerMatches, undefined, () => repos.search.writeCount());
  }

  /** Loads the offer index now rather than on the first match (it reads in pages: requests go on meanwhile). */
  warmUp(): Promise<void> {
    return this.index.refresh();
  }

  async matches(slug: string, query: OfferMatchQuery, actor: Actor | null, lang: Language): Promise<OfferMatches> {
    const source = await this.visibleOffer(slug, actor);
    const kinds = complementaryOfferKinds(source.kind).filter((k) => !query.kind?.length || query.kind.includes(k));
    const profile = rowProfile(source);
    const places = await this.places(profile, query.region ?? []);
    if (kinds.length === 0 || !places) return NOTHING;
    await this.index.refresh();
    const context = await this.context(profile, this.index, places.targets);
    const best = this.index.best(
      matchingWeights(profile, context, 'offers'),
      {
        excludedOwners: new Set([source.organisationId]),
        excludedOffers: new Set([source.id]),
        kinds,
        regionCodes: places.candidates,
        sourceRegions: await this.ancestry(source.regionCode),
        today: this.today(),
      },
      query.limit,
    );
    return {
      items: await this.presentOffers(
        profile,
        { kind: source.organisation.kind, offerKind: source.kind },
        best.map((b) => b.id),
        context,
        actor,
        lang,
      ),
    };
  }

  async suggestedPartners(slug: string, query: SuggestedPartnersQuery, actor: Actor | null, lang: Language): Promise<SuggestedPartners> {
    const source = await this.visibleOffer(slug, actor);
    const by = requireActor(actor);
    // the owner's tool (and its reviewers'): who fits an offer says nothing to others they could not search for
    if (!isOwnersPerson(by, source) && !canReviewOffer(by, source, await this.repos.regions.list()))
      throw refusal(by, 'Suggested partners are shown to the offer’s own organisation and its reviewers.');
    const profile = rowProfile(source);
    const places = await this.places(profile, query.region ?? []);
    if (!places) return NOTHING;
    const index = await this.partners.currentIndex();
    const context = await this.context(profile, index, places.targets);
    const best = index.best(
      matchingWeights(profile, context, 'organisations'),
      {
        // the owner is never "the partner behind" its own offer
        sourceId: source.organisationId,
        regionCodes: places.candidates,
        excludedRegionCodes: [],
        kinds: [],
        sectors: [],
        areaCodes: [],
        dismissed: new Set(),
      },
      query.limit,
    );
    const rows = await this.repos.organisations.inOrder(best.map((b) => b.id));
    const scored = rows.map((row) => ({ row, pair: scorePair(profile, row, context) }));
    const labels = await this.labels(
      scored.map((s) => s.pair),
      source.regionCode,
    );
    return {
      items: scored.map(({ row, pair }) => ({
        organisation: presentOrganisationSummary(row),
        score: round(pair.score),
        explanation: explainPair(pair, { source: { kind: profile.kind, offerKind: source.kind }, candidate: row }, labels, lang),
      })),
    };
  }

  async suggestedOffers(slug: string, query: SuggestedOffersQuery, actor: Actor | null, lang: Language): Promise<SuggestedOffers> {
    const organisation = await this.repos.organisations.getBySlug(slug);
    const by = requireActor(actor);
    if (!organisation || (!isAdmin(by) && organisationRole(by, organisation.id) === null)) {
      if (!organisation || !organisation.published) throw notFound(`Organisation "${slug}"`, 'params.slug');
      throw refusal(by, 'Suggested offers are shown to the organisation’s own people.');
    }
    const profile: MatchProfile = organisation;
    await this.index.refresh();
    const context = await this.context(profile, this.index);
    const best = this.index.best(
      matchingWeights(profile, context, 'offers'),
      {
        // offers of other organisations only
        excludedOwners: new Set([organisation.id]),
        excludedOffers: new Set(),
        kinds: query.kind ?? [],
        regionCodes: [],
        sourceRegions: await this.ancestry(organisation.regionCode),
        today: this.today(),
      },
      query.limit,
    );
    return {
      items: await this.presentOffers(
        profile,
        { kind: organisation.kind },
        best.map((b) => b.id),
        context,
        actor,
        lang,
      ),
    };
  }

  /** The offer the reader may see (published, or theirs, or theirs to review); else "not found". */
  private async visibleOffer(slug: string, actor: Actor | null): Promise<OfferRow> {
    const row = await this.repos.offers.get(slug);
    if (!row || !canSeeOffer(actor, row, await this.repos.regions.list())) throw notFound(`Offer "${slug}"`, 'params.slug');
    return row;
  }

  /**
   * Where candidates may be: inside the offer's target regions (when it has any) and the regions asked
   * for; null when the two have nothing in common (no candidate anywhere).
   */
  private async places(profile: MatchProfile, asked: string[]): Promise<{ targets: Set<string>; candidates: string[] } | null> {
    const wanted = await expandRegions(this.repos, asked, 'query.region');
    const targets = new Set(await this.within(profile.offer?.targetRegionCodes ?? []));
    if (targets.size === 0) return { targets, candidates: wanted };
    const candidates = wanted.length > 0 ? wanted.filter((c) => targets.has(c)) : [...targets];
    return candidates.length > 0 ? { targets, candidates } : null;
  }

  /** Regions with their subdivisions, two levels down (a country's region, that region's départements). */
  private async within(codes: string[]): Promise<string[]> {
    const first = (await this.repos.regions.withSubdivisions(codes)).map((r) => r.code);
    return [...new Set([...codes, ...(await this.repos.regions.withSubdivisions(first)).map((r) => r.code)])];
  }

  /** A region, the regions above it and its country: what an offer's targets may name it by. */
  private async ancestry(code: string): Promise<string[]> {
    const codes = [code];
    let region = await this.repos.regions.get(code);
    if (region) codes.push(region.countryCode);
    while (region?.parentCode && !codes.includes(region.parentCode)) {
      codes.push(region.parentCode);
      region = await this.repos.regions.get(region.parentCode);
    }
    return codes;
  }

  private async context(
    profile: MatchProfile,
    index: Pick<OfferIndex, 'conceptWeights' | 'rarities'>,
    targets?: Set<string>,
  ): Promise<MatchContext> {
    const pairs = await this.partners.regionPairs(profile.regionCode);
    return {
      conceptWeights: index.conceptWeights(profile.conceptCodes),
      rarity: index.rarities(profile),
      pairedRegions: new Set(pairs.keys()),
      targetRegions: targets,
    };
  }

  private async presentOffers(
    profile: MatchProfile,
    source: ExplainedSides['source'],
    ids: string[],
    context: MatchContext,
    actor: Actor | null,
    lang: Language,
  ): Promise<OfferMatches['items']> {
    const [rows, profiles, revealed, regions] = await Promise.all([
      this.repos.offers.summaries(ids),
      this.repos.offerMatches.profiles(ids),
      this.repos.offers.revealedTo(ids),
      this.repos.regions.list(),
    ]);
    const scored = rows.flatMap((row) => {
      const candidate = profiles.get(row.id);
      return candidate ? [{ row, candidate, pair: scorePair(profile, offerProfile(candidate), context) }] : [];
    });
    const labels = await this.labels(
      scored.map((s) => s.pair),
      profile.regionCode,
    );
    return scored.map(({ row, candidate, pair }) => ({
      offer: presentOfferSummary(row, { shown: organisationShown(actor, row, regions, revealed.get(row.id)), why: [] }),
      score: round(pair.score),
      // the candidate's owner is named by no signal: kinds, codes and regions only
      explanation: explainPair(
        pair,
        { source, candidate: { kind: candidate.ownerKind, offerKind: candidate.kind, regionCode: candidate.regionCode } },
        labels,
        lang,
      ),
    }));
  }

  /** The labels of everything the pairs share, looked up once for all of them. */
  private async labels(pairs: ScoredPair[], sourceRegion: string): Promise<ExplanationLabels> {
    const [areas, terms, regions, sides] = await Promise.all([
      this.repos.areas.byCodes([...new Set(pairs.flatMap((p) => p.areas))]),
      this.repos.offerMatches.conceptLabels([...new Set(pairs.flatMap((p) => p.concepts.map((c) => c.code)))]),
      this.repos.regions.list(),
      this.partners.regionPairs(sourceRegion),
    ]);
    const names = new Map<string, MultilingualText>(regions.map((r) => [r.code, r.name]));
    return {
      area: (code) => areas.find((a) => a.code === code)?.name,
      nace: (code) => this.classifications.naceClass(code)?.title,
      product: (code) => this.classifications.products.describe(code)?.title,
      concept: (code) => terms.get(code),
      region: (code) => names.get(code),
      partnership: (code) => sides.get(code)?.name,
    };
  }

  private today(): string {
    return this.repos.clock.now().toISOString().slice(0, 10);
  }
}
