import { presentOfferSummary, type OfferSummaryRow } from '../../presenters/offer.presenter.js';
import type { Repositories } from '../../repositories/index.js';
import type { Language } from '../../shared/languages.js';
import type { OfferList, OfferListQuery } from '../../shared/schemas/offers.js';
import type { Actor } from '../access.js';
import type { ClassificationService } from '../classification.service.js';
import { AppError, unknownValue } from '../errors.js';
import { requireKnownAreas } from '../known-areas.js';
import { organisationShown } from '../offers/offer-visibility.js';
import { expandRegions } from '../regions.js';
import { AnalysedQueries } from '../search/analysed-queries.js';
import { withinFirstLoad } from '../search/first-load.js';
import { readQuery } from '../search/read-query.js';
import { explainOffers } from './explain-offer.js';
import { OfferIndex, type OfferFilter, type OfferHit } from './offer-index.js';

/** How long a search waits for the offers index's first load before answering 503 search_starting. */
const INDEX_LOAD_WAIT_MS = 15_000;
const ANALYSES_KEPT = 2000;

/** A search of the marketplace: the API's query, with the reader's language settled. */
export type OfferSearchQuery = Omit<OfferListQuery, 'lang'> & { lang: Language };

/** What a digest asks: the best offers of a saved query published after a moment, with their reasons. */
export interface FoundOffers {
  list: OfferList;
  hits: OfferHit[];
}

/**
 * The marketplace's one search box: published offers and requests found by the directory's rules of
 * matching (query reading, coverage, glossary concepts, vocabulary bridges across ru/fr/en) from an
 * in-memory index that takes in every write before it answers (OfferIndex), with each result's reason in
 * the reader's language. An anonymous offer's owner is named only where organisationShown says so.
 */
export class OfferSearchService {
  private readonly index: OfferIndex;
  private readonly analyses: AnalysedQueries;

  constructor(
    private readonly repos: Repositories,
    private readonly classifications: ClassificationService,
    private readonly indexLoadWaitMs = INDEX_LOAD_WAIT_MS,
  ) {
    this.index = new OfferIndex(repos.offerSearch, () => repos.search.writeCount());
    this.analyses = new AnalysedQueries(repos, ANALYSES_KEPT);
  }

  async search(query: OfferSearchQuery, actor: Actor | null): Promise<OfferList> {
    const glossary = await this.analyses.current();
    const read = await readQuery(this.repos, query.q, 'query.q', (words) => this.analyses.analyse(words, glossary));
    const filter = await this.filter(query);
    await withinFirstLoad(this.index.loaded, () => this.index.refresh(), this.indexLoadWaitMs);
    const { page, pageSize } = query;
    const found = this.index.search(read?.words ?? [], filter, { offset: (page - 1) * pageSize, limit: pageSize });
    const rows = await this.repos.offers.summaries(found.hits.map((h) => h.id));
    const [regions, revealed] = await Promise.all([
      this.repos.regions.all(),
      this.repos.offers.revealedTo(rows.filter((r) => r.anonymous).map((r) => r.id)),
    ]);
    const shown = new Map(rows.map((row) => [row.id, organisationShown(actor, row, [...regions], revealed.get(row.id))]));
    const reasons = read
      ? await explainOffers(this.repos, rows, shown, read, new Map(found.hits.map((h) => [h.id, h])), query.lang)
      : new Map<string, never[]>();
    return {
      items: rows.map((row: OfferSummaryRow) => presentOfferSummary(row, { shown: shown.get(row.id)!, why: reasons.get(row.id) ?? [] })),
      total: found.total,
      page,
      pageSize,
      facets: found.facets,
    };
  }

  /** The query's filters checked (unknown areas, regions and NACE codes are 400s naming the field) and expanded. */
  private async filter(query: OfferSearchQuery): Promise<OfferFilter> {
    const areaCodes = query.area ?? [];
    const [regionCodes, targetRegionCodes] = await Promise.all([
      expandRegions(this.repos, query.region ?? [], 'query.region'),
      this.targetRegions(query.target ?? []),
      requireKnownAreas(this.repos, areaCodes, 'query.area'),
    ]);
    let publishedAfter: number | null = null;
    if (query.publishedAfter !== undefined) {
      publishedAfter = Date.parse(query.publishedAfter);
      if (Number.isNaN(publishedAfter))
        throw new AppError('validation_failed', `query.publishedAfter: ${query.publishedAfter} is not a moment.`, 'query.publishedAfter');
    }
    return {
      kinds: query.kind ?? [],
      areaCodes,
      regionCodes,
      targetRegionCodes,
      naceClasses: this.classifications.naceClassesOf(query.nace ?? [], 'query.nace'),
      partnershipKinds: query.partnership ?? [],
      publishedAfter,
      today: this.repos.clock.now().toISOString().slice(0, 10),
    };
  }

  /**
   * An offer seeks partners in a region asked when it names that region, one inside it (a partner there is
   * in the region asked) or one around it (a partner sought in France may be in Nouvelle-Aquitaine).
   */
  private async targetRegions(codes: string[]): Promise<string[]> {
    if (codes.length === 0) return [];
    const inside = await expandRegions(this.repos, codes, 'query.target');
    const all = await this.repos.regions.all();
    const byCode = new Map(all.map((r) => [r.code, r]));
    const around = new Set<string>();
    for (const code of codes) {
      let row = byCode.get(code);
      if (!row) throw unknownValue('query.target', [code], 'region');
      around.add(row.countryCode);
      while (row?.parentCode && !around.has(row.parentCode)) {
        around.add(row.parentCode);
        row = byCode.get(row.parentCode);
      }
    }
    return [...new Set([...inside, ...around])];
  }

  /** Loads the offers index now rather than on the first search. */
  async warmUp(): Promise<void> {
    await this.index.refresh();
  }

  /** How many published offers the index holds (the benchmark's check). */
  get indexed(): number {
    return this.index.size;
  }
}
