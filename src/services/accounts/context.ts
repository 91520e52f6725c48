import type { Repositories } from '../../repositories/index.js';
import type { MailSettings } from '../mailer.js';
import type { RateLimiter } from '../rate-limiter.js';

export interface AccountContext {
  repos: Repositories;
  mail: MailSettings;
  limiter: RateLimiter;
}

export const HOUR = 3600_000;
export const SESSION_DAYS = 30;
export const TOKEN_LIFETIME = {
  confirm_email: 48 * HOUR,
  reset_password: HOUR,
  invitation: 7 * 24 * HOUR,
  change_email: 48 * HOUR,
} as const;

export const normaliseEmail = (email: string) => email.trim().toLowerCase();
