import type { Repositories } from '../repositories/index.js';

const SECRET_FIELDS = new Set(['passwordHash', 'tokenHash']);

function scrub(value: unknown): unknown {
  if (value === null || value === undefined || typeof value !== 'object') return value ?? null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(scrub);
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => !SECRET_FIELDS.has(k))
      .map(([k, v]) => [k, scrub(v)]),
  );
}

export interface AuditEntry {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  regionCode?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Records a write in the audit log; secrets never enter it. */
export async function audit(repos: Repositories, entry: AuditEntry): Promise<void> {
  await repos.audit.record({
    at: repos.clock.now(),
    actorId: entry.actorId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    regionCode: entry.regionCode ?? null,
    before: scrub(entry.before),
    after: scrub(entry.after),
  });
}
