import type { OrganisationRow } from '../repositories/organisation.repository.js';
import type { ThreadListing, ThreadMessageRow, ThreadRow } from '../repositories/messaging.repository.js';
import type { Thread, ThreadSummary } from '../shared/schemas/messaging.js';

/** What a thread's presentation needs besides its row: its two organisations and who reads it. */
export interface ThreadContext {
  organisations: Map<string, Pick<OrganisationRow, 'id' | 'slug' | 'name'>>;
  /** The reader's organisations: which side they are on. */
  readerOrganisationIds: Set<string>;
}

const ref = (context: ThreadContext, id: string) => {
  const org = context.organisations.get(id);
  return { slug: org?.slug ?? '', name: org?.name ?? { original: 'en' as const, en: '—' } };
};

export function sideOf(thread: ThreadRow, organisationIds: Set<string>): 'sender' | 'receiver' | null {
  if (organisationIds.has(thread.senderOrganisationId)) return 'sender';
  if (organisationIds.has(thread.receiverOrganisationId)) return 'receiver';
  return null;
}

export function presentThreadSummary(thread: ThreadListing, context: ThreadContext): ThreadSummary {
  return {
    id: thread.id,
    title: thread.title,
    subject: { kind: thread.subjectKind, id: thread.subjectId },
    sender: ref(context, thread.senderOrganisationId),
    receiver: ref(context, thread.receiverOrganisationId),
    side: sideOf(thread, context.readerOrganisationIds),
    messageCount: thread.messageCount,
    unread: !thread.readAt || thread.readAt < thread.lastMessageAt,
    lastMessageAt: thread.lastMessageAt.toISOString(),
  };
}

export function presentThread(
  thread: ThreadListing,
  messages: ThreadMessageRow[],
  context: ThreadContext & { readerId: string; authorNames: Map<string, string> },
): Thread {
  return {
    ...presentThreadSummary(thread, context),
    messages: messages.map((m) => ({
      id: m.id,
      author: (m.authorId && context.authorNames.get(m.authorId)) || null,
      side: m.authorOrganisationId === thread.senderOrganisationId ? 'sender' : 'receiver',
      mine: m.authorId === context.readerId,
      body: m.body,
      language: m.language,
      createdAt: m.createdAt.toISOString(),
    })),
  };
}
