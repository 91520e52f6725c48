import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { organisations, partnerDismissals } from '../db/schema/index.js';
import { organisationColumns, type OrganisationRow } from './organisation.repository.js';
import type { FeedPosition } from './change-feed-position.js';
import { profilesSince, type OrganisationProfile, type RevisionPage, type RevisionRead } from './revisions.js';

/** What the partner index keeps of a published organisation: what scoring and the filters read. */
export type PartnerProfile = OrganisationProfile;

/** Profiles for the partner index, and the "not interested" marks that leave some candidates out. */
export class MatchRepository {
  constructor(private readonly db: Database) {}

  /** The profiles written since a position in the feed (profilesSince), a page. */
  async profilesSince(since: FeedPosition | null, page: RevisionPage): Promise<RevisionRead<PartnerProfile>> {
    const changes = await profilesSince(this.db, [], since, page);
    return { ...changes, items: changes.items.map((r) => r.profile) };
  }

  /** The candidates an organisation marked "not interested". */
  async dismissedIds(organisationId: string): Promise<Set<string>> {
    const rows = await this.db
      .select({ id: partnerDismissals.candidateId })
      .from(partnerDismissals)
      .where(eq(partnerDismissals.organisationId, organisationId));
    return new Set(rows.map((r) => r.id));
  }

  async dismiss(organisationId: string, candidateId: string, actorId: string, at: Date): Promise<void> {
    await this.db.insert(partnerDismissals).values({ organisationId, candidateId, actorId, at }).onConflictDoNothing();
  }

  async undismiss(organisationId: string, candidateId: string): Promise<boolean> {
    const removed = await this.db
      .delete(partnerDismissals)
      .where(and(eq(partnerDismissals.organisationId, organisationId), eq(partnerDismissals.candidateId, candidateId)))
      .returning({ id: partnerDismissals.candidateId });
    return removed.length > 0;
  }

  /** The candidates an organisation set aside, most recent first. */
  dismissed(organisationId: string): Promise<(OrganisationRow & { dismissedAt: Date })[]> {
    return this.db
      .select({ ...organisationColumns, dismissedAt: partnerDismissals.at })
      .from(partnerDismissals)
      .innerJoin(organisations, eq(organisations.id, partnerDismissals.candidateId))
      .where(eq(partnerDismissals.organisationId, organisationId))
      .orderBy(desc(partnerDismissals.at));
  }
}
