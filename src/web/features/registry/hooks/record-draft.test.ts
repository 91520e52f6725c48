import { describe, expect, it } from 'vitest';
import { newDraft, toBody, toCreateBody, withKind, type RecordDraft } from './record-draft';

const ardl = { slug: 'ardl', name: { original: 'fr' as const, fr: 'ARDL' }, regionCode: 'FR-87' };

describe('what the record form sends', () => {
  it('sends only the fields of the record’s kind, which the API would refuse for another', () => {
    const agreement = toBody({ ...newDraft('agreement', 'fr'), commitments: { original: 'fr', fr: 'Une mission par an' } });
    expect(agreement).toMatchObject({ type: 'cooperation_agreement', commitments: { fr: 'Une mission par an' }, commitmentRoles: [] });
    expect(agreement).not.toHaveProperty('services');
    const residency = toBody({ ...newDraft('residency', 'ru'), services: ['office'] });
    expect(residency).toMatchObject({ services: ['office'] });
    expect(residency).not.toHaveProperty('type');
    expect(residency).not.toHaveProperty('commitments');
    expect(Object.keys(toBody(newDraft('initiative', 'en'))).sort()).toEqual(
      ['areas', 'dated', 'parties', 'published', 'summary', 'title', 'validFrom', 'validUntil'].sort(),
    );
  });

  it('sends an end left empty as none: the record is open-ended', () => {
    expect(toBody({ ...newDraft('agreement', 'fr'), validUntil: '' }).validUntil).toBeNull();
    expect(toBody({ ...newDraft('agreement', 'fr'), validUntil: '2009' }).validUntil).toBe('2009');
  });

  it('sends each party as the API names it: an organisation by slug, a named party by id or by its name', () => {
    const draft: RecordDraft = {
      ...newDraft('agreement', 'fr'),
      parties: [
        { role: 'signatory', organisation: ardl },
        {
          role: 'partner',
          namedParty: { id: '6f1c2b5e-0000-4000-8000-000000000001', name: { original: 'fr', fr: 'Technopole' }, regionCode: 'FR-87' },
        },
        { role: 'observer', named: { name: { original: 'fr', fr: 'Incubateur' }, kind: 'technopark', region: 'FR-87' } },
        { role: 'funder', empty: true },
      ],
    };
    expect(toCreateBody(draft).parties).toEqual([
      { role: 'signatory', organisation: 'ardl' },
      { role: 'partner', namedParty: '6f1c2b5e-0000-4000-8000-000000000001' },
      { role: 'observer', named: { name: { original: 'fr', fr: 'Incubateur' }, kind: 'technopark', region: 'FR-87' } },
      // an empty row is sent as it is, so that the API names it (body.parties[3])
      { role: 'funder' },
    ]);
  });

  it('keeps what kinds share when the kind changes, and gives a residency its resident and host', () => {
    const agreement: RecordDraft = { ...newDraft('agreement', 'fr'), title: { original: 'fr', fr: 'Accord' }, dated: '2004' };
    const initiative = withKind({ ...agreement, parties: [{ role: 'signatory', organisation: ardl }] }, 'initiative');
    expect(initiative).toMatchObject({ kind: 'initiative', title: { fr: 'Accord' }, dated: '2004', type: '' });
    expect(initiative.parties).toEqual([{ role: 'signatory', organisation: ardl }]);
    expect(withKind(agreement, 'residency').parties.map((p) => p.role)).toEqual(['resident', 'host']);
  });
});
