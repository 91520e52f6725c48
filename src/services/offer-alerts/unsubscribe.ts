import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Repositories } from '../../repositories/index.js';
import { audit } from '../audit.js';

/**
 * One-click unsubscribe (RFC 8058) for the marketplace's alert e-mails: a saved search's digest and a
 * followed offer's updates. The link carries its own proof: `<kind>.<id>.<mac>`, the mac an HMAC-SHA256 of
 * the kind and id under the platform's `unsubscribe` secret (kept in its database, the same for every
 * process). So the link works without signing in, from any mail client, for as long as the subscription
 * exists, and nobody can make one for another member's subscription. It names no offer and no
 * organisation, only the subscription's own id, so an anonymous offer's owner stays hidden in the headers.
 */
export type UnsubscribeKind = 'saved_search' | 'follow';

const PREFIX: Record<UnsubscribeKind, string> = { saved_search: 's', follow: 'f' };
const KIND_OF = new Map(Object.entries(PREFIX).map(([kind, prefix]) => [prefix, kind as UnsubscribeKind]));
const MAC_BYTES = 16;
/** How many uuids a kind's id is made of: a saved search's own; a follow's member and offer. */
const UUIDS: Record<UnsubscribeKind, number> = { saved_search: 1, follow: 2 };

/** A follow is one member and one offer: its unsubscribe id. */
export const followUnsubscribeId = (userId: string, offerId: string) => `${userId}:${offerId}`;

/** The path of an unsubscribe link (the API answers both a confirmation page, GET, and the one click, POST). */
export const unsubscribePath = (token: string) => `/api/v1/unsubscribe/${token}`;

export interface UnsubscribeTarget {
  kind: UnsubscribeKind;
  id: string;
}

export class UnsubscribeLinks {
  private secret: Promise<Buffer> | undefined;

  constructor(
    private readonly repos: Repositories,
    private readonly publicUrl: string,
  ) {}

  private key(): Promise<Buffer> {
    this.secret ??= this.repos.offerAlerts.secret('unsubscribe').then((s) => Buffer.from(s, 'base64url'));
    // a failed read is not kept: the next mail asks again
    this.secret.catch(() => (this.secret = undefined));
    return this.secret;
  }

  private async mac(kind: UnsubscribeKind, id: string): Promise<Buffer> {
    return createHmac('sha256', await this.key())
      .update(`${kind}:${id}`)
      .digest()
      .subarray(0, MAC_BYTES);
  }

  /** The token of a subscription's link. */
  async token(kind: UnsubscribeKind, id: string): Promise<string> {
    const uuids = id.split(':');
    if (uuids.length !== UUIDS[kind] || !uuids.every((u) => UUID.test(u))) throw new Error(`not a ${kind} id: ${id}`);
    // the ids' bytes, not their text: the link stays short (a path parameter has at most 100 characters)
    const bytes = Buffer.from(uuids.join('').replace(/-/g, ''), 'hex').toString('base64url');
    return `${PREFIX[kind]}.${bytes}.${(await this.mac(kind, id)).toString('base64url')}`;
  }

  /** The absolute unsubscribe address of a subscription. */
  async url(kind: UnsubscribeKind, id: string): Promise<string> {
    return `${this.publicUrl}${unsubscribePath(await this.token(kind, id))}`;
  }

  /**
   * The RFC 8058 headers of an alert e-mail: `List-Unsubscribe` (the HTTPS address, which mail clients POST
   * `List-Unsubscribe=One-Click` to) and `List-Unsubscribe-Post`. Pass them as OutgoingMail's `headers`.
   */
  async unsubscribeHeaders(kind: UnsubscribeKind, id: string): Promise<Record<string, string>> {
    return {
      'List-Unsubscribe': `<${await this.url(kind, id)}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    };
  }

  /** What a token unsubscribes from, or null when it is not one of ours (malformed, or its mac does not match). */
  async read(token: string): Promise<UnsubscribeTarget | null> {
    const match = /^([a-z])\.([A-Za-z0-9_-]{22,43})\.([A-Za-z0-9_-]{22})$/.exec(token);
    const kind = match && KIND_OF.get(match[1]!);
    if (!match || !kind) return null;
    const hex = Buffer.from(match[2]!, 'base64url').toString('hex');
    if (hex.length !== 32 * UUIDS[kind]) return null;
    const id = (hex.match(/.{32}/g) ?? [])
      .map((h) => `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`)
      .join(':');
    const given = Buffer.from(match[3]!, 'base64url');
    const expected = await this.mac(kind, id);
    return given.length === expected.length && timingSafeEqual(given, expected) ? { kind, id } : null;
  }

  /**
   * Ends the subscription a token names: a saved search keeps existing without its digest, a follow ends.
   * False when the token is not valid or its subscription is gone. Repeating it is harmless.
   */
  async unsubscribe(token: string): Promise<UnsubscribeTarget | null> {
    const target = await this.read(token);
    if (!target) return null;
    const at = this.repos.clock.now();
    if (target.kind === 'saved_search') {
      return this.repos.transaction(async (tx) => {
        if (!(await tx.offerAlerts.unsubscribeSavedSearch(target.id, at))) return null;
        await audit(tx, { actorId: null, action: 'saved_search.unsubscribe', entityType: 'saved_search', entityId: target.id });
        return target;
      });
    }
    const [userId, offerId] = target.id.split(':') as [string, string];
    await this.repos.transaction(async (tx) => {
      await tx.offerAlerts.unfollow(userId, offerId);
      await audit(tx, { actorId: null, action: 'offer_follow.unsubscribe', entityType: 'offer', entityId: offerId, after: { userId } });
    });
    return target;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
