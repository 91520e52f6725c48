import { presentOfferSummary, type OfferSummaryRow } from '../../presenters/offer.presenter.js';
import type { SavedOfferQuery } from '../../db/schema/index.js';
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
import { OfferIndex, type OfferFilter } from './offer-index.js';

/** How long a search waits for the offers index's first load before answering 503 search_starting. */
const INDEX_LOAD_WAIT_MS = 15_000;
const ANALYSES_KEPT = 2000;

/** A search of the marketplace: the API's query, with the reader's language settled. */
export type OfferSearchQuery = Omit<OfferListQuery, 'lang'> & { lang: Language };

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

  async search(
    query: OfferSearchQuery,
    actor: Actor | null,
    options: { publishedUntil?: Date; facets?: boolean } = {},
  ): Promise<OfferList> {
    const glossary = await this.analyses.current();
    const read = await readQuery(this.repos, query.q, 'query.q', (words) => this.analyses.analyse(words, glossary));
    const filter = await this.filter(query);
    if (options.publishedUntil) filter.publishedUntil = options.publishedUntil.getTime();
    await withinFirstLoad(this.index.loaded, () => this.index.refresh(), this.indexLoadWaitMs);
    const { page, pageSize } = query;
    const found = this.index.search(
      read?.words ?? [],
      filter,
      { offset: (page - 1) * pageSize, limit: pageSize },
      { facets: options.facets },
    );
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
  private async filter(query: Omit<OfferSearchQuery, 'page' | 'pageSize' | 'lang'>, at = 'query'): Promise<OfferFilter> {
    const areaCodes = query.area ?? [];
    const [regionCodes, targetRegionCodes] = await Promise.all([
      expandRegions(this.repos, query.region ?? [], `${at}.region`),
      this.targetRegions(query.target ?? [], `${at}.target`),
      requireKnownAreas(this.repos, areaCodes, `${at}.area`),
    ]);
    let publishedAfter: number | null = null;
    if (query.publishedAfter !== undefined) {
      publishedAfter = Date.parse(query.publishedAfter);
      if (Number.isNaN(publishedAfter))
        throw new AppError('validation_failed', `${at}.publishedAfter: ${query.publishedAfter} is not a moment.`, `${at}.publishedAfter`);
    }
    return {
      kinds: query.kind ?? [],
      areaCodes,
      regionCodes,
      targetRegionCodes,
      naceClasses: this.classifications.naceClassesOf(query.nace ?? [], `${at}.nace`),
      partnershipKinds: query.partnership ?? [],
      publishedAfter,
      today: this.repos.clock.now().toISOString().slice(0, 10),
    };
  }

  /**
   * An offer seeks partners in a region asked when it names that region, one inside it (a partner there is
   * in the region asked) or one around it (a partner sought in France may be in Nouvelle-Aquitaine).
   */
  private async targetRegions(codes: string[], field: string): Promise<string[]> {
    if (codes.length === 0) return [];
    const inside = await expandRegions(this.repos, codes, field);
    const all = await this.repos.regions.all();
    const byCode = new Map(all.map((r) => [r.code, r]));
    const around = new Set<string>();
    for (const code of codes) {
      let row = byCode.get(code);
      if (!row) throw unknownValue(field, [code], 'region');
      around.add(row.countryCode);
      while (row?.parentCode && !around.has(row.parentCode)) {
        around.add(row.parentCode);
        row = byCode.get(row.parentCode);
      }
    }
    return [...new Set([...inside, ...around])];
  }

  /**
   * Checks a saved search's query as the search box would (its words readable; unknown areas, regions and
   * NACE codes refused naming the field under `at`), and that it asks for something: words or a filter.
   */
  async checkSaved(query: SavedOfferQuery, at: string): Promise<void> {
    if (!query.q && !query.kind?.length && !query.area?.length && !query.region?.length && !query.nace?.length)
      throw new AppError('validation_failed', `${at} needs words or a filter (an area, a kind, a region, a NACE code).`, at).because(
        'required',
      );
    await readQuery(this.repos, query.q, `${at}.q`);
    await this.filter(query, at);
  }

  /**
   * The offers a saved search finds among those published after `after`, best first: what a digest lists
   * (at most `limit`), with their reasons in the recipient's language. Read as nobody in particular: an
   * anonymous offer's owner is not named in a digest.
   */
  async newFor(query: SavedOfferQuery, after: Date, until: Date, lang: Language, limit: number): Promise<OfferList> {
    return this.search({ ...query, publishedAfter: after.toISOString(), lang, page: 1, pageSize: limit }, null, {
      publishedUntil: until,
      facets: false,
    });
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
