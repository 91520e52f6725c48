import { describe, expect, it } from 'vitest';
import type { ProfileChanges } from '../../shared/schemas/profile.js';
import { diffProfiles } from './profile-diff.js';

const profile: ProfileChanges = {
  name: { ru: 'Керамика', original: 'ru' },
  shortName: null,
  description: null,
  kind: 'enterprise',
  sector: 'business',
  region: 'RU-KLU',
  city: null,
  website: null,
  nace: ['23.44'],
  areas: [],
  contact: { kind: 'role', personName: null, label: { ru: 'Международный отдел', original: 'ru' }, email: 'intl@example.ru', phone: null },
};

describe('what a coordinator looks at again', () => {
  it('names each part of the public contact that changed, its office in each language', () => {
    const after: ProfileChanges = {
      ...profile,
      contact: {
        kind: 'person',
        personName: 'Анна Петрова',
        label: { ru: 'Директор', original: 'ru' },
        email: 'anna@example.ru',
        phone: '+7 484 000 00 00',
      },
    };
    const changes = diffProfiles(profile, after);
    expect(changes.map((c) => [c.field, c.language, c.change])).toEqual([
      ['contact.kind', null, 'changed'],
      ['contact.personName', null, 'added'],
      ['contact.email', null, 'changed'],
      ['contact.phone', null, 'added'],
      ['contact.label', 'ru', 'changed'],
    ]);
    expect(changes.find((c) => c.field === 'contact.email')).toMatchObject({ before: 'intl@example.ru', after: 'anna@example.ru' });
  });

  it('sees a removed contact, and nothing when it is the same', () => {
    expect(diffProfiles(profile, profile)).toEqual([]);
    const removed = diffProfiles(profile, { ...profile, contact: null });
    expect(removed.map((c) => c.field)).toEqual(['contact.kind', 'contact.email', 'contact.label']);
    expect(removed.every((c) => c.change === 'removed')).toBe(true);
  });
});
