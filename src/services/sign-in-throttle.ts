import type { Clock } from '../repositories/mail.repository.js';
import { AppError } from './errors.js';

/** How a kind of counter slows attempts down: so many failures free, then waits doubling up to a ceiling. */
export interface Backoff {
  free: number;
  firstWaitSeconds: number;
  maxWaitSeconds: number;
  /** A counter without a failure for this long starts again from zero. */
  forgetSeconds: number;
}

export const SIGN_IN_BACKOFF = {
  /** One address guessing one account's password: 3 free, then 2 s, 4 s, … up to 15 min between guesses. */
  pair: { free: 3, firstWaitSeconds: 2, maxWaitSeconds: 900, forgetSeconds: 3600 },
  /**
   * One account guessed at from many addresses. Each address adds at most `pair.free` failures (beyond
   * them its own pair is slowed), so this needs seven addresses or more; the wait stays short (a minute at
   * most) and addresses the owner signed in from before are not held by it.
   */
  account: { free: 20, firstWaitSeconds: 1, maxWaitSeconds: 60, forgetSeconds: 3600 },
  /** One address trying many accounts (password spraying). */
  address: { free: 20, firstWaitSeconds: 1, maxWaitSeconds: 900, forgetSeconds: 3600 },
} satisfies Record<string, Backoff>;

/** How long the owner's addresses are remembered as theirs after a successful sign-in. */
const KNOWN_ADDRESS_DAYS = 30;

interface Counter {
  failures: number;
  lastFailure: number;
}

/** The attempt under way: its failure is counted from the start, so parallel guesses cannot slip through. */
export interface SignInAttempt {
  /** The password was right: the pair starts again, and the attempt no longer counts anywhere. */
  succeeded(): void;
}

/**
 * Sign-in throttling by failures only, per (account, address) pair, per account and per address, with
 * exponential backoff instead of a fixed lock-out: nobody can lock the owner out, whether by failing from
 * another address or by signing in. Kept in memory, like the other limits (docs/decisions.md).
 * Accounts are keyed by the address typed in, whether or not it has an account, so the throttle answers
 * the same for both.
 */
export class SignInThrottle {
  private readonly pairs = new Map<string, Counter>();
  private readonly accounts = new Map<string, Counter>();
  private readonly addresses = new Map<string, Counter>();
  /** pair key → when the owner last signed in from that address */
  private readonly known = new Map<string, number>();

  constructor(
    private readonly clock: Clock,
    private readonly backoff = SIGN_IN_BACKOFF,
  ) {}

  /** Refuses with rate_limited (and Retry-After) while a counter makes the attempt wait; else counts it as a failure. */
  begin(account: string, ip: string): SignInAttempt {
    const now = this.clock.now().getTime();
    const pairKey = `${account}\n${ip}`;
    const pair = this.live(this.pairs, pairKey, this.backoff.pair, now);
    const acc = this.live(this.accounts, account, this.backoff.account, now);
    const addr = this.live(this.addresses, ip, this.backoff.address, now);
    const knownAt = this.known.get(pairKey);
    const known = knownAt !== undefined && now - knownAt < KNOWN_ADDRESS_DAYS * 86_400_000;
    const wait = Math.max(
      this.waitLeft(pair, this.backoff.pair, now),
      known ? 0 : this.waitLeft(acc, this.backoff.account, now),
      this.waitLeft(addr, this.backoff.address, now),
    );
    if (wait > 0) {
      const error = new AppError('rate_limited');
      error.retryAfter = Math.max(1, Math.ceil(wait / 1000));
      throw error;
    }
    const countsForAccount = pair.failures < this.backoff.pair.free;
    for (const counter of [pair, addr, ...(countsForAccount ? [acc] : [])]) {
      counter.failures += 1;
      counter.lastFailure = now;
    }
    this.pairs.set(pairKey, pair);
    this.accounts.set(account, acc);
    this.addresses.set(ip, addr);
    if (this.pairs.size + this.known.size > 200_000) this.prune(now);
    return {
      succeeded: () => {
        this.pairs.delete(pairKey);
        this.known.set(pairKey, this.clock.now().getTime());
        if (countsForAccount) acc.failures = Math.max(0, acc.failures - 1);
        addr.failures = Math.max(0, addr.failures - 1);
      },
    };
  }

  /** The owner proved the address is theirs (a password reset): failures against the account are forgotten. */
  forgetAccount(account: string): void {
    this.accounts.delete(account);
    for (const key of this.pairs.keys()) if (key.startsWith(`${account}\n`)) this.pairs.delete(key);
  }

  private live(map: Map<string, Counter>, key: string, backoff: Backoff, now: number): Counter {
    const counter = map.get(key);
    if (counter && now - counter.lastFailure < backoff.forgetSeconds * 1000) return counter;
    return { failures: 0, lastFailure: now };
  }

  /** Milliseconds until the next attempt is allowed. */
  private waitLeft(counter: Counter, backoff: Backoff, now: number): number {
    if (counter.failures <= backoff.free) return 0;
    const wait = Math.min(backoff.firstWaitSeconds * 2 ** (counter.failures - backoff.free - 1), backoff.maxWaitSeconds) * 1000;
    return Math.max(0, counter.lastFailure + wait - now);
  }

  private prune(now: number) {
    for (const [map, backoff] of [
      [this.pairs, this.backoff.pair],
      [this.accounts, this.backoff.account],
      [this.addresses, this.backoff.address],
    ] as const)
      for (const [key, c] of map) if (now - c.lastFailure >= backoff.forgetSeconds * 1000) map.delete(key);
    for (const [key, at] of this.known) if (now - at >= KNOWN_ADDRESS_DAYS * 86_400_000) this.known.delete(key);
  }
}
