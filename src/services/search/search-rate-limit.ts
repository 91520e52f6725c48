import { AppError } from '../errors.js';

/** Addresses kept at most; past it, those whose buckets are full again are forgotten. */
const MAX_ADDRESSES = 100_000;

/**
 * A token bucket per client address for the directory's searches and listings: `perMinute` requests at
 * once (what a person never reaches), then `perMinute / 60` a second. A client that floods the directory is
 * answered 429 with Retry-After after its first burst, at almost no cost, while other addresses keep being
 * served. Held in memory, like the sign-in limits (services/rate-limiter.ts): one process serves a
 * deployment. `perMinute` 0 turns it off (the load benchmark's many clients share one address).
 */
export class SearchRateLimit {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Takes one request from the address's bucket, or refuses with rate_limited and the seconds to wait. */
  take(address: string): void {
    if (this.perMinute <= 0) return;
    const now = this.now();
    const perMs = this.perMinute / 60_000;
    const bucket = this.buckets.get(address) ?? { tokens: this.perMinute, at: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * perMs);
    bucket.at = now;
    if (bucket.tokens < 1) {
      const error = new AppError('rate_limited');
      error.retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
      throw error;
    }
    bucket.tokens -= 1;
    if (!this.buckets.has(address)) {
      if (this.buckets.size >= MAX_ADDRESSES) this.prune(now);
      this.buckets.set(address, bucket);
    }
  }

  /** Forgets the addresses whose buckets have filled up again: they are as if new. */
  private prune(now: number): void {
    const fullAfter = 60_000;
    for (const [address, bucket] of this.buckets) if (now - bucket.at >= fullAfter) this.buckets.delete(address);
  }
}
