import type { Repositories } from '../repositories/index.js';
import type { NewOrganisation } from '../repositories/organisation.repository.js';
import { DEFAULT_SECTOR, type RecordSource } from '../shared/domain.js';
import type { OrganisationRecord } from '../shared/schemas/organisation-record.js';
import { transliterate } from '../shared/transliterate.js';
import { audit } from './audit.js';
import { AppError } from './errors.js';
import type { ClassificationService } from './classification.service.js';
import { checkRecord, type RawRow, type RowProblem } from './organisation-record.js';

export interface ImportOptions {
  /** Leave out invalid rows (each reported) instead of refusing the whole import. */
  skipInvalid?: boolean;
  /** Source recorded for rows that name none. */
  defaultSource?: RecordSource;
  /** Rows with a slug already in the database are left out rather than reported (re-running a seed). */
  skipExisting?: boolean;
  onProgress?: (done: number, total: number) => void;
  /**
   * Refresh the planner's statistics after a large import (default true). The synthetic generator imports
   * a million rows in batches of its own and turns it off: a VACUUM ANALYZE after each batch would re-read
   * the growing table every time; it analyses once at the end instead.
   */
  analyse?: boolean;
}

export interface ImportReport {
  inserted: number;
  skipped: RowProblem[];
}

const BATCH = 500;

export class ImportInvalidError extends AppError {
  constructor(readonly problems: RowProblem[]) {
    super(
      'import_invalid',
      `${problems.length} problem(s) in the import; nothing was written. First: line ${problems[0]!.line}, ${problems[0]!.field || 'row'}: ${problems[0]!.message}`,
      undefined,
      problems.slice(0, 100).map((p) => ({ field: `line ${p.line}${p.field ? `: ${p.field}` : ''}`, message: p.message })),
    );
  }
}

/**
 * Imports organisations all-or-nothing: every row is checked first (schema, region, areas, codes, slugs),
 * then all are written in one transaction. With skipInvalid the bad rows are left out and reported.
 */
export async function importOrganisations(
  repos: Repositories,
  classifications: ClassificationService,
  rows: RawRow[],
  options: ImportOptions = {},
): Promise<ImportReport> {
  const regionCodes = new Set((await repos.regions.list()).map((r) => r.code));
  const areaCodes = new Set((await repos.areas.list()).map((a) => a.code));
  const problems: RowProblem[] = [];
  const valid: { line: number; record: OrganisationRecord; nace: string[]; productCodes: string[] }[] = [];

  for (const row of rows) {
    const checked = checkRecord(row);
    if ('problems' in checked) {
      problems.push(...checked.problems);
      continue;
    }
    const { record } = checked;
    const rowProblems: RowProblem[] = [];
    const problem = (field: string, message: string) => rowProblems.push({ line: row.line, field, message });
    if (!regionCodes.has(record.region)) problem('region', `unknown region "${record.region}"`);
    (record.areas ?? []).forEach((code, i) => {
      if (!areaCodes.has(code)) problem(`areas[${i}]`, `unknown area of cooperation "${code}"`);
    });
    const nace = new Set<string>();
    (record.nace ?? []).forEach((code, i) => {
      try {
        nace.add(classifications.resolve(code).naceClass.code);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        problem(`nace[${i}]`, error.message);
      }
    });
    const productCodes = new Set<string>();
    (record.productCodes ?? []).forEach((code, i) => {
      // 9-digit ОКПД 2 and 8- or 10-digit CN / ТН ВЭД codes are stored at 6 digits
      const entry = classifications.products.find(code);
      if (entry) productCodes.add(entry.code);
      else problem(`productCodes[${i}]`, `"${code}" is not a CPA 2.1 / ОКПД 2 or HS code the platform knows`);
    });
    if (rowProblems.length > 0) problems.push(...rowProblems);
    else valid.push({ line: row.line, record, nace: [...nace], productCodes: [...productCodes] });
  }

  const toInsert = await assignSlugs(repos, valid, problems, options.skipExisting ?? false);
  if (problems.length > 0 && !options.skipInvalid) throw new ImportInvalidError(problems.sort((a, b) => a.line - b.line));

  const organisations: NewOrganisation[] = toInsert.map(({ record, nace, productCodes, slug }) => ({
    slug,
    kind: record.kind,
    sector: record.sector ?? DEFAULT_SECTOR[record.kind],
    regionCode: record.region,
    city: record.city ?? null,
    name: record.name,
    shortName: record.shortName ?? null,
    description: record.description ?? null,
    website: record.website ?? null,
    naceClasses: nace,
    productCodes,
    areaCodes: record.areas ?? [],
    source: record.source ?? options.defaultSource ?? 'import',
    people: (record.people ?? []).map((p) => ({
      name: p.name,
      nameLatin: p.nameLatin ?? latinOrNull(p.name),
      nameCyrillic: p.nameCyrillic ?? null,
      role: p.role ?? null,
      email: p.email ?? null,
      phone: p.phone ?? null,
    })),
  }));

  await repos.transaction(async (tx) => {
    options.onProgress?.(0, organisations.length);
    for (let i = 0; i < organisations.length; i += BATCH) {
      await tx.organisations.insertMany(organisations.slice(i, i + BATCH));
      options.onProgress?.(Math.min(i + BATCH, organisations.length), organisations.length);
    }
    // one event for the whole import: a row each would drown the log on a large one
    await audit(tx, {
      actorId: null,
      action: 'organisation.imported',
      entityType: 'import',
      entityId: `${organisations.length} organisations`,
      after: { count: organisations.length, slugs: organisations.slice(0, 50).map((o) => o.slug) },
    });
  });
  if (organisations.length >= BATCH && options.analyse !== false) await repos.organisations.analyse();
  return { inserted: organisations.length, skipped: problems.sort((a, b) => a.line - b.line) };
}

function latinOrNull(name: string): string | null {
  const latin = transliterate(name);
  return latin === name ? null : latin;
}

/** Keeps given slugs (they must be new) and makes one from the name for rows without. */
async function assignSlugs(
  repos: Repositories,
  rows: { line: number; record: OrganisationRecord; nace: string[]; productCodes: string[] }[],
  problems: RowProblem[],
  skipExisting: boolean,
) {
  const given = rows.map((r) => r.record.slug).filter((s): s is string => !!s);
  const taken = new Set<string>();
  for (let i = 0; i < given.length; i += 5000) {
    for (const slug of await repos.organisations.existingSlugs(given.slice(i, i + 5000))) taken.add(slug);
  }
  const out: { record: OrganisationRecord; nace: string[]; productCodes: string[]; slug: string }[] = [];
  const used = new Set<string>();
  for (const row of rows) {
    const slug = row.record.slug;
    if (slug) {
      if (taken.has(slug)) {
        if (!skipExisting) problems.push({ line: row.line, field: 'slug', message: `an organisation with slug "${slug}" already exists` });
        continue;
      }
      if (used.has(slug)) {
        problems.push({ line: row.line, field: 'slug', message: `slug "${slug}" appears twice in this import` });
        continue;
      }
      used.add(slug);
      out.push({ ...row, slug });
    }
  }
  // generated slugs come after the given ones so that they never take a slug a row asked for
  for (const row of rows.filter((r) => !r.record.slug)) {
    const slug = await repos.organisations.freeSlug(row.record.name, used);
    used.add(slug);
    out.push({ ...row, slug });
  }
  return out;
}
