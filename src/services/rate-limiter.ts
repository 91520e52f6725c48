import type { Clock } from '../repositories/mail.repository.js';
import { AppError } from './errors.js';
import { SignInThrottle } from './sign-in-throttle.js';

export interface Limit {
  max: number;
  windowSeconds: number;
}

/**
 * Fixed-window counters, per key (an address, an account), and the sign-in throttle. Held in memory: one
 * platform process serves a deployment today; a second process would need them in the database.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  /** Sign-in counts failures only and slows them down by backoff (sign-in-throttle.ts), not in fixed windows. */
  readonly signIn: SignInThrottle;

  constructor(private readonly clock: Clock) {
    this.signIn = new SignInThrottle(clock);
  }

  /** Counts one attempt for each key and refuses with rate_limited when one is over its limit. */
  hit(keys: { key: string; limit: Limit }[]): void {
    const now = this.clock.now().getTime();
    for (const { key, limit } of keys) {
      const w = this.windows.get(key);
      const window = w && now - w.start < limit.windowSeconds * 1000 ? w : { start: now, count: 0 };
      window.count += 1;
      this.windows.set(key, window);
      if (window.count > limit.max) {
        const error = new AppError('rate_limited');
        error.retryAfter = Math.max(1, Math.ceil((window.start + limit.windowSeconds * 1000 - now) / 1000));
        throw error;
      }
    }
    if (this.windows.size > 100_000) this.prune(now);
  }

  private prune(now: number) {
    for (const [key, w] of this.windows) if (now - w.start > 86_400_000) this.windows.delete(key);
  }
}

export const LIMITS = {
  signUpPerAddress: { max: 30, windowSeconds: 3600 },
  resetPerAddress: { max: 10, windowSeconds: 3600 },
  resetPerAccount: { max: 3, windowSeconds: 3600 },
  invitationsPerAccount: { max: 30, windowSeconds: 3600 },
  invitationsPerAddress: { max: 60, windowSeconds: 3600 },
  /** New threads: a first letter to a handful of partners an hour, not a mailing. */
  threadsPerAccount: { max: 10, windowSeconds: 3600 },
  threadsPerAccountPerDay: { max: 30, windowSeconds: 86_400 },
  repliesPerAccount: { max: 60, windowSeconds: 3600 },
} satisfies Record<string, Limit>;
