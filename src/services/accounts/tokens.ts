import type { TokenRow } from '../../repositories/account.repository.js';
import type { Repositories } from '../../repositories/index.js';
import type { TokenPurpose } from '../../shared/roles.js';
import { AppError } from '../errors.js';
import { TOKEN_LIFETIME } from './context.js';
import { hashToken, newToken } from './secrets.js';

/** Issues a single-use token; only its hash is stored, the token itself goes into the e-mailed link. */
export async function issueToken(
  repos: Repositories,
  purpose: TokenPurpose,
  values: { email: string; userId?: string | null; organisationId?: string | null; role?: TokenRow['role']; createdBy?: string | null },
): Promise<string> {
  const { token, hash } = newToken();
  const now = repos.clock.now();
  await repos.accounts.createToken({
    purpose,
    tokenHash: hash,
    ...values,
    createdAt: now,
    expiresAt: new Date(now.getTime() + TOKEN_LIFETIME[purpose]),
  });
  return token;
}

/** Checks a token without spending it: unknown → 400, expired or used → 410. */
export async function readToken(repos: Repositories, purpose: TokenPurpose, token: string): Promise<TokenRow> {
  const row = await repos.accounts.tokenByHash(purpose, hashToken(token));
  if (!row) throw new AppError('token_invalid', undefined, 'body.token');
  if (row.usedAt) throw new AppError('token_used', undefined, 'body.token');
  if (row.expiresAt <= repos.clock.now()) throw new AppError('token_expired', undefined, 'body.token');
  return row;
}

/**
 * Checks and spends a token in one step, and with it the user's other tokens of the same purpose; a second
 * use, even a concurrent one, is refused. Call it inside the transaction that does what the token allows,
 * so that a refusal later in it (a weak password) leaves the token unspent.
 */
export async function spendToken(repos: Repositories, purpose: TokenPurpose, token: string): Promise<TokenRow> {
  const row = await readToken(repos, purpose, token);
  if (!(await repos.accounts.useToken(row, repos.clock.now()))) throw new AppError('token_used', undefined, 'body.token');
  return row;
}
