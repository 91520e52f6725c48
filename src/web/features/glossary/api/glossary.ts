import type { Language } from '../../../../shared/languages';
import type { Concept, ConceptList, GlossaryChange, NewConceptBody, NewTermBody } from '../../../../shared/schemas/glossary';
import { getJson, postJson, queryString, sendJson } from '../../../shared/api/client';
import { useApi } from '../../../shared/api/useApi';

/** A page of the glossary, in the alphabetical order of the labels in the reader's language. */
export const useConcepts = (q: string, page: number, lang: Language) =>
  useApi<ConceptList>(`/glossary/concepts${queryString({ q, page, pageSize: 20, lang })}`);

/** Adds a term to the concept at `version` (its terms as the editor saw them); 409 version_conflict if they changed since. */
export const addTerm = (code: string, body: NewTermBody, version: number) =>
  sendJson<GlossaryChange>('POST', `/glossary/concepts/${encodeURIComponent(code)}/terms`, body, { ifMatch: version });

export const removeTerm = (id: string, version: number) =>
  sendJson<GlossaryChange>('DELETE', `/glossary/terms/${encodeURIComponent(id)}`, undefined, { ifMatch: version });

export const getConcept = (code: string) => getJson<Concept>(`/glossary/concepts/${encodeURIComponent(code)}`);

export const createConcept = (body: NewConceptBody) => postJson<GlossaryChange>('/glossary/concepts', body);
