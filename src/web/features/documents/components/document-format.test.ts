import { describe, expect, it } from 'vitest';
import { DOCUMENT_MEDIA_TYPES } from '../../../../shared/registry';
import en from '../../../shared/i18n/locales/en.json';
import { formatBytes, typeKey } from './document-format';

describe('a document as the panel shows it', () => {
  it('writes sizes in the reader’s units and numbers', () => {
    expect(formatBytes(20 * 1024 * 1024, 'en')).toBe('20 MB');
    expect(formatBytes(2.5 * 1024 * 1024, 'fr')).toMatch(/^2,5\sMo$/);
    expect(formatBytes(2.5 * 1024 * 1024, 'ru')).toMatch(/^2,5\sМБ$/);
    expect(formatBytes(900, 'en')).toBe('900 bytes');
    expect(formatBytes(300 * 1024, 'en')).toBe('300 kB');
  });

  it('names the kind of every type the platform accepts', () => {
    const names = en.documents.types as Record<string, string>;
    for (const type of DOCUMENT_MEDIA_TYPES) expect(typeKey(type), type).not.toBe('other');
    for (const type of DOCUMENT_MEDIA_TYPES) expect(names[typeKey(type)], type).toBeDefined();
    expect(typeKey('application/vnd.ms-excel')).toBe('excel');
    expect(typeKey('application/msword')).toBe('word');
  });
});
