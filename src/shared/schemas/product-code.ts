import { Type, type Static } from 'typebox';

/** A product code as stored, with its title in the languages that have one (the reader's, else another). */
export const ProductCodeSchema = Type.Object({
  code: Type.String({ description: 'as stored: cpa:25.73.30 (CPA 2.1 / ОКПД 2) or hs:848210 (HS)' }),
  system: Type.Enum(['cpa', 'hs'] as const),
  title: Type.Object({ ru: Type.Optional(Type.String()), fr: Type.Optional(Type.String()), en: Type.Optional(Type.String()) }),
});
export type ProductCode = Static<typeof ProductCodeSchema>;
