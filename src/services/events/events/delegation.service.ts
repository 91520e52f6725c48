import { presentDelegation } from '../../../presenters/event.presenter.js';
import { requireOriginal } from '../../original-text.js';
import type { Repositories } from '../../../repositories/index.js';
import type { DelegationDetailRow, NewMember } from '../../../repositories/events/events/delegation.repository.js';
import type { Delegation, DelegationInput, DelegationPatch } from '../../../shared/schemas/events/events.js';
import type { Actor } from '../../access.js';
import { notFound, unknownValue } from '../../errors.js';
import { requireWritten, VersionConflictError, type ExpectedVersion } from '../../versioning.js';
import { organisedEvent, readableEvent } from './event-guard.js';
import { eventInvalid } from './event-input.js';
import { auditEvent } from './event-view.js';

function currentInput(row: DelegationDetailRow): DelegationInput {
  return {
    name: row.name,
    fromRegionCode: row.fromRegionCode,
    arrivesOn: row.arrivesOn,
    departsOn: row.departsOn,
    notes: row.notes,
    members: row.members.map((m) => ({
      name: m.name,
      position: m.position,
      organisationSlug: m.organisation?.slug ?? null,
      organisationName: m.organisationName,
      role: m.role,
    })),
  };
}

/**
 * A delegation checked in full: a region the platform knows, a departure not before the arrival, members
 * each named by a name or an office (a source may name the office only), at most one head, organisations
 * the platform knows.
 */
export async function checkDelegation(repos: Repositories, input: DelegationInput) {
  requireOriginal(input.name, 'body.name');
  if (!(await repos.regions.get(input.fromRegionCode))) throw unknownValue('body.fromRegionCode', [input.fromRegionCode], 'region');
  if (input.arrivesOn && input.departsOn && input.departsOn < input.arrivesOn)
    throw eventInvalid('body.departsOn', 'ends_before_start', 'The delegation departs before it arrives.');
  const heads = input.members.flatMap((m, i) => (m.role === 'head' ? [i] : []));
  if (heads.length > 1) throw eventInvalid(`body.members.${heads[1]}.role`, 'one_head', 'A delegation has one head at most.');
  const slugs = [...new Set(input.members.map((m) => m.organisationSlug).filter((s): s is string => !!s))];
  const orgs = new Map((await repos.events.events.organisationsBySlugs(slugs)).map((o) => [o.slug, o]));
  const members: NewMember[] = input.members.map((m, i) => {
    const name = m.name?.trim() || null;
    if (!name && !m.position) throw eventInvalid(`body.members.${i}.name`, 'required', 'A member is named by a name or a position.');
    const organisation = m.organisationSlug ? orgs.get(m.organisationSlug) : undefined;
    if (m.organisationSlug && !organisation) throw unknownValue(`body.members.${i}.organisationSlug`, [m.organisationSlug], 'organisation');
    return {
      name,
      position: m.position ?? null,
      organisationId: organisation?.id ?? null,
      organisationName: m.organisationName ?? null,
      role: m.role,
    };
  });
  return {
    columns: {
      name: input.name,
      fromRegionCode: input.fromRegionCode,
      arrivesOn: input.arrivesOn ?? null,
      departsOn: input.departsOn ?? null,
      notes: input.notes ?? null,
    },
    members,
  };
}

/** An event's visiting delegations: their head and members, travel dates, and programme of visits. */
export class DelegationService {
  constructor(private readonly repos: Repositories) {}

  async list(actor: Actor | null, slug: string): Promise<{ items: Delegation[] }> {
    const event = await readableEvent(this.repos, actor, slug);
    const [rows, sessions] = await Promise.all([this.repos.events.delegations.list(event.id), this.repos.events.sessions.list(event.id)]);
    return {
      items: rows.map((r) =>
        presentDelegation(
          r,
          sessions.filter((s) => s.delegationId === r.id),
        ),
      ),
    };
  }

  async create(actor: Actor | null, slug: string, input: DelegationInput): Promise<Delegation> {
    const id = await this.repos.transaction(async (tx) => {
      const event = await organisedEvent(tx, actor, slug, { lock: true });
      const { columns, members } = await checkDelegation(tx, input);
      const id = await tx.events.delegations.insert({ ...columns, eventId: event.id }, tx.clock.now());
      await tx.events.delegations.setMembers(id, members);
      await auditEvent(tx, actor, 'event.delegation_created', event, undefined, { id, ...input });
      return id;
    });
    return this.view(slug, id);
  }

  /** The fields sent replace the delegation's; members sent replace them whole. */
  async update(actor: Actor | null, slug: string, id: string, patch: DelegationPatch, expected: ExpectedVersion): Promise<Delegation> {
    await this.repos.transaction(async (tx) => {
      const event = await organisedEvent(tx, actor, slug, { lock: true });
      const row = await tx.events.delegations.find(event.id, id);
      if (!row) throw notFound('The delegation', 'params.id');
      if (expected !== null && row.version !== expected) throw new VersionConflictError(row.version);
      const before = currentInput(row);
      const { columns, members } = await checkDelegation(tx, { ...before, ...patch });
      const written = await tx.events.delegations.update(id, columns, tx.clock.now(), expected);
      await requireWritten(written, () => tx.events.delegations.currentVersion(id));
      if (patch.members) await tx.events.delegations.setMembers(id, members);
      await auditEvent(tx, actor, 'event.delegation_updated', event, before, { id, ...patch });
    });
    return this.view(slug, id);
  }

  /** The delegation goes with its programme of visits (its sessions); its members' registrations stay. */
  async delete(actor: Actor | null, slug: string, id: string, expected: ExpectedVersion): Promise<void> {
    await this.repos.transaction(async (tx) => {
      const event = await organisedEvent(tx, actor, slug, { lock: true });
      const row = await tx.events.delegations.find(event.id, id);
      if (!row) throw notFound('The delegation', 'params.id');
      if (expected !== null && row.version !== expected) throw new VersionConflictError(row.version);
      await tx.events.delegations.delete(id);
      await auditEvent(tx, actor, 'event.delegation_deleted', event, currentInput(row));
    });
  }

  private async view(slug: string, id: string): Promise<Delegation> {
    const event = (await this.repos.events.access.findBySlug(slug))!;
    const row = (await this.repos.events.delegations.find(event.id, id))!;
    return presentDelegation(row, await this.repos.events.sessions.list(event.id, id));
  }
}
