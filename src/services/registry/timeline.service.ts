import { presentTimelineEntry } from '../../presenters/timeline.presenter.js';
import type { Repositories } from '../../repositories/index.js';
import type { TimelineCursor, TimelineReader, TimelineScope } from '../../repositories/registry/timeline.repository.js';
import { canSeeUnpublished, coordinatedRegions, isAdmin, type Actor } from '../access.js';
import { AppError, notFound, unknownValue } from '../errors.js';
import { endsBeforeStart, partialDate, partialDateProblem } from '../../shared/partial-date.js';
import { RECORD_KINDS, type RecordKind } from '../../shared/registry.js';
import { TIMELINE_PAGE_SIZE_DEFAULT, type TimelinePage, type TimelineQueryInput } from '../../shared/schemas/timeline.js';

/**
 * The timelines of a partnership, an organisation and an area: what the registry records there, each at
 * its own date, with initiatives' milestones, as far as the reader may read (published records, and the
 * others for their parties' people and their regions' coordinators: record-access.ts, applied in SQL).
 */
export class TimelineService {
  constructor(private readonly repos: Repositories) {}

  /** Records with a party in each side's regions (a side's region covers its subdivisions). */
  async partnership(actor: Actor | null, slug: string, input: TimelineQueryInput): Promise<TimelinePage> {
    const found = await this.repos.partnerships.getBySlug(slug);
    if (!found) throw notFound(`Partnership "${slug}"`, 'params.slug');
    const sides = await Promise.all(
      found.sides.map(async (side) => (await this.repos.regions.withSubdivisions(side.regionCodes)).map((r) => r.code)),
    );
    return this.page(actor, { sides }, input);
  }

  /** The records the organisation is a party of; an unpublished organisation's for those who may see it. */
  async organisation(actor: Actor | null, slug: string, input: TimelineQueryInput): Promise<TimelinePage> {
    const organisation = await this.repos.organisations.getBySlug(slug);
    if (!organisation || (!organisation.published && !canSeeUnpublished(actor, organisation, await this.repos.regions.list())))
      throw notFound(`Organisation "${slug}"`, 'params.slug');
    return this.page(actor, { organisationId: organisation.id }, input);
  }

  /** The records of an area of cooperation, in some regions when asked. */
  async area(actor: Actor | null, code: string, input: TimelineQueryInput): Promise<TimelinePage> {
    if ((await this.repos.areas.byCodes([code])).length === 0) throw notFound(`Area "${code}"`, 'params.code');
    return this.page(actor, { areaCode: code }, input);
  }

  private async page(actor: Actor | null, scope: TimelineScope, input: TimelineQueryInput): Promise<TimelinePage> {
    const order = input.order ?? 'newest';
    const limit = input.pageSize ?? TIMELINE_PAGE_SIZE_DEFAULT;
    const kinds = input.kind ?? [];
    const regions = await this.repos.regions.list();
    let regionCodes: string[] | null = null;
    if (input.region && input.region.length > 0) {
      const unknown = input.region.filter((c) => !regions.some((r) => r.code === c));
      if (unknown.length > 0) throw unknownValue('query.region', unknown, 'region');
      regionCodes = (await this.repos.regions.withSubdivisions(input.region)).map((r) => r.code);
    }
    const rows = await this.repos.timeline.page({
      scope,
      reader: readerOf(actor, regions),
      recordKinds: kinds.length === 0 ? [...RECORD_KINDS] : kinds.filter((k): k is RecordKind => k !== 'milestone'),
      milestones: kinds.length === 0 || kinds.includes('milestone'),
      areaCodes: input.area ?? [],
      regionCodes,
      ...period(input.from, input.to),
      order,
      after: input.cursor ? decodeCursor(input.cursor, order) : null,
      limit: limit + 1,
    });
    const shown = rows.slice(0, limit);
    const last = shown.at(-1);
    return {
      entries: shown.map(presentTimelineEntry),
      order,
      nextCursor: rows.length > limit && last ? encodeCursor({ day: last.day, length: last.length, id: last.id }, order) : null,
    };
  }
}

/** What the reader may read besides published records, as the SQL of the list applies it. */
function readerOf(actor: Actor | null, regions: Parameters<typeof coordinatedRegions>[1]): TimelineReader {
  return {
    everything: isAdmin(actor),
    organisationIds: [...new Set((actor?.grants ?? []).flatMap((g) => (g.organisationId ? [g.organisationId] : [])))],
    coordinatedRegions: coordinatedRegions(actor, regions),
  };
}

/** The period's first and last days; a day that does not exist, or an end before the start, is refused. */
function period(from: string | undefined, to: string | undefined): { from: string | null; to: string | null } {
  for (const [field, value] of [
    ['query.from', from],
    ['query.to', to],
  ] as const) {
    if (value !== undefined && partialDateProblem(value) !== null)
      throw new AppError('validation_failed', `${field}: ${value} is not a date that exists.`, field).because(
        partialDateProblem(value) === 'no_such_day' ? 'no_such_day' : 'shape',
        { value },
      );
  }
  if (from && to && endsBeforeStart(from, to))
    throw new AppError('validation_failed', 'The period ends before it starts.', 'query.to').because('ends_before_start');
  return { from: from ? partialDate(from).first : null, to: to ? partialDate(to).last : null };
}

function encodeCursor(cursor: TimelineCursor, order: string): string {
  return Buffer.from(JSON.stringify([cursor.day, cursor.length, cursor.id, order])).toString('base64url');
}

function decodeCursor(text: string, order: string): TimelineCursor {
  const refused = () =>
    new AppError('validation_failed', 'This cursor is not one a page of this order gave.', 'query.cursor').because('invalid');
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw refused();
  }
  if (!Array.isArray(value) || value.length !== 4) throw refused();
  const [day, length, id, cursorOrder] = value as unknown[];
  if (
    typeof day !== 'string' ||
    !/^\d{4}-\d{2}-\d{2}$/.test(day) ||
    partialDateProblem(day) !== null ||
    ![4, 7, 10].includes(length as number) ||
    typeof id !== 'string' ||
    !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id) ||
    cursorOrder !== order
  )
    throw refused();
  return { day, length: length as number, id };
}
