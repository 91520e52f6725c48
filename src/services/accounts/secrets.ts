import { hash, verify, type Algorithm } from '@node-rs/argon2';
import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../errors.js';
import { COMMON_PASSWORDS } from './common-passwords.js';

/** A random token for a link or a cookie, and the hash that is stored in its place. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

// Algorithm is a const enum that isolated modules cannot read; 2 is Argon2id
const ARGON2ID = 2 as Algorithm;
export const hashPassword = (password: string) => hash(password, { algorithm: ARGON2ID });

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

// checked against so that a wrong e-mail costs as much time as a wrong password
let dummyHash: Promise<string> | undefined;
export const dummyPasswordHash = () => (dummyHash ??= hashPassword('not a real password, only for timing'));

export const PASSWORD_MIN_LENGTH = 10;

/** Refuses short passwords, common and breached ones, and ones made of the e-mail address or name. */
export function checkPasswordStrength(password: string, context: { email: string; name?: string }, field = 'body.password'): void {
  const lower = password.toLowerCase();
  const problem = (message: string) => new AppError('weak_password', message, field);
  if (password.length < PASSWORD_MIN_LENGTH) throw problem(`The password needs at least ${PASSWORD_MIN_LENGTH} characters.`);
  if (password.length > 200) throw problem('The password may have at most 200 characters.');
  if (new Set(lower).size < 5) throw problem('The password repeats too few different characters.');
  const stripped = lower.replace(/[^\p{L}\p{N}]/gu, '').replace(/\d+$/, '');
  if (/^(.+)\1+$/.test(stripped)) throw problem('The password repeats the same part.');
  if (
    COMMON_PASSWORDS.has(lower) ||
    COMMON_PASSWORDS.has(stripped) ||
    /^(.{1,4})\1+$/.test(lower) ||
    /^(0123456789|1234567890|qwertyuiop|йцукенгшщз|azertyuiop)/.test(lower)
  ) {
    throw problem('This password is among the most common or breached ones.');
  }
  const local = context.email.toLowerCase().split('@')[0]!;
  const nameParts = (context.name ?? '')
    .toLowerCase()
    .split(/\s+/)
    .filter((p) => p.length >= 4);
  if ((local.length >= 4 && lower.includes(local)) || nameParts.some((p) => lower.includes(p))) {
    throw problem('The password must not contain your e-mail address or your name.');
  }
}
