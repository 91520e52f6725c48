import type { RecordKind } from '../../../../shared/registry';

/** Where each kind's record pages live in the web app. */
const PATHS: Record<RecordKind, string> = {
  agreement: '/agreements',
  initiative: '/initiatives',
  academic_partnership: '/academic-partnerships',
  residency: '/residencies',
};

export const recordPath = (kind: RecordKind, slug: string) => `${PATHS[kind]}/${encodeURIComponent(slug)}`;
