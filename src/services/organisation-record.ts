import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse as parseCsv } from 'csv-parse/sync';
import { LANGUAGES, isLanguage, type Language } from '../shared/languages.js';
import { multilingual, type MultilingualText } from '../shared/multilingual.js';
import { OrganisationRecordSchema, type OrganisationRecord } from '../shared/schemas/organisation-record.js';
import { separatorOf, unescapeFormula } from './csv/csv.js';
import { findUnsafeValues, type UnsafeReason } from '../shared/schemas/unsafe-values.js';
import type { ErrorParams, ErrorReason } from './errors.js';

export type ImportFormat = 'jsonl' | 'csv';

/** A row of an import file before validation, with the line it starts on. */
export interface RawRow {
  line: number;
  value: unknown;
  /** Set when the line could not even be read (broken JSON). */
  problem?: string;
}

export interface RowProblem {
  line: number;
  field: string;
  message: string;
}

// ajv-formats is CommonJS; under NodeNext its default export arrives one level down
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (
  ajv: Ajv,
) => Ajv;
const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));
const validateRecord = rowValidator<OrganisationRecord>(OrganisationRecordSchema);

/** JSON Pointer "/name/en" → "name.en"; arrays as "nace[2]". */
export function fieldPath(pointer: string, property?: string): string {
  const parts = pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (property) parts.push(property);
  return parts.reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part), '');
}

/** Ajv's keywords whose params name a limit, and the limit's name. */
const LIMITS: Partial<Record<ErrorReason, string>> = {
  maxLength: 'limit',
  minLength: 'limit',
  maximum: 'limit',
  minimum: 'limit',
  exclusiveMaximum: 'limit',
  exclusiveMinimum: 'limit',
  maxItems: 'limit',
  minItems: 'limit',
  maxProperties: 'limit',
  minProperties: 'limit',
};

/**
 * An Ajv error as the API reports it: the field, an English message, and a stable `reason` with its
 * `params` (the Ajv keyword and its limit, or why a value is unsafe), from which the web app writes the
 * message in the reader's language.
 */
export function describeAjvError(error: ErrorObject): { field: string; message: string; reason: ErrorReason; params?: ErrorParams } {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { field: fieldPath(error.instancePath, String(params.missingProperty)), message: 'is required', reason: 'required' };
    case 'additionalProperties':
      return {
        field: fieldPath(error.instancePath, String(params.additionalProperty)),
        message: 'is not a known field',
        reason: 'unknown_field',
      };
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).join(', ');
      return { field: fieldPath(error.instancePath), message: `must be one of: ${allowed}`, reason: 'enum', params: { allowed } };
    }
    case 'anyOf':
      return { field: fieldPath(error.instancePath), message: 'has the wrong type or shape', reason: 'shape' };
    case 'safeValue':
      return { field: fieldPath(error.instancePath), message: error.message ?? 'is not valid', reason: params.reason as UnsafeReason };
    case 'type':
      return {
        field: fieldPath(error.instancePath),
        message: error.message ?? 'is not valid',
        reason: 'type',
        params: { type: String(params.type) },
      };
    case 'pattern':
    case 'format':
      return { field: fieldPath(error.instancePath), message: error.message ?? 'is not valid', reason: 'format' };
    default: {
      const keyword = error.keyword as ErrorReason;
      const limit = LIMITS[keyword] ? Number(params[LIMITS[keyword]!]) : undefined;
      return {
        field: fieldPath(error.instancePath),
        message: error.message ?? 'is not valid',
        reason: limit === undefined ? 'invalid' : keyword,
        ...(limit === undefined ? {} : { params: { limit } }),
      };
    }
  }
}

/** Checks a row against the record schema; the problems name the field. */
export function checkRecord(row: RawRow): { record: OrganisationRecord } | { problems: RowProblem[] } {
  return checkRow(validateRecord(), row);
}

/**
 * A validator of import rows against a schema (the registry's lines use it too), compiled at its first use:
 * compiling the record schemas took a fifth of a second of every server's start, which most never import.
 */
export function rowValidator<T>(schema: object): () => ValidateFunction<T> {
  let compiled: ValidateFunction<T> | undefined;
  return () => (compiled ??= ajv.compile<T>(schema));
}

/** A row checked against a compiled schema: the value, or every problem with its field. */
export function checkRow<T>(validate: ValidateFunction<T>, row: RawRow): { record: T } | { problems: RowProblem[] } {
  if (row.problem) return { problems: [{ line: row.line, field: '', message: row.problem }] };
  // the schema lets NUL characters, lone surrogates and 1e400 through; the database would refuse the whole import
  const unsafe = findUnsafeValues(row.value).map((u) => ({ line: row.line, field: fieldPath(u.pointer), message: u.message }));
  if (validate(row.value) && unsafe.length === 0) return { record: row.value };
  // anyOf errors repeat what their branches said; keep the most specific ones
  const errors = (validate.errors ?? []).filter((e, _, all) => e.keyword !== 'anyOf' || all.length === 1);
  const seen = new Set<string>();
  const problems: RowProblem[] = [...unsafe];
  for (const e of errors) {
    const { field, message } = describeAjvError(e);
    const key = `${field}:${message}`;
    if (!seen.has(key)) problems.push({ line: row.line, field, message });
    seen.add(key);
  }
  return { problems };
}

export function readJsonLines(text: string): RawRow[] {
  const rows: RawRow[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((content, i) => {
      if (content.trim() === '') return;
      try {
        rows.push({ line: i + 1, value: JSON.parse(content) });
      } catch (error) {
        rows.push({ line: i + 1, value: null, problem: `is not valid JSON (${(error as Error).message})` });
      }
    });
  return rows;
}

/** CSV columns of the exchange format, in order (docs/import-export.md). */
export const CSV_COLUMNS = [
  'slug',
  'kind',
  'sector',
  'region',
  'original_language',
  'name_ru',
  'name_fr',
  'name_en',
  'short_name_ru',
  'short_name_fr',
  'short_name_en',
  'city_ru',
  'city_fr',
  'city_en',
  'description_ru',
  'description_fr',
  'description_en',
  'website',
  'nace',
  'product_codes',
  'areas',
  'source',
] as const;

const TEXT_FIELDS = [
  ['name', 'name'],
  ['shortName', 'short_name'],
  ['city', 'city'],
  ['description', 'description'],
] as const;

export function readCsv(text: string): RawRow[] {
  const delimiter = separatorOf(text.replace(/^\uFEFF/, ''));
  const records = parseCsv(text, { bom: true, delimiter, columns: true, skip_empty_lines: true, relax_column_count: true, info: true }) as {
    record: Record<string, string>;
    info: { lines: number };
  }[];
  return records.map(({ record, info }) => {
    const cell = (name: string) => unescapeFormula((record[name] ?? '').trim());
    const lang = cell('original_language');
    const original: Language | undefined = isLanguage(lang) ? lang : undefined;
    const value: Record<string, unknown> = {};
    for (const [key, name] of [
      ['slug', 'slug'],
      ['kind', 'kind'],
      ['sector', 'sector'],
      ['region', 'region'],
      ['website', 'website'],
      ['source', 'source'],
    ] as const) {
      if (cell(name) !== '') value[key] = cell(name);
    }
    for (const [key, column] of TEXT_FIELDS) {
      const text = multilingual(Object.fromEntries(LANGUAGES.map((l) => [l, cell(`${column}_${l}`)])), original);
      if (text) value[key] = text;
    }
    for (const [key, column] of [
      ['nace', 'nace'],
      ['productCodes', 'product_codes'],
      ['areas', 'areas'],
    ] as const) {
      if (cell(column) !== '')
        value[key] = cell(column)
          .split(/[;,]/)
          .map((s) => s.trim())
          .filter(Boolean);
    }
    const problem = lang !== '' && !original ? `original_language must be one of ${LANGUAGES.join(', ')}` : undefined;
    return { line: info.lines, value, ...(problem ? { problem } : {}) };
  });
}

export function toCsvRow(record: OrganisationRecord): string[] {
  const text = (t: MultilingualText | null | undefined, l: Language) => t?.[l] ?? '';
  return [
    record.slug ?? '',
    record.kind,
    record.sector ?? '',
    record.region,
    record.name.original,
    ...TEXT_FIELDS.flatMap(([key]) => LANGUAGES.map((l) => text(record[key], l))),
    record.website ?? '',
    (record.nace ?? []).join(';'),
    (record.productCodes ?? []).join(';'),
    (record.areas ?? []).join(';'),
    record.source ?? '',
  ];
}
