import type { RecordKind } from './registry.js';
import { RECORD_COLLECTIONS } from './schemas/registry.js';

/**
 * Where the web app shows a kind's records and one record: the API's collection names under /cooperation.
 * The one place e-mails (reminders), timelines, search results and the registry's own pages take them from.
 */
export const recordListPath = (kind: RecordKind) => `/cooperation/${RECORD_COLLECTIONS[kind]}`;
export const recordPagePath = (kind: RecordKind, slug: string) => `${recordListPath(kind)}/${encodeURIComponent(slug)}`;
