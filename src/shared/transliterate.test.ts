import { describe, expect, it } from 'vitest';
import { slugify, transliterate } from './transliterate.js';

describe('transliterate', () => {
  it('writes Russian names in Latin letters', () => {
    expect(transliterate('Обнинск')).toBe('Obninsk');
    expect(transliterate('Калуга')).toBe('Kaluga');
    expect(transliterate('Жерар Ванденбрук')).toBe('Zherar Vandenbruk');
  });
});

describe('slugify', () => {
  it('makes URL-safe identifiers from any script, accents folded', () => {
    expect(slugify('ИАТЭ НИЯУ МИФИ')).toBe('iate-niiau-mifi');
    expect(slugify('Agence régionale de développement du Limousin')).toBe('agence-regionale-de-developpement-du-limousin');
    expect(slugify('  --Hello!!  ')).toBe('hello');
  });
});
