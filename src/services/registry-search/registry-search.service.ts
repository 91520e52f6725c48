import { presentRecordResult } from '../../presenters/registry-search.presenter.js';
import type { Repositories } from '../../repositories/index.js';
import { parsePartialDate, partialDateProblem } from '../../shared/partial-date.js';
import type { RecordSearchList, RecordSearchQuery } from '../../shared/schemas/registry-search.js';
import { AppError } from '../errors.js';
import { requireKnownAreas } from '../known-areas.js';
import { expandRegions } from '../regions.js';
import { AnalysedQueries } from '../search/analysed-queries.js';
import { withinFirstLoad } from '../search/first-load.js';
import { readQuery } from '../search/read-query.js';
import { explainRecords } from './explain-record.js';
import { RecordIndex, type RecordFilter } from './record-index.js';

/** How long a search waits for the records index's first load before answering 503 search_starting. */
const INDEX_LOAD_WAIT_MS = 15_000;
/** Analysed queries kept (the directory keeps as many): a query asked again, or its next page, skips the glossary's round trip. */
const ANALYSES_KEPT = 2000;

/** A partial date of the period filter, or a 400 naming the field (2023-02-30 has no such day). */
function periodBound(value: string | undefined, field: string) {
  if (value === undefined) return null;
  const parsed = parsePartialDate(value);
  if (!parsed) {
    const reason = partialDateProblem(value) === 'no_such_day' ? 'no_such_day' : 'shape';
    throw new AppError('validation_failed', `${field}: ${value} is not a date.`, field).because(reason);
  }
  return parsed;
}

/**
 * The one search box across the cooperation registry: agreements, initiatives, academic partnerships and
 * residencies found by the directory's rules of matching (the same query reading, coverage, concepts,
 * vocabulary bridges), from an in-memory index of published records that takes in every write before it
 * answers (RecordIndex), with each result's explanation.
 */
export class RegistrySearchService {
  private readonly index: RecordIndex;
  private readonly analyses: AnalysedQueries;

  constructor(
    private readonly repos: Repositories,
    private readonly indexLoadWaitMs = INDEX_LOAD_WAIT_MS,
  ) {
    this.index = new RecordIndex(repos.recordSearch, () => repos.search.writeCount());
    this.analyses = new AnalysedQueries(repos, ANALYSES_KEPT);
  }

  async search(query: RecordSearchQuery): Promise<RecordSearchList> {
    const glossary = await this.analyses.current();
    const read = await readQuery(this.repos, query.q ?? '', 'query.q', (words) => this.analyses.analyse(words, glossary));
    const from = periodBound(query.from, 'query.from');
    const to = periodBound(query.to, 'query.to');
    if (from && to && to.last < from.first)
      throw new AppError('validation_failed', 'The period ends before it starts.', 'query.to').because('ends_before_start');
    const areaCodes = query.area ?? [];
    const [regionCodes] = await Promise.all([
      expandRegions(this.repos, query.region ?? [], 'query.region'),
      requireKnownAreas(this.repos, areaCodes, 'query.area'),
    ]);
    const filter: RecordFilter = {
      kinds: query.kind ?? [],
      types: query.type ?? [],
      stages: query.stage ?? [],
      areaCodes,
      regionCodes,
      period: from || to ? { first: from?.first ?? null, last: to?.last ?? null } : null,
    };
    await withinFirstLoad(this.index.loaded, () => this.index.refresh(), this.indexLoadWaitMs);
    const { page, pageSize } = query;
    const found = this.index.search(read!.words, filter, { offset: (page - 1) * pageSize, limit: pageSize });
    const rows = await this.repos.recordSearch.inOrder(found.hits.map((h) => h.id));
    const explanations = await explainRecords(this.repos, rows, read!, new Map(found.hits.map((h) => [h.id, h])));
    return {
      results: rows.map((row) => presentRecordResult(row, explanations.get(row.id)!)),
      total: found.total,
      page,
      pageSize,
      facets: found.facets,
      partial: found.relaxed,
    };
  }

  /** Loads the records index now rather than on the first search (it reads in pages: requests go on meanwhile). */
  async warmUp(): Promise<void> {
    await this.index.refresh();
  }

  /** How many published records the index holds (the benchmark's check). */
  get indexed(): number {
    return this.index.size;
  }
}
