import { stringify } from 'csv-stringify/sync';
import type { Repositories } from '../repositories/index.js';
import type { OrganisationRow } from '../repositories/organisation.repository.js';
import type { OrganisationRecord } from '../shared/schemas/organisation-record.js';
import { CSV_COLUMNS, toCsvRow, type ImportFormat } from './organisation-record.js';

const BATCH = 1000;

export function toRecord(row: OrganisationRow, people: OrganisationRecord['people']): OrganisationRecord {
  return {
    slug: row.slug,
    kind: row.kind,
    sector: row.sector,
    region: row.regionCode,
    city: row.city,
    name: row.name,
    shortName: row.shortName,
    description: row.description,
    website: row.website,
    nace: row.naceClasses,
    areas: row.areaCodes,
    ...(people && people.length > 0 ? { people } : {}),
    source: row.source,
  };
}

/**
 * Writes every organisation in the exchange format, a batch at a time. CSV starts with a byte order
 * mark so that spreadsheets read Cyrillic and accents as UTF-8.
 */
export async function exportOrganisations(
  repos: Repositories,
  format: ImportFormat,
  write: (chunk: string) => void | Promise<void>,
  onProgress?: (done: number, total: number) => void,
): Promise<number> {
  const total = await repos.organisations.count();
  if (format === 'csv') await write('\uFEFF' + stringify([[...CSV_COLUMNS]]));
  let after: string | null = null;
  let done = 0;
  for (;;) {
    const rows = await repos.organisations.batchAfter(after, BATCH);
    if (rows.length === 0) break;
    const people = await repos.organisations.peopleOf(rows.map((r) => r.id));
    const records = rows.map((r) =>
      toRecord(
        r,
        (people.get(r.id) ?? []).map(({ personId: _id, ...person }) => person),
      ),
    );
    await write(format === 'csv' ? stringify(records.map(toCsvRow)) : records.map((r) => JSON.stringify(r)).join('\n') + '\n');
    done += rows.length;
    onProgress?.(done, total);
    after = rows[rows.length - 1]!.slug;
  }
  return done;
}
