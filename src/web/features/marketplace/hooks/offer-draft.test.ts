import { describe, expect, it } from 'vitest';
import { dayFromToday, newOfferDraft, toPatch, withOriginal } from './offer-draft';

describe('the offer editor’s draft', () => {
  it('starts in the reader’s language, valid for about six months, not anonymous', () => {
    const draft = newOfferDraft('ru', 'airko');
    expect(draft.title).toEqual({ original: 'ru' });
    expect(draft.anonymous).toBe(false);
    expect(draft.expiresOn > dayFromToday(170)).toBe(true);
    expect(draft.expiresOn < dayFromToday(200)).toBe(true);
  });

  it('counts days in the calendar of the reader, across a month’s end', () => {
    expect(dayFromToday(1, new Date(2026, 0, 31, 23, 30))).toBe('2026-02-01');
  });

  it('marks every text with the original language chosen', () => {
    const draft = { ...newOfferDraft('ru'), summary: { original: 'ru' as const, fr: 'Résumé' }, description: null };
    const retagged = withOriginal(draft, 'fr');
    expect(retagged.title.original).toBe('fr');
    expect(retagged.summary).toEqual({ original: 'fr', fr: 'Résumé' });
    expect(retagged.description).toBeNull();
  });

  it('never sends the organisation on a save: it is fixed once created', () => {
    expect(toPatch(newOfferDraft('en', 'airko'))).not.toHaveProperty('organisation');
  });
});
