import { LANGUAGES } from '../../shared/languages.js';
import type { MultilingualText } from '../../shared/multilingual.js';
import type { ProfileChanges } from '../../shared/schemas/profile.js';
import type { ProfileChange } from '../../shared/schemas/review.js';

const MULTILINGUAL = ['name', 'shortName', 'description', 'city'] as const;
const SINGLE = ['kind', 'sector', 'region', 'website'] as const;
const LISTS = ['nace', 'productCodes', 'areas'] as const;
/** The public contact is validated with the profile: each of its parts, its office or role in each language. */
const CONTACT_PARTS = ['kind', 'personName', 'email', 'phone'] as const;

function compare(field: string, language: ProfileChange['language'], before: string | null, after: string | null): ProfileChange[] {
  const b = before?.trim() ? before : null;
  const a = after?.trim() ? after : null;
  if (b === a) return [];
  return [{ field, language, change: b === null ? 'added' : a === null ? 'removed' : 'changed', before: b, after: a }];
}

/**
 * What a coordinator must look at again: each field that differs between the profile as last decided and
 * as submitted, a multilingual field language by language, a code list code by code (added or removed).
 */
export function diffProfiles(before: ProfileChanges, after: ProfileChanges): ProfileChange[] {
  const changes: ProfileChange[] = [];
  for (const field of MULTILINGUAL) {
    const b: MultilingualText | null = before[field];
    const a: MultilingualText | null = after[field];
    for (const language of LANGUAGES) changes.push(...compare(field, language, b?.[language] ?? null, a?.[language] ?? null));
  }
  for (const field of SINGLE) changes.push(...compare(field, null, before[field], after[field]));
  for (const field of LISTS) {
    const b = new Set(before[field] ?? []);
    const a = new Set(after[field] ?? []);
    for (const code of a) if (!b.has(code)) changes.push({ field, language: null, change: 'added', before: null, after: code });
    for (const code of b) if (!a.has(code)) changes.push({ field, language: null, change: 'removed', before: code, after: null });
  }
  const bc = before.contact ?? null;
  const ac = after.contact ?? null;
  for (const part of CONTACT_PARTS) changes.push(...compare(`contact.${part}`, null, bc?.[part] ?? null, ac?.[part] ?? null));
  for (const language of LANGUAGES)
    changes.push(...compare('contact.label', language, bc?.label?.[language] ?? null, ac?.label?.[language] ?? null));
  return changes;
}
