import type { OrganisationFilter } from '../../repositories/organisation.repository.js';
import { feature } from '../profile-features.js';
import { columnCounts, postingCounts, walkCandidates } from './directory-counts.js';
import type { SlotColumn, SlotFilter } from './directory-filter.js';
import type { Postings, SlotMap } from './postings.js';
import type { WordMatches } from './word-matches.js';

/** Per facet, each choice's count; a choice no organisation would have is left out. */
export type DirectoryFacets = Record<'region' | 'kind' | 'sector' | 'area', Record<string, number>>;

const FACETS = [
  ['region', feature.region(''), 'regionCodes'],
  ['kind', feature.kind(''), 'kinds'],
  ['sector', feature.sector(''), 'sectors'],
  ['area', feature.area(''), 'areaCodes'],
] as const satisfies [keyof DirectoryFacets, string, keyof OrganisationFilter][];

/** What counting facets reads of the directory index. */
export interface FacetSource {
  /** The filter as a test per slot for about `candidates` slots (directory-filter.ts). */
  compile(filter: OrganisationFilter, candidates: number): SlotFilter;
  /** The column of a single-valued feature (kind:, sector:, region:). */
  column(prefix: string): SlotColumn | undefined;
  features: ReadonlyMap<string, Postings>;
  /** Slots, live and dead. */
  size: number;
  live: Uint8Array;
  /** Scratch maps kept by the index between queries. */
  seen: SlotMap;
  passing: SlotMap;
}

/**
 * For each choice of kind, sector, region and area, how many organisations the listing would give with
 * that choice and the other filters as they are (the words too, as `matches`, unfiltered): the candidates
 * (the matches, else the shortest of the other filters' postings) that pass everything but the facet's own
 * filter, counted by the choice each holds (a column for single-valued ones, the areas' postings for
 * areas). Regions are counted as organisations hold them (a region's subdivisions are added up by the reader).
 */
export function countFacets(source: FacetSource, matches: WordMatches | null, filter: OrganisationFilter): DirectoryFacets {
  const facets: DirectoryFacets = { region: {}, kind: {}, sector: {}, area: {} };
  for (const [facet, prefix, own] of FACETS) {
    const others = source.compile({ ...filter, [own]: [] }, matches ? matches.slots.length : Infinity);
    const each = (visit: (slot: number) => void) => {
      const take = (slot: number) => {
        if (others.passes(slot)) visit(slot);
      };
      if (matches) for (const slot of matches.slots) take(slot);
      else walkCandidates(others, source.size, source.live, source.seen, take);
    };
    const column = source.column(prefix);
    const lists = [...source.features]
      .filter(([key]) => key.startsWith(prefix))
      .map(([key, list]): [string, Postings] => [key.slice(prefix.length), list]);
    facets[facet] = column ? columnCounts(column, each) : postingCounts(lists, source.passing, source.size, each);
  }
  return facets;
}
