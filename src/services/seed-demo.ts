import demoAccounts from '../reference/demo/accounts.json' with { type: 'json' };
import demo from '../reference/demo/founding-case.json' with { type: 'json' };
import cooperation from '../reference/demo/cooperation-records.json' with { type: 'json' };
import examples from '../reference/demo/example-organisations.json' with { type: 'json' };
import type { Language } from '../shared/languages.js';
import type { Role } from '../shared/roles.js';
import { hashPassword } from './accounts/secrets.js';
import type { Repositories } from '../repositories/index.js';
import type { MultilingualText } from '../shared/multilingual.js';
import type { ClassificationService } from './classification.service.js';
import { importOrganisations } from './import-organisations.js';
import { importRecords } from './registry/transfer/import-records.js';
// the marketplace (offers and requests)
import { seedDemoOffers } from './offers/seed-offers.js';
// events: the founding round table
import { seedDemoEvents } from './events/events/seed-events.js';

/**
 * Loads the founding case (Kaluga region ↔ Limousin) and, when asked, the invented example organisations
 * (labelled synthetic) that give search and matchmaking something to show; running it again adds only
 * what is missing.
 */
export async function seedDemo(
  repos: Repositories,
  classifications: ClassificationService,
  options: { examples?: boolean; records?: boolean } = {},
): Promise<{ organisations: number; records: number }> {
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
    if (options.examples) {
      const sample = examples.organisations.map((value, i) => ({ line: i + 1, value }));
      report.inserted += (
        await importOrganisations(tx, classifications, sample, { defaultSource: 'synthetic', skipExisting: true })
      ).inserted;
    }
    const records = cooperation.records.map((value, i) => ({ line: i + 1, value }));
    const registry = options.records === false ? { inserted: 0 } : await importRecords(tx, records, { skipExisting: true, source: 'demo' });
    // events: the founding round table, with its delegation (after the records it is linked from)
    await seedDemoEvents(tx);
    await seedDemoAccounts(tx);
    // the marketplace's demo offers come with the examples: tests that count offers load neither
    if (options.examples) await seedDemoOffers(tx);
    return { organisations: report.inserted, records: registry.inserted };
  });
}

/** One account for each role (src/reference/demo/accounts.json), confirmed, for trying the platform locally. */
async function seedDemoAccounts(repos: Repositories): Promise<void> {
  const passwordHash = await hashPassword(demoAccounts.password);
  for (const account of demoAccounts.accounts) {
    if (await repos.accounts.userByEmail(account.email)) continue;
    const user = await repos.accounts.createUser({
      email: account.email,
      displayName: account.displayName,
      language: account.language as Language,
      passwordHash,
      emailConfirmedAt: repos.clock.now(),
    });
    for (const grant of account.grants as { role: Role; region?: string; organisation?: string }[]) {
      const org = grant.organisation ? await repos.organisations.getBySlug(grant.organisation) : undefined;
      await repos.accounts.grant({ userId: user.id, role: grant.role, regionCode: grant.region ?? null, organisationId: org?.id ?? null });
    }
  }
}
