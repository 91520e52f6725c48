import { presentEventSummary } from '../../../presenters/event.presenter.js';
import type { Repositories } from '../../../repositories/index.js';
import type { EventAccessRow } from '../../../repositories/events/event-access.repository.js';
import type { OrganisedBy } from '../../../repositories/events/events/event.repository.js';
import type { Event, EventCancel, EventInput, EventList, EventListQuery, EventPatch } from '../../../shared/schemas/events/events.js';
import { coordinatedRegions, isAdmin, organisationRole, refusal, requireActor, type Actor } from '../../access.js';
import { partialDateProblem } from '../../../shared/partial-date.js';
import { AppError } from '../../errors.js';
import { countryRegions, expandRegions } from '../../regions.js';
import { requireWritten, VersionConflictError, type ExpectedVersion } from '../../versioning.js';
import { canOrganise } from './event-access.js';
import { organisedEvent, readableEvent } from './event-guard.js';
import { checkEvent, eventInvalid } from './event-input.js';
import { auditEvent, eventView } from './event-view.js';

const edits = (actor: Actor, organisationId: string) => {
  const role = organisationRole(actor, organisationId);
  return role === 'org_admin' || role === 'org_editor';
};

/** The event's fields as they are, for a change to be laid over and checked in full. */
async function currentInput(repos: Repositories, id: string): Promise<EventInput> {
  const row = (await repos.events.events.detail(id))!;
  return {
    kind: row.kind,
    title: row.title,
    description: row.description,
    timeZone: row.timeZone,
    startsAt: row.startsAt?.toISOString() ?? null,
    endsAt: row.endsAt?.toISOString() ?? null,
    knownDate: row.knownDate,
    venueOrganisationSlug: row.venueOrganisation?.slug ?? null,
    venueName: row.venueName,
    venueAddress: row.venueAddress,
    regionCode: row.regionCode,
    areaCodes: row.areaCodes,
    languages: row.languages,
    organisers: row.organisers.map((o) => ({ organisationSlug: o.organisation.slug, role: o.role })),
    registrationOpen: row.registrationOpen,
    registrationClosesAt: row.registrationClosesAt?.toISOString() ?? null,
    meetingsEnabled: row.meetingsEnabled,
    reportedAttendance: row.reportedAttendance,
    reportedAttendanceApproximate: row.reportedAttendanceApproximate,
    reportedSectors: row.reportedSectors,
  };
}

const changed = (before: Record<string, unknown>, after: Record<string, unknown>) => {
  const keys = Object.keys(after).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  return { before: Object.fromEntries(keys.map((k) => [k, before[k]])), after: Object.fromEntries(keys.map((k) => [k, after[k]])) };
};

/** Events: the list, creation, the page, edits, publication, cancellation, and deletion of a draft. */
export class EventService {
  constructor(private readonly repos: Repositories) {}

  async list(actor: Actor | null, query: EventListQuery): Promise<EventList> {
    const regions = await this.repos.regions.list();
    const organisedBy: OrganisedBy = {
      all: isAdmin(actor),
      organisationIds: actor
        ? actor.grants.filter((g) => g.organisationId && edits(actor, g.organisationId)).map((g) => g.organisationId!)
        : [],
      regionCodes: coordinatedRegions(actor, regions),
    };
    let regionCodes: string[] | null = null;
    if (query.region?.length) {
      const countries = query.region.filter((c) => c.length === 2);
      const subdivisions = query.region.filter((c) => c.length > 2);
      regionCodes = [
        ...new Set([
          ...(await countryRegions(this.repos, countries, 'query.region')),
          ...(await expandRegions(this.repos, subdivisions, 'query.region')),
        ]),
      ];
    }
    // the schema checks the shape; a day that does not exist (2027-02-30) is the reader's mistake, not ours
    for (const key of ['from', 'to'] as const) {
      const day = query[key];
      if (day && partialDateProblem(day))
        throw new AppError('validation_failed', `There is no such day: ${day}.`, `query.${key}`).because('no_such_day', { value: day });
    }
    if (query.from && query.to && query.to < query.from)
      throw new AppError('validation_failed', 'The period ends before it starts.', 'query.to').because('ends_before_start');
    const words = (query.q ?? '').split(/\s+/).filter(Boolean).slice(0, 10);
    const { rows, total } = await this.repos.events.events.list({
      words,
      kinds: query.kind ?? [],
      regionCodes,
      ...(query.from ? { from: query.from } : {}),
      ...(query.to ? { to: query.to } : {}),
      ...(query.status ? { status: query.status } : {}),
      mine: query.mine === true,
      organisedBy: query.mine && !actor ? { all: false, organisationIds: [], regionCodes: [] } : organisedBy,
      now: this.repos.clock.now(),
      offset: (query.page - 1) * query.pageSize,
      limit: query.pageSize,
    });
    return { items: rows.map(presentEventSummary), total, page: query.page, pageSize: query.pageSize };
  }

  /**
   * A new draft. Its author edits one of its organiser organisations (which the first organiser should be),
   * or coordinates the event's region, or administers the platform: so that nobody organises in the name of
   * organisations that are not theirs.
   */
  async create(actorOrNull: Actor | null, body: EventInput): Promise<Event> {
    const actor = requireActor(actorOrNull);
    const id = await this.repos.transaction(async (tx) => {
      const checked = await checkEvent(tx, body);
      const regions = await tx.regions.list();
      const mayCreate =
        isAdmin(actor) ||
        coordinatedRegions(actor, regions).includes(checked.columns.regionCode) ||
        checked.organisers.some((o) => edits(actor, o.organisation.id));
      if (!mayCreate)
        throw new AppError(
          refusal(actor).code,
          'An event is created by an administrator or editor of one of its organiser organisations.',
          'body.organisers',
        );
      const { id } = await tx.events.events.insert({ ...checked.columns, status: 'draft', createdBy: actor.user.id }, tx.clock.now());
      await tx.events.events.setOrganisers(
        id,
        checked.organisers.map((o) => ({ organisationId: o.organisation.id, role: o.role })),
      );
      await auditEvent(tx, actor, 'event.created', { id, regionCode: checked.columns.regionCode }, undefined, body);
      return id;
    });
    return eventView(this.repos, actor, id);
  }

  async get(actor: Actor | null, slug: string): Promise<Event> {
    const row = await readableEvent(this.repos, actor, slug);
    return eventView(this.repos, actor, row.id);
  }

  /** The fields sent replace the event's, checked with the rest as one event; organisers sent replace them whole. */
  async update(actorOrNull: Actor | null, slug: string, patch: EventPatch, expected: ExpectedVersion): Promise<Event> {
    const actor = requireActor(actorOrNull);
    const id = await this.repos.transaction(async (tx) => {
      const row = await organisedEvent(tx, actor, slug, { lock: true });
      checkVersion(row, expected);
      if (row.status === 'cancelled')
        throw eventInvalid('params.slug', 'not_editable', 'A cancelled event is not changed any more.', { status: row.status });
      const before = await currentInput(tx, row.id);
      const after = { ...before, ...patch };
      const checked = await checkEvent(tx, after);
      await keepsProgramme(tx, row.id, checked.columns.startsAt ?? null, checked.columns.endsAt ?? null);
      const organiserIds = checked.organisers.map((o) => o.organisation.id);
      // an organiser does not take the event out of their own hands (an administrator or coordinator may)
      if (!canOrganise(actor, { ...checked.columns, status: row.status, organiserOrganisationIds: organiserIds }, await tx.regions.list()))
        throw new AppError(
          refusal(actor).code,
          'You would no longer organise the event: keep one of your organisations among its organisers.',
          'body.organisers',
        );
      const written = await tx.events.events.update(row.id, checked.columns, tx.clock.now(), expected);
      await requireWritten(written, () => tx.events.events.currentVersion(row.id));
      if (patch.organisers)
        await tx.events.events.setOrganisers(
          row.id,
          organiserIds.map((organisationId, i) => ({ organisationId, role: checked.organisers[i]!.role })),
        );
      const diff = changed(before as unknown as Record<string, unknown>, after as unknown as Record<string, unknown>);
      await auditEvent(tx, actor, 'event.updated', { id: row.id, regionCode: checked.columns.regionCode }, diff.before, diff.after);
      return row.id;
    });
    return eventView(this.repos, actor, id);
  }

  /** A draft is published: everyone sees it from now on. */
  async publish(actorOrNull: Actor | null, slug: string, expected: ExpectedVersion): Promise<Event> {
    const actor = requireActor(actorOrNull);
    const id = await this.repos.transaction(async (tx) => {
      const row = await organisedEvent(tx, actor, slug, { lock: true });
      checkVersion(row, expected);
      if (row.status !== 'draft')
        throw eventInvalid('params.slug', 'not_a_draft', `The event is ${row.status} already: only a draft is published.`, {
          status: row.status,
        });
      const written = await tx.events.events.update(row.id, { status: 'published' }, tx.clock.now(), expected);
      await requireWritten(written, () => tx.events.events.currentVersion(row.id));
      await auditEvent(tx, actor, 'event.published', row, { status: row.status }, { status: 'published' });
      return row.id;
    });
    return eventView(this.repos, actor, id);
  }

  /** A draft or published event is cancelled with a reason; it stays readable with it. */
  async cancel(actorOrNull: Actor | null, slug: string, body: EventCancel, expected: ExpectedVersion): Promise<Event> {
    const actor = requireActor(actorOrNull);
    const id = await this.repos.transaction(async (tx) => {
      const row = await organisedEvent(tx, actor, slug, { lock: true });
      checkVersion(row, expected);
      if (row.status === 'cancelled') throw eventInvalid('params.slug', 'same_stage', 'The event is cancelled already.');
      const reason = body.reason.trim();
      const written = await tx.events.events.update(row.id, { status: 'cancelled', cancelledReason: reason }, tx.clock.now(), expected);
      await requireWritten(written, () => tx.events.events.currentVersion(row.id));
      await auditEvent(tx, actor, 'event.cancelled', row, { status: row.status }, { status: 'cancelled', reason });
      return row.id;
    });
    return eventView(this.repos, actor, id);
  }

  /** Drafts only: a published event keeps its history (cancel it instead). */
  async delete(actorOrNull: Actor | null, slug: string, expected: ExpectedVersion): Promise<void> {
    const actor = requireActor(actorOrNull);
    await this.repos.transaction(async (tx) => {
      const row = await organisedEvent(tx, actor, slug, { lock: true });
      checkVersion(row, expected);
      if (row.status !== 'draft')
        throw eventInvalid('params.slug', 'not_a_draft', 'Only a draft is deleted: cancel a published event instead.');
      await tx.events.events.delete(row.id);
      await auditEvent(tx, actor, 'event.deleted', row, { slug: row.slug, title: row.title, status: row.status });
    });
  }
}

function checkVersion(row: EventAccessRow, expected: ExpectedVersion): void {
  if (expected !== null && row.version !== expected) throw new VersionConflictError(row.version);
}

/** New start and end instants still hold the programme: a session left outside them is refused, naming the side. */
async function keepsProgramme(repos: Repositories, eventId: string, startsAt: Date | null, endsAt: Date | null): Promise<void> {
  if (!startsAt) return;
  const { first, last } = await repos.events.sessions.span(eventId);
  if (first && first < startsAt)
    throw eventInvalid('body.startsAt', 'outside_event', 'A session of the programme starts before this: move it first.', {
      value: first.toISOString(),
    });
  if (last && endsAt && last > endsAt)
    throw eventInvalid('body.endsAt', 'outside_event', 'A session of the programme ends after this: move it first.', {
      value: last.toISOString(),
    });
}
