import type { Repositories } from '../../repositories/index.js';
import type { OrganisationRow } from '../../repositories/organisation.repository.js';
import { resolveText } from '../../shared/multilingual.js';
import { ORGANISATION_ROLES, type OrganisationRole } from '../../shared/roles.js';
import { canManageMembers, isAdmin, organisationRole, requireActor, type Actor } from '../access.js';
import { normaliseEmail } from '../accounts/context.js';
import { issueToken, readToken, spendToken } from '../accounts/tokens.js';
import { audit } from '../audit.js';
import { AppError } from '../errors.js';
import { sendMail, type MailSettings } from '../mailer.js';
import { LIMITS, type RateLimiter } from '../rate-limiter.js';
import type { ProfileWorkflowService } from './profile-workflow.service.js';

export interface PendingInvitation {
  id: string;
  email: string;
  role: OrganisationRole;
  sentAt: Date;
  expiresAt: Date;
  invitedBy: string | null;
}

/** What an invitation link tells its holder before they join: who invites them, where, as what. */
export interface InvitationPreview {
  email: string;
  role: OrganisationRole;
  inviter: string | null;
  organisation: { slug: string; name: OrganisationRow['name'] };
}

export interface Member {
  userId: string;
  displayName: string;
  email: string;
  role: OrganisationRole;
}

/** An organisation's people: members, invitations, removal and the transfer of administration. */
export class MembersService {
  constructor(
    private readonly repos: Repositories,
    private readonly profiles: ProfileWorkflowService,
    private readonly mail: MailSettings,
    private readonly limiter: RateLimiter,
  ) {}

  async list(actorOrNull: Actor | null, slug: string): Promise<{ members: Member[]; invitations: PendingInvitation[] }> {
    const actor = requireActor(actorOrNull);
    const org = await this.profiles.find(actor, slug);
    if (!organisationRole(actor, org.id) && !canManageMembers(actor, org))
      throw new AppError('forbidden', "Only the organisation's members see its members.");
    const grants = await this.repos.accounts.grantsInOrganisation(org.id);
    const users = new Map((await this.repos.accounts.usersByIds(grants.map((g) => g.userId))).map((u) => [u.id, u]));
    const byUser = new Map<string, Member>();
    for (const g of grants) {
      const user = users.get(g.userId)!;
      const current = byUser.get(user.id);
      if (!current || ORGANISATION_ROLES.indexOf(g.role as OrganisationRole) < ORGANISATION_ROLES.indexOf(current.role)) {
        byUser.set(user.id, { userId: user.id, displayName: user.displayName, email: user.email, role: g.role as OrganisationRole });
      }
    }
    const pending = canManageMembers(actor, org) ? await this.repos.accounts.pendingInvitations(org.id, this.repos.clock.now()) : [];
    const inviters = new Map(
      (await this.repos.accounts.usersByIds([...new Set(pending.flatMap((t) => (t.createdBy ? [t.createdBy] : [])))])).map((u) => [
        u.id,
        u,
      ]),
    );
    const invitations = pending.map((t) => ({
      id: t.id,
      email: t.email,
      role: t.role as OrganisationRole,
      sentAt: t.createdAt,
      expiresAt: t.expiresAt,
      invitedBy: (t.createdBy && inviters.get(t.createdBy)?.displayName) || null,
    }));
    return { members: [...byUser.values()].sort((a, b) => a.displayName.localeCompare(b.displayName)), invitations };
  }

  async invite(actorOrNull: Actor | null, slug: string, email: string, role: OrganisationRole, ip: string): Promise<void> {
    const actor = requireActor(actorOrNull);
    const org = await this.profiles.find(actor, slug);
    if (!canManageMembers(actor, org)) throw new AppError('forbidden', "Only the organisation's administrators invite members.");
    this.limiter.hit([
      { key: `invite:account:${actor.user.id}`, limit: LIMITS.invitationsPerAccount },
      { key: `invite:ip:${ip}`, limit: LIMITS.invitationsPerAddress },
    ]);
    const address = normaliseEmail(email);
    const existing = await this.repos.accounts.userByEmail(address);
    if (existing && (await this.repos.accounts.grantsInOrganisation(org.id)).some((g) => g.userId === existing.id)) {
      throw new AppError('already_member', undefined, 'body.email');
    }
    await this.repos.transaction(async (tx) => {
      const token = await issueToken(tx, 'invitation', { email: address, organisationId: org.id, role, createdBy: actor.user.id });
      const language = existing?.language ?? actor.user.language;
      await sendMail(tx, this.mail, { email: address, language }, 'invitation', {
        organisation: resolveText(org.name, language)?.text ?? org.slug,
        inviter: actor.user.displayName,
        link: `/invitation?token=${token}`,
      });
      await audit(tx, {
        actorId: actor.user.id,
        action: 'member.invited',
        entityType: 'organisation',
        entityId: org.id,
        regionCode: org.regionCode,
        after: { email: address, role },
      });
    });
  }

  /**
   * Reads an invitation by its token, without spending it. It reveals only what the e-mail said (the
   * organisation, the role, the inviter) and the invited address, which the holder of the link received it at.
   */
  async preview(token: string): Promise<InvitationPreview> {
    const row = await readToken(this.repos, 'invitation', token);
    const org = await this.repos.organisations.getById(row.organisationId!);
    if (!org) throw new AppError('token_invalid', undefined, 'body.token');
    const inviter = row.createdBy ? await this.repos.accounts.userById(row.createdBy) : undefined;
    return {
      email: row.email,
      role: row.role as OrganisationRole,
      inviter: inviter?.displayName ?? null,
      organisation: { slug: org.slug, name: org.name },
    };
  }

  /** An administrator withdraws a pending invitation: its link then answers token_used. */
  async cancelInvitation(actorOrNull: Actor | null, slug: string, invitationId: string): Promise<void> {
    const actor = requireActor(actorOrNull);
    const org = await this.profiles.find(actor, slug);
    if (!canManageMembers(actor, org)) throw new AppError('forbidden', "Only the organisation's administrators cancel invitations.");
    await this.repos.transaction(async (tx) => {
      const cancelled = await tx.accounts.cancelInvitation(org.id, invitationId, tx.clock.now());
      if (!cancelled) throw new AppError('not_found', 'No such pending invitation.', 'params.invitationId');
      await audit(tx, {
        actorId: actor.user.id,
        action: 'member.invitation_cancelled',
        entityType: 'organisation',
        entityId: org.id,
        regionCode: org.regionCode,
        before: { email: cancelled.email, role: cancelled.role },
      });
    });
  }

  /**
   * A signed-in user accepts an invitation sent to their own address. The organisation is locked before the
   * token is spent, so that two acceptances at once (of one link, or of two links to one organisation) are
   * checked one after the other: one joins, the other is refused.
   */
  async accept(actorOrNull: Actor | null, token: string): Promise<{ slug: string; role: OrganisationRole }> {
    const actor = requireActor(actorOrNull);
    return this.repos.transaction(async (tx) => {
      const seen = await readToken(tx, 'invitation', token);
      await tx.organisations.lockOrganisation(seen.organisationId!);
      const invitation = await spendToken(tx, 'invitation', token);
      if (invitation.email !== actor.user.email)
        throw new AppError('token_invalid', 'This invitation was sent to another e-mail address.', 'body.token');
      const org = (await tx.organisations.getById(invitation.organisationId!))!;
      if ((await tx.accounts.grantsInOrganisation(org.id)).some((g) => g.userId === actor.user.id)) throw new AppError('already_member');
      await tx.accounts.grant({ userId: actor.user.id, role: invitation.role!, organisationId: org.id, grantedBy: invitation.createdBy });
      await audit(tx, {
        actorId: actor.user.id,
        action: 'member.joined',
        entityType: 'organisation',
        entityId: org.id,
        regionCode: org.regionCode,
        after: { userId: actor.user.id, role: invitation.role },
      });
      return { slug: org.slug, role: invitation.role as OrganisationRole };
    });
  }

  /**
   * Removes a member, or the actor leaves. An organisation keeps an administrator: the check reads the
   * members once the organisation is locked, so that two administrators leaving at once cannot both go.
   */
  async remove(actorOrNull: Actor | null, slug: string, userId: string): Promise<void> {
    const actor = requireActor(actorOrNull);
    const org = await this.profiles.find(actor, slug);
    // anyone may leave; only administrators remove others
    if (userId !== actor.user.id && !canManageMembers(actor, org))
      throw new AppError('forbidden', "Only the organisation's administrators remove members.");
    await this.repos.transaction(async (tx) => {
      await tx.organisations.lockOrganisation(org.id);
      const grants = await tx.accounts.grantsInOrganisation(org.id);
      if (!grants.some((g) => g.userId === userId)) throw new AppError('not_found', 'This person is not a member.', 'params.userId');
      // an administrator removing someone else must still be one (another may have just removed them)
      if (userId !== actor.user.id && !isAdmin(actor) && !grants.some((g) => g.userId === actor.user.id && g.role === 'org_admin'))
        throw new AppError('forbidden', "Only the organisation's administrators remove members.");
      const admins = new Set(grants.filter((g) => g.role === 'org_admin').map((g) => g.userId));
      if (admins.has(userId) && admins.size === 1) throw new AppError('last_admin');
      await tx.accounts.revoke({ userId, organisationId: org.id });
      await audit(tx, {
        actorId: actor.user.id,
        action: 'member.removed',
        entityType: 'organisation',
        entityId: org.id,
        regionCode: org.regionCode,
        before: { userId },
      });
    });
  }

  /**
   * Makes another member the administrator; the current administrator stays on as an editor. Checked on
   * the members as they are once the organisation is locked (the actor may have left or been removed).
   */
  async transferAdministration(actorOrNull: Actor | null, slug: string, userId: string): Promise<void> {
    const actor = requireActor(actorOrNull);
    const org = await this.profiles.find(actor, slug);
    if (organisationRole(actor, org.id) !== 'org_admin')
      throw new AppError('forbidden', 'Only an administrator of the organisation hands over administration.');
    await this.repos.transaction(async (tx) => {
      await tx.organisations.lockOrganisation(org.id);
      const grants = await tx.accounts.grantsInOrganisation(org.id);
      if (!grants.some((g) => g.userId === actor.user.id && g.role === 'org_admin'))
        throw new AppError('forbidden', 'Only an administrator of the organisation hands over administration.');
      if (!grants.some((g) => g.userId === userId) || userId === actor.user.id)
        throw new AppError('not_found', 'Choose another member of the organisation.', 'body.userId');
      await tx.accounts.revoke({ userId, organisationId: org.id });
      await tx.accounts.grant({ userId, role: 'org_admin', organisationId: org.id, grantedBy: actor.user.id });
      await tx.accounts.revoke({ userId: actor.user.id, organisationId: org.id });
      await tx.accounts.grant({ userId: actor.user.id, role: 'org_editor', organisationId: org.id, grantedBy: actor.user.id });
      await audit(tx, {
        actorId: actor.user.id,
        action: 'member.administration_transferred',
        entityType: 'organisation',
        entityId: org.id,
        regionCode: org.regionCode,
        before: { admin: actor.user.id },
        after: { admin: userId },
      });
    });
  }
}
