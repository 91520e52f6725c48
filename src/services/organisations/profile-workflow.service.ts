import type { OrganisationRow } from '../../repositories/organisation.repository.js';
import type { Repositories } from '../../repositories/index.js';
import { resolveText } from '../../shared/multilingual.js';
import type { ProfileStatus } from '../../shared/roles.js';
import type { ProfileChanges } from '../../shared/schemas/profile.js';
import {
  canEditProfile,
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
  ) {}

  /** A signed-in, confirmed user creates an organisation and becomes its administrator. */
  async create(actorOrNull: Actor | null, profile: ProfileChanges): Promise<OrganisationRow> {
    const actor = requireActor(actorOrNull);
    if (!actor.user.emailConfirmedAt) throw new AppError('email_not_confirmed');
    const columns = await checkProfile(this.repos, this.classifications, profile);
    return this.repos.transaction(async (tx) => {
      const slug = await tx.organisations.freeSlug(profile.name);
      await tx.organisations.insertMany([{ ...columns, slug, source: 'user', published: false, status: 'draft', pendingProfile: profile }]);
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

  /** Saves changes as a draft; a submitted profile goes back to draft and must be submitted again. */
  async update(actor: Actor | null, slug: string, profile: ProfileChanges): Promise<void> {
    const { org, profile: before } = await this.editable(actor, slug);
    await checkProfile(this.repos, this.classifications, profile);
    await this.repos.transaction(async (tx) => {
      await tx.organisations.updateWorkflow(org.id, { pendingProfile: profile, status: 'draft' }, tx.clock.now());
      await audit(tx, {
        actorId: actor!.user.id,
        action: 'organisation.profile_updated',
        entityType: 'organisation',
        entityId: org.id,
        regionCode: org.regionCode,
        before,
        after: profile,
      });
    });
  }

  async submit(actor: Actor | null, slug: string): Promise<void> {
    const { org } = await this.editable(actor, slug);
    if (org.status !== 'draft' && org.status !== 'returned')
      throw new AppError('invalid_transition', `A ${org.status} profile cannot be submitted: edit it first.`);
    await this.transition(org, actor!, 'submitted', null);
  }

  /** A coordinator of the organisation's region validates the profile (it becomes public) or returns it with a reason. */
  async decide(actorOrNull: Actor | null, slug: string, decision: 'validated' | 'returned', reason: string | null): Promise<void> {
    const actor = requireActor(actorOrNull);
    const org = await this.find(actor, slug);
    const regions = await this.repos.regions.list();
    if (!canValidate(actor, org, regions)) {
      throw refusal(actor);
    }
    if (org.status !== 'submitted')
      throw new AppError('invalid_transition', `Only a submitted profile can be validated or returned; this one is ${org.status}.`);
    if (decision === 'returned' && !reason?.trim())
      throw new AppError('validation_failed', 'Say why the profile is returned.', 'body.reason');
    await this.transition(org, actor, decision, reason?.trim() || null);
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

  private async transition(
    org: OrganisationRow,
    actor: Actor,
    status: Exclude<ProfileStatus, 'draft'>,
    reason: string | null,
  ): Promise<void> {
    await this.repos.transaction(async (tx) => {
      const now = tx.clock.now();
      if (status === 'validated') {
        const profile = await checkProfile(tx, this.classifications, currentProfile(org));
        await tx.organisations.updateWorkflow(org.id, { status, pendingProfile: null, published: true, profile }, now);
      } else {
        await tx.organisations.updateWorkflow(org.id, { status }, now);
      }
      await tx.audit.recordDecision({ organisationId: org.id, decision: status, reason, actorId: actor.user.id, at: now });
      await audit(tx, {
        actorId: actor.user.id,
        action: `organisation.${status}`,
        entityType: 'organisation',
        entityId: org.id,
        regionCode: org.regionCode,
        before: { status: org.status },
        after: { status, reason },
      });
      if (status === 'submitted') return;
      for (const admin of await tx.accounts.holders(['org_admin'], { organisationId: org.id })) {
        const name = resolveText(org.pendingProfile?.name ?? org.name, admin.language)?.text ?? org.slug;
        await sendMail(tx, this.mail, admin, status === 'validated' ? 'profile_validated' : 'profile_returned', {
          organisation: name,
          reason: reason ?? '',
          link: status === 'validated' ? `/organisations/${org.slug}` : `/my/organisations/${org.slug}`,
        });
      }
    });
  }
}
