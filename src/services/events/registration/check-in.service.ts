import type { Repositories } from '../../../repositories/index.js';
import { presentRegistration } from '../../../presenters/registration.presenter.js';
import type { Attendance, CheckInList, Registration } from '../../../shared/schemas/events/registration.js';
import { requireActor, type Actor } from '../../access.js';
import { audit } from '../../audit.js';
import { AppError, notFound } from '../../errors.js';
import { organisedEvent, readableEvent, isOrganiser } from '../events/event-guard.js';
import type { RegistrationService } from './registration.service.js';

const SEARCH_LIMIT = 50;

/**
 * The day of the event: organisers find a confirmed participant by name, or scan the badge's QR code, and
 * check them in once. The attendance counts are numbers for everyone who reads the event, never names.
 */
export class CheckInService {
  constructor(
    private readonly repos: Repositories,
    private readonly registrations: RegistrationService,
  ) {}

  async search(actor: Actor | null, slug: string, q: string | undefined): Promise<CheckInList> {
    const event = await organisedEvent(this.repos, actor, slug);
    return { items: (await this.repos.events.registrations.confirmedByName(event.id, q, SEARCH_LIMIT)).map(presentRegistration) };
  }

  async checkIn(actorOrNull: Actor | null, id: string): Promise<Registration> {
    const actor = requireActor(actorOrNull);
    const row = await this.repos.events.registrations.find(id);
    const event = row && (await this.repos.events.access.findById(row.eventId));
    // a registration of an event the actor does not organise is not theirs to see: as if there were none
    if (!row || !event || !(await isOrganiser(this.repos, actor, event))) throw notFound('The registration', 'params.id');
    return this.checkInRow(actor, event.regionCode, id);
  }

  async checkInBadge(actorOrNull: Actor | null, slug: string, token: string): Promise<Registration> {
    const actor = requireActor(actorOrNull);
    const event = await organisedEvent(this.repos, actor, slug);
    const row = await this.repos.events.registrations.byBadge(event.id, token);
    if (!row) throw notFound('The badge', 'body.token');
    return this.checkInRow(actor, event.regionCode, row.id);
  }

  private async checkInRow(actor: Actor, regionCode: string, id: string): Promise<Registration> {
    await this.repos.transaction(async (tx) => {
      const row = (await tx.events.registrations.lock(id))!;
      if (row.checkedInAt) throw alreadyCheckedIn(row.checkedInAt);
      if (row.status !== 'confirmed')
        throw new AppError(
          'registration_not_confirmed',
          `This registration is ${row.status}: only a confirmed one checks in.`,
          'params.id',
        );
      const now = tx.clock.now();
      if ((await tx.events.registrations.checkIn(id, actor.user.id, now)) === null) throw alreadyCheckedIn(now);
      await audit(tx, {
        actorId: actor.user.id,
        action: 'registration.checked_in',
        entityType: 'registration',
        entityId: id,
        regionCode,
        after: { checkedInAt: now },
      });
    });
    return this.registrations.present(id);
  }

  async attendance(actor: Actor | null, slug: string): Promise<Attendance> {
    const event = await readableEvent(this.repos, actor, slug);
    const counts = await this.repos.events.registrations.attendance(event.id);
    const bySector = { government: 0, science: 0, business: 0, unknown: 0 };
    for (const { sector, count } of counts.bySector) bySector[(sector ?? 'unknown') as keyof typeof bySector] += count;
    return {
      confirmed: counts.confirmed,
      checkedIn: counts.checkedIn,
      bySector,
      byRegion: counts.byRegion,
      byType: counts.byType,
      reported:
        event.reportedAttendance === null
          ? null
          : { count: event.reportedAttendance, approximate: event.reportedAttendanceApproximate, sectors: event.reportedSectors },
    };
  }
}

/** The second check-in of a person: refused, with when the first was (in `details`). */
function alreadyCheckedIn(at: Date): AppError {
  return new AppError('already_checked_in', `This person checked in at ${at.toISOString()}.`, 'params.id', [
    { field: 'checkedInAt', message: at.toISOString() },
  ]);
}
