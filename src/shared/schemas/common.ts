import { Type, type Static } from 'typebox';
import { LANGUAGES } from '../languages.js';

export const LanguageSchema = Type.Enum(LANGUAGES, { description: 'BCP 47 language tag' });

/**
 * The query of a route that takes no parameter: any is refused (400 `unknown_field`, naming it), as the
 * routes with parameters refuse one they do not know, so that a misspelt filter is told, not ignored.
 */
export const NoQuerySchema = Type.Object({}, { additionalProperties: false });

const text = (max: number) => Type.String({ minLength: 1, maxLength: max });

/** See shared/multilingual.ts: one value per language and the language it was written in. */
export const MultilingualTextSchema = (max = 5000) =>
  Type.Object(
    {
      original: LanguageSchema,
      ru: Type.Optional(text(max)),
      fr: Type.Optional(text(max)),
      en: Type.Optional(text(max)),
    },
    { additionalProperties: false, description: 'A text in ru/fr/en; `original` names the language it was written in' },
  );

const ErrorParamsSchema = Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]), {
  description: 'The values the reason names (a limit, a language, a value)',
});

export const ErrorSchema = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Stable machine-readable code, see docs/errors.md' }),
      message: Type.String(),
      field: Type.Optional(Type.String({ description: 'Where the problem is, e.g. query.pageSize or body.codes[2]' })),
      reason: Type.Optional(Type.String({ description: 'Why, where one code covers several cases (docs/errors.md): required, maxLength, nul, …' })),
      params: Type.Optional(ErrorParamsSchema),
      details: Type.Optional(
        Type.Array(
          Type.Object({
            field: Type.String(),
            message: Type.String(),
            reason: Type.Optional(Type.String()),
            params: Type.Optional(ErrorParamsSchema),
          }),
        ),
      ),
      currentVersion: Type.Optional(Type.Integer({ description: 'version_conflict: the version saved now (also its ETag)' })),
    }),
  },
  { $id: 'Error' },
);
export type ApiError = Static<typeof ErrorSchema>;

export const PageMetaSchema = Type.Object({
  page: Type.Integer(),
  pageSize: Type.Integer(),
  total: Type.Integer(),
  pageCount: Type.Integer(),
});
export type PageMeta = Static<typeof PageMetaSchema>;
