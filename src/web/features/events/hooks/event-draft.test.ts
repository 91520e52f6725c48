import { describe, expect, it } from 'vitest';
import { inputOfDraft, newEventDraft } from './event-draft';
import { inputOfDelegation, newDelegationDraft } from './delegation-draft';
import { inputOfType, newTypeDraft } from './type-draft';

describe("what the events' editors send", () => {
  it('sends the times typed at the venue as instants of its zone', () => {
    const draft = { ...newEventDraft('fr'), timeZone: 'Europe/Moscow', startsLocal: '2027-04-18T10:00', endsLocal: '2027-04-18T18:00' };
    const input = inputOfDraft(draft, 'fr');
    expect(input.startsAt).toBe('2027-04-18T07:00:00.000Z');
    expect(input.endsAt).toBe('2027-04-18T15:00:00.000Z');
    expect(input.registrationClosesAt).toBeNull();
  });

  it('sends a time it cannot read as typed, for the API to name its field', () => {
    const draft = { ...newEventDraft('ru'), timeZone: 'Europe/Moscow', startsLocal: '18 avril' };
    expect(inputOfDraft(draft, 'ru').startsAt).toBe('18 avril');
  });

  it('leaves out a region not chosen, for the API to say it is required', () => {
    expect('regionCode' in inputOfDraft(newEventDraft('fr'), 'fr')).toBe(false);
    expect(inputOfDraft({ ...newEventDraft('fr'), regionCode: 'RU-KLU' }, 'fr').regionCode).toBe('RU-KLU');
  });

  it("writes a delegation member's position in the editor's language, and keeps every row in its place", () => {
    const draft = newDelegationDraft('fr');
    draft.members = [
      { ...draft.members[0]!, position: 'Vice-président du conseil régional' },
      { ...draft.members[0]!, role: 'member' },
    ];
    const input = inputOfDelegation(draft, 'fr');
    expect(input.members[0]!.position).toEqual({ original: 'fr', fr: 'Vice-président du conseil régional' });
    expect(input.members).toHaveLength(2);
  });

  it('sends an empty capacity as no limit, a number as a number', () => {
    expect(inputOfType({ ...newTypeDraft('en'), capacity: '' }, 'en').capacity).toBeNull();
    expect(inputOfType({ ...newTypeDraft('en'), capacity: '1' }, 'en').capacity).toBe(1);
  });
});
