import { describe, expect, it } from 'vitest';
import { slugify, soundKey, soundKeys, transliterate } from './transliterate.js';

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

describe('soundKey', () => {
  it('gives a name the same key in Cyrillic and in its French or English spelling', () => {
    expect(soundKey('Ванденбрук')).toBe(soundKey('Vandenbroucke'));
    expect(soundKey('Калуга')).toBe(soundKey('Kalouga'));
    expect(soundKey('Kaluga')).toBe(soundKey('Калуга'));
    expect(soundKey('Обнинск')).toBe(soundKey('Obninsk'));
  });

  it('keeps different names apart', () => {
    expect(soundKey('Limoges')).not.toBe(soundKey('Obninsk'));
  });

  it('lists each word of several names once', () => {
    expect(soundKeys(['Conseil régional', 'Gérard Vandenbroucke', 'conseil'])).toEqual(['konseil', 'regional', 'gerard', 'vandenbruk']);
  });
});
