import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, ERROR_REASONS } from '../../../services/errors';
import { LANGUAGES } from '../../../shared/languages';
import { createTestPlatform, type TestPlatform } from '../../../test/test-platform';
import { errorMessage } from './error-text';
import { translate } from './I18nProvider';
import en from './locales/en.json';
import fr from './locales/fr.json';
import ru from './locales/ru.json';

const LOCALES = { en, fr, ru } as Record<string, Record<string, Record<string, unknown>>>;
/** The keys of a group that a locale lacks (its own file, not the English fallback). */
const missing = (group: string, keys: readonly string[]) =>
  LANGUAGES.flatMap((l) =>
    keys.filter((k) => typeof LOCALES[l]![group]?.[k] !== 'string' || !LOCALES[l]![group]![k]).map((k) => `${l}:${k}`),
  );

describe('error messages in the reader’s language', () => {
  it('has every code of the error registry in Russian, French and English', () => {
    expect(missing('errors', Object.keys(ERROR_CODES))).toEqual([]);
  });

  it('has every reason an error can give in the three languages', () => {
    expect(missing('invalid', ERROR_REASONS)).toEqual([]);
  });

  describe('field names', () => {
    let t: TestPlatform;
    beforeAll(async () => {
      t = await createTestPlatform({ seedDemo: false });
    });
    afterAll(() => t.close());

    it('names every parameter and body field of every route in the three languages', () => {
      const names = new Set<string>();
      const walk = (schema: Record<string, unknown> | undefined) => {
        if (!schema || typeof schema !== 'object') return;
        for (const [name, child] of Object.entries((schema.properties ?? {}) as Record<string, Record<string, unknown>>)) {
          if (!LANGUAGES.includes(name as never)) names.add(name);
          walk(child);
        }
        walk(schema.items as Record<string, unknown> | undefined);
        for (const key of ['anyOf', 'oneOf', 'allOf']) for (const s of (schema[key] ?? []) as Record<string, unknown>[]) walk(s);
      };
      const doc = t.app.swagger() as {
        paths: Record<
          string,
          Record<
            string,
            { parameters?: { name: string }[]; requestBody?: { content?: Record<string, { schema?: Record<string, unknown> }> } }
          >
        >;
      };
      for (const operations of Object.values(doc.paths)) {
        for (const operation of Object.values(operations)) {
          for (const p of operation.parameters ?? []) if (p.name !== 'cookie') names.add(p.name);
          walk(operation.requestBody?.content?.['application/json']?.schema);
        }
      }
      expect(names.size).toBeGreaterThan(30);
      expect(missing('fields', [...names])).toEqual([]);
    });
  });

  it('writes the field, its language and the limit in the reader’s words', () => {
    const error = {
      code: 'validation_failed',
      message: 'body.name.fr must NOT have more than 200 characters',
      field: 'body.name.fr',
      reason: 'maxLength',
      params: { limit: 200 },
    };
    expect(errorMessage((k, v) => translate('ru', k, v), error)).toBe('Название (французский): не более 200 символов.');
    expect(errorMessage((k, v) => translate('fr', k, v), error)).toBe('Nom (français)\u00a0: 200 caractères au plus.');
    const original = {
      code: 'validation_failed',
      message: 'The name needs…',
      field: 'body.name.ru',
      reason: 'original_language_missing',
      params: { language: 'ru' },
    };
    expect(errorMessage((k, v) => translate('fr', k, v), original)).toContain('(russe)');
    // a cut link's token is a bad link to its reader, not a field that is too short
    const cut = {
      code: 'validation_failed',
      message: 'body.token must NOT have fewer than 10 characters',
      field: 'body.token',
      reason: 'minLength',
      params: { limit: 10 },
    };
    expect(errorMessage((k, v) => translate('ru', k, v), cut)).toBe(ru.errors.token_invalid);
    // a code without a reason: the code's message; an unknown code: the server's own text
    expect(errorMessage((k, v) => translate('ru', k, v), { code: 'last_admin', message: 'x' })).toBe(ru.errors.last_admin);
    expect(errorMessage((k, v) => translate('ru', k, v), { code: 'from_a_newer_server', message: 'Server text' })).toBe('Server text');
  });
  it('writes a day as the pages write days, and an empty text as a field to fill in', () => {
    const late = {
      code: 'validation_failed',
      message: 'The deadline 2027-09-01 is after the expiry date 2027-06-30.',
      field: 'body.deadline',
      reason: 'after_expiry',
      params: { value: '2027-09-01', expiresOn: '2027-06-30' },
    };
    expect(errorMessage((k, v) => translate('ru', k, v), late, 'ru')).toBe('Крайний срок: 1 сент. 2027 г. — позже даты окончания публикации (30 июн. 2027 г.).');
    expect(errorMessage((k, v) => translate('fr', k, v), late, 'fr')).toBe('Date limite\u00a0: le 1 sept. 2027 est après la date d’expiration (30 juin 2027).');
    const empty = { code: 'validation_failed', message: 'too short', field: 'body.message', reason: 'minLength', params: { limit: 1 } };
    expect(errorMessage((k, v) => translate('fr', k, v), empty, 'fr')).toBe('Message\u00a0: à remplir.');
  });
});
