// What the in-memory benchmarks (bench-directory-index.ts, bench-partner-index.ts) take of a synthetic
// organisation as it is: the fields an index holds unchanged from the record.
import type { OrganisationRecord } from '../src/shared/schemas/organisation-record.js';

/** The record's kind, sector, region and codes under the id given, published. */
export const recordFields = (o: OrganisationRecord, id: string) => ({
  id,
  published: true as const,
  kind: o.kind,
  sector: o.sector!,
  regionCode: o.region,
  areaCodes: o.areas ?? [],
  naceClasses: o.nace ?? [],
  productCodes: o.productCodes ?? [],
});
