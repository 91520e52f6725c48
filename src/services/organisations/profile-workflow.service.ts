import type { OrganisationRow } from '../../repositories/organisation.repository.js';
import type { Repositories } from '../../repositories/index.js';
import { resolveText } from '../../shared/multilingual.js';
import type { ProfileStatus } from '../../shared/roles.js';
import type { ProfileChanges } from '../../shared/schemas/profile.js';
import type { Language } from '../../shared/languages.js';
import {
  canEditProfile,
  decidingRegion,
  canSeeUnpublished,
  canValidate,
  coordinatedRegions,
  isAdmin,
  refusal,
  requireActor,
  type Actor,
} from '../access.js';
import { audit } from '../audit.js';
import type { ClassificationService } from '../classification.service.js';
import { AppError, notFound } from '../errors.js';
import { sendMail, type MailSettings } from '../mailer.js';
import { requireWritten, VersionConflictError, type ExpectedVersion } from '../versioning.js';
import type { SubmissionNoticesService } from './submission-notices.service.js';
import { checkProfile, currentProfile } from './profile.js';

/**
 * An organisation's profile from creation to publication: draft → submitted → validated, or returned
 * with a reason. Changes to a published profile wait in `pendingProfile` while the public sees the last
 * validated one.
 */
export class ProfileWorkflowService {
  constructor(
    private readonly repos: Repositories,
    private readonly classifications: ClassificationService,
    private readonly mail: MailSettings,
    private readonly notices: SubmissionNoticesService,
  ) {}

  /** A signed-in, confirmed user creates an organisation and becomes its administrator. */
  async create(actorOrNull: Actor | null, profile: ProfileChanges): Promise<OrganisationRow> {
    const actor = requireActor(actorOrNull);
    if (!actor.user.emailConfirmedAt) throw new AppError('email_not_confirmed');
    const columns = await checkProfile(this.repos, this.classifications, profile);
    return this.repos.transaction(async (tx) => {
      const slug = await tx.organisations.insertWithFreeSlug({
        ...columns,
        source: 'user',
        published: false,
        status: 'draft',
        // product codes wait in the form they are stored in ("cpa:25.73.30"), as typed codes would not diff
        pendingProfile: { ...profile, productCodes: columns.productCodes ?? [] },
      });
      const org = (await tx.organisations.getBySlug(slug))!;
      await tx.accounts.grant({ userId: actor.user.id, role: 'org_admin', organisationId: org.id, grantedBy: actor.user.id });
      await audit(tx, {
        actorId: actor.user.id,
        action: 'organisation.created',
        entityType: 'organisation',
        entityId: org.id,
        regionCode: org.regionCode,
        after: profile,
      });
      return org;
    });
  }

  /** The organisation for someone allowed to see it, published or not. */
  async find(actor: Actor | null, slug: string): Promise<OrganisationRow> {
    const org = await this.repos.organisations.getBySlug(slug);
    if (!org || (!org.published && !canSeeUnpublished(actor, org, await this.repos.regions.list())))
      throw notFound(`Organisation "${slug}"`, 'params.slug');
    return org;
  }

  async editable(actorOrNull: Actor | null, slug: string): Promise<{ org: OrganisationRow; profile: ProfileChanges }> {
    const actor = requireActor(actorOrNull);
    const org = await this.find(actor, slug);
    if (!canEditProfile(actor, org))
      throw new AppError('forbidden', "Only the organisation's administrators and editors edit its profile.");
    return { org, profile: currentProfile(org) };
  }

  /**
   * Saves changes as a draft; a submitted profile goes back to draft and must be submitted again. With an
   * expected version (If-Match), a profile saved by someone else since is refused (version_conflict).
   * Returns the new version.
   */
  async update(actor: Actor | null, slug: string, changes: ProfileChanges, expected: ExpectedVersion = null): Promise<number> {
    const { org } = await this.editable(actor, slug);
    const columns = await checkProfile(this.repos, this.classifications, changes);
    return this.repos.transaction(async (tx) => {
      const before = currentProfile((await tx.organisations.getById(org.id))!);
      // a field left out stays as it is (clients that predate it do not wipe it)
      const profile = {
        ...changes,
        contact: changes.contact === undefined ? (before.contact ?? null) : changes.contact,
        productCodes: columns.productCodes ?? before.productCodes ?? [],
      };
      const written = await tx.organisations.updateWorkflow(org.id, { pendingProfile: profile, status: 'draft' }, tx.clock.now(), expected);
      const version = await requireWritten(written, async () => (await tx.organisations.getById(org.id))?.version);
      await audit(tx, {
        actorId: actor!.user.id,
        action: 'organisation.profile_updated',
        entityType: 'organisation',
        entityId: org.id,
        regionCode: org.regionCode,
        before,
        after: profile,
      });
      return version;
    });
  }

  async submit(actor: Actor | null, slug: string): Promise<void> {
    const { org } = await this.editable(actor, slug);
    await this.transition(org, actor!, 'submitted', null, (now) => {
      if (now.status !== 'draft' && now.status !== 'returned')
        throw new AppError('invalid_transition', `A ${now.status} profile cannot be submitted: edit it first.`);
    });
    this.notices.sendSoon();
  }

  /**
   * A coordinator of the region the profile names validates it (it becomes public) or returns it with a
   * reason: for a profile that moves to another region, the destination's coordinators decide. With an
   * expected version (If-Match: the version the coordinator reviewed), a profile changed and submitted
   * again since is refused (version_conflict): nobody validates what they have not seen.
   */
  async decide(
    actorOrNull: Actor | null,
    slug: string,
    decision: 'validated' | 'returned',
    reason: string | null,
    expected: ExpectedVersion = null,
  ): Promise<void> {
    const actor = requireActor(actorOrNull);
    const org = await this.find(actor, slug);
    const regions = await this.repos.regions.list();
    if (decision === 'returned' && !reason?.trim())
      throw new AppError('validation_failed', 'Say why the profile is returned.', 'body.reason').because('required');
    await this.transition(org, actor, decision, reason?.trim() || null, (now) => {
      if (!canValidate(actor, now, regions)) throw refusal(actor);
      if (expected !== null && now.version !== expected) throw new VersionConflictError(now.version);
      if (now.status !== 'submitted')
        throw new AppError('invalid_transition', `Only a submitted profile can be validated or returned; this one is ${now.status}.`);
    });
  }

  /** Profiles waiting for this coordinator (every region's for an administrator). */
  async queue(actorOrNull: Actor | null): Promise<OrganisationRow[]> {
    const actor = requireActor(actorOrNull);
    if (isAdmin(actor)) return this.repos.organisations.submitted(null);
    const regions = coordinatedRegions(actor, await this.repos.regions.list());
    if (regions.length === 0) throw new AppError('forbidden', 'The validation queue is for regional coordinators.');
    return this.repos.organisations.submitted(regions);
  }

  async history(actor: Actor | null, slug: string) {
    const org = await this.find(actor, slug);
    return this.repos.audit.decisions(org.id);
  }

  /**
   * One step of the workflow, checked by `allowed` on the organisation as it is once its row is locked:
   * two steps at once (a submission and a decision, two coordinators deciding) are checked one after the
   * other, so the second sees what the first did.
   */
  private async transition(
    org: OrganisationRow,
    actor: Actor,
    status: Exclude<ProfileStatus, 'draft'>,
    reason: string | null,
    allowed: (now: OrganisationRow) => void,
  ): Promise<void> {
    await this.repos.transaction(async (tx) => {
      await tx.organisations.lockOrganisation(org.id);
      const locked = (await tx.organisations.getById(org.id))!;
      allowed(locked);
      const now = tx.clock.now();
      if (status === 'validated') {
        const profile = await checkProfile(tx, this.classifications, currentProfile(locked));
        await tx.organisations.updateWorkflow(org.id, { status, pendingProfile: null, published: true, profile }, now);
      } else {
        await tx.organisations.updateWorkflow(org.id, { status }, now);
      }
      // the profile as decided on: the next review shows what changed since
      const snapshot = status === 'submitted' ? null : currentProfile(locked);
      await tx.audit.recordDecision({ organisationId: org.id, decision: status, reason, actorId: actor.user.id, at: now, snapshot });
      await audit(tx, {
        actorId: actor.user.id,
        action: `organisation.${status}`,
        entityType: 'organisation',
        entityId: org.id,
        regionCode: decidingRegion(locked),
        before: { status: locked.status },
        after: { status, reason },
      });
      if (status === 'submitted') {
        await this.notices.enqueue(tx, locked);
        return this.tellRegionLeft(tx, locked);
      }
      for (const admin of await tx.accounts.holders(['org_admin'], { organisationId: org.id })) {
        const name = resolveText(locked.pendingProfile?.name ?? locked.name, admin.language)?.text ?? locked.slug;
        await sendMail(tx, this.mail, admin, status === 'validated' ? 'profile_validated' : 'profile_returned', {
          organisation: name,
          reason: reason ?? '',
          link: status === 'validated' ? `/organisations/${locked.slug}` : `/my/organisations/${locked.slug}`,
        });
      }
    });
  }

  /**
   * A profile submitted with another region is decided by that region's coordinators; those of the region
   * it leaves are told (they keep seeing it, read-only, until it has moved).
   */
  private async tellRegionLeft(tx: Repositories, org: OrganisationRow): Promise<void> {
    const destination = currentProfile(org).region;
    if (destination === org.regionCode) return;
    const regions = await tx.regions.list();
    const covering = (code: string) => [code, ...regions.filter((r) => r.code === code && r.parentCode).map((r) => r.parentCode!)];
    const staying = new Set((await tx.accounts.holders(['regional_coordinator'], { regionCodes: covering(destination) })).map((u) => u.id));
    const nameOf = (code: string, language: Language) => {
      const region = regions.find((r) => r.code === code);
      return (region && resolveText(region.name, language)?.text) ?? code;
    };
    for (const coordinator of await tx.accounts.holders(['regional_coordinator'], { regionCodes: covering(org.regionCode) })) {
      if (staying.has(coordinator.id)) continue;
      await sendMail(tx, this.mail, coordinator, 'profile_moving_region', {
        organisation: resolveText(org.pendingProfile?.name ?? org.name, coordinator.language)?.text ?? org.slug,
        from: nameOf(org.regionCode, coordinator.language),
        to: nameOf(destination, coordinator.language),
        link: `/organisations/${org.slug}`,
      });
    }
  }
}
