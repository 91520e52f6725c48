import type { Language } from '../../../../shared/languages';
import type { ContactOptions, Thread, ThreadList } from '../../../../shared/schemas/messaging';
import { postJson } from '../../../shared/api/client';
import { useApi } from '../../../shared/api/useApi';

const organisationPath = (slug: string) => `/organisations/${encodeURIComponent(slug)}/contact`;

/** Whether the reader may write to the organisation (null: do not ask yet). */
export const useContactOptions = (slug: string | null) => useApi<ContactOptions>(slug === null ? null : organisationPath(slug));
export const useThreads = () => useApi<ThreadList>('/messages');
export const useThread = (id: string) => useApi<Thread>(`/messages/${encodeURIComponent(id)}`);

export const contactOrganisation = (
  slug: string,
  letter: { title: string; text: string; senderOrganisation?: string; language: Language },
) => postJson<Thread>(organisationPath(slug), letter);

export const replyInThread = (id: string, reply: { text: string; language: Language }) =>
  postJson<Thread>(`/messages/${encodeURIComponent(id)}/replies`, reply);
