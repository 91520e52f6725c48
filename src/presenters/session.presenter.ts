import { csrfTokenFor } from '../http/plugins/session.js';
import type { RoleGrantRow, UserRow } from '../repositories/account.repository.js';
import type { Session } from '../shared/schemas/auth.js';

/** The signed-in user as the web app sees them, with the anti-forgery token of their session. */
export function presentSession(user: UserRow, grants: RoleGrantRow[], sessionToken: string): Session {
  return {
    user: {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      language: user.language,
      emailConfirmed: user.emailConfirmedAt !== null,
      roles: grants.map((g) => ({ role: g.role, regionCode: g.regionCode, organisationId: g.organisationId })),
    },
    csrfToken: csrfTokenFor(sessionToken),
  };
}
