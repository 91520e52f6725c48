import { audit } from '../audit.js';
import type { Actor } from '../access.js';
import { AppError } from '../errors.js';
import { AfterAnswer, sendMail } from '../mailer.js';
import { LIMITS } from '../rate-limiter.js';
import { normaliseEmail, type AccountContext } from './context.js';
import { checkPasswordStrength, hashPassword, verifyPassword } from './secrets.js';
import { issueToken, spendToken } from './tokens.js';
import type { ClientInfo } from './auth.service.js';

/** Password reset and change, e-mail change, and the user's sessions. */
export class CredentialsService {
  constructor(private readonly ctx: AccountContext) {}

  /** Reset requests' lookups and e-mails, done after the answer. */
  readonly afterAnswer = new AfterAnswer();

  /**
   * Always answers the same, in the same time, whether the address has an account or not: only the
   * limits are checked before the answer; looking the address up and e-mailing the link come after it.
   */
  async requestPasswordReset(email: string, client: ClientInfo): Promise<void> {
    const address = normaliseEmail(email);
    this.ctx.limiter.hit([
      { key: `reset:ip:${client.ip}`, limit: LIMITS.resetPerAddress },
      { key: `reset:account:${address}`, limit: LIMITS.resetPerAccount },
    ]);
    this.afterAnswer.run(async () => {
      const { repos } = this.ctx;
      const user = await repos.accounts.userByEmail(address);
      if (!user) return;
      await repos.transaction(async (tx) => {
        const token = await issueToken(tx, 'reset_password', { email: address, userId: user.id });
        await sendMail(tx, this.ctx.mail, user, 'reset_password', { name: user.displayName, link: `/reset-password?token=${token}` });
        await audit(tx, { actorId: null, action: 'user.password_reset_requested', entityType: 'user', entityId: user.id });
      });
    });
  }

  /** Sets the new password and ends every session: whoever knew the old one is signed out. */
  async resetPassword(token: string, password: string): Promise<void> {
    const { repos } = this.ctx;
    await repos.transaction(async (tx) => {
      const row = await spendToken(tx, 'reset_password', token);
      const user = (await tx.accounts.userById(row.userId!))!;
      checkPasswordStrength(password, { email: user.email, name: user.displayName });
      await tx.accounts.updateUser(user.id, {
        passwordHash: await hashPassword(password),
        emailConfirmedAt: user.emailConfirmedAt ?? tx.clock.now(),
      });
      await tx.accounts.revokeSessions(user.id, tx.clock.now());
      // a pending change of address, asked for by whoever had the account, must not outlive the reset
      await tx.accounts.cancelTokens(user.id, ['change_email'], tx.clock.now());
      await audit(tx, { actorId: user.id, action: 'user.password_reset', entityType: 'user', entityId: user.id });
      this.ctx.limiter.signIn.forgetAccount(user.email);
    });
  }

  async changePassword(actor: Actor, current: string, next: string): Promise<void> {
    const { repos } = this.ctx;
    if (!(await verifyPassword(actor.user.passwordHash, current)))
      throw new AppError('invalid_credentials', 'The current password is wrong.', 'body.currentPassword');
    checkPasswordStrength(next, { email: actor.user.email, name: actor.user.displayName }, 'body.newPassword');
    const hash = await hashPassword(next);
    await repos.transaction(async (tx) => {
      await tx.accounts.updateUser(actor.user.id, { passwordHash: hash });
      await tx.accounts.revokeSessions(actor.user.id, tx.clock.now(), { exceptId: actor.sessionId });
      await tx.accounts.cancelTokens(actor.user.id, ['change_email', 'reset_password'], tx.clock.now());
      await audit(tx, { actorId: actor.user.id, action: 'user.password_changed', entityType: 'user', entityId: actor.user.id });
    });
  }

  /**
   * Sends a confirmation link to the new address; the address changes when it is followed. An address
   * that has an account already gets nothing, and the answer is the same either way, after the same
   * work: otherwise any signed-in user could test which addresses have accounts.
   */
  async requestEmailChange(actor: Actor, password: string, newEmail: string): Promise<void> {
    const { repos } = this.ctx;
    if (!(await verifyPassword(actor.user.passwordHash, password)))
      throw new AppError('invalid_credentials', 'The password is wrong.', 'body.password');
    const email = normaliseEmail(newEmail);
    this.afterAnswer.run(async () => {
      if (await repos.accounts.userByEmail(email)) return;
      await repos.transaction(async (tx) => {
        const token = await issueToken(tx, 'change_email', { email, userId: actor.user.id });
        await sendMail(tx, this.ctx.mail, { email, language: actor.user.language }, 'change_email', {
          name: actor.user.displayName,
          link: `/confirm-email-change?token=${token}`,
        });
      });
    });
  }

  async confirmEmailChange(token: string): Promise<void> {
    await this.ctx.repos.transaction(async (tx) => {
      const row = await spendToken(tx, 'change_email', token);
      if (await tx.accounts.userByEmail(row.email)) throw new AppError('email_taken', undefined, 'body.token');
      const before = await tx.accounts.userById(row.userId!);
      await tx.accounts.updateUser(row.userId!, { email: row.email, emailConfirmedAt: tx.clock.now() });
      await audit(tx, {
        actorId: row.userId,
        action: 'user.email_changed',
        entityType: 'user',
        entityId: row.userId!,
        before: { email: before?.email },
        after: { email: row.email },
      });
    });
  }

  sessions(actor: Actor) {
    return this.ctx.repos.accounts.liveSessions(actor.user.id, this.ctx.repos.clock.now());
  }

  async endSession(actor: Actor, sessionId: string): Promise<void> {
    const { repos } = this.ctx;
    const ended = await repos.accounts.revokeSessions(actor.user.id, repos.clock.now(), { id: sessionId });
    if (ended === 0) throw new AppError('not_found', 'No such session of yours.', 'params.id');
    await audit(repos, { actorId: actor.user.id, action: 'session.ended', entityType: 'session', entityId: sessionId });
  }
}
