import type { Repositories } from '../../../repositories/index.js';
import { SlugTakenError } from '../../../repositories/registry/record-write.repository.js';
import type { RecordSource } from '../../../shared/domain.js';
import { RECORD_KINDS, type RecordKind } from '../../../shared/registry.js';
import type { RecordCreateBody } from '../../../shared/schemas/registry.js';
import { AppError } from '../../errors.js';
import { ImportInvalidError } from '../../import-organisations.js';
import type { ValidateFunction } from 'ajv';
import { checkRow, rowValidator, type RawRow, type RowProblem } from '../../organisation-record.js';
import { insertRecord } from '../insert-record.js';
import { RecordLineSchemas, type RecordLine } from './record-line.js';

const validators = Object.fromEntries(RECORD_KINDS.map((k) => [k, rowValidator<RecordLine>(RecordLineSchemas[k])])) as Record<
  RecordKind,
  () => ValidateFunction<RecordLine>
>;

export interface RecordImportOptions {
  /** Lines whose slug a record has already are left out (re-running the demo seed), not reported. */
  skipExisting?: boolean;
  source?: RecordSource;
  onProgress?: (done: number, total: number) => void;
}

export interface RecordImportReport {
  inserted: number;
  skipped: number;
  links: number;
}

/** Every line checked against its kind's schema first; broken lines are all reported, nothing is written. */
function checkLines(rows: RawRow[]): { line: number; record: RecordLine }[] {
  const problems: RowProblem[] = [];
  const lines: { line: number; record: RecordLine }[] = [];
  for (const row of rows) {
    const kind = (row.value as { kind?: unknown } | null)?.kind;
    if (!row.problem && !RECORD_KINDS.includes(kind as RecordKind)) {
      problems.push({ line: row.line, field: 'kind', message: `must be one of ${RECORD_KINDS.join(', ')}` });
      continue;
    }
    const checked = checkRow((validators[kind as RecordKind] ?? validators.agreement)(), row);
    if ('problems' in checked) problems.push(...checked.problems);
    else lines.push({ line: row.line, record: checked.record });
  }
  if (problems.length > 0) throw new ImportInvalidError(problems);
  return lines;
}

/** An error of one line's record as the import reports it: the field without the API's `body.` prefix. */
function lineProblem(line: number, error: unknown): RowProblem {
  if (error instanceof SlugTakenError) return { line, field: 'slug', message: error.message };
  if (error instanceof AppError) return { line, field: (error.field ?? '').replace(/^body\./, ''), message: error.message };
  throw error;
}

/**
 * Imports registry records all-or-nothing, as the platform itself (the CLI, an administrator through the
 * API): every line checked, then every record written and checked by the rules a record's create applies
 * (partial dates, parties, stages), then the links by slug, in one transaction. Any problem anywhere and
 * nothing is written; every problem is reported with its line.
 */
export async function importRecords(repos: Repositories, rows: RawRow[], options: RecordImportOptions = {}): Promise<RecordImportReport> {
  const lines = checkLines(rows);
  return repos.transaction(async (tx) => {
    const problems: RowProblem[] = [];
    const written: { line: number; id: string; links: string[] }[] = [];
    let skipped = 0;
    for (const [i, { line, record }] of lines.entries()) {
      const { kind, slug, links, ...body } = record;
      if (options.skipExisting && slug && (await tx.records.get(slug))) {
        skipped++;
        continue;
      }
      try {
        const id = await insertRecord(tx, null, kind, body as RecordCreateBody, { slug, source: options.source ?? 'import' });
        written.push({ line, id, links: links ?? [] });
      } catch (error) {
        problems.push(lineProblem(line, error));
      }
      options.onProgress?.(i + 1, lines.length);
    }
    let linked = 0;
    for (const { line, id, links } of written) {
      for (const [j, slug] of links.entries()) {
        const target = await tx.records.get(slug);
        if (!target) {
          problems.push({ line, field: `links[${j}]`, message: `No record has the slug ${slug}.` });
          continue;
        }
        if (target.id === id || (await tx.recordParts.linked(id, target.id))) continue;
        await tx.recordParts.addLink(id, target.kind, target.id, null, tx.clock.now());
        linked++;
      }
    }
    if (problems.length > 0) throw new ImportInvalidError(problems);
    return { inserted: written.length, skipped, links: linked };
  });
}
