import type { NewParticipationType } from '../../../repositories/events/registration-types.repository.js';
import { requireOriginal } from '../../original-text.js';
import type { Repositories } from '../../../repositories/index.js';
import { presentParticipationType } from '../../../presenters/registration.presenter.js';
import type {
  ParticipationType,
  ParticipationTypeInput,
  ParticipationTypeList,
  ParticipationTypePatch,
} from '../../../shared/schemas/events/registration.js';
import { requireActor, type Actor } from '../../access.js';
import { audit } from '../../audit.js';
import { AppError, notFound } from '../../errors.js';
import type { MailSettings } from '../../mailer.js';
import { requireWritten, type ExpectedVersion } from '../../versioning.js';
import { organisedEvent, readableEvent } from '../events/event-guard.js';
import { fillFreedPlaces } from './places.js';
import { checkQuestions } from './questions.js';

/**
 * An event's participation types (speaker, delegate, company, visitor): capacities, approval, questions.
 * Read by whoever reads the event, written by its organisers. A capacity never goes below the confirmed
 * registrations; a larger one confirms the waiting list in order.
 */
export class ParticipationTypeService {
  constructor(
    private readonly repos: Repositories,
    private readonly mail: MailSettings,
  ) {}

  async list(actor: Actor | null, slug: string): Promise<ParticipationTypeList> {
    const event = await readableEvent(this.repos, actor, slug);
    return { items: (await this.repos.events.participationTypes.ofEvent(event.id)).map(presentParticipationType) };
  }

  async create(actorOrNull: Actor | null, slug: string, input: ParticipationTypeInput): Promise<ParticipationType> {
    const actor = requireActor(actorOrNull);
    const event = await organisedEvent(this.repos, actor, slug);
    requireOriginal(input.name, 'body.name');
    const questions = checkQuestions(input.questions ?? []);
    const id = await this.repos.transaction(async (tx) => {
      const position = input.position ?? (await tx.events.participationTypes.ofEvent(event.id)).length;
      const row = await tx.events.participationTypes.insert({
        eventId: event.id,
        kind: input.kind,
        name: input.name,
        capacity: input.capacity ?? null,
        requiresApproval: input.requiresApproval ?? false,
        meetingsAllowed: input.meetingsAllowed ?? true,
        questions,
        position,
      });
      await audit(tx, {
        actorId: actor.user.id,
        action: 'participation_type.created',
        entityType: 'participation_type',
        entityId: row.id,
        regionCode: event.regionCode,
        after: { event: event.slug, kind: row.kind, capacity: row.capacity, requiresApproval: row.requiresApproval },
      });
      return row.id;
    });
    return this.get(event.id, id);
  }

  async update(
    actorOrNull: Actor | null,
    slug: string,
    id: string,
    patch: ParticipationTypePatch,
    expected: ExpectedVersion,
  ): Promise<ParticipationType> {
    const actor = requireActor(actorOrNull);
    const event = await organisedEvent(this.repos, actor, slug);
    const values: Partial<NewParticipationType> = {};
    if (patch.kind !== undefined) values.kind = patch.kind;
    if (patch.name !== undefined) {
      requireOriginal(patch.name, 'body.name');
      values.name = patch.name;
    }
    if (patch.capacity !== undefined) values.capacity = patch.capacity;
    if (patch.requiresApproval !== undefined) values.requiresApproval = patch.requiresApproval;
    if (patch.meetingsAllowed !== undefined) values.meetingsAllowed = patch.meetingsAllowed;
    if (patch.position !== undefined) values.position = patch.position;
    if (patch.questions !== undefined) values.questions = checkQuestions(patch.questions);
    await this.repos.transaction(async (tx) => {
      const before = await tx.events.participationTypes.lock(id);
      if (!before || before.eventId !== event.id) throw notFound('The participation type', 'params.id');
      const counts = await tx.events.participationTypes.counts(id);
      if (values.capacity !== undefined && values.capacity !== null && values.capacity < counts.confirmed)
        throw new AppError(
          'capacity_below_registered',
          `${counts.confirmed} registrations are confirmed: the capacity cannot be below that.`,
          'body.capacity',
        ).because('minimum', { limit: counts.confirmed });
      const version = await requireWritten(await tx.events.participationTypes.update(id, expected, values), () =>
        tx.events.participationTypes.currentVersion(id),
      );
      await audit(tx, {
        actorId: actor.user.id,
        action: 'participation_type.updated',
        entityType: 'participation_type',
        entityId: id,
        regionCode: event.regionCode,
        before: { capacity: before.capacity, requiresApproval: before.requiresApproval, version: before.version },
        after: { ...values, version },
      });
      // a larger (or no) capacity: the waiting list moves up now
      if (values.capacity !== undefined && (values.capacity === null || before.capacity === null || values.capacity > before.capacity))
        await fillFreedPlaces(tx, this.mail, event, id, actor.user.id);
    });
    return this.get(event.id, id);
  }

  async delete(actorOrNull: Actor | null, slug: string, id: string): Promise<void> {
    const actor = requireActor(actorOrNull);
    const event = await organisedEvent(this.repos, actor, slug);
    await this.repos.transaction(async (tx) => {
      const row = await tx.events.participationTypes.lock(id);
      if (!row || row.eventId !== event.id) throw notFound('The participation type', 'params.id');
      if (await tx.events.participationTypes.hasRegistrations(id)) throw new AppError('participation_type_in_use', undefined, 'params.id');
      await tx.events.participationTypes.delete(id);
      await audit(tx, {
        actorId: actor.user.id,
        action: 'participation_type.deleted',
        entityType: 'participation_type',
        entityId: id,
        regionCode: event.regionCode,
        before: { kind: row.kind, name: row.name, capacity: row.capacity },
      });
    });
  }

  private async get(eventId: string, id: string): Promise<ParticipationType> {
    const row = await this.repos.events.participationTypes.find(eventId, id);
    if (!row) throw notFound('The participation type', 'params.id');
    return presentParticipationType(row);
  }
}
