/** Kinds of organisation a cooperation platform between regions deals with. */
export const ORGANISATION_KINDS = [
  'enterprise',
  'university',
  'research_institute',
  'development_agency',
  'technopark',
  'cluster_organisation',
  'government_body',
  'municipality',
  'venue',
  'other',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** The triple helix: which world an organisation belongs to. */
export const SECTORS = ['business', 'science', 'government'] as const;
export type Sector = (typeof SECTORS)[number];

/** Where a record came from; synthetic records are for benchmarks and are labelled as such. */
export const RECORD_SOURCES = ['demo', 'synthetic', 'import', 'user'] as const;
export type RecordSource = (typeof RECORD_SOURCES)[number];

/** The sector a kind usually belongs to, so that a kind alone gives a sensible default. */
export const DEFAULT_SECTOR: Record<OrganisationKind, Sector> = {
  enterprise: 'business',
  university: 'science',
  research_institute: 'science',
  development_agency: 'government',
  technopark: 'business',
  cluster_organisation: 'business',
  government_body: 'government',
  municipality: 'government',
  venue: 'business',
  other: 'business',
};

export const REGION_CODE_PATTERN = '^[A-Z]{2}-[A-Z0-9]{1,3}$';
export const NACE_CLASS_PATTERN = '^\\d{2}\\.\\d{2}$';
/** A NACE class (23.44), a French NAF subclass (23.44Z) or a Russian ОКВЭД 2 code (23.44, 62.02.1), dot optional. */
export const ACTIVITY_CODE_PATTERN = '^\\d{2}\\.?\\d{2}([A-Za-z]|(\\.\\d{1,2}){1,2})?$';
export const SLUG_PATTERN = '^[a-z0-9]+(?:-[a-z0-9]+)*$';

export const PAGE_SIZE_DEFAULT = 20;
export const PAGE_SIZE_MAX = 100;
export const QUERY_MAX_LENGTH = 500;

/** The orders of the directory: relevance (with words), by the name the reader sees, newest first. */
export const DIRECTORY_SORTS = ['relevance', 'name', 'newest'] as const;
export type DirectorySort = (typeof DIRECTORY_SORTS)[number];
