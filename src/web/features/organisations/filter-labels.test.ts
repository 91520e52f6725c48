import { describe, expect, it } from 'vitest';
import type { Language } from '../../../shared/languages';
import { errorMessage } from '../../shared/i18n/error-text';
import { translate } from '../../shared/i18n/I18nProvider';
import { directoryFieldLabels } from './filter-labels';

// the API's answer to ?nace=23-43 (http/routes/organisations.test.ts)
const badCode = { code: 'validation_failed', message: 'query.nace[0] must match pattern', field: 'query.nace[0]', reason: 'shape' };

describe('the directory’s errors', () => {
  it.each<[Language, string]>([
    ['en', 'NACE class'],
    ['fr', 'Classe NACE'],
    ['ru', 'Класс NACE'],
  ])('name a bad activity code as its filter’s label does (%s: %s)', (lang, label) => {
    const t = (key: string, vars?: Record<string, string | number>) => translate(lang, key, vars);
    expect(t('directory.nace')).toBe(label);
    expect(errorMessage(t, badCode, lang, directoryFieldLabels(t))).toBe(t('invalid.shape', { field: label }));
  });

  it('name a country by the region filter it is chosen in', () => {
    expect(directoryFieldLabels((key) => translate('fr', key)).country).toBe('Région');
  });
});
