import type { Repositories } from '../../repositories/index.js';
import type { ThreadListing, ThreadRow } from '../../repositories/messaging.repository.js';
import type { OrganisationRow } from '../../repositories/organisation.repository.js';
import { presentThread, presentThreadSummary, sideOf, type ThreadContext } from '../../presenters/messaging.presenter.js';
import type { Language } from '../../shared/languages.js';
import type { ContactBody, ContactOptions, ReplyBody, Thread, ThreadList } from '../../shared/schemas/messaging.js';
import { requireActor, type Actor } from '../access.js';
import { audit } from '../audit.js';
import { AppError, notFound } from '../errors.js';
import type { MailSettings } from '../mailer.js';
import { LIMITS, type RateLimiter } from '../rate-limiter.js';
import { tellReceivers, tellOtherSide } from './thread-mail.js';

/** The organisations the actor holds a role in (any role: a member writes for their organisation too). */
const organisationIdsOf = (actor: Actor) => new Set(actor.grants.flatMap((g) => (g.organisationId ? [g.organisationId] : [])));

/**
 * Threads between two organisations. Anyone of a validated organisation writes to another validated one
 * (never to their own); a thread is read by the people of its two organisations only, not by platform
 * staff (docs/decisions.md, "Contacting an organisation"). A thread's subject is the receiving organisation
 * now; an offer later, with the same thread, messages and e-mails.
 */
export class MessagingService {
  constructor(
    private readonly repos: Repositories,
    private readonly mail: MailSettings,
    private readonly limiter: RateLimiter,
  ) {}

  /** Whether the actor may write to the organisation, why not, and as which of their organisations. */
  async options(actor: Actor | null, slug: string): Promise<ContactOptions> {
    const receiver = await this.receiver(slug);
    if (!actor) return { allowed: false, reason: 'not_signed_in', senders: [] };
    const own = organisationIdsOf(actor);
    const validated = (await this.repos.organisations.byIds([...own])).filter((o) => o.published);
    const senders = validated.filter((o) => o.id !== receiver.id).sort((a, b) => a.slug.localeCompare(b.slug));
    const reason = senders.length > 0 ? null : validated.length > 0 ? 'own_organisation' : 'sender_not_validated';
    return { allowed: reason === null, reason, senders: senders.map((o) => ({ slug: o.slug, name: o.name })) };
  }

  /** "Contact this organisation": a new thread about the receiving organisation, e-mailed to its admins. */
  async contact(actorOrNull: Actor | null, slug: string, input: ContactBody): Promise<Thread> {
    const actor = requireActor(actorOrNull);
    const receiver = await this.receiver(slug);
    const sender = await this.sender(actor, input.senderOrganisation, receiver);
    this.limiter.hit([
      { key: `thread:account:${actor.user.id}`, limit: LIMITS.threadsPerAccount },
      { key: `thread:account-day:${actor.user.id}`, limit: LIMITS.threadsPerAccountPerDay },
    ]);
    const title = input.title.trim();
    const body = input.text.trim();
    const language: Language = input.language ?? actor.user.language;
    const threadId = await this.repos.transaction(async (tx) => {
      const now = tx.clock.now();
      const thread = await tx.messaging.createThread(
        {
          subjectKind: 'organisation',
          subjectId: receiver.id,
          senderOrganisationId: sender.id,
          receiverOrganisationId: receiver.id,
          title,
          startedBy: actor.user.id,
        },
        now,
      );
      await tx.messaging.addMessage({
        threadId: thread.id,
        authorId: actor.user.id,
        authorOrganisationId: sender.id,
        body,
        language,
        at: now,
      });
      await tx.messaging.markRead(thread.id, actor.user.id, now);
      await audit(tx, {
        actorId: actor.user.id,
        action: 'message_thread.started',
        entityType: 'message_thread',
        entityId: thread.id,
        regionCode: sender.regionCode,
        // who wrote to whom, not what: the letter is the two organisations' business
        after: { sender: sender.slug, receiver: receiver.slug, subject: { kind: 'organisation', id: receiver.id }, length: body.length },
      });
      await tellReceivers(tx, this.mail, { thread, sender, receiver, author: actor.user, body });
      return thread.id;
    });
    return this.get(actor, threadId);
  }

  /** The threads of the actor's organisations, newest first. */
  async list(actorOrNull: Actor | null): Promise<ThreadList> {
    const actor = requireActor(actorOrNull);
    const own = organisationIdsOf(actor);
    const threads = await this.repos.messaging.threadsOf([...own], actor.user.id);
    const context = await this.context(threads, own);
    return { items: threads.map((t) => presentThreadSummary(t, context)) };
  }

  /** One thread, for the people of its two organisations; reading it marks it read. */
  async get(actorOrNull: Actor | null, id: string): Promise<Thread> {
    const actor = requireActor(actorOrNull);
    const own = organisationIdsOf(actor);
    const thread = await this.readable(actor, id);
    const [messages, readAt] = await Promise.all([this.repos.messaging.messages(id), this.repos.messaging.readAt(id, actor.user.id)]);
    const now = this.repos.clock.now();
    await this.repos.messaging.markRead(id, actor.user.id, now);
    const authorIds = [...new Set(messages.flatMap((m) => (m.authorId ? [m.authorId] : [])))];
    const authorNames = new Map((await this.repos.accounts.usersByIds(authorIds)).map((u) => [u.id, u.displayName]));
    const listing: ThreadListing = { ...thread, messageCount: messages.length, readAt };
    const context = await this.context([thread], own);
    return presentThread(listing, messages, { ...context, readerId: actor.user.id, authorNames });
  }

  /** An answer in the thread, for the side the actor is on; e-mailed to the other side's people in it. */
  async reply(actorOrNull: Actor | null, id: string, input: ReplyBody): Promise<Thread> {
    const actor = requireActor(actorOrNull);
    const thread = await this.readable(actor, id);
    this.limiter.hit([{ key: `reply:account:${actor.user.id}`, limit: LIMITS.repliesPerAccount }]);
    const side = sideOf(thread, organisationIdsOf(actor))!;
    const authorOrganisationId = side === 'sender' ? thread.senderOrganisationId : thread.receiverOrganisationId;
    const body = input.text.trim();
    await this.repos.transaction(async (tx) => {
      const now = tx.clock.now();
      await tx.messaging.addMessage({
        threadId: thread.id,
        authorId: actor.user.id,
        authorOrganisationId,
        body,
        language: input.language ?? actor.user.language,
        at: now,
      });
      await tx.messaging.markRead(thread.id, actor.user.id, now);
      const orgs = new Map(
        (await tx.organisations.byIds([thread.senderOrganisationId, thread.receiverOrganisationId])).map((o) => [o.id, o]),
      );
      await audit(tx, {
        actorId: actor.user.id,
        action: 'message_thread.replied',
        entityType: 'message_thread',
        entityId: thread.id,
        regionCode: orgs.get(authorOrganisationId)?.regionCode ?? null,
        after: { side, length: body.length },
      });
      await tellOtherSide(tx, this.mail, { thread, side, orgs, author: actor.user, body });
    });
    return this.get(actor, id);
  }

  /** A published organisation, the only kind one writes to. */
  private async receiver(slug: string): Promise<OrganisationRow> {
    const org = await this.repos.organisations.getBySlug(slug);
    if (!org?.published) throw notFound(`Organisation "${slug}"`, 'params.slug');
    return org;
  }

  /** The organisation the actor writes for: the one named, or their only validated one. */
  private async sender(actor: Actor, named: string | undefined, receiver: OrganisationRow): Promise<OrganisationRow> {
    const own = organisationIdsOf(actor);
    if (named !== undefined) {
      const org = await this.repos.organisations.getBySlug(named);
      if (!org || !own.has(org.id))
        throw new AppError('forbidden', 'You write only on behalf of an organisation you belong to.', 'body.senderOrganisation');
      if (!org.published) throw new AppError('sender_not_validated', undefined, 'body.senderOrganisation');
      if (org.id === receiver.id) throw new AppError('own_organisation', undefined, 'body.senderOrganisation');
      return org;
    }
    const validated = (await this.repos.organisations.byIds([...own])).filter((o) => o.published);
    const candidates = validated.filter((o) => o.id !== receiver.id);
    if (candidates.length === 1) return candidates[0]!;
    if (candidates.length > 1)
      throw new AppError('validation_failed', 'Say on behalf of which organisation you write.', 'body.senderOrganisation').because(
        'required',
      );
    if (validated.length > 0) throw new AppError('own_organisation');
    throw new AppError('sender_not_validated');
  }

  /** The thread, for someone of one of its organisations; anyone else is told there is no such thread. */
  private async readable(actor: Actor, id: string): Promise<ThreadRow> {
    const thread = await this.repos.messaging.thread(id);
    if (!thread || !sideOf(thread, organisationIdsOf(actor))) throw notFound('Thread', 'params.id');
    return thread;
  }

  private async context(threads: ThreadRow[], readerOrganisationIds: Set<string>): Promise<ThreadContext> {
    const ids = [...new Set(threads.flatMap((t) => [t.senderOrganisationId, t.receiverOrganisationId]))];
    const organisations = new Map((await this.repos.organisations.byIds(ids)).map((o) => [o.id, o]));
    return { organisations, readerOrganisationIds };
  }
}
