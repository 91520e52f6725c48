import { describe, expect, it } from 'vitest';
import { ApiRequestError } from './api/client';
import { differingFields, mergeEdits, versionConflict } from './versioning';

interface Edited {
  name: { original: string; en?: string; ru?: string };
  website: string;
  areas: string[];
  city: { original: string; en?: string; ru?: string } | null;
}
const base: Edited = { name: { original: 'en', en: 'Kaluga Ceramics' }, website: 'https://a.example.org', areas: ['ceramics'], city: null };

describe('a conflict between my edit and the saved version', () => {
  it('lists the fields that differ, whatever the order of keys', () => {
    const theirs: Edited = { ...base, name: { en: 'Kaluga Ceramics', original: 'en' }, website: 'https://b.example.org' };
    expect(differingFields(base, theirs)).toEqual(['website']);
  });

  it('keeps my edits where they changed nothing, and takes theirs everywhere else', () => {
    const mine: Edited = { ...base, website: 'https://mine.example.org', city: { original: 'en', en: 'Kaluga' } };
    const theirs: Edited = { ...base, areas: ['ceramics', 'filters'], city: { original: 'ru', ru: 'Калуга' } };
    expect(mergeEdits(base, mine, theirs)).toEqual({
      ...base,
      website: 'https://mine.example.org', // mine: they left it
      areas: ['ceramics', 'filters'], // theirs: I left it
      city: { original: 'ru', ru: 'Калуга' }, // both changed it: theirs, shown to me in the form
    });
  });

  it('merges a multilingual text language by language: my French and their Russian are both kept', () => {
    type Named = { name: { original: string; en?: string; fr?: string; ru?: string } };
    const loaded: Named = { name: { original: 'en', en: 'Kaluga–Limousin' } };
    const mine: Named = { name: { ...loaded.name, fr: 'Kalouga–Limousin', en: 'Kaluga and Limousin' } };
    const theirs: Named = { name: { ...loaded.name, ru: 'Калуга–Лимузен', en: 'Kaluga & Limousin' } };
    expect(mergeEdits(loaded, mine, theirs)).toEqual({
      // the language both changed takes theirs (shown to me in the form); the others keep each one's edit
      name: { original: 'en', en: 'Kaluga & Limousin', fr: 'Kalouga–Limousin', ru: 'Калуга–Лимузен' },
    });
  });

  it('reads the version saved now from a version_conflict answer only', () => {
    const conflict = new ApiRequestError(409, { error: { code: 'version_conflict', message: '', currentVersion: 7 } });
    expect(versionConflict(conflict)).toBe(7);
    expect(versionConflict(new ApiRequestError(409, { error: { code: 'last_admin', message: '' } }))).toBeNull();
    expect(versionConflict(new Error('offline'))).toBeNull();
  });
});
