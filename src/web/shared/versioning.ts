import { ApiRequestError } from './api/client';

/**
 * Saving an edited record when someone else saved it in the meantime (409 version_conflict). The web app
 * sends the version it loaded with every save; on a conflict it shows the fields that differ between the
 * person's edit and the version saved now, and lets them keep theirs (save again over the new version) or
 * take the saved one, keeping their own edits in the fields the other person did not change.
 */

/** The version saved now, when the error is a version conflict; null otherwise. */
export function versionConflict(error: unknown): number | null {
  if (!(error instanceof ApiRequestError) || error.status !== 409 || error.body?.error.code !== 'version_conflict') return null;
  return error.body.error.currentVersion ?? null;
}

/** JSON with object keys in order: two values that mean the same compare equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export const sameValue = (a: unknown, b: unknown) => canonical(a) === canonical(b);

/** The fields whose values differ between two versions of a record. */
export function differingFields<T extends object>(a: T, b: T): (keyof T & string)[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])] as (keyof T & string)[];
  return keys.filter((k) => !sameValue(a[k], b[k]));
}

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * The saved version with the person's own edits carried over: a field they changed (from `base`, what they
 * loaded) and the other person did not keeps their value; every other field takes the saved one. A field
 * that is itself a record (a multilingual text: one value per language) is merged the same way inside, so
 * a French name written by one person and a Russian name by the other are both kept.
 */
export function mergeEdits<T extends object>(base: T, mine: T, theirs: T): T {
  const merged = { ...theirs };
  for (const key of differingFields(base, mine)) {
    const [b, m, th] = [base[key], mine[key], theirs[key]];
    if (sameValue(b, th)) merged[key] = m;
    else if (isRecord(b) && isRecord(m) && isRecord(th)) merged[key] = mergeEdits(b, m, th) as T[typeof key];
  }
  return merged;
}

/** What a conflict holds while it is shown: the saved record and its version. */
export interface Conflict<T> {
  theirs: T;
  version: number;
}
