import type { Repositories } from '../../../repositories/index.js';
import type { PartyRow, RecordRow } from '../../../repositories/registry/record.repository.js';
import type { RecordKind } from '../../../shared/registry.js';
import type { PartyInput } from '../../../shared/schemas/registry.js';
import { csvRows, type CsvSeparator } from '../../csv/csv.js';
import type { RecordLine } from './record-line.js';

const PAGE = 500;

export interface RecordExportOptions {
  kind?: RecordKind;
  /** Visitors' exports hold published records only; the CLI's and administrators' hold every record. */
  publishedOnly: boolean;
}

function partyLine(p: PartyRow): PartyInput {
  if (p.organisation) return { organisation: p.organisation.slug, role: p.role };
  const n = p.named!;
  return { named: { name: n.name, kind: n.kind, ...(n.regionCode ? { region: n.regionCode } : {}), country: n.countryCode }, role: p.role };
}

/** What a line must hold even when empty (its kind's create requires it). */
const REQUIRED = new Set(['parties', 'kinds']);

/** Leaves out what is empty, so a line reads as a person would have written it. */
const present = <T extends object>(value: T): T =>
  Object.fromEntries(
    Object.entries(value).filter(([k, v]) => v !== null && v !== undefined && (REQUIRED.has(k) || !(Array.isArray(v) && v.length === 0))),
  ) as T;

/** One record as an import line (record-line.ts): what its create takes, its slug, its stage and the records it links to. */
async function lineOf(repos: Repositories, row: RecordRow, parties: PartyRow[], partnerships: Map<string, string>): Promise<RecordLine> {
  const [history, milestones, participation, links] = await Promise.all([
    repos.records.stageHistory(row.id),
    row.kind === 'initiative' ? repos.recordParts.milestones(row.id) : [],
    row.kind === 'academic_partnership' ? repos.recordParts.participation(row.id) : [],
    repos.recordParts.linksOf(row.id),
  ]);
  const last = history[history.length - 1];
  return present({
    kind: row.kind,
    slug: row.slug,
    ...(row.kind === 'agreement' ? { type: row.types[0] } : {}),
    ...(row.kind === 'academic_partnership' ? { kinds: row.types } : {}),
    title: row.title,
    summary: row.summary,
    stage: row.stage,
    happened: last?.happened,
    dated: row.dated,
    validFrom: row.validFrom,
    validUntil: row.validUntil,
    areas: row.areaCodes,
    published: row.published,
    partnership: row.partnershipId ? partnerships.get(row.partnershipId) : undefined,
    parties: parties.map(partyLine),
    commitments: row.details.commitments,
    commitmentRoles: row.details.commitmentRoles,
    services: row.details.services,
    milestones: milestones.map((m) => present({ title: m.title, dueOn: m.dueOn, doneOn: m.doneOn })),
    participation: participation.map((p) => ({ academicYear: p.academicYear, participants: p.participants })),
    // a link is stored once: the record that holds it writes it, so an import makes it once
    links: links.filter((l) => l.direction === 'out').map((l) => l.slug),
  } as unknown as RecordLine);
}

/** The registry's records as import lines, a page at a time (an export of 80,000 records never sits in memory whole). */
export async function* exportRecordLines(repos: Repositories, options: RecordExportOptions): AsyncGenerator<RecordLine> {
  const partnerships = new Map((await repos.partnerships.list()).map((p) => [p.id, p.slug]));
  let after: string | null = null;
  for (;;) {
    const rows = await repos.records.exportPage(after, PAGE, options);
    if (rows.length === 0) return;
    const parties = await repos.records.partiesOf(rows.map((r) => r.id));
    for (const row of rows)
      yield lineOf(
        repos,
        row,
        parties.filter((p) => p.recordId === row.id),
        partnerships,
      );
    after = rows[rows.length - 1]!.id;
  }
}

export const RECORD_CSV_COLUMNS = [
  'kind',
  'slug',
  'type',
  'stage',
  'dated',
  'valid_from',
  'valid_until',
  'original_language',
  'title',
  'title_ru',
  'title_fr',
  'title_en',
  'areas',
  'parties',
  'partnership',
  'published',
] as const;

/** A line as a row of the list's CSV (for a spreadsheet: parties as "slug (role)" or "«name» (role)", areas joined by "; "). */
export function csvRowOf(line: RecordLine): string[] {
  const parties = line.parties.map((p) => {
    const who = p.organisation ?? `«${p.named ? (p.named.name[p.named.name.original] ?? '') : p.namedParty}»`;
    return `${who} (${p.role})`;
  });
  const fields = line as { type?: string; kinds?: string[] };
  const type = fields.type ?? (fields.kinds ?? []).join('; ');
  return [
    line.kind,
    line.slug ?? '',
    type,
    line.stage ?? '',
    line.dated ?? '',
    line.validFrom ?? '',
    line.validUntil ?? '',
    line.title.original,
    line.title[line.title.original] ?? '',
    line.title.ru ?? '',
    line.title.fr ?? '',
    line.title.en ?? '',
    (line.areas ?? []).join('; '),
    parties.join('; '),
    line.partnership ?? '',
    String(line.published ?? true),
  ];
}

/** The whole list as CSV text, header first, after a byte order mark (spreadsheets then read Cyrillic and accents). */
export async function exportRecordsCsv(repos: Repositories, options: RecordExportOptions, separator: CsvSeparator = ','): Promise<string> {
  const rows: string[][] = [[...RECORD_CSV_COLUMNS]];
  for await (const line of exportRecordLines(repos, options)) rows.push(csvRowOf(line));
  return `\uFEFF${csvRows(rows, separator)}`;
}
