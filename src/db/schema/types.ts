import { customType, jsonb } from 'drizzle-orm/pg-core';
import type { MultilingualText } from '../../shared/multilingual.js';

export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** Multilingual text is stored as one jsonb value: { original, ru?, fr?, en? }. */
export const multilingualText = (name: string) => jsonb(name).$type<MultilingualText>();

export const tsquery = customType<{ data: string }>({ dataType: () => 'tsquery' });
