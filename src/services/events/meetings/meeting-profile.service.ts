import { presentParticipant, type OfferRef, type RequestState } from '../../../presenters/meeting.presenter.js';
import type { EventAccessRow } from '../../../repositories/events/event-access.repository.js';
import type { MeetingRegistrationRow } from '../../../repositories/events/meeting-grid.repository.js';
import type { Repositories } from '../../../repositories/index.js';
import type {
  MeetingParticipant,
  MeetingParticipantList,
  MyMeetingProfile,
  MyMeetingProfileInput,
} from '../../../shared/schemas/events/meetings.js';
import { requireActor, type Actor } from '../../access.js';
import { audit } from '../../audit.js';
import { AppError } from '../../errors.js';
import { requireWritten, type ExpectedVersion } from '../../versioning.js';
import { isOrganiser, readableEvent } from '../events/event-guard.js';
import { insideEvent, myRegistration, requireMeetingsOffered } from './meeting-access.js';

const PAGE_SIZE = 50;

/** A participant's meeting profile and blocked times, and the list of people to meet. */
export class MeetingProfileService {
  constructor(private readonly repos: Repositories) {}

  async mine(actor: Actor | null, slug: string): Promise<MyMeetingProfile> {
    const event = await readableEvent(this.repos, requireActor(actor), slug);
    const me = await myRegistration(this.repos, actor, event);
    return this.present(this.repos, me.id);
  }

  async update(actor: Actor | null, slug: string, input: MyMeetingProfileInput, expected: ExpectedVersion): Promise<MyMeetingProfile> {
    const by = requireActor(actor);
    return this.repos.transaction(async (tx) => {
      const event = await readableEvent(tx, by, slug);
      requireMeetingsOffered(event);
      const me = await myRegistration(tx, by, event);
      await tx.events.meetingGrid.lockRegistration(me.id);
      if (input.meetingsEnabled && (me.status !== 'confirmed' || !me.meetingsAllowed))
        throw new AppError('meetings_not_allowed', undefined, 'body.meetingsEnabled');
      const offerIds = input.offerIds ?? me.offerIds;
      const offers = await tx.events.meetingGrid.offersByIds(offerIds);
      for (const [i, id] of offerIds.entries()) {
        const offer = offers.find((o) => o.id === id);
        // only the participant's organisation's published offers: another's, or a draft, is not theirs to bring
        if (!offer || offer.stage !== 'published' || !me.organisationId || offer.organisationId !== me.organisationId)
          throw new AppError('unknown_value', 'Bring your organisation’s published offers only.', `body.offerIds.${i}`).because(
            'unknown_value',
            { value: id },
          );
      }
      const blocked = (input.blockedTimes ?? []).map((b, i) => ({ i, startsAt: new Date(b.startsAt), endsAt: new Date(b.endsAt) }));
      for (const b of blocked) {
        if (b.endsAt <= b.startsAt)
          throw new AppError('validation_failed', 'A blocked time ends after it starts.', `body.blockedTimes.${b.i}`).because(
            'ends_before_start',
          );
        if (!insideEvent(event, b.startsAt, b.endsAt)) throw new AppError('slot_outside_event', undefined, `body.blockedTimes.${b.i}`);
      }
      const values = {
        meetingsEnabled: input.meetingsEnabled,
        meetingProfile: input.meetingProfile === undefined ? me.meetingProfile : input.meetingProfile,
        offerIds,
      };
      await requireWritten(await tx.events.meetingGrid.updateProfile(me.id, expected, values, tx.clock.now()), () =>
        tx.events.meetingGrid.registrationVersion(me.id),
      );
      if (input.blockedTimes !== undefined) await tx.events.meetingGrid.replaceBlockedTimes(me.id, blocked);
      await audit(tx, {
        actorId: by.user.id,
        action: 'registration.meeting_profile',
        entityType: 'registration',
        entityId: me.id,
        regionCode: event.regionCode,
        before: { meetingsEnabled: me.meetingsEnabled, offerIds: me.offerIds },
        after: { meetingsEnabled: values.meetingsEnabled, offerIds, blockedTimes: blocked.length },
      });
      return this.present(tx, me.id);
    });
  }

  /** Confirmed participants taking part in meetings: seen by confirmed participants and organisers. */
  async participants(actor: Actor | null, slug: string, query: { q?: string; page?: number }): Promise<MeetingParticipantList> {
    const event = await readableEvent(this.repos, requireActor(actor), slug);
    const me = await this.viewer(actor, event);
    const page = query.page ?? 1;
    const { rows, total } = await this.repos.events.meetingGrid.participants(event.id, {
      q: query.q?.trim() || undefined,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    });
    return {
      items: await this.presentAll(
        this.repos,
        rows.filter((r) => r.id !== me?.id),
        me,
      ),
      total,
      page,
      pageSize: PAGE_SIZE,
    };
  }

  /** The reader's registration when they take part; null for an organiser who does not; else 403. */
  async viewer(actor: Actor | null, event: EventAccessRow): Promise<MeetingRegistrationRow | null> {
    const me = await this.repos.events.meetingGrid.registrationOfUser(event.id, requireActor(actor).user.id);
    if (me?.status === 'confirmed') return me;
    if (await isOrganiser(this.repos, actor, event)) return null;
    throw new AppError('forbidden', 'The participants are listed to the event’s confirmed participants and its organisers.');
  }

  async presentAll(repos: Repositories, rows: MeetingRegistrationRow[], me: MeetingRegistrationRow | null): Promise<MeetingParticipant[]> {
    const offers = await offersOf(repos, rows);
    const states = me ? await requestStates(repos, me.id) : new Map<string, RequestState>();
    return rows.map((r) => presentParticipant(r, offers, states.get(r.id) ?? null));
  }

  private async present(repos: Repositories, registrationId: string): Promise<MyMeetingProfile> {
    const [me] = await repos.events.meetingGrid.registrationsByIds([registrationId]);
    const blocked = await repos.events.meetingGrid.blockedTimes([registrationId]);
    return {
      registrationId,
      meetingsEnabled: me!.meetingsEnabled,
      meetingProfile: me!.meetingProfile,
      offerIds: me!.offerIds,
      blockedTimes: blocked.map((b) => ({ startsAt: b.startsAt.toISOString(), endsAt: b.endsAt.toISOString() })),
      version: me!.version,
    };
  }
}

export async function offersOf(repos: Repositories, rows: MeetingRegistrationRow[]): Promise<Map<string, OfferRef>> {
  const offers = await repos.events.meetingGrid.offersByIds([...new Set(rows.flatMap((r) => r.offerIds))]);
  return new Map(offers.map((o) => [o.id, o]));
}

/** The reader's request with each other participant: the live one (pending or accepted) over a declined one. */
export async function requestStates(repos: Repositories, myId: string): Promise<Map<string, RequestState>> {
  const states = new Map<string, RequestState>();
  for (const r of await repos.events.meetingRequests.ofRegistration(myId)) {
    const other = r.requesterId === myId ? r.recipientId : r.requesterId;
    const state: RequestState =
      r.status === 'accepted'
        ? 'accepted'
        : r.status === 'pending'
          ? r.requesterId === myId
            ? 'sent'
            : 'received'
          : r.status === 'declined'
            ? 'declined'
            : null;
    const known = states.get(other);
    if (state && (!known || known === 'declined')) states.set(other, state);
  }
  return states;
}
