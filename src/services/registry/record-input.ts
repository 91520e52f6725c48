import type { Repositories } from '../../repositories/index.js';
import { requireOriginal } from '../original-text.js';
import type { NewParty, RecordColumns } from '../../repositories/registry/record-write.repository.js';
import type { MilestoneValues } from '../../repositories/registry/record-parts.repository.js';
import { endsBeforeStart, parsePartialDate, partialDateProblem } from '../../shared/partial-date.js';
import { isAcademicYear, type RecordDetails, type RecordKind } from '../../shared/registry.js';
import type { MilestoneInput, PartyInput, RecordCreateBody } from '../../shared/schemas/registry.js';
import { AppError, unknownValue, type ErrorParams, type ErrorReason } from '../errors.js';
import { requireKnownAreas } from '../known-areas.js';
import type { RecordAccessView } from './record-access.js';

/** A record's input in full (a create's body, or a patch laid over the record as it is). */
export type RecordInput = Omit<RecordCreateBody, 'stage' | 'happened'>;

/** A party resolved: an organisation (or the one a named party was merged into), a named party recorded before, or a new one. */
type ResolvedParty =
  | { role: NewParty['role']; organisationId: string; regionCode: string }
  | { role: NewParty['role']; namedPartyId: string; regionCode: string | null }
  | { role: NewParty['role']; newNamed: NonNullable<PartyInput['named']> & { country: string }; regionCode: string | null };

/** What the input becomes once checked: the columns to write, the parties and parts, and who may edit it. */
export interface CheckedRecord {
  columns: RecordColumns;
  parties: ResolvedParty[];
  participation: { academicYear: string; participants: number }[];
  milestones: MilestoneValues[];
  access: RecordAccessView;
}

export const invalid = (field: string, reason: ErrorReason, message: string, params?: ErrorParams) =>
  new AppError('validation_failed', message, field).because(reason, params);

/** A partial date that exists (2023-02-30 does not), its first and last day. */
export function checkedPartialDate(value: string, field: string) {
  const problem = partialDateProblem(value);
  if (problem === 'no_such_day') throw invalid(field, 'no_such_day', `There is no such day: ${value}.`, { value });
  if (problem) throw invalid(field, 'shape', 'Give a year (2004), a year and month (2004-06) or a day (2004-06-15).');
  return parsePartialDate(value)!;
}

/** When a stage was reached: a partial date that exists and has begun (a record's history is not the future). */
export function checkedHappened(value: string, today: string, field: string) {
  const date = checkedPartialDate(value, field);
  if (date.first > today) throw invalid(field, 'invalid', `A stage is reached on a day that has come: ${value} is after today.`, { value });
  return date;
}

/** A full day that exists, for milestones. */
export function checkedDay(value: string | null | undefined, field: string): string | null {
  if (value === null || value === undefined) return null;
  const date = checkedPartialDate(value, field);
  if (date.precision !== 'day') throw invalid(field, 'shape', 'Give a day: YYYY-MM-DD.');
  return value;
}

export function checkedMilestone(input: Partial<MilestoneInput>, field: string): Partial<MilestoneValues> {
  requireOriginal(input.title, `${field}.title`);
  return {
    ...(input.title ? { title: input.title } : {}),
    ...(input.dueOn !== undefined ? { dueOn: checkedDay(input.dueOn, `${field}.dueOn`) } : {}),
    ...(input.doneOn !== undefined ? { doneOn: checkedDay(input.doneOn, `${field}.doneOn`) } : {}),
  };
}

async function resolveParty(repos: Repositories, party: PartyInput, field: string): Promise<ResolvedParty> {
  const given = [party.organisation, party.named, party.namedParty].filter((v) => v !== undefined).length;
  if (given !== 1) throw invalid(field, 'one_party_form', 'Give a party as exactly one of organisation, named or namedParty.');
  if (party.organisation !== undefined) {
    const organisation = await repos.organisations.getBySlug(party.organisation);
    if (!organisation) throw unknownValue(`${field}.organisation`, [party.organisation], 'organisation');
    return { role: party.role, organisationId: organisation.id, regionCode: organisation.regionCode };
  }
  if (party.namedParty !== undefined) {
    const named = await repos.namedParties.get(party.namedParty);
    if (!named) throw unknownValue(`${field}.namedParty`, [party.namedParty], 'named party');
    if (named.mergedInto) {
      // it joined the platform since: the record names the organisation it became
      const organisation = (await repos.organisations.getById(named.mergedInto))!;
      return { role: party.role, organisationId: organisation.id, regionCode: organisation.regionCode };
    }
    return { role: party.role, namedPartyId: named.id, regionCode: named.regionCode };
  }
  const named = party.named!;
  if (named.region === undefined) {
    if (!named.country) throw invalid(`${field}.named.country`, 'required', 'Give the party’s region, or at least its country.');
    if (!(await repos.regions.list()).some((r) => r.countryCode === named.country))
      throw unknownValue(`${field}.named.country`, [named.country], 'country');
    return { role: party.role, newNamed: { ...named, country: named.country }, regionCode: null };
  }
  const region = await repos.regions.get(named.region);
  if (!region) throw unknownValue(`${field}.named.region`, [named.region], 'region');
  if (named.country && named.country !== region.countryCode)
    throw invalid(`${field}.named.country`, 'invalid', `The region ${named.region} is not in ${named.country}.`);
  return { role: party.role, newNamed: { ...named, country: region.countryCode }, regionCode: named.region };
}

const partyKey = (p: ResolvedParty) =>
  'organisationId' in p
    ? `o:${p.organisationId}`
    : 'namedPartyId' in p
      ? `n:${p.namedPartyId}`
      : `new:${p.regionCode}:${JSON.stringify(p.newNamed.name[p.newNamed.name.original] ?? '').toLowerCase()}`;

/** The parties checked: each once, the roles the kind uses, as many as the kind needs. */
async function checkedParties(repos: Repositories, kind: RecordKind, inputs: PartyInput[], filed: boolean): Promise<ResolvedParty[]> {
  const parties: ResolvedParty[] = [];
  const seen = new Set<string>();
  for (const [i, input] of inputs.entries()) {
    const field = `body.parties[${i}]`;
    const residencyRole = input.role === 'resident' || input.role === 'host';
    if ((kind === 'residency') !== residencyRole)
      throw invalid(
        `${field}.role`,
        'party_role',
        kind === 'residency' ? 'A residency’s parties are its resident and its host.' : 'Resident and host are the roles of residencies.',
      );
    const party = await resolveParty(repos, input, field);
    const key = partyKey(party);
    if (seen.has(key)) throw invalid(field, 'duplicate_party', 'This party is named twice.');
    seen.add(key);
    parties.push(party);
  }
  if (kind === 'agreement' && parties.length < 2)
    throw invalid('body.parties', 'too_few_parties', 'An agreement has at least two parties.');
  if (kind === 'residency' && (parties.length !== 2 || parties[0]!.role === parties[1]!.role))
    throw invalid('body.parties', 'resident_and_host', 'A residency has one resident and one host.');
  // a record filed under a partnership may name no party: the source may not tell who took part
  if (parties.length === 0 && !filed)
    throw invalid('body.parties', 'minItems', 'Name at least one party, or the partnership it is filed under.', { limit: 1 });
  return parties;
}

function checkedDetails(kind: RecordKind, input: RecordInput, partyCount: number): RecordDetails {
  if (kind === 'agreement') {
    input.commitmentRoles?.forEach((c, i) => {
      if (c.party >= partyCount)
        throw invalid(`body.commitmentRoles[${i}].party`, 'maximum', 'The party is the position of one of the record’s parties.', {
          limit: partyCount - 1,
        });
    });
    return { commitments: input.commitments ?? undefined, commitmentRoles: input.commitmentRoles ?? [] };
  }
  if (kind === 'residency') return { services: [...new Set(input.services ?? [])] };
  return {};
}

function checkedParticipation(input: RecordInput) {
  const seen = new Set<string>();
  return (input.participation ?? []).map((year, i) => {
    const field = `body.participation[${i}].academicYear`;
    if (!isAcademicYear(year.academicYear)) throw invalid(field, 'shape', 'An academic year is written 2024/2025.');
    if (seen.has(year.academicYear)) throw invalid(field, 'duplicate_value', 'This academic year is given twice.');
    seen.add(year.academicYear);
    return year;
  });
}

/**
 * Checks a record's input in full and resolves its parties, throwing the first problem with the field it
 * is in; nothing is written here (new named parties are created with the record, in its transaction).
 */

export async function checkRecord(repos: Repositories, kind: RecordKind, input: RecordInput): Promise<CheckedRecord> {
  requireOriginal(input.title, 'body.title');
  requireOriginal(input.summary, 'body.summary');
  requireOriginal(input.commitments, 'body.commitments');
  input.parties.forEach((p, i) => requireOriginal(p.named?.name, `body.parties[${i}].named.name`));
  input.commitmentRoles?.forEach((c, i) => requireOriginal(c.eventSeries, `body.commitmentRoles[${i}].eventSeries`));
  input.milestones?.forEach((m, i) => requireOriginal(m.title, `body.milestones[${i}].title`));
  const dated = input.dated ? checkedPartialDate(input.dated, 'body.dated') : null;
  const validFrom = input.validFrom ? checkedPartialDate(input.validFrom, 'body.validFrom') : null;
  const validUntil = input.validUntil ? checkedPartialDate(input.validUntil, 'body.validUntil') : null;
  if (validFrom && validUntil && endsBeforeStart(validFrom.value, validUntil.value))
    throw invalid('body.validUntil', 'ends_before_start', 'The validity ends before it starts.');
  const parties = await checkedParties(repos, kind, input.parties, !!input.partnership);
  const areaCodes = [...new Set(input.areas ?? [])];
  await requireKnownAreas(repos, areaCodes, 'body.areas');
  const types = kind === 'agreement' ? [input.type] : kind === 'academic_partnership' ? [...new Set(input.kinds ?? [])] : [];
  const milestones = (input.milestones ?? []).map(
    (m, i) => ({ dueOn: null, doneOn: null, ...checkedMilestone(m, `body.milestones[${i}]`) }) as MilestoneValues,
  );
  const published = input.published ?? true;
  const partnership = input.partnership ? await repos.partnerships.getBySlug(input.partnership) : null;
  if (input.partnership && !partnership) throw unknownValue('body.partnership', [input.partnership], 'partnership');
  const partnershipRegions = partnership?.sides.flatMap((s) => s.regionCodes) ?? [];
  return {
    columns: {
      types,
      title: input.title,
      summary: input.summary ?? null,
      areaCodes,
      dated: dated?.value ?? null,
      datedFirst: dated?.first ?? null,
      datedLast: dated?.last ?? null,
      validFrom: validFrom?.value ?? null,
      validFromFirst: validFrom?.first ?? null,
      validUntil: validUntil?.value ?? null,
      validUntilLast: validUntil?.last ?? null,
      details: checkedDetails(kind, input, parties.length),
      published,
      partnershipId: partnership?.partnership.id ?? null,
    },
    parties,
    participation: kind === 'academic_partnership' ? checkedParticipation(input) : [],
    milestones: kind === 'initiative' ? milestones : [],
    access: {
      published,
      regionCodes: [...new Set([...parties.flatMap((p) => (p.regionCode ? [p.regionCode] : [])), ...partnershipRegions])],
      partyOrganisationIds: parties.flatMap((p) => ('organisationId' in p ? [p.organisationId] : [])),
    },
  };
}

/** The parties as rows to write, creating the new named parties (inside the record's transaction). */
export async function partyRows(tx: Repositories, parties: ResolvedParty[]): Promise<NewParty[]> {
  const rows: NewParty[] = [];
  for (const p of parties) {
    if ('organisationId' in p) rows.push({ organisationId: p.organisationId, namedPartyId: null, role: p.role });
    else if ('namedPartyId' in p) rows.push({ organisationId: null, namedPartyId: p.namedPartyId, role: p.role });
    else {
      const named = await tx.namedParties.insert({
        name: p.newNamed.name,
        kind: p.newNamed.kind,
        regionCode: p.newNamed.region ?? null,
        countryCode: p.newNamed.country,
      });
      rows.push({ organisationId: null, namedPartyId: named.id, role: p.role });
    }
  }
  return rows;
}
