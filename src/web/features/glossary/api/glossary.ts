import type { ConceptList, GlossaryChange, NewConceptBody, NewTermBody } from '../../../../shared/schemas/glossary';
import { postJson, queryString, sendJson } from '../../../shared/api/client';
import { useApi } from '../../../shared/api/useApi';

export const useConcepts = (q: string, page: number) => useApi<ConceptList>(`/glossary/concepts${queryString({ q, page, pageSize: 20 })}`);

export const addTerm = (code: string, body: NewTermBody) =>
  postJson<GlossaryChange>(`/glossary/concepts/${encodeURIComponent(code)}/terms`, body);

export const removeTerm = (id: string) => sendJson<GlossaryChange>('DELETE', `/glossary/terms/${encodeURIComponent(id)}`);

export const createConcept = (body: NewConceptBody) => postJson<GlossaryChange>('/glossary/concepts', body);
