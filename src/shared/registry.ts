/**
 * The cooperation registry's vocabulary: the kinds of record, their types, the stages each kind moves
 * through, and the roles parties take. Shared by the server, the web app and the CLI.
 */

/** Every record of the registry is one of these; they share parties, areas, dates, stages, documents and links. */
export const RECORD_KINDS = ['agreement', 'initiative', 'academic_partnership', 'residency'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const AGREEMENT_TYPES = [
  'cooperation_agreement',
  'memorandum_of_understanding',
  'letter_of_intent',
  'contract',
  'other',
] as const;
export type AgreementType = (typeof AGREEMENT_TYPES)[number];

export const ACADEMIC_PARTNERSHIP_KINDS = [
  'student_exchange',
  'joint_programme',
  'double_degree',
  'joint_research',
  'internships',
  'staff_mobility',
] as const;
export type AcademicPartnershipKind = (typeof ACADEMIC_PARTNERSHIP_KINDS)[number];

/**
 * Each kind's stages. `pipeline` is the forward order a record moves along one step at a time; `ends` are
 * the stages it may leave the pipeline for from any open stage. Skipping a step forward, or going back,
 * is for coordinators (and platform administrators) only.
 */
export interface StageModel {
  pipeline: readonly string[];
  ends: readonly string[];
}

export const STAGES = {
  agreement: { pipeline: ['draft', 'signed', 'in_force', 'expired'], ends: ['terminated'] },
  initiative: { pipeline: ['proposed', 'under_discussion', 'agreed', 'active', 'completed'], ends: ['abandoned'] },
  academic_partnership: { pipeline: ['proposed', 'active', 'ended'], ends: ['abandoned'] },
  residency: { pipeline: ['application', 'admitted', 'resident', 'graduated'], ends: ['declined', 'withdrawn'] },
} as const satisfies Record<RecordKind, StageModel>;

export type AgreementStatus = (typeof STAGES.agreement.pipeline)[number] | (typeof STAGES.agreement.ends)[number];
export type InitiativeStage = (typeof STAGES.initiative.pipeline)[number] | (typeof STAGES.initiative.ends)[number];
export type ResidencyStage = (typeof STAGES.residency.pipeline)[number] | (typeof STAGES.residency.ends)[number];

export const ALL_STAGES = [...new Set(Object.values(STAGES).flatMap((m) => [...m.pipeline, ...m.ends]))] as const;
export type RecordStage = string;

export const stagesOf = (kind: RecordKind): string[] => [...STAGES[kind].pipeline, ...STAGES[kind].ends];

/** The stage a new record of the kind starts in. */
export const firstStage = (kind: RecordKind): string => STAGES[kind].pipeline[0]!;

/**
 * Whether moving from `from` to `to` follows the pipeline: the next step, or an end from an open stage.
 * Anything else (a skip, a step back, leaving an end) needs a coordinator.
 */
export function followsPipeline(kind: RecordKind, from: string, to: string): boolean {
  const { pipeline, ends } = STAGES[kind] as StageModel;
  if (from === to) return false;
  const at = pipeline.indexOf(from);
  if (at === -1) return false; // from an end nothing follows
  if (ends.includes(to)) return at < pipeline.length - 1;
  return pipeline.indexOf(to) === at + 1;
}

/** Roles a party takes in a record. Residencies use resident and host; the others any of the rest. */
export const PARTY_ROLES = [
  'signatory',
  'coordinator',
  'partner',
  'beneficiary',
  'observer',
  'funder',
  'resident',
  'host',
] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

/** What a technopark or incubator offers a resident ("soft landing"). */
export const RESIDENCY_SERVICES = [
  'office',
  'laboratory',
  'mentoring',
  'introductions',
  'legal_support',
  'funding_advice',
  'market_study',
  'interpreting',
  'accommodation',
] as const;
export type ResidencyService = (typeof RESIDENCY_SERVICES)[number];

/** Structured commitments a record gives a party; the festival work reads national coordinators from here. */
export const COMMITMENT_ROLES = ['national_coordinator', 'regional_coordinator', 'host', 'organiser'] as const;
export type CommitmentRole = (typeof COMMITMENT_ROLES)[number];

/** What a record may be linked to: another record of the registry, and (from later work) events and news. */
export const LINK_TARGET_KINDS = [...RECORD_KINDS, 'event', 'news'] as const;
export type LinkTargetKind = (typeof LINK_TARGET_KINDS)[number];

/** An academic year as universities write it: "2024/2025" (the second year is the first plus one). */
export const ACADEMIC_YEAR_PATTERN = '^\\d{4}/\\d{4}$';
export const isAcademicYear = (value: string) =>
  new RegExp(ACADEMIC_YEAR_PATTERN).test(value) && Number(value.slice(5)) === Number(value.slice(0, 4)) + 1;

/** Documents: what may be attached (checked by content, not by name), and the default size limit. */
export const DOCUMENT_MEDIA_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/webp',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/msword',
  'application/vnd.ms-excel',
] as const;
export type DocumentMediaType = (typeof DOCUMENT_MEDIA_TYPES)[number];
export const DOCUMENT_MAX_BYTES_DEFAULT = 20 * 1024 * 1024;

import type { MultilingualText } from './multilingual.js';

/**
 * A structured commitment: "⟨party⟩ is national coordinator of ⟨event series⟩ for ⟨country⟩". The party is
 * the position of one of the record's parties.
 */
export interface CommitmentRoleEntry {
  role: CommitmentRole;
  party: number;
  eventSeries: MultilingualText;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

/** What only some kinds have, kept together so the record table stays one. */
export interface RecordDetails {
  /** Agreements: what the parties committed to, as free text. */
  commitments?: MultilingualText;
  commitmentRoles?: CommitmentRoleEntry[];
  /** Residencies: the host's services the resident uses. */
  services?: ResidencyService[];
}
