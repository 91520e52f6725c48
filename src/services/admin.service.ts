import type { AuditFilter } from '../repositories/audit.repository.js';
import type { Repositories } from '../repositories/index.js';
import type { Role } from '../shared/roles.js';
import { coordinatedRegions, isAdmin, requireActor, type Actor } from './access.js';
import { normaliseEmail } from './accounts/context.js';
import { checkPasswordStrength, hashPassword } from './accounts/secrets.js';
import type { Language } from '../shared/languages.js';
import { audit } from './audit.js';
import { AppError } from './errors.js';
import { csvRows, type CsvSeparator } from './csv/csv.js';
import { redactTokens } from './mailer.js';

/** The audit log (administrators: all of it; coordinators: their regions'), the e-mail record, and roles. */
export class AdminService {
  constructor(private readonly repos: Repositories) {}

  async auditEvents(actorOrNull: Actor | null, filter: Omit<AuditFilter, 'regionCodes'>, limit: number, offset: number) {
    const actor = requireActor(actorOrNull);
    let regionCodes: string[] | null = null;
    if (!isAdmin(actor)) {
      regionCodes = coordinatedRegions(actor, await this.repos.regions.list());
      if (regionCodes.length === 0) throw new AppError('forbidden', 'The audit log is for administrators and regional coordinators.');
    }
    return this.repos.audit.list({ ...filter, regionCodes }, limit, offset);
  }

  async auditCsv(actor: Actor | null, filter: Omit<AuditFilter, 'regionCodes'>, separator: CsvSeparator = ','): Promise<string> {
    const rows = await this.auditEvents(actor, filter, 10_000, 0);
    return (
      '\uFEFF' +
      csvRows(
        [
          ['at', 'actor', 'action', 'entity_type', 'entity_id', 'region', 'before', 'after'],
          ...rows.map((r) => [
            r.at.toISOString(),
            r.actorId ?? '',
            r.action,
            r.entityType,
            r.entityId,
            r.regionCode ?? '',
            JSON.stringify(r.before),
            JSON.stringify(r.after),
          ]),
        ],
        separator,
      )
    );
  }

  async emails(actorOrNull: Actor | null) {
    const actor = requireActor(actorOrNull);
    if (!isAdmin(actor)) throw new AppError('forbidden', 'The outbox is for administrators.');
    // redacted on reading too: records written before links were stored without their tokens
    return (await this.repos.audit.emails(200)).map((mail) => ({ ...mail, text: redactTokens(mail.text) }));
  }

  /** The first administrator of a platform, confirmed at once (CLI). */
  async createAdministrator(email: string, displayName: string, password: string, language: Language): Promise<void> {
    const address = normaliseEmail(email);
    checkPasswordStrength(password, { email: address, name: displayName }, 'password');
    if (await this.repos.accounts.userByEmail(address)) throw new AppError('email_taken', undefined, 'email');
    const passwordHash = await hashPassword(password);
    await this.repos.transaction(async (tx) => {
      const user = await tx.accounts.createUser({ email: address, displayName, language, passwordHash, emailConfirmedAt: tx.clock.now() });
      await tx.accounts.grant({ userId: user.id, role: 'platform_admin' });
      await audit(tx, { actorId: null, action: 'role.granted', entityType: 'user', entityId: user.id, after: { role: 'platform_admin' } });
    });
  }

  /** Grants a role by e-mail address (CLI and administrators). */
  async grant(actorId: string | null, email: string, role: Role, scope: { regionCode?: string; organisationSlug?: string }): Promise<void> {
    const { user, regionCode, organisationId } = await this.resolveScope(email, role, scope);
    await this.repos.transaction(async (tx) => {
      await tx.accounts.grant({ userId: user.id, role, regionCode, organisationId, grantedBy: actorId });
      await audit(tx, {
        actorId,
        action: 'role.granted',
        entityType: 'user',
        entityId: user.id,
        regionCode,
        after: { role, regionCode, organisationId },
      });
    });
  }

  async revoke(
    actorId: string | null,
    email: string,
    role: Role,
    scope: { regionCode?: string; organisationSlug?: string },
  ): Promise<number> {
    const { user, regionCode, organisationId } = await this.resolveScope(email, role, scope);
    return this.repos.transaction(async (tx) => {
      const n = await tx.accounts.revoke({ userId: user.id, role, regionCode, organisationId });
      if (n > 0)
        await audit(tx, {
          actorId,
          action: 'role.revoked',
          entityType: 'user',
          entityId: user.id,
          regionCode,
          before: { role, regionCode, organisationId },
        });
      return n;
    });
  }

  private async resolveScope(email: string, role: Role, scope: { regionCode?: string; organisationSlug?: string }) {
    const user = await this.repos.accounts.userByEmail(normaliseEmail(email));
    if (!user) throw new AppError('not_found', `No account with the address ${email}.`, 'email');
    let regionCode: string | null = null;
    let organisationId: string | null = null;
    if (role === 'regional_coordinator') {
      if (!scope.regionCode || !(await this.repos.regions.get(scope.regionCode)))
        throw new AppError('unknown_value', 'A coordinator needs a known region (--region RU-KLU).', 'region');
      regionCode = scope.regionCode;
    } else if (role !== 'platform_admin') {
      const org = scope.organisationSlug ? await this.repos.organisations.getBySlug(scope.organisationSlug) : undefined;
      if (!org)
        throw new AppError('unknown_value', 'An organisation role needs a known organisation (--organisation slug).', 'organisation');
      organisationId = org.id;
    }
    return { user, regionCode, organisationId };
  }
}
