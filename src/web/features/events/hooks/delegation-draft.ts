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

export const draftOfDelegation = (d: Delegation, lang: Language): DelegationDraft => ({
  name: d.name,
  fromRegionCode: d.fromRegionCode,
  arrivesOn: d.arrivesOn ?? '',
  departsOn: d.departsOn ?? '',
  notes: d.notes ?? '',
  members: d.members.map((m) => ({
    name: m.name ?? '',
    position: m.position ?? '',
    organisationName: m.organisation ? '' : plain(m.organisationName, lang),
    organisationSlug: m.organisation?.slug ?? m.organisationSlug ?? '',
    role: m.role,
  })),
});

/** What is sent: every row, in order, so that a refusal naming `body.members.2` lands beside the third row. */
export const inputOfDelegation = (d: DelegationDraft, lang: Language): DelegationInput => ({
  name: d.name,
  fromRegionCode: d.fromRegionCode,
  arrivesOn: d.arrivesOn || null,
  departsOn: d.departsOn || null,
  notes: d.notes.trim() || null,
  members: d.members.map((m) => ({
    name: m.name.trim() || null,
    position: m.position.trim() || null,
    organisationSlug: m.organisationSlug || null,
    organisationName: m.organisationName.trim() ? { original: lang, [lang]: m.organisationName.trim() } : null,
    role: m.role,
  })),
});
