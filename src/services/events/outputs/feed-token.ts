import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The token of a participant's calendar subscription address: an HMAC of their registration id under the
 * event's feed secret. No sign-in (a calendar client has none); whoever has the address reads that agenda
 * only, and a new secret (an organiser's rotation) ends every address of the event at once.
 */
export const feedToken = (feedSecret: string, registrationId: string) =>
  createHmac('sha256', feedSecret).update(`agenda-feed:${registrationId}`).digest('base64url');

/** Compares in constant time, so that the token cannot be guessed a character at a time. */
export function feedTokenMatches(feedSecret: string, registrationId: string, token: string): boolean {
  const expected = Buffer.from(feedToken(feedSecret, registrationId));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
