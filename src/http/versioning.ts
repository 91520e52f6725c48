import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { ExpectedVersion } from '../services/versioning.js';

/**
 * The If-Match header of a write to a versioned record: the strong ETag `"<version>"` a GET sent (a weak
 * `W/"<version>"` is read the same: the version is exact either way), or `*`. Optional: without it the
 * write is unconditional (docs/decisions.md, "If-Match is optional"). Route schemas use it as `headers`,
 * so a malformed value is a 400 naming `headers.if-match`.
 */
export const IfMatchHeadersSchema = Type.Object({
  'if-match': Type.Optional(
    Type.String({
      pattern: '^\\s*(\\*|(W/)?"[1-9][0-9]{0,8}")\\s*$',
      description: 'The ETag of the version the change is based on, e.g. "3"; a stale one is refused with 409 version_conflict',
    }),
  ),
});

/** The version a write is based on, from its If-Match header; null for none (or `*`: any current version). */
export function expectedVersion(request: FastifyRequest): ExpectedVersion {
  const header = request.headers['if-match'];
  const match = typeof header === 'string' ? /"(\d+)"/.exec(header) : null;
  return match ? Number(match[1]) : null;
}

/** The ETag of a record at this version. */
export const etagOf = (version: number) => `"${version}"`;

/** Sends the record's version as its ETag (GET, and the answer to a write). */
export function sendVersion(reply: FastifyReply, version: number): void {
  reply.header('etag', etagOf(version));
}
