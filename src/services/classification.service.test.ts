import { describe, expect, it } from 'vitest';
import { ClassificationRepository } from '../repositories/classification.repository.js';
import { AppError } from './errors.js';
import { ClassificationService } from './classification.service.js';

const service = new ClassificationService(new ClassificationRepository());

describe('ClassificationService.resolve', () => {
  it('reads a NACE class with its three titles', () => {
    const r = service.resolve('23.43');
    expect(r.system).toBe('nace2');
    expect(r.naceClass.title.en).toBe('Manufacture of ceramic insulators and insulating fittings');
    expect(r.naceClass.title.ru).toMatch(/керамических/);
    expect(r.naceClass.title.fr).toMatch(/céramique/i);
  });

  it('reads a French NAF subclass, also without the dot and in lower case', () => {
    expect(service.resolve('25.11Z')).toMatchObject({ system: 'naf2', code: '25.11Z', naceClass: { code: '25.11' } });
    expect(service.resolve('2511z')).toMatchObject({ system: 'naf2', naceClass: { code: '25.11' } });
  });

  it('reads a Russian ОКВЭД 2 subclass and maps it to its NACE class', () => {
    expect(service.resolve('62.02.1')).toMatchObject({
      system: 'okved2',
      title: 'Деятельность по планированию, проектированию компьютерных систем',
      naceClass: { code: '62.02' },
    });
  });

  it('gives every NACE code a title in English, French and Russian', () => {
    const missing = new ClassificationRepository()
      .naceEntries()
      .filter((e) => !e.title.en || !e.title.fr || !e.title.ru)
      .map((e) => e.code);
    expect(missing).toEqual([]);
    // below 85 and 92 the Russian title comes through the crosswalk from ОКВЭД 2, not the same code
    expect(service.resolve('85.42').naceClass.title.ru).toBe('Образование высшее и подготовка кадров высшей квалификации');
    expect(service.resolve('85.10').naceClass.title.ru).toBe('Образование дошкольное');
  });

  it('maps Russian higher education (ОКВЭД 85.22) to NACE tertiary education 85.42', () => {
    expect(service.resolve('85.22')).toMatchObject({ system: 'okved2', title: 'Образование высшее', naceClass: { code: '85.42' } });
  });

  it('refuses a code of no classification with unknown_code', () => {
    expect(() => service.resolve('99.99')).toThrowError(AppError);
    try {
      service.resolve('hello', 'body.codes[0]');
    } catch (e) {
      expect((e as AppError).code).toBe('unknown_code');
      expect((e as AppError).field).toBe('body.codes[0]');
    }
  });

  it('finds classes by title in the asked language, accents ignored', () => {
    const hits = service.searchNace('ceramique', 'fr', 50).map((e) => e.code);
    expect(hits).toContain('23.41');
    expect(service.searchNace('керамич', 'ru', 50).map((e) => e.code)).toContain('23.43');
  });
});
