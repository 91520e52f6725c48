import { Type, type Static } from 'typebox';
import { LanguageSchema } from './common.js';
import { PARTNER_LIMIT_MAX } from './matching.js';
import { QUERY_MAX_LENGTH } from '../domain.js';
import { SlugSchema } from './organisations.js';

/**
 * The options of the CLI's read commands, as the CLI checks them and as the running server's control socket
 * (cli/control-socket.ts) validates them: the same command gives the same answer either way.
 */
export const SearchCommandSchema = Type.Object(
  { q: Type.String({ minLength: 1, maxLength: QUERY_MAX_LENGTH }), lang: LanguageSchema },
  { additionalProperties: false },
);

export const PartnersCommandSchema = Type.Object(
  { slug: SlugSchema, lang: LanguageSchema, limit: Type.Integer({ minimum: 1, maximum: PARTNER_LIMIT_MAX }) },
  { additionalProperties: false },
);

export const ExportCommandSchema = Type.Object(
  {
    format: Type.Union([Type.Literal('jsonl'), Type.Literal('csv')]),
    includeUnpublished: Type.Boolean(),
    separator: Type.Union([Type.Literal('comma'), Type.Literal('semicolon')]),
  },
  { additionalProperties: false },
);

export const BackupCommandSchema = Type.Object({}, { additionalProperties: false });

export type SearchCommand = Static<typeof SearchCommandSchema>;
export type PartnersCommand = Static<typeof PartnersCommandSchema>;
export type ExportCommand = Static<typeof ExportCommandSchema>;
