import { AppError } from './errors.js';

/**
 * Every editable record carries a version, one more at each write: the client sends back the version it
 * loaded (If-Match), and the repository writes only if the record is still at it, in the same statement
 * (`UPDATE … WHERE id = … AND version = …`), so two saves of one version cannot both land. `null` is an
 * unconditional write (an API client that sent no If-Match): the last write wins, as HTTP intends.
 */
export type ExpectedVersion = number | null;

/** A save of a version that is no longer current: the answer carries the current one, to reload and merge. */
export class VersionConflictError extends AppError {
  constructor(readonly currentVersion: number) {
    super(
      'version_conflict',
      `Someone else saved this record in the meantime (it is at version ${currentVersion} now): reload it, merge your changes, and save again.`,
      'headers.if-match',
    );
  }
}

/**
 * The new version of a conditional write, or the conflict: `written` is what the repository's update
 * returned (null when the record was not at the expected version), `current` reads the version there now.
 */
export async function requireWritten(written: number | null, current: () => Promise<number | undefined>): Promise<number> {
  if (written !== null) return written;
  throw new VersionConflictError((await current()) ?? 0);
}
