import { presentSession } from '../../../presenters/event.presenter.js';
import { requireOriginal } from '../../original-text.js';
import type { Repositories } from '../../../repositories/index.js';
import type { EventAccessRow } from '../../../repositories/events/event-access.repository.js';
import type { SessionColumns, SessionDetailRow } from '../../../repositories/events/events/session.repository.js';
import type { SessionSpeaker } from '../../../db/schema/events.js';
import type { Session, SessionInput, SessionPatch } from '../../../shared/schemas/events/events.js';
import type { Actor } from '../../access.js';
import { notFound, unknownValue } from '../../errors.js';
import { requireWritten, VersionConflictError, type ExpectedVersion } from '../../versioning.js';
import { organisedEvent, readableEvent } from './event-guard.js';
import { eventInvalid } from './event-input.js';
import { auditEvent } from './event-view.js';

/** A session's input as it is now, for a change to be laid over and checked in full. */
function currentInput(row: SessionDetailRow): SessionInput {
  return {
    kind: row.kind,
    title: row.title,
    description: row.description,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    room: row.room,
    delegationId: row.delegationId,
    siteOrganisationSlug: row.site?.slug ?? null,
    siteName: row.siteName,
    speakers: presentSession(row).speakers,
    languages: row.languages,
    interpretation: row.interpretation,
  };
}

/**
 * A programme item checked in full: its end after its start, both within the event's start and end (an
 * event known only by a date has no instants to hold it to), a delegation of this event, a site and
 * speakers' organisations the platform knows.
 */
async function checkSession(
  repos: Repositories,
  event: EventAccessRow,
  input: SessionInput,
): Promise<Required<Omit<SessionColumns, 'eventId'>>> {
  requireOriginal(input.title, 'body.title');
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  if (endsAt <= startsAt) throw eventInvalid('body.endsAt', 'ends_before_start', 'The session ends before (or when) it starts.');
  if (event.startsAt && startsAt < event.startsAt)
    throw eventInvalid('body.startsAt', 'outside_event', 'The session starts before the event does.', {
      value: event.startsAt.toISOString(),
    });
  const eventEnd = event.endsAt ?? event.startsAt;
  if (event.endsAt && eventEnd && endsAt > eventEnd)
    throw eventInvalid('body.endsAt', 'outside_event', 'The session ends after the event does.', { value: eventEnd.toISOString() });
  if (input.delegationId && !(await repos.events.delegations.find(event.id, input.delegationId)))
    throw unknownValue('body.delegationId', [input.delegationId], 'delegation of this event');
  const speakers = input.speakers ?? [];
  const slugs = [input.siteOrganisationSlug, ...speakers.map((s) => s.organisationSlug)].filter((s): s is string => !!s);
  const orgs = new Map((await repos.events.events.organisationsBySlugs([...new Set(slugs)])).map((o) => [o.slug, o]));
  let siteOrganisationId: string | null = null;
  if (input.siteOrganisationSlug) {
    const site = orgs.get(input.siteOrganisationSlug);
    if (!site) throw unknownValue('body.siteOrganisationSlug', [input.siteOrganisationSlug], 'organisation');
    siteOrganisationId = site.id;
  }
  const checkedSpeakers: SessionSpeaker[] = speakers.map((s, i) => {
    const organisation = s.organisationSlug ? orgs.get(s.organisationSlug) : undefined;
    if (s.organisationSlug && !organisation)
      throw unknownValue(`body.speakers.${i}.organisationSlug`, [s.organisationSlug], 'organisation');
    return {
      name: s.name.trim(),
      organisationId: organisation?.id ?? null,
      organisationName: s.organisationName ?? null,
      role: s.role ?? null,
    };
  });
  return {
    kind: input.kind,
    title: input.title,
    description: input.description ?? null,
    startsAt,
    endsAt,
    room: input.room ?? null,
    delegationId: input.delegationId ?? null,
    siteOrganisationId,
    siteName: input.siteName ?? null,
    speakers: checkedSpeakers,
    languages: input.languages ?? [],
    interpretation: input.interpretation ?? [],
  };
}

/** An event's programme: sessions, site visits (a delegation's programme), breaks. */
export class SessionService {
  constructor(private readonly repos: Repositories) {}

  async list(actor: Actor | null, slug: string): Promise<{ items: Session[] }> {
    const event = await readableEvent(this.repos, actor, slug);
    return { items: (await this.repos.events.sessions.list(event.id)).map(presentSession) };
  }

  async create(actor: Actor | null, slug: string, input: SessionInput): Promise<Session> {
    const id = await this.repos.transaction(async (tx) => {
      const event = await organisedEvent(tx, actor, slug, { lock: true });
      const columns = await checkSession(tx, event, input);
      const id = await tx.events.sessions.insert({ ...columns, eventId: event.id });
      await auditEvent(tx, actor, 'event.session_created', event, undefined, { id, ...input });
      return id;
    });
    return this.view(slug, id);
  }

  async update(actor: Actor | null, slug: string, id: string, patch: SessionPatch, expected: ExpectedVersion): Promise<Session> {
    await this.repos.transaction(async (tx) => {
      const event = await organisedEvent(tx, actor, slug, { lock: true });
      const row = await tx.events.sessions.find(event.id, id);
      if (!row) throw notFound('The session', 'params.id');
      if (expected !== null && row.version !== expected) throw new VersionConflictError(row.version);
      const before = currentInput(row);
      const columns = await checkSession(tx, event, { ...before, ...patch });
      const written = await tx.events.sessions.update(id, columns, expected);
      await requireWritten(written, () => tx.events.sessions.currentVersion(id));
      await auditEvent(tx, actor, 'event.session_updated', event, before, { id, ...patch });
    });
    return this.view(slug, id);
  }

  async delete(actor: Actor | null, slug: string, id: string, expected: ExpectedVersion): Promise<void> {
    await this.repos.transaction(async (tx) => {
      const event = await organisedEvent(tx, actor, slug, { lock: true });
      const row = await tx.events.sessions.find(event.id, id);
      if (!row) throw notFound('The session', 'params.id');
      if (expected !== null && row.version !== expected) throw new VersionConflictError(row.version);
      await tx.events.sessions.delete(id);
      await auditEvent(tx, actor, 'event.session_deleted', event, currentInput(row));
    });
  }

  private async view(slug: string, id: string): Promise<Session> {
    const event = (await this.repos.events.access.findBySlug(slug))!;
    return presentSession((await this.repos.events.sessions.find(event.id, id))!);
  }
}
