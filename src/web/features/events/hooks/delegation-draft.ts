import type { DelegationRole } from '../../../../shared/events';
import type { Language } from '../../../../shared/languages';
import type { MultilingualText } from '../../../../shared/multilingual';
import type { Delegation, DelegationInput } from '../api/contracts';

export interface MemberDraft {
  name: string;
  position: string;
  organisationName: string;
  organisationSlug: string;
  role: DelegationRole;
}

/** A visiting delegation as its editor holds it: its people as rows, the head among them. */
export interface DelegationDraft {
  name: MultilingualText;
  fromRegionCode: string;
  arrivesOn: string;
  departsOn: string;
  notes: string;
  members: MemberDraft[];
}

export const newMember = (role: DelegationRole = 'member'): MemberDraft => ({
  name: '',
  position: '',
  organisationName: '',
  organisationSlug: '',
  role,
});

export const newDelegationDraft = (lang: Language): DelegationDraft => ({
  name: { original: lang },
  fromRegionCode: '',
  arrivesOn: '',
  departsOn: '',
  notes: '',
  members: [newMember('head')],
});

const plain = (v: MultilingualText | string | null | undefined, lang: Language) =>
  !v ? '' : typeof v === 'string' ? v : (v[lang] ?? v[v.original] ?? '');

/** A text typed in one language, sent as written in it (the reader's). */
const ml = (text: string, lang: Language): MultilingualText | null => (text.trim() ? { original: lang, [lang]: text.trim() } : null);

export const draftOfDelegation = (d: Delegation, lang: Language): DelegationDraft => ({
  name: d.name,
  fromRegionCode: d.fromRegionCode,
  arrivesOn: d.arrivesOn ?? '',
  departsOn: d.departsOn ?? '',
  notes: plain(d.notes, lang),
  members: d.members.map((m) => ({
    name: m.name ?? '',
    position: plain(m.position, lang),
    organisationName: m.organisation ? '' : plain(m.organisationName, lang),
    organisationSlug: m.organisation?.slug ?? '',
    role: m.role,
  })),
});

/** What is sent: every row, in order, so that a refusal naming `body.members.2` lands beside the third row. */
export const inputOfDelegation = (d: DelegationDraft, lang: Language): DelegationInput => ({
  name: d.name,
  fromRegionCode: d.fromRegionCode,
  arrivesOn: d.arrivesOn || null,
  departsOn: d.departsOn || null,
  notes: ml(d.notes, lang),
  members: d.members.map((m) => ({
    name: m.name.trim() || null,
    position: ml(m.position, lang),
    organisationSlug: m.organisationSlug || null,
    organisationName: ml(m.organisationName, lang),
    role: m.role,
  })),
});
