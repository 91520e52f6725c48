import type { EventAccessRow } from '../../../repositories/events/event-access.repository.js';
import { withdrawFromMeetings } from '../meetings/withdraw-participant.js';
import type { RegistrationRow } from '../../../repositories/events/registration.repository.js';
import type { Repositories } from '../../../repositories/index.js';
import type { RegistrationStatus } from '../../../shared/events.js';
import type { Registration } from '../../../shared/schemas/events/registration.js';
import { requireActor, type Actor } from '../../access.js';
import { audit } from '../../audit.js';
import { AppError, notFound } from '../../errors.js';
import type { MailSettings } from '../../mailer.js';
import { requireWritten, type ExpectedVersion } from '../../versioning.js';
import { canReadEvent } from '../events/event-access.js';
import { isOrganiser } from '../events/event-guard.js';
import { fillFreedPlaces, hasPlace } from './places.js';
import { tellRegistrant } from './registration-mail.js';
import type { RegistrationService } from './registration.service.js';

const ACTIVE: RegistrationStatus[] = ['pending', 'confirmed', 'waitlisted'];

/**
 * What organisers decide of a registration (approve, decline) and the cancellation by its registrant or
 * an organiser. Each is versioned, audited and told by e-mail; a place it frees goes to the first on the
 * waiting list in the same transaction.
 */
export class RegistrationDecisions {
  constructor(
    private readonly repos: Repositories,
    private readonly mail: MailSettings,
    private readonly registrations: RegistrationService,
  ) {}

  /** Approved: confirmed when a place is left, else on the waiting list (in the order of registration). */
  async approve(actor: Actor | null, id: string, expected: ExpectedVersion): Promise<Registration> {
    await this.change(actor, id, expected, { by: 'organiser' }, async (tx, row) => {
      if (row.status !== 'pending') throw new AppError('registration_not_pending');
      const type = (await tx.events.participationTypes.lock(row.participationTypeId))!;
      const status = (await hasPlace(tx, type)) ? 'confirmed' : 'waitlisted';
      return {
        status,
        reason: null,
        action: 'registration.approved',
        mail: status === 'confirmed' ? 'registration_confirmed' : 'registration_waitlisted',
      };
    });
    return this.registrations.present(id);
  }

  /** Declined with a reason (a pending one, or one on the waiting list or confirmed: its place frees). */
  async decline(actor: Actor | null, id: string, reason: string | undefined, expected: ExpectedVersion): Promise<Registration> {
    await this.change(actor, id, expected, { by: 'organiser' }, async (_tx, row) => {
      if (!ACTIVE.includes(row.status)) throw new AppError('registration_not_active');
      return { status: 'declined', reason: reason?.trim() ?? null, action: 'registration.declined', mail: 'registration_declined' };
    });
    return this.registrations.present(id);
  }

  /** Cancelled by its registrant or an organiser; the registrant is told when an organiser cancels. */
  async cancel(actor: Actor | null, id: string, reason: string | undefined, expected: ExpectedVersion): Promise<Registration> {
    await this.change(actor, id, expected, { by: 'self_or_organiser' }, async (_tx, row, self) => {
      if (!ACTIVE.includes(row.status)) throw new AppError('registration_not_active');
      return {
        status: 'cancelled',
        reason: reason?.trim() ?? null,
        action: 'registration.cancelled',
        mail: self ? null : 'registration_cancelled',
      };
    });
    return this.registrations.present(id);
  }

  private async change(
    actorOrNull: Actor | null,
    id: string,
    expected: ExpectedVersion,
    rule: { by: 'organiser' | 'self_or_organiser' },
    decide: (
      tx: Repositories,
      row: RegistrationRow,
      self: boolean,
    ) => Promise<{
      status: RegistrationStatus;
      reason: string | null;
      action: string;
      mail: 'registration_confirmed' | 'registration_waitlisted' | 'registration_declined' | 'registration_cancelled' | null;
    }>,
  ): Promise<void> {
    const actor = requireActor(actorOrNull);
    const { event, typeId } = await this.eventOf(actor, id);
    const organiser = await isOrganiser(this.repos, actor, event);
    await this.repos.transaction(async (tx) => {
      // the type's lock first, then the registration's: the order every write of places takes (registering,
      // the waiting list moving up), so that two of them never wait on each other
      const type = (await tx.events.participationTypes.lock(typeId))!;
      const row = await tx.events.registrations.lock(id);
      if (!row) throw notFound('The registration', 'params.id');
      const self = row.userId === actor.user.id;
      if (!organiser && !(rule.by === 'self_or_organiser' && self))
        throw new AppError('forbidden', rule.by === 'organiser' ? 'Only the event’s organisers decide on registrations.' : undefined);
      const outcome = await decide(tx, row, self && !organiser);
      const now = tx.clock.now();
      const version = await requireWritten(
        await tx.events.registrations.update(
          id,
          expected,
          { status: outcome.status, statusReason: outcome.reason, decidedBy: actor.user.id, decidedAt: now },
          now,
        ),
        () => tx.events.registrations.currentVersion(id),
      );
      await audit(tx, {
        actorId: actor.user.id,
        action: outcome.action,
        entityType: 'registration',
        entityId: id,
        regionCode: event.regionCode,
        before: { status: row.status, version: row.version },
        after: { status: outcome.status, version, reason: outcome.reason },
      });
      if (row.status === 'confirmed' && outcome.status !== 'confirmed') {
        await withdrawFromMeetings(tx, this.mail, event, id);
        await fillFreedPlaces(tx, this.mail, event, row.participationTypeId, actor.user.id);
      }
      if (outcome.mail) {
        const view = (await tx.events.registrations.view(id))!;
        await tellRegistrant(tx, this.mail, outcome.mail, {
          event,
          registration: row,
          type,
          reason: outcome.reason,
          position: view.waitlistPosition,
        });
      }
    });
  }

  /** The registration's event, readable by the actor (else the registration is not found, as if there were none). */
  private async eventOf(actor: Actor, id: string): Promise<{ event: EventAccessRow; typeId: string }> {
    const row = await this.repos.events.registrations.find(id);
    const event = row && (await this.repos.events.access.findById(row.eventId));
    if (!row || !event) throw notFound('The registration', 'params.id');
    const mineOrOrganised = row.userId === actor.user.id || (await isOrganiser(this.repos, actor, event));
    if (!mineOrOrganised || !canReadEvent(actor, event, await this.repos.regions.list())) throw notFound('The registration', 'params.id');
    // a registration keeps its type for good: read before the transaction, locked first in it
    return { event, typeId: row.participationTypeId };
  }
}
