import type { Repositories } from '../repositories/index.js';
import { presentOrganisationDetail, presentOrganisationSummary } from '../presenters/organisation.presenter.js';
import type { OrganisationDetail, OrganisationList, OrganisationListQuery } from '../shared/schemas/organisations.js';
import { canSeeContacts, canSeeUnpublished, type Actor } from './access.js';
import { notFound } from './errors.js';
import { explainMatches } from './search/explain-matches.js';
import { readQuery } from './search/read-query.js';
import { DirectoryIndex, type IndexWord, type ResultOrder } from './search/directory-index.js';
import type { ListOrder } from '../shared/sort-key.js';
import type { OrganisationFilter, PageRange } from '../repositories/organisation.repository.js';
import { countryRegions, expandRegions } from './regions.js';
import { requireKnownAreas } from './known-areas.js';
import type { ClassificationService } from './classification.service.js';
import { AnalysedQueries } from './search/analysed-queries.js';
import { BoundedCache } from './search/bounded-cache.js';
import { withinFirstLoad } from './search/first-load.js';
import type { OrganisationRepository, OrganisationRow } from '../repositories/organisation.repository.js';
import type { RegionRow } from '../repositories/region.repository.js';
import type { AreaRow } from '../repositories/area.repository.js';
import type { NamedIndex } from './search/snapshot/snapshot-store.js';

/**
 * The query with its order said: relevance with words, by name without (a link asking for relevance
 * without words lists by name rather than failing: the words may just have been cleared), in the
 * reader's language (English when none is given). Queries that differ only by defaults are kept once.
 */
function withOrder(query: OrganisationListQuery): OrganisationListQuery {
  const words = query.q !== undefined && query.q.trim() !== '';
  const sort = query.sort === 'newest' ? 'newest' : words && query.sort !== 'name' ? 'relevance' : 'name';
  return { ...query, sort, lang: query.lang ?? 'en' };
}

/** What an organisation's page shows whoever reads it; who sees what of it is decided at each request. */
interface OrganisationPage {
  row: OrganisationRow;
  region: RegionRow;
  areas: AreaRow[];
  people: Awaited<ReturnType<OrganisationRepository['people']>>;
  /** The page as anyone who may not see contacts reads it, once presented. */
  public?: OrganisationDetail;
}

/**
 * The fuzzy pass (trigrams, in SQL: tens of milliseconds a word on 100,000 organisations) is for a name
 * with a typo, a word or three; a longer query that found nothing is not retried word by word.
 */
const FUZZY_WORDS_MAX = 3;

/** How long a search waits for the directory index's first load before answering 503 search_starting (first-load.ts). */
const INDEX_LOAD_WAIT_MS = 15_000;

/** Result pages kept (a page with its explanations: 10–50 kB), analysed queries, organisation pages. */
const RESULTS_KEPT = 500;
const ANALYSES_KEPT = 2000;
const PAGES_KEPT = 5000;

/**
 * The organisation directory: search with filters, and one organisation's page.
 *
 * Before each read it takes in what was written since its last look (the directory index's refresh, one
 * statement shared by concurrent requests, and the glossary's fingerprint), so a user who saved sees it on
 * the next read, whichever process wrote it. What it computed from the state it then saw is kept until
 * that state changes: result pages and analysed queries until an organisation or the glossary is written,
 * an organisation's page until that organisation is. A directory read by many costs one look and a lookup.
 */
export class DirectoryService {
  private readonly index: DirectoryIndex;
  private readonly results = new BoundedCache<OrganisationList>(RESULTS_KEPT);
  private readonly analyses: AnalysedQueries;
  private readonly pages = new BoundedCache<OrganisationPage>(PAGES_KEPT);
  /** The slug each kept page was read by, by organisation id: a write to the organisation forgets it. */
  private readonly pageSlugs = new Map<string, string>();
  /** The restore from a snapshot (search/snapshot/), made once: refreshes wait for it, then read only what followed. */
  private restored: () => Promise<unknown> = () => Promise.resolve();
  constructor(
    private readonly repos: Repositories,
    private readonly classifications: ClassificationService,
    private readonly indexLoadWaitMs = INDEX_LOAD_WAIT_MS,
  ) {
    this.index = new DirectoryIndex(repos.search);
    this.analyses = new AnalysedQueries(repos, ANALYSES_KEPT);
    this.index.onChange((ids) => {
      for (const id of ids) {
        const slug = this.pageSlugs.get(id);
        if (slug === undefined) continue;
        this.pages.delete(slug);
        this.pageSlugs.delete(id);
      }
    });
  }

  /** current(), but a search with words waits for the index's first load at most `waitMs` (first-load.ts). */
  private currentWithin(waitMs: number | null): Promise<string> {
    return withinFirstLoad(this.index.loaded, () => this.current(), waitMs);
  }

  /** Takes in the writes committed so far; says which state of organisations and glossary it then holds. */
  private async current(): Promise<string> {
    await this.restored();
    const [, glossary] = await Promise.all([this.index.refresh(), this.analyses.current()]);
    return `${this.index.generation}/${glossary}`;
  }

  async search(asked: OrganisationListQuery): Promise<OrganisationList> {
    const query = withOrder(asked);
    // until the index has loaded after a start, listings come from the database, as they are
    if (query.q === undefined && !this.index.loaded) return this.compute(query, null);
    const state = await this.currentWithin(query.q === undefined ? null : this.indexLoadWaitMs);
    const key = JSON.stringify(query);
    const kept = this.results.get(key, state);
    if (kept) return kept;
    const result = await this.compute(query, state);
    this.results.set(key, state, result);
    return result;
  }

  /** A search or listing as the index and the database now have it; `state` null when the index has not loaded. */
  private async compute(query: OrganisationListQuery, state: string | null): Promise<OrganisationList> {
    // the glossary's part of the state (after the slash) is what an analysis is kept by
    const glossary = state === null ? null : state.slice(state.indexOf('/') + 1);
    const read = await readQuery(this.repos, query.q, 'query.q', (words) => this.analyses.analyse(words, glossary));

    // a country is all its regions; with regions too, an organisation in either matches
    const regionCodes = [
      ...new Set([
        ...(await expandRegions(this.repos, query.region ?? [], 'query.region')),
        ...(await countryRegions(this.repos, query.country ?? [], 'query.country')),
      ]),
    ];
    const areaCodes = query.area ?? [];
    await requireKnownAreas(this.repos, areaCodes, 'query.area');
    // a Russian or French user filters with the code of their own registration
    const naceClasses = this.classifications.naceClassesOf(query.nace ?? [], 'query.nace');

    const { page, pageSize } = query;
    const filter = { regionCodes, kinds: query.kind ?? [], sectors: query.sector ?? [], areaCodes, naceClasses };
    const range = { offset: (page - 1) * pageSize, limit: pageSize };
    const lang = query.lang ?? 'en';
    const order: ResultOrder =
      query.sort === 'newest' ? { sort: 'newest' } : { sort: query.sort === 'relevance' ? 'relevance' : 'name', lang };
    const found = read ? await this.find(read.words, filter, range, order) : null;
    const { rows, total, estimated } = found
      ? found
      : await this.list(filter, range, order.sort === 'newest' ? order : { sort: 'name', lang });
    const matches = read ? await explainMatches(this.repos, rows, read, found?.ways) : new Map();
    // facets come from the index only, for the words the results came from: until it has loaded, a listing goes without them
    const facets = query.facets && this.index.loaded ? this.index.facets(found?.words ?? [], filter) : undefined;
    return {
      items: rows.map((row) => ({ ...presentOrganisationSummary(row), ...(matches.has(row.id) ? { match: matches.get(row.id) } : {}) })),
      meta: { page, pageSize, total, pageCount: Math.ceil(total / pageSize), ...(estimated ? { totalEstimated: true } : {}) },
      ...(facets ? { facets } : {}),
      ...(found?.relaxed ? { partial: true } : {}),
    };
  }

  /** Forgets every kept result, analysis and page (the directory benchmark measures the work, not the lookup). */
  forgetKept(): void {
    this.results.clear();
    this.analyses.clear();
    this.pages.clear();
    this.pageSlugs.clear();
  }

  /** The directory index as the snapshot store saves and restores it. */
  snapshotted(): Omit<NamedIndex, 'name'> {
    return {
      index: this.index,
      startFrom: (restore) => {
        this.restored = restore;
      },
    };
  }

  /** Loads the directory index now rather than on the first search (it reads in pages: requests go on meanwhile). */
  async warmUp(): Promise<void> {
    await this.current();
  }

  /**
   * A listing without words, by name. The directory index lists and counts in a millisecond or two what
   * costs the database 20–200 ms on 100,000 organisations (the count, and a walk of the name index that a
   * sparse filter makes long; beyond 10,000 the count is an estimate, said: directory-counts.ts); until the index is loaded, the database answers, so that a start does not
   * make the first page wait for the load.
   */
  private async list(filter: OrganisationFilter, range: PageRange, order: ListOrder) {
    if (!this.index.loaded) return { ...(await this.repos.organisations.browse(filter, range, order)), estimated: undefined };
    const found = this.index.browse(filter, range, order);
    return { rows: await this.repos.organisations.inOrder(found.ids), total: found.total, estimated: found.estimated };
  }

  /**
   * Organisations matching the words, from the directory index; the page's rows read from the database,
   * how each matched each word, and the words as finally matched (with names that sound close, if tried).
   */
  private async find(words: IndexWord[], filter: OrganisationFilter, range: PageRange, order: ResultOrder) {
    let found = this.index.search(words, filter, range, order);
    // nothing (or only part of the words) found for what looks like a name (a word the glossary does not
    // know, no filters): perhaps a typo, so try names that sound close (a slower trigram pass)
    const filtered = Object.values(filter).some((f) => f.length > 0);
    const nameLike = words.some((w) => w.nameKey && w.concepts.length === 0);
    // a sound many names share is read only so far: the count is then an estimate (said)
    let estimated = false;
    if ((found.total === 0 || found.relaxed) && !filtered && nameLike && words.length <= FUZZY_WORDS_MAX) {
      const sounds = await Promise.all(words.map((w) => (w.nameKey ? this.repos.search.namesSoundingLike(w.nameKey) : null)));
      const fuzzy = words.map((w, i) => (sounds[i] ? { ...w, soundsLike: sounds[i].ids } : w));
      const again = this.index.search(fuzzy, filter, range, order);
      if (again.total > 0 && !again.relaxed) {
        found = again;
        words = fuzzy;
        estimated = sounds.some((s) => s?.cut);
      }
    }
    const rows = await this.repos.organisations.inOrder(found.hits.map((h) => h.id));
    return { rows, total: found.total, estimated, relaxed: found.relaxed, words, ways: new Map(found.hits.map((h) => [h.id, h.ways])) };
  }

  /** An organisation's page: published ones for everyone, others for their people and coordinators. */
  async get(slug: string, actor: Actor | null = null): Promise<OrganisationDetail> {
    const page = await this.page(slug);
    if (!page || (!page.row.published && !canSeeUnpublished(actor, page.row, await this.repos.regions.list())))
      throw notFound(`Organisation "${slug}"`, 'params.slug');
    const contacts = await this.contactsVisible(actor);
    // a visitor's page is the same for every visitor: presented once while the page is kept
    if (!contacts && page.row.published) return (page.public ??= this.present(page, false));
    return this.present(page, contacts);
  }

  private present({ row, region, areas, people: all }: OrganisationPage, contacts: boolean): OrganisationDetail {
    const people = contacts ? all : all.map(({ email: _e, phone: _p, ...person }) => person);
    const nace = row.naceClasses.map((c) => this.classifications.naceClass(c)).filter((n) => n !== undefined);
    const products = row.productCodes.flatMap((c) => this.classifications.products.describe(c) ?? []);
    return presentOrganisationDetail(row, { region, areas, nace, products, people, contactDetails: contacts });
  }

  /**
   * An organisation's page as the database now has it: kept once the index follows writes (its people are
   * written with it, so a write to either moves its revision), until a refresh reads the organisation again.
   */
  private async page(slug: string): Promise<OrganisationPage | undefined> {
    const following = this.index.loaded;
    if (following) {
      await this.index.refresh();
      const kept = this.pages.get(slug, '');
      if (kept) return kept;
    }
    const generation = this.index.generation;
    const row = await this.repos.organisations.getBySlug(slug);
    if (!row) return undefined;
    const [region, areas, people] = await Promise.all([
      this.repos.regions.get(row.regionCode),
      this.repos.areas.byCodes(row.areaCodes),
      this.repos.organisations.people(row.id),
    ]);
    const page = { row, region: region!, areas, people };
    // a refresh that came in meanwhile may have read a write this read missed: then it is not kept
    if (following && this.index.generation === generation) {
      this.pages.set(slug, '', page);
      this.pageSlugs.set(row.id, slug);
    }
    return page;
  }

  private async contactsVisible(actor: Actor | null): Promise<boolean> {
    if (!actor) return false;
    const ids = actor.grants.map((g) => g.organisationId).filter((id): id is string => id !== null);
    const published = new Set((await this.repos.organisations.byIds(ids)).filter((o) => o.published).map((o) => o.id));
    return canSeeContacts(actor, published);
  }
}
