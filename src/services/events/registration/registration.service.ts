import { randomBytes } from 'node:crypto';
import type { EventAccessRow } from '../../../repositories/events/event-access.repository.js';
import type { NewRegistration } from '../../../repositories/events/registration.repository.js';
import type { Repositories } from '../../../repositories/index.js';
import { presentRegistration, presentRegistrationEvent } from '../../../presenters/registration.presenter.js';
import type { Sector } from '../../../shared/domain.js';
import type { Language } from '../../../shared/languages.js';
import { resolveText } from '../../../shared/multilingual.js';
import type {
  AttendeeInput,
  MyRegistrationList,
  Registration,
  RegistrationInput,
  RegistrationList,
  RegistrationListQuery,
} from '../../../shared/schemas/events/registration.js';
import { REGISTRATION_LIMITS } from '../../../shared/schemas/events/registration.js';
import { requireActor, type Actor } from '../../access.js';
import { audit } from '../../audit.js';
import { AppError, notFound, unknownValue } from '../../errors.js';
import type { MailSettings } from '../../mailer.js';
import { canReadEvent } from '../events/event-access.js';
import { organisedEvent, readableEvent } from '../events/event-guard.js';
import { hasPlace, registrationIsOpen } from './places.js';
import { checkAnswers } from './questions.js';
import { tellRegistrant } from './registration-mail.js';

/** The unguessable token a badge's QR code carries. */
const badgeToken = () => randomBytes(18).toString('base64url');

/** Who a registration is for, as its organisation tells it: on the platform (copied) or typed. */
interface Affiliation {
  organisationId: string | null;
  organisationName: string | null;
  sector: Sector | null;
  regionCode: string | null;
}

/**
 * Registrations: a member registers themselves (confirmed, awaiting approval, or on the waiting list when
 * the type is full), an organiser registers someone without an account; one's own registration and
 * registrations, the organisers' list. The place is counted and taken under the type's row lock.
 */
export class RegistrationService {
  constructor(
    private readonly repos: Repositories,
    private readonly mail: MailSettings,
  ) {}

  async register(actorOrNull: Actor | null, slug: string, input: RegistrationInput): Promise<Registration> {
    const actor = requireActor(actorOrNull);
    if (!actor.user.emailConfirmedAt) throw new AppError('email_not_confirmed');
    const event = await readableEvent(this.repos, actor, slug);
    if (!registrationIsOpen(event, this.repos.clock.now())) throw new AppError('registration_closed', undefined, 'params.slug');
    const affiliation = await this.affiliation(actor, input, actor.user.language);
    const id = await this.repos.transaction(async (tx) => {
      const type = await tx.events.participationTypes.lock(input.participationTypeId);
      if (!type || type.eventId !== event.id) throw notFound('The participation type', 'body.participationTypeId');
      const answers = checkAnswers(type.questions, input.answers);
      const status = type.requiresApproval ? 'pending' : (await hasPlace(tx, type)) ? 'confirmed' : 'waitlisted';
      const now = tx.clock.now();
      const created = await tx.events.registrations.insertOnce({
        eventId: event.id,
        participationTypeId: type.id,
        userId: actor.user.id,
        name: actor.user.displayName,
        email: actor.user.email,
        language: actor.user.language,
        ...affiliation,
        jobTitle: input.jobTitle?.trim() ?? null,
        status,
        answers,
        badgeToken: badgeToken(),
        meetingsEnabled: (input.meetingsEnabled ?? false) && type.meetingsAllowed && event.meetingsEnabled,
        createdAt: now,
        updatedAt: now,
      });
      if (!created) throw new AppError('already_registered', undefined, 'params.slug');
      await audit(tx, {
        actorId: actor.user.id,
        action: 'registration.created',
        entityType: 'registration',
        entityId: created.id,
        regionCode: event.regionCode,
        after: { event: event.slug, type: type.id, status },
      });
      const view = (await tx.events.registrations.view(created.id))!;
      const message =
        status === 'confirmed' ? 'registration_confirmed' : status === 'pending' ? 'registration_pending' : 'registration_waitlisted';
      await tellRegistrant(tx, this.mail, message, { event, registration: created, type, position: view.waitlistPosition });
      return created.id;
    });
    return this.present(id);
  }

  /**
   * An organiser registers someone else (a delegation's member without an account): confirmed, within the
   * capacity unless `overCapacity`, also once registration has closed (late arrivals at the desk), never
   * for a cancelled event.
   */
  async addAttendee(actorOrNull: Actor | null, slug: string, input: AttendeeInput): Promise<Registration> {
    const actor = requireActor(actorOrNull);
    const event = await organisedEvent(this.repos, actor, slug);
    if (event.status === 'cancelled') throw new AppError('registration_closed', 'The event is cancelled.', 'params.slug');
    if (input.delegationId && !(await this.repos.events.registrations.isDelegationOf(event.id, input.delegationId)))
      throw notFound('The delegation', 'body.delegationId');
    const affiliation = await this.typedOrPlatform(input, actor.user.language);
    const id = await this.repos.transaction(async (tx) => {
      const type = await tx.events.participationTypes.lock(input.participationTypeId);
      if (!type || type.eventId !== event.id) throw notFound('The participation type', 'body.participationTypeId');
      if (!input.overCapacity && !(await hasPlace(tx, type))) throw new AppError('participation_type_full', undefined, 'body.overCapacity');
      const now = tx.clock.now();
      const values: NewRegistration = {
        eventId: event.id,
        participationTypeId: type.id,
        userId: null,
        name: input.name.trim(),
        email: input.email ?? null,
        // the organiser's language: the one they write the name and details in
        language: actor.user.language,
        ...affiliation,
        jobTitle: input.jobTitle?.trim() ?? null,
        delegationId: input.delegationId ?? null,
        status: 'confirmed',
        decidedBy: actor.user.id,
        decidedAt: now,
        badgeToken: badgeToken(),
        createdAt: now,
        updatedAt: now,
      };
      const created = await tx.events.registrations.insert(values);
      await audit(tx, {
        actorId: actor.user.id,
        action: 'registration.added_by_organiser',
        entityType: 'registration',
        entityId: created.id,
        regionCode: event.regionCode,
        after: { event: event.slug, type: type.id, name: created.name, overCapacity: input.overCapacity ?? false },
      });
      await tellRegistrant(tx, this.mail, 'registration_confirmed', { event, registration: created, type });
      return created.id;
    });
    return this.present(id);
  }

  async mine(actorOrNull: Actor | null, slug: string): Promise<Registration> {
    const actor = requireActor(actorOrNull);
    const event = await readableEvent(this.repos, actor, slug);
    const view = await this.repos.events.registrations.mine(event.id, actor.user.id);
    if (!view) throw notFound('Your registration');
    return presentRegistration(view);
  }

  async myRegistrations(actorOrNull: Actor | null): Promise<MyRegistrationList> {
    const actor = requireActor(actorOrNull);
    const views = await this.repos.events.registrations.ofUser(actor.user.id);
    const regions = await this.repos.regions.list();
    const events = new Map<string, EventAccessRow | null>();
    const items: MyRegistrationList['items'] = [];
    for (const view of views) {
      if (!events.has(view.eventId)) events.set(view.eventId, await this.repos.events.access.findById(view.eventId));
      const event = events.get(view.eventId);
      if (!event || !canReadEvent(actor, event, regions)) continue;
      items.push({ ...presentRegistration(view), event: presentRegistrationEvent(event, actor.user.language) });
    }
    return { items };
  }

  async list(actorOrNull: Actor | null, slug: string, query: RegistrationListQuery): Promise<RegistrationList> {
    const event = await organisedEvent(this.repos, actorOrNull, slug);
    const pageSize = query.pageSize ?? REGISTRATION_LIMITS.pageSize;
    const page = query.page ?? 1;
    const { items, total } = await this.repos.events.registrations.list(event.id, {
      status: query.status,
      typeId: query.type,
      q: query.q,
      offset: (page - 1) * pageSize,
      limit: pageSize,
    });
    return { items: items.map(presentRegistration), total };
  }

  async present(id: string): Promise<Registration> {
    const view = await this.repos.events.registrations.view(id);
    if (!view) throw notFound('The registration', 'params.id');
    return presentRegistration(view);
  }

  /** A member names an organisation of theirs (anyone may name one they belong to), else types theirs. */
  private async affiliation(actor: Actor, input: RegistrationInput, language: Language): Promise<Affiliation> {
    if (input.organisationSlug) {
      const organisation = await this.repos.organisations.getBySlug(input.organisationSlug);
      if (!organisation) throw unknownValue('body.organisationSlug', [input.organisationSlug], 'organisation');
      if (!actor.grants.some((g) => g.organisationId === organisation.id))
        throw new AppError('not_a_member', undefined, 'body.organisationSlug');
    }
    return this.typedOrPlatform(input, language);
  }

  /** Name, sector and region copied from an organisation of the platform, or as typed (the region checked). */
  private async typedOrPlatform(
    input: Pick<RegistrationInput, 'organisationSlug' | 'organisationName' | 'sector' | 'regionCode'>,
    language: Language,
  ): Promise<Affiliation> {
    if (input.organisationSlug) {
      const organisation = await this.repos.organisations.getBySlug(input.organisationSlug);
      if (!organisation) throw unknownValue('body.organisationSlug', [input.organisationSlug], 'organisation');
      return {
        organisationId: organisation.id,
        organisationName: resolveText(organisation.name, language)?.text ?? organisation.slug,
        sector: organisation.sector,
        regionCode: organisation.regionCode,
      };
    }
    if (input.regionCode && !(await this.repos.regions.get(input.regionCode)))
      throw unknownValue('body.regionCode', [input.regionCode], 'region');
    return {
      organisationId: null,
      organisationName: input.organisationName?.trim() ?? null,
      sector: input.sector ?? null,
      regionCode: input.regionCode ?? null,
    };
  }
}
