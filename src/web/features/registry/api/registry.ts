import type { OrganisationList } from '../../../../shared/schemas/organisations';
import {
  RECORD_COLLECTIONS,
  type LinkBody,
  type MilestoneInput,
  type MilestonePatch,
  type NamedPartyList,
  type RecordCreateBody,
  type RecordList,
  type RecordPatchBody,
  type RegistryRecord,
  type StageChangeBody,
} from '../../../../shared/schemas/registry';
import { RECORD_KINDS, type RecordKind } from '../../../../shared/registry';
import { getJson, queryString, sendJson } from '../../../shared/api/client';
import { useApi } from '../../../shared/api/useApi';

/** The kind whose collection an address names (`agreements` → agreement), or null. */
export function kindOfCollection(collection: string | undefined): RecordKind | null {
  return RECORD_KINDS.find((k) => RECORD_COLLECTIONS[k] === collection) ?? null;
}

/** The web app's pages of a kind and of one record: the API's collection names, under /cooperation. */
export { recordListPath as listPage, recordPagePath as recordPage } from '../../../../shared/record-pages';

const collection = (kind: RecordKind) => `/${RECORD_COLLECTIONS[kind]}`;
const one = (kind: RecordKind, slug: string) => `${collection(kind)}/${encodeURIComponent(slug)}`;

/** The filters of a list as its address holds them (each may repeat). */
export interface RecordFilters {
  type?: string[];
  stage?: string[];
  area?: string[];
  region?: string[];
  from?: string;
  to?: string;
  host?: string;
  organisation?: string;
  page?: number;
  pageSize?: number;
}

export const useRecordList = (kind: RecordKind, filters: RecordFilters | null) =>
  useApi<RecordList>(filters === null ? null : `${collection(kind)}${queryString({ ...filters })}`);

export const useRecord = (kind: RecordKind, slug: string) => useApi<RegistryRecord>(one(kind, slug));
export const getRecord = (kind: RecordKind, slug: string) => getJson<RegistryRecord>(one(kind, slug));

export const createRecord = (kind: RecordKind, body: RecordCreateBody) => sendJson<RegistryRecord>('POST', collection(kind), body);

/** Saves the fields sent over the version the edit started from (409 version_conflict when it is stale). */
export const updateRecord = (kind: RecordKind, slug: string, body: RecordPatchBody, version: number) =>
  sendJson<RegistryRecord>('PATCH', one(kind, slug), body, { ifMatch: version });

/** A stage change; with the version it was decided on, it is refused (409) when the record changed since. */
export const changeStage = (kind: RecordKind, slug: string, body: Omit<StageChangeBody, 'to'> & { to: string }, version?: number) =>
  sendJson<unknown>('POST', `${one(kind, slug)}/stage`, body as StageChangeBody, version === undefined ? {} : { ifMatch: version });

export const addMilestone = (slug: string, milestone: MilestoneInput) =>
  sendJson<unknown>('POST', `${one('initiative', slug)}/milestones`, milestone);

export const updateMilestone = (slug: string, id: string, patch: MilestonePatch) =>
  sendJson<unknown>('PATCH', `${one('initiative', slug)}/milestones/${encodeURIComponent(id)}`, patch);

export const addLink = (kind: RecordKind, slug: string, link: LinkBody) => sendJson<unknown>('POST', `${one(kind, slug)}/links`, link);

export const removeLink = (kind: RecordKind, slug: string, targetKind: string, targetId: string) =>
  sendJson<unknown>('DELETE', `${one(kind, slug)}/links/${encodeURIComponent(targetKind)}/${encodeURIComponent(targetId)}`);

/** Organisations of the directory whose names match what is typed (the parties' type-ahead). */
export const findOrganisations = (q: string, signal?: AbortSignal) =>
  getJson<OrganisationList>(`/organisations${queryString({ q, pageSize: 8 })}`, signal);

/** Parties recorded before that are not on the platform yet, by name. */
export const findNamedParties = (q: string, signal?: AbortSignal) =>
  getJson<NamedPartyList>(`/named-parties${queryString({ q, limit: 5 })}`, signal);
