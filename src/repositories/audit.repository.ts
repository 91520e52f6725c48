import { and, asc, desc, eq, gte, inArray, lte, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { auditEvents, emails, profileDecisions } from '../db/schema/index.js';

export type AuditEventRow = typeof auditEvents.$inferSelect;
export type ProfileDecisionRow = typeof profileDecisions.$inferSelect;
export type EmailRow = typeof emails.$inferSelect;

export interface AuditFilter {
  regionCodes?: string[] | null;
  entityType?: string;
  entityId?: string;
  action?: string;
  actorId?: string;
  from?: Date;
  to?: Date;
}

/** The audit log, the history of profile decisions and the record of e-mails sent. */
export class AuditRepository {
  constructor(private readonly db: Database) {}

  async record(event: typeof auditEvents.$inferInsert): Promise<void> {
    await this.db.insert(auditEvents).values(event);
  }

  list(filter: AuditFilter, limit: number, offset = 0): Promise<AuditEventRow[]> {
    const where: (SQL | undefined)[] = [
      filter.regionCodes ? inArray(auditEvents.regionCode, filter.regionCodes) : undefined,
      filter.entityType ? eq(auditEvents.entityType, filter.entityType) : undefined,
      filter.entityId ? eq(auditEvents.entityId, filter.entityId) : undefined,
      filter.action ? eq(auditEvents.action, filter.action) : undefined,
      filter.actorId ? eq(auditEvents.actorId, filter.actorId) : undefined,
      filter.from ? gte(auditEvents.at, filter.from) : undefined,
      filter.to ? lte(auditEvents.at, filter.to) : undefined,
    ];
    return this.db
      .select()
      .from(auditEvents)
      .where(and(...where))
      .orderBy(desc(auditEvents.at), desc(auditEvents.id))
      .limit(limit)
      .offset(offset);
  }

  async recordDecision(values: typeof profileDecisions.$inferInsert): Promise<void> {
    await this.db.insert(profileDecisions).values(values);
  }

  decisions(organisationId: string): Promise<ProfileDecisionRow[]> {
    return this.db
      .select()
      .from(profileDecisions)
      .where(eq(profileDecisions.organisationId, organisationId))
      .orderBy(asc(profileDecisions.at));
  }

  async recordEmail(values: typeof emails.$inferInsert): Promise<void> {
    await this.db.insert(emails).values(values);
  }

  emails(limit: number): Promise<EmailRow[]> {
    return this.db.select().from(emails).orderBy(desc(emails.createdAt)).limit(limit);
  }
}
