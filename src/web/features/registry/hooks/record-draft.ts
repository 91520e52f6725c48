import type { Language } from '../../../../shared/languages';
import type { MultilingualText } from '../../../../shared/multilingual';
import type { OrganisationKind } from '../../../../shared/domain';
import { type CommitmentRole, type PartyRole, type RecordKind } from '../../../../shared/registry';
import type { PartyInput, RecordCreateBody, RecordPatchBody, RegistryRecord } from '../../../../shared/schemas/registry';

/** A party as the form holds it: an organisation of the platform, a named party recorded before, or a new one. */
export type PartyDraft = { role: PartyRole } & (
  | { organisation: { slug: string; name: MultilingualText; regionCode: string } }
  | { namedParty: { id: string; name: MultilingualText; regionCode: string } }
  | { named: { name: MultilingualText; kind: OrganisationKind; region: string } }
  | { empty: true }
);

export interface CommitmentRoleDraft {
  role: CommitmentRole;
  party: number;
  eventSeries: MultilingualText;
  country: string;
}

/** Everything the create and edit form holds, for every kind; toBody() sends what the kind takes. */
export interface RecordDraft {
  kind: RecordKind;
  title: MultilingualText;
  summary: MultilingualText | null;
  areas: string[];
  dated: string | null;
  validFrom: string | null;
  /** null: open-ended. */
  validUntil: string | null;
  published: boolean;
  parties: PartyDraft[];
  type: string;
  commitments: MultilingualText | null;
  commitmentRoles: CommitmentRoleDraft[];
  kinds: string[];
  participation: { academicYear: string; participants: number }[];
  services: string[];
}

/** The roles a new record's parties start with: a residency's resident and host; two signatories of an agreement. */
function startingParties(kind: RecordKind): PartyDraft[] {
  if (kind === 'residency')
    return [
      { role: 'resident', empty: true },
      { role: 'host', empty: true },
    ];
  const role: PartyRole = kind === 'agreement' ? 'signatory' : 'partner';
  return [
    { role, empty: true },
    { role, empty: true },
  ];
}

export function newDraft(kind: RecordKind, language: Language): RecordDraft {
  return {
    kind,
    title: { original: language },
    summary: null,
    areas: [],
    dated: null,
    validFrom: null,
    validUntil: '',
    published: true,
    parties: startingParties(kind),
    type: kind === 'agreement' ? 'cooperation_agreement' : '',
    commitments: null,
    commitmentRoles: [],
    kinds: [],
    participation: [],
    services: [],
  };
}

/** A new draft of another kind keeps what all kinds share (title, parties that fit, dates, areas). */
export function withKind(draft: RecordDraft, kind: RecordKind): RecordDraft {
  const fresh = newDraft(kind, draft.title.original);
  const parties =
    kind === 'residency' || draft.kind === 'residency'
      ? fresh.parties
      : draft.parties.map((p) => ({ ...p, role: kind === 'agreement' && p.role === 'partner' ? 'signatory' : p.role }) as PartyDraft);
  return { ...fresh, ...pick(draft), parties };
}

const pick = ({ title, summary, areas, dated, validFrom, validUntil, published }: RecordDraft) => ({
  title,
  summary,
  areas,
  dated,
  validFrom,
  validUntil,
  published,
});

export function draftOf(record: RegistryRecord): RecordDraft {
  return {
    ...newDraft(record.kind, record.title.original),
    title: record.title,
    summary: record.summary,
    areas: record.areaCodes,
    dated: record.dated?.value ?? null,
    validFrom: record.validFrom?.value ?? null,
    validUntil: record.validUntil?.value ?? null,
    published: record.published,
    parties: record.parties.map((p): PartyDraft => {
      if (p.organisation) return { role: p.role, organisation: p.organisation };
      return {
        role: p.role,
        namedParty: { id: p.named!.id, name: p.named!.name, regionCode: p.named!.regionCode ?? p.named!.countryCode },
      };
    }),
    type: record.type ?? '',
    commitments: record.commitments,
    commitmentRoles: record.commitmentRoles.map((c) => ({ ...c, role: c.role })),
    kinds: record.kinds,
    participation: record.participation,
    services: record.services,
  };
}

function partyInput(party: PartyDraft): PartyInput {
  if ('organisation' in party) return { role: party.role, organisation: party.organisation.slug };
  if ('namedParty' in party) return { role: party.role, namedParty: party.namedParty.id };
  if ('named' in party) {
    // no region chosen: sent without one, and the API asks for the region or at least the country
    const { region, ...named } = party.named;
    return { role: party.role, named: region ? { ...named, region } : named };
  }
  // a row left empty is sent as it is: the API names the field (body.parties[i]) in the reader's language
  return { role: party.role } as PartyInput;
}

/** What the API takes for the draft's kind (another kind's fields would be refused as unknown). */
export function toBody(draft: RecordDraft): RecordPatchBody & { parties: PartyInput[] } {
  const common = {
    ...pick(draft),
    // an end left empty is no end: the record is open-ended
    validUntil: draft.validUntil || null,
    parties: draft.parties.map(partyInput),
  };
  switch (draft.kind) {
    case 'agreement':
      return {
        ...common,
        type: draft.type as RecordCreateBody['type'],
        commitments: draft.commitments,
        commitmentRoles: draft.commitmentRoles,
      };
    case 'academic_partnership':
      return { ...common, kinds: draft.kinds as RecordCreateBody['kinds'], participation: draft.participation };
    case 'residency':
      return { ...common, services: draft.services as RecordCreateBody['services'] };
    case 'initiative':
      return common;
  }
}

/** The body of a new record: the draft's fields (it starts at its kind's first stage). */
export const toCreateBody = (draft: RecordDraft): RecordCreateBody => toBody(draft) as RecordCreateBody;
