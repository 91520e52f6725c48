import type { Repositories } from '../repositories/index.js';
import type { OrganisationRow } from '../repositories/organisation.repository.js';
import type { OrganisationRecord } from '../shared/schemas/organisation-record.js';
import { csvRows, type CsvSeparator } from './csv/csv.js';
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
    productCodes: row.productCodes,
    areas: row.areaCodes,
    ...(people && people.length > 0 ? { people } : {}),
    source: row.source,
  };
}

export interface ExportOptions {
  /** Also the organisations whose profile was never validated (drafts, submitted, returned). */
  includeUnpublished?: boolean;
  /** CSV only: `;` for spreadsheets set to French or Russian. */
  separator?: CsvSeparator;
  onProgress?: (done: number, total: number) => void;
}

export interface ExportReport {
  exported: number;
  /** Unpublished organisations left out (0 when they were included). */
  leftOut: number;
}

/**
 * Writes the organisations in the exchange format, a batch at a time: the published ones, as the public
 * sees them (a pending change is not exported until it is validated), and the unpublished ones only
 * when asked. CSV starts with a byte order mark so that spreadsheets read Cyrillic and accents as UTF-8,
 * and its cells cannot run as formulas (csv/csv.ts).
 */
export async function exportOrganisations(
  repos: Repositories,
  format: ImportFormat,
  write: (chunk: string) => void | Promise<void>,
  options: ExportOptions = {},
): Promise<ExportReport> {
  const publishedOnly = !options.includeUnpublished;
  const total = await repos.organisations.count({ publishedOnly });
  const leftOut = publishedOnly ? (await repos.organisations.count()) - total : 0;
  if (format === 'csv') await write('\uFEFF' + csvRows([[...CSV_COLUMNS]], options.separator));
  let after: string | null = null;
  let done = 0;
  for (;;) {
    const rows = await repos.organisations.batchAfter(after, BATCH, { publishedOnly });
    if (rows.length === 0) break;
    const people = await repos.organisations.peopleOf(rows.map((r) => r.id));
    const records = rows.map((r) =>
      toRecord(
        r,
        (people.get(r.id) ?? []).map(({ personId: _id, ...person }) => person),
      ),
    );
    await write(
      format === 'csv' ? csvRows(records.map(toCsvRow), options.separator) : records.map((r) => JSON.stringify(r)).join('\n') + '\n',
    );
    done += rows.length;
    options.onProgress?.(done, total);
    after = rows[rows.length - 1]!.slug;
  }
  return { exported: done, leftOut };
}
