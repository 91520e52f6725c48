import { Type, type Static } from 'typebox';
import { LanguageSchema, MultilingualTextSchema } from './common.js';
import { SlugSchema } from './organisations.js';

/** The limits of what one message carries: enough for a first letter, too little for a mailing. */
export const MESSAGE_LIMITS = { title: 200, text: 5000 } as const;

/** What a thread is about: an organisation now; an offer or a request once they exist (same thread). */
export const THREAD_SUBJECT_KINDS = ['organisation', 'offer'] as const;
export type ThreadSubjectKind = (typeof THREAD_SUBJECT_KINDS)[number];

const Title = Type.String({ minLength: 1, maxLength: MESSAGE_LIMITS.title, pattern: '\\S' });
const Text = Type.String({ minLength: 1, maxLength: MESSAGE_LIMITS.text, pattern: '\\S' });

export const ContactBodySchema = Type.Object(
  {
    title: Title,
    text: Text,
    senderOrganisation: Type.Optional(SlugSchema),
    language: Type.Optional(LanguageSchema),
  },
  { additionalProperties: false },
);
export type ContactBody = Static<typeof ContactBodySchema>;

export const ReplyBodySchema = Type.Object(
  { text: Text, language: Type.Optional(LanguageSchema) },
  { additionalProperties: false },
);
export type ReplyBody = Static<typeof ReplyBodySchema>;

export const ThreadParamsSchema = Type.Object({ id: Type.String({ format: 'uuid' }) });

const OrganisationRefSchema = Type.Object({ slug: Type.String(), name: MultilingualTextSchema(300) });

export const ThreadMessageSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  author: Type.Union([Type.String(), Type.Null()], { description: 'the author’s display name; null once the account is gone' }),
  side: Type.Union([Type.Literal('sender'), Type.Literal('receiver')], { description: 'which organisation the author wrote for' }),
  mine: Type.Boolean(),
  body: Type.String(),
  language: LanguageSchema,
  createdAt: Type.String({ format: 'date-time' }),
});

export const ThreadSummarySchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  title: Type.String(),
  subject: Type.Object({ kind: Type.Enum(THREAD_SUBJECT_KINDS), id: Type.String({ format: 'uuid' }) }),
  sender: OrganisationRefSchema,
  receiver: OrganisationRefSchema,
  /** Which side the reader is on (both for someone in both, as sender first; null for a platform admin). */
  side: Type.Union([Type.Literal('sender'), Type.Literal('receiver'), Type.Null()]),
  messageCount: Type.Integer(),
  unread: Type.Boolean(),
  lastMessageAt: Type.String({ format: 'date-time' }),
});
export type ThreadSummary = Static<typeof ThreadSummarySchema>;

export const ThreadListSchema = Type.Object({ items: Type.Array(ThreadSummarySchema) });
export type ThreadList = Static<typeof ThreadListSchema>;

export const ThreadSchema = Type.Object({
  ...ThreadSummarySchema.properties,
  messages: Type.Array(ThreadMessageSchema),
});
export type Thread = Static<typeof ThreadSchema>;

/** Who may write to an organisation and as which of their organisations: the form asks this first. */
export const ContactOptionsSchema = Type.Object({
  allowed: Type.Boolean(),
  /** Why not: not_signed_in, sender_not_validated (no validated organisation of theirs), own_organisation. */
  reason: Type.Union([Type.String(), Type.Null()]),
  senders: Type.Array(OrganisationRefSchema),
});
export type ContactOptions = Static<typeof ContactOptionsSchema>;
