import { and, eq, inArray, isNull, lt, notExists, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { cooperationRecords, jobs, organisations, recordMilestones, recordParties, roleGrants, users } from '../../db/schema/index.js';
import type { MultilingualText } from '../../shared/multilingual.js';
import type { UserRow } from '../account.repository.js';

/** A reminder to one administrator of a party, keyed so that it is queued once (jobs.singleton_key). */
export interface OrganisationName {
  name: MultilingualText;
  slug: string;
}

export interface DueReminder {
  key: string;
  recordId: string;
  userId: string;
}

export interface EndingAgreementReminder extends DueReminder {
  /** The threshold (days before the end) this reminder is for: the nearest one the agreement has reached. */
  threshold: number;
}

export interface OverdueMilestoneReminder extends DueReminder {
  milestoneId: string;
}

/** What a reminder e-mail names: the record, and the milestone for an overdue one. */
export interface ReminderSubject {
  slug: string;
  kind: string;
  stage: string;
  title: MultilingualText;
  validUntil: string | null;
  validUntilLast: string | null;
  milestone?: { title: MultilingualText; dueOn: string | null; doneOn: string | null };
}

/** Agreements in these stages are the ones whose end matters to their parties. */
export const REMINDED_AGREEMENT_STAGES = ['signed', 'in_force'];
/**
 * A milestone overdue for longer than this is history, not a reminder: the registry holds initiatives
 * recorded after the fact (imported, or entered years later) whose milestones were never marked done, and
 * their parties would otherwise receive a flood of e-mails about them the first hour.
 */
export const OVERDUE_LOOKBACK_DAYS = 30;
/** An initiative in one of these stages has no milestone left to chase. */
const CLOSED_INITIATIVE_STAGES = ['completed', 'abandoned'];

/**
 * The registry as reminders read it: which agreements end soon, which initiatives' milestones are overdue,
 * and to whom (the administrators of every party organisation). Reminders already queued are left out
 * here, by their key, so an hourly scan does not re-insert thousands of keys it has queued before.
 */
export class ReminderRepository {
  constructor(private readonly db: Database) {}

  /**
   * Agreements in force whose validity ends between `today` and the largest threshold, with the nearest
   * threshold each has reached (60 days out: 60; 5 days out: 7, and no late "60" is sent). The key holds
   * the end date, so an agreement whose validity is extended is reminded again of its new end.
   */
  async endingAgreements(today: string, thresholds: number[]): Promise<EndingAgreementReminder[]> {
    if (thresholds.length === 0) return [];
    const horizon = Math.max(...thresholds);
    const list = sql.raw(`array[${thresholds.map((t) => Math.trunc(t)).join(',')}]::int[]`);
    const threshold = sql<number>`(select min(t) from unnest(${list}) t where t >= (${cooperationRecords.validUntilLast} - ${today}::date))`;
    const key = sql<string>`'agreement-ending:' || ${cooperationRecords.id} || ':' || ${cooperationRecords.validUntilLast} || ':' || ${threshold} || ':' || ${roleGrants.userId}`;
    const rows = await this.db
      .selectDistinct({ key, recordId: cooperationRecords.id, userId: roleGrants.userId, threshold })
      .from(cooperationRecords)
      .innerJoin(recordParties, eq(recordParties.recordId, cooperationRecords.id))
      .innerJoin(roleGrants, and(eq(roleGrants.organisationId, recordParties.organisationId), eq(roleGrants.role, 'org_admin')))
      .where(
        and(
          eq(cooperationRecords.kind, 'agreement'),
          inArray(cooperationRecords.stage, REMINDED_AGREEMENT_STAGES),
          sql`${cooperationRecords.validUntilLast} between ${today}::date and ${today}::date + ${horizon}::int`,
          notExists(
            this.db
              .select({ one: sql`1` })
              .from(jobs)
              .where(eq(jobs.singletonKey, key)),
          ),
        ),
      );
    return rows.map((r) => ({ ...r, threshold: Number(r.threshold) }));
  }

  /**
   * Milestones of open initiatives due before `today` (by at most OVERDUE_LOOKBACK_DAYS) and not done, once
   * per milestone and administrator.
   */
  async overdueMilestones(today: string): Promise<OverdueMilestoneReminder[]> {
    const key = sql<string>`'milestone-overdue:' || ${recordMilestones.id} || ':' || ${roleGrants.userId}`;
    return this.db
      .selectDistinct({ key, recordId: cooperationRecords.id, milestoneId: recordMilestones.id, userId: roleGrants.userId })
      .from(recordMilestones)
      .innerJoin(cooperationRecords, eq(cooperationRecords.id, recordMilestones.recordId))
      .innerJoin(recordParties, eq(recordParties.recordId, cooperationRecords.id))
      .innerJoin(roleGrants, and(eq(roleGrants.organisationId, recordParties.organisationId), eq(roleGrants.role, 'org_admin')))
      .where(
        and(
          eq(cooperationRecords.kind, 'initiative'),
          sql`${cooperationRecords.stage} not in (${sql.join(
            CLOSED_INITIATIVE_STAGES.map((s) => sql`${s}`),
            sql`, `,
          )})`,
          lt(recordMilestones.dueOn, today),
          sql`${recordMilestones.dueOn} >= ${today}::date - ${OVERDUE_LOOKBACK_DAYS}::int`,
          isNull(recordMilestones.doneOn),
          notExists(
            this.db
              .select({ one: sql`1` })
              .from(jobs)
              .where(eq(jobs.singletonKey, key)),
          ),
        ),
      );
  }

  /** The record (and milestone) a reminder names, as it is when the e-mail goes; undefined if deleted. */
  async subject(recordId: string, milestoneId?: string): Promise<ReminderSubject | undefined> {
    const [record] = await this.db
      .select({
        slug: cooperationRecords.slug,
        kind: cooperationRecords.kind,
        stage: cooperationRecords.stage,
        title: cooperationRecords.title,
        validUntil: cooperationRecords.validUntil,
        validUntilLast: cooperationRecords.validUntilLast,
      })
      .from(cooperationRecords)
      .where(eq(cooperationRecords.id, recordId));
    if (!record || !milestoneId) return record;
    const [milestone] = await this.db
      .select({ title: recordMilestones.title, dueOn: recordMilestones.dueOn, doneOn: recordMilestones.doneOn })
      .from(recordMilestones)
      .where(and(eq(recordMilestones.id, milestoneId), eq(recordMilestones.recordId, recordId)));
    return milestone ? { ...record, milestone } : undefined;
  }

  /**
   * The recipient, if still an administrator of one of the record's party organisations, with the name of
   * that organisation (the first by name, should they administer two).
   */
  async recipient(recordId: string, userId: string): Promise<{ user: UserRow; organisation: OrganisationName } | undefined> {
    const [row] = await this.db
      .select({ user: users, organisation: { name: organisations.name, slug: organisations.slug } })
      .from(users)
      .innerJoin(roleGrants, and(eq(roleGrants.userId, users.id), eq(roleGrants.role, 'org_admin')))
      .innerJoin(recordParties, eq(recordParties.organisationId, roleGrants.organisationId))
      .innerJoin(organisations, eq(organisations.id, recordParties.organisationId))
      .where(and(eq(users.id, userId), eq(recordParties.recordId, recordId)))
      .orderBy(organisations.slug)
      .limit(1);
    return row;
  }
}
