import type { TokenRow, UserRow } from '../../repositories/account.repository.js';
import type { Language } from '../../shared/languages.js';
import type { Actor } from '../access.js';
import { audit } from '../audit.js';
import { AppError } from '../errors.js';
import { AfterAnswer, sendMail } from '../mailer.js';
import { LIMITS } from '../rate-limiter.js';
import { normaliseEmail, SESSION_DAYS, type AccountContext } from './context.js';
import { checkPasswordStrength, dummyPasswordHash, hashPassword, hashToken, newToken, verifyPassword } from './secrets.js';
import { issueToken, readToken, spendToken } from './tokens.js';

export interface SignUp {
  email: string;
  password: string;
  displayName: string;
  language: Language;
  /** An invitation token: it proves the address, and the invitation is accepted with the sign-up. */
  invitation?: string;
}

export interface ClientInfo {
  ip: string;
  userAgent: string | null;
}

/** Sign-up, e-mail confirmation, sign-in and sign-out, and the session behind a cookie. */
export class AuthService {
  /** Sign-ups' lookups, writes and e-mails, done after the answer. */
  readonly afterAnswer = new AfterAnswer();

  constructor(private readonly ctx: AccountContext) {}

  /**
   * Answers the same, in the same time, whether or not the address has an account: the password is
   * checked and hashed either way, and the rest happens after the answer. A new address gets a
   * confirmation link; an address with an account gets a message saying so (sign in or reset the
   * password). With an invitation the account is created before the answer, since the invitee signs in
   * next; the invitation's token proves the address, so the answer tells its holder nothing new.
   */
  async signUp(input: SignUp, client: ClientInfo): Promise<void> {
    const { repos } = this.ctx;
    this.ctx.limiter.hit([{ key: `sign-up:ip:${client.ip}`, limit: LIMITS.signUpPerAddress }]);
    const email = normaliseEmail(input.email);
    checkPasswordStrength(input.password, { email, name: input.displayName });
    const invitation = input.invitation ? await readToken(repos, 'invitation', input.invitation) : null;
    if (invitation && invitation.email !== email)
      throw new AppError('token_invalid', 'This invitation was sent to another e-mail address.', 'body.invitation');
    const passwordHash = await hashPassword(input.password);
    if (invitation) await this.register(input, email, passwordHash, invitation);
    else this.afterAnswer.run(() => this.register(input, email, passwordHash, null));
  }

  private async register(input: SignUp, email: string, passwordHash: string, invitation: TokenRow | null): Promise<void> {
    const { repos } = this.ctx;
    const existing = await repos.accounts.userByEmail(email);
    if (existing) return this.tellOwner(existing);
    try {
      await this.createAccount(input, email, passwordHash, invitation);
    } catch (error) {
      // two sign-ups of one new address at once: for the second, the address is taken after all
      const winner = await repos.accounts.userByEmail(email);
      if (!winner) throw error;
      await this.tellOwner(winner);
    }
  }

  /** Someone signed up with the address of an account: its owner is told, with the ways back in. */
  private tellOwner(owner: UserRow): Promise<void> {
    return sendMail(this.ctx.repos, this.ctx.mail, owner, 'account_exists', {
      name: owner.displayName,
      link: '/sign-in',
      resetLink: '/forgot-password',
    });
  }

  private async createAccount(input: SignUp, email: string, passwordHash: string, invitation: TokenRow | null): Promise<void> {
    await this.ctx.repos.transaction(async (tx) => {
      const now = tx.clock.now();
      const created = await tx.accounts.createUser({
        email,
        passwordHash,
        displayName: input.displayName.trim(),
        language: input.language,
        emailConfirmedAt: invitation ? now : null,
        createdAt: now,
      });
      await audit(tx, { actorId: created.id, action: 'user.signed_up', entityType: 'user', entityId: created.id, after: created });
      if (invitation) {
        await spendToken(tx, 'invitation', input.invitation!);
        await tx.accounts.grant({
          userId: created.id,
          role: invitation.role!,
          organisationId: invitation.organisationId,
          grantedBy: invitation.createdBy,
        });
        await audit(tx, {
          actorId: created.id,
          action: 'member.joined',
          entityType: 'organisation',
          entityId: invitation.organisationId!,
          regionCode: (await tx.organisations.getById(invitation.organisationId!))?.regionCode,
          after: { userId: created.id, role: invitation.role },
        });
      } else {
        const token = await issueToken(tx, 'confirm_email', { email, userId: created.id });
        await sendMail(tx, this.ctx.mail, created, 'confirm_email', { name: created.displayName, link: `/confirm-email?token=${token}` });
      }
    });
  }

  async confirmEmail(token: string): Promise<void> {
    await this.ctx.repos.transaction(async (tx) => {
      const row = await spendToken(tx, 'confirm_email', token);
      await tx.accounts.updateUser(row.userId!, { emailConfirmedAt: tx.clock.now() });
      await audit(tx, { actorId: row.userId, action: 'user.email_confirmed', entityType: 'user', entityId: row.userId! });
    });
  }

  /**
   * E-mails a fresh confirmation link to an account whose address is not confirmed yet. Like a reset
   * request, it answers the same, in the same time, for any address: only the limits are checked before
   * the answer; the lookup and the e-mail come after it.
   */
  async resendConfirmation(email: string, client: ClientInfo): Promise<void> {
    const address = normaliseEmail(email);
    this.ctx.limiter.hit([
      { key: `confirm-resend:ip:${client.ip}`, limit: LIMITS.resetPerAddress },
      { key: `confirm-resend:account:${address}`, limit: LIMITS.resetPerAccount },
    ]);
    this.afterAnswer.run(async () => {
      const { repos } = this.ctx;
      const user = await repos.accounts.userByEmail(address);
      if (!user || user.emailConfirmedAt) return;
      await repos.transaction(async (tx) => {
        const token = await issueToken(tx, 'confirm_email', { email: address, userId: user.id });
        await sendMail(tx, this.ctx.mail, user, 'confirm_email', { name: user.displayName, link: `/confirm-email?token=${token}` });
        await audit(tx, { actorId: null, action: 'user.confirmation_resent', entityType: 'user', entityId: user.id });
      });
    });
  }

  /**
   * Checks the password and opens a new session. A wrong address and a wrong password get the same
   * answer in the same time, so sign-in does not tell which addresses have accounts. An existing session
   * of the browser is ended: the session token changes at every sign-in.
   */
  async signIn(email: string, password: string, client: ClientInfo, previousToken?: string): Promise<{ token: string; user: UserRow }> {
    const { repos } = this.ctx;
    const address = normaliseEmail(email);
    // counted as a failure until the password proves right; refused (429) before any verification while it must wait
    const attempt = this.ctx.limiter.signIn.begin(address, client.ip);
    const user = await repos.accounts.userByEmail(address);
    const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
    if (!user || !ok) throw new AppError('invalid_credentials');
    attempt.succeeded();
    if (!user.emailConfirmedAt) throw new AppError('email_not_confirmed');
    const { token, hash } = newToken();
    const now = repos.clock.now();
    await repos.transaction(async (tx) => {
      if (previousToken) {
        const previous = await tx.accounts.liveSession(hashToken(previousToken), now);
        if (previous) await tx.accounts.revokeSessions(previous.user.id, now, { id: previous.session.id });
      }
      const session = await tx.accounts.createSession({
        tokenHash: hash,
        userId: user.id,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + SESSION_DAYS * 24 * 3600_000),
        userAgent: client.userAgent?.slice(0, 300) ?? null,
        ip: client.ip,
      });
      await audit(tx, {
        actorId: user.id,
        action: 'session.created',
        entityType: 'session',
        entityId: session.id,
        after: { ip: client.ip, userAgent: session.userAgent },
      });
    });
    return { token, user };
  }

  async signOut(actor: Actor): Promise<void> {
    const { repos } = this.ctx;
    await repos.accounts.revokeSessions(actor.user.id, repos.clock.now(), { id: actor.sessionId });
    await audit(repos, { actorId: actor.user.id, action: 'session.ended', entityType: 'session', entityId: actor.sessionId });
  }

  /** The actor behind a session cookie, or null for a visitor (no cookie, ended or expired session). */
  async actorFor(token: string | undefined): Promise<Actor | null> {
    if (!token) return null;
    const { repos } = this.ctx;
    const now = repos.clock.now();
    const found = await repos.accounts.liveSession(hashToken(token), now);
    if (!found) return null;
    // a write per request would be wasteful: "last seen" needs minutes, not milliseconds
    if (now.getTime() - found.session.lastSeenAt.getTime() > 5 * 60_000) await repos.accounts.touchSession(found.session.id, now);
    return { user: found.user, sessionId: found.session.id, grants: await repos.accounts.grantsOf(found.user.id) };
  }
}
