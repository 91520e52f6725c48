import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { messageThreads, threadMessages, threadReads } from '../db/schema/index.js';
import type { Language } from '../shared/languages.js';
import type { ThreadSubjectKind } from '../shared/schemas/messaging.js';

export type ThreadRow = typeof messageThreads.$inferSelect;
export type ThreadMessageRow = typeof threadMessages.$inferSelect;

export interface NewThread {
  subjectKind: ThreadSubjectKind;
  subjectId: string;
  senderOrganisationId: string;
  receiverOrganisationId: string;
  title: string;
  startedBy: string;
}

export interface NewThreadMessage {
  threadId: string;
  authorId: string;
  authorOrganisationId: string;
  body: string;
  language: Language;
  at: Date;
}

/** A thread in a list: how many messages it has and whether the reader has read the newest. */
export interface ThreadListing extends ThreadRow {
  messageCount: number;
  readAt: Date | null;
}

/** Threads between organisations and their messages (the messaging capability's only SQL). */
export class MessagingRepository {
  constructor(private readonly db: Database) {}

  async createThread(values: NewThread, at: Date): Promise<ThreadRow> {
    const [row] = await this.db
      .insert(messageThreads)
      .values({ ...values, createdAt: at, lastMessageAt: at })
      .returning();
    return row!;
  }

  async addMessage(values: NewThreadMessage): Promise<ThreadMessageRow> {
    const { at, ...rest } = values;
    const [row] = await this.db
      .insert(threadMessages)
      .values({ ...rest, createdAt: at })
      .returning();
    await this.db.update(messageThreads).set({ lastMessageAt: at }).where(eq(messageThreads.id, values.threadId));
    return row!;
  }

  async thread(id: string): Promise<ThreadRow | undefined> {
    const [row] = await this.db.select().from(messageThreads).where(eq(messageThreads.id, id));
    return row;
  }

  messages(threadId: string): Promise<ThreadMessageRow[]> {
    return this.db
      .select()
      .from(threadMessages)
      .where(eq(threadMessages.threadId, threadId))
      .orderBy(asc(threadMessages.createdAt), asc(threadMessages.id));
  }

  /** The threads either side of which is one of the organisations (every thread for null), newest first. */
  async threadsOf(organisationIds: string[] | null, readerId: string, limit = 200): Promise<ThreadListing[]> {
    if (organisationIds?.length === 0) return [];
    // counted per listed thread (its index), not by grouping every message of the platform
    const n = sql<number>`(select count(*) from ${threadMessages} where ${threadMessages.threadId} = ${messageThreads.id})`.mapWith(Number);
    const rows = await this.db
      .select({ thread: messageThreads, n, readAt: threadReads.readAt })
      .from(messageThreads)
      .leftJoin(threadReads, and(eq(threadReads.threadId, messageThreads.id), eq(threadReads.userId, readerId)))
      .where(
        organisationIds
          ? or(
              inArray(messageThreads.senderOrganisationId, organisationIds),
              inArray(messageThreads.receiverOrganisationId, organisationIds),
            )
          : undefined,
      )
      .orderBy(desc(messageThreads.lastMessageAt), desc(messageThreads.id))
      .limit(limit);
    return rows.map((r) => ({ ...r.thread, messageCount: Number(r.n ?? 0), readAt: r.readAt }));
  }

  async readAt(threadId: string, userId: string): Promise<Date | null> {
    const [row] = await this.db
      .select({ at: threadReads.readAt })
      .from(threadReads)
      .where(and(eq(threadReads.threadId, threadId), eq(threadReads.userId, userId)));
    return row?.at ?? null;
  }

  async markRead(threadId: string, userId: string, at: Date): Promise<void> {
    await this.db
      .insert(threadReads)
      .values({ threadId, userId, readAt: at })
      .onConflictDoUpdate({ target: [threadReads.threadId, threadReads.userId], set: { readAt: sql`excluded.read_at` } });
  }

  /** The people who wrote in the thread for one of its organisations: a reply is e-mailed to them. */
  async authorsFor(threadId: string, organisationId: string): Promise<string[]> {
    const rows = await this.db
      .selectDistinct({ authorId: threadMessages.authorId })
      .from(threadMessages)
      .where(and(eq(threadMessages.threadId, threadId), eq(threadMessages.authorOrganisationId, organisationId)));
    return rows.flatMap((r) => (r.authorId ? [r.authorId] : []));
  }
}
