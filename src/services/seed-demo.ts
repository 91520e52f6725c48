import demo from '../reference/demo/founding-case.json' with { type: 'json' };
import type { Repositories } from '../repositories/index.js';
import type { MultilingualText } from '../shared/multilingual.js';
import type { ClassificationService } from './classification.service.js';
import { importOrganisations } from './import-organisations.js';

/** Loads the founding case (Kaluga region ↔ Limousin); running it again adds only what is missing. */
export async function seedDemo(repos: Repositories, classifications: ClassificationService): Promise<{ organisations: number }> {
  return repos.transaction(async (tx) => {
    const p = demo.partnership;
    if (!(await tx.partnerships.getBySlug(p.slug))) {
      await tx.partnerships.insert({
        slug: p.slug,
        name: p.name as MultilingualText,
        description: p.description as MultilingualText,
        areaCodes: p.areas,
        sides: p.sides.map((s) => ({ name: s.name as MultilingualText, regionCodes: s.regions })),
      });
    }
    const rows = demo.organisations.map((value, i) => ({ line: i + 1, value }));
    const report = await importOrganisations(tx, classifications, rows, { defaultSource: 'demo', skipExisting: true });
    return { organisations: report.inserted };
  });
}
