import { AppError } from '../../errors.js';

// C0 and C1 control characters, DEL, and the Unicode line and paragraph separators
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/**
 * The file name as given, when it is a name and not a path: no folder separators (/ or \), no control
 * characters, not empty, not "." or "..". Anything else (Unicode, spaces, «Соглашение 2004.pdf») is kept
 * as the user chose it.
 */
export function checkFileName(name: string, field: string): string {
  const trimmed = name.trim();
  const refuse = (why: string) => new AppError('validation_failed', `${field} ${why}`, field).because('path_in_name');
  if (trimmed === '' || trimmed === '.' || trimmed === '..') throw refuse('must name a file');
  if (/[/\\]/.test(name)) throw refuse('must be a file name without a folder (no / or \\)');
  if (CONTROL.test(name)) throw refuse('must not contain control characters');
  return trimmed;
}
