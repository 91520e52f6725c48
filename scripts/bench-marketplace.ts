// Marketplace benchmark (docs/benchmarks.md): the search of offers and requests over a synthetic marketplace
// beside the synthetic organisations (made once per database), through the service as the route calls it;
// then the digest of saved searches: wall time, and a run interrupted half-way and resumed (no mail twice).
// PGlite by default (`.bench/marketplace-ORGS-OFFERS`); PostgreSQL when DATABASE_URL is set.
//   npm run bench:marketplace
//   MARKETPLACE_ORGS=5000 MARKETPLACE_OFFERS=20000 MARKETPLACE_SAVED=1000 npm run bench:marketplace   (a quick run)
import { sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { progressBar } from '../src/cli/progress.js';
import { openPlatform } from '../src/platform.js';
import type { MailTransport, OutgoingMail } from '../src/repositories/mail.repository.js';
import { DIGEST_JOBS } from '../src/services/offer-alerts/digest.js';
import type { OfferSearchQuery } from '../src/services/offer-search/offer-search.service.js';
import { insertSyntheticOffers } from '../src/services/synthetic-offers.js';
import { ACTIVITIES, random } from '../src/services/synthetic-organisations.js';
import { ensureData, ensureDatabase } from './bench-setup.js';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const ORGS = env('MARKETPLACE_ORGS', 100_000);
const OFFERS = env('MARKETPLACE_OFFERS', 300_000);
const SAVED = env('MARKETPLACE_SAVED', 10_000);
const QUERIES = env('MARKETPLACE_QUERIES', 300);
const databaseUrl = process.env.DATABASE_URL || null;
const engine = databaseUrl ? 'postgres' : 'pglite';

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/** Mails counted, not sent; `failAfter` sends make the next one throw (a crash half-way). */
function countingTransport() {
  const sent: OutgoingMail[] = [];
  let failAfter = Infinity;
  const transport: MailTransport = {
    kind: 'outbox',
    send: async (mail) => {
      if (sent.length >= failAfter) throw new Error('the process was killed');
      sent.push(mail);
    },
  };
  return { transport, sent, crashAfter: (n: number) => (failAfter = n), heal: () => (failAfter = Infinity) };
}

const FILTERS: Partial<OfferSearchQuery>[] = [
  {},
  {},
  { kind: ['technology_request'] },
  { region: ['RU-KLU'] },
  { target: ['FR-NAQ'] },
  { kind: ['technology_offer', 'business_offer'], partnership: ['licensing', 'distribution'] },
];

function queries(): OfferSearchQuery[] {
  const rnd = random(11);
  return Array.from({ length: QUERIES }, (_, i) => {
    const activity = ACTIVITIES[Math.floor(rnd() * ACTIVITIES.length)]!;
    const lang = (['ru', 'fr', 'en'] as const)[i % 3]!;
    const words = activity[lang].split(' ');
    // one query in eight without words: the newest offers with a filter
    const q = i % 8 === 7 ? undefined : words.slice(0, 1 + Math.floor(rnd() * words.length)).join(' ');
    return { ...(q ? { q } : {}), lang, page: 1, pageSize: 20, ...FILTERS[i % FILTERS.length] };
  });
}

async function main() {
  const mail = countingTransport();
  if (databaseUrl) await ensureDatabase(databaseUrl);
  const dataDir = resolve(`.bench/marketplace-${ORGS}-${OFFERS}`);
  const platform = await openPlatform({ databaseUrl, dataDir: databaseUrl ? '' : dataDir }, { mail: mail.transport });
  const { repos, offerSearch, digests } = platform.services;
  const db = platform.database.db;
  await ensureData(platform, ORGS);
  const count = async (query: ReturnType<typeof sql>) => Number(((await db.execute(query)) as unknown as { rows: { n: number }[] }).rows[0]!.n);
  const have = await count(sql`select count(*)::int as n from offers where source = 'synthetic'`);
  if (have < OFFERS) {
    console.log(`generating ${OFFERS - have} synthetic offers (once per database)…`);
    const started = performance.now();
    await insertSyntheticOffers(repos, OFFERS - have, { seed: have + 1, onProgress: progressBar('offers').update });
    console.log(`generated in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  await repos.offerSearch.analyse();

  const loadStarted = performance.now();
  await offerSearch.warmUp();
  console.log(`offers index: ${offerSearch.indexed} published offers loaded in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s`);

  const asked = queries();
  for (const query of asked.slice(0, 30)) await offerSearch.search(query, null);
  const withWords: number[] = [];
  const without: number[] = [];
  const filtered: number[] = [];
  let found = 0;
  for (const [i, query] of asked.entries()) {
    const started = performance.now();
    const list = await offerSearch.search(query, null);
    const ms = performance.now() - started;
    (query.q ? withWords : without).push(ms);
    if (Object.keys(FILTERS[i % FILTERS.length]!).length > 0) filtered.push(ms);
    found += list.total;
  }
  const all = [...withWords, ...without];
  const row = (label: string, list: number[]) => {
    const sorted = [...list].sort((a, b) => a - b);
    return `| ${label.padEnd(30)} | ${String(sorted.length).padStart(7)} | ${percentile(sorted, 50).toFixed(1).padStart(6)} | ${percentile(sorted, 95).toFixed(1).padStart(6)} | ${sorted.at(-1)!.toFixed(1).padStart(6)} |`;
  };
  console.log(`\n${engine}, ${ORGS} organisations, ${offerSearch.indexed} offers; mean ${(found / all.length).toFixed(0)} matches`);
  console.log('| queries                        | queries | p50 ms | p95 ms | max ms |');
  console.log('|--------------------------------|--------:|-------:|-------:|-------:|');
  console.log(row('all (ru/fr/en, ± filters)', all));
  console.log(row('with words', withWords));
  console.log(row('without words (newest first)', without));
  console.log(row('with a filter', filtered));
  const p95 = percentile([...all].sort((a, b) => a - b), 95);
  const target = engine === 'pglite' ? 30 : 20;
  console.log(`target p95 ≤ ${target} ms: ${p95 <= target ? 'met' : 'NOT met'} (${p95.toFixed(1)} ms)`);

  // the digest: SAVED saved searches of SAVED / 10 members, covering the last week
  await db.execute(sql`delete from users where email like 'bench-digest-%@example.test'`);
  const members = Math.max(1, Math.ceil(SAVED / 10));
  const userIds = Array.from({ length: members }, () => randomUUID());
  for (let i = 0; i < members; i += 1000) {
    const slice = userIds.slice(i, i + 1000);
    await db.execute(sql`insert into users (id, email, password_hash, display_name, language, email_confirmed_at)
      select id, 'bench-digest-' || id || '@example.test', 'x', 'Bench', (array['ru','fr','en'])[1 + (row_number() over () % 3)], now()
        from unnest(${sql.param(slice)}::uuid[]) as id`);
  }
  const rnd = random(5);
  const rows = Array.from({ length: SAVED }, (_, i) => {
    const activity = ACTIVITIES[Math.floor(rnd() * ACTIVITIES.length)]!;
    const lang = (['ru', 'fr', 'en'] as const)[i % 3]!;
    const query = i % 4 === 3 && activity.area ? { area: [activity.area] } : { q: activity[lang] };
    return { userId: userIds[i % members]!, query: JSON.stringify(query) };
  });
  for (let i = 0; i < rows.length; i += 1000) {
    const slice = rows.slice(i, i + 1000);
    await db.execute(sql`insert into saved_searches (user_id, name, query, frequency, covered_until)
      select u, 'Bench', q::jsonb, 'daily', now() - interval '7 days'
        from unnest(${sql.param(slice.map((r) => r.userId))}::uuid[], ${sql.param(slice.map((r) => r.query))}::text[]) as t(u, q)`);
  }
  const period = `bench-${Date.now()}`;
  const payload = { frequency: 'daily', period, until: new Date().toISOString() };
  const jobId = (await repos.jobs.enqueue({ name: DIGEST_JOBS.send, payload, runAt: new Date() }))!;
  const started = performance.now();
  const result = await digests.run({ id: jobId, payload });
  const wall = (performance.now() - started) / 1000;
  console.log(`\ndigest of ${SAVED} saved searches: ${wall.toFixed(1)} s wall (target ≤ 60 s: ${wall <= 60 ? 'met' : 'NOT met'}), ${JSON.stringify(result)}`);

  // interrupted half-way (the mail transport dies, as a killed process would stop), then resumed
  await db.execute(sql`update saved_searches set covered_until = now() - interval '7 days' where user_id = any(${sql.param(userIds)}::uuid[])`);
  const resumed = `${period}-resume`;
  const again = { ...payload, period: resumed };
  mail.sent.length = 0;
  mail.crashAfter(Math.floor((result.sent as number) / 2));
  const crashStarted = performance.now();
  await digests.run({ id: jobId, payload: again }).catch((e: Error) => console.log(`first run stopped: ${e.message} after ${mail.sent.length} mails`));
  mail.heal();
  await digests.run({ id: jobId, payload: again });
  const resumeWall = (performance.now() - crashStarted) / 1000;
  const perSearch = new Map<string, number>();
  for (const m of mail.sent) perSearch.set(m.headers!['List-Unsubscribe']!, (perSearch.get(m.headers!['List-Unsubscribe']!) ?? 0) + 1);
  const twice = [...perSearch.values()].filter((n) => n > 1).length;
  const recorded = await repos.offerAlerts.deliveriesCount(resumed);
  console.log(
    `kill and resume: ${mail.sent.length} mails to ${perSearch.size} saved searches, ${twice} sent twice; ${recorded} deliveries recorded (the crashed page's unsent mails are lost, never sent twice), ${resumeWall.toFixed(1)} s`,
  );
  const progress = (await repos.jobs.get(jobId))?.progress;
  console.log(`jobs page progress: ${JSON.stringify(progress)}`);
  await db.execute(sql`delete from users where email like 'bench-digest-%@example.test'`);
  await platform.close();
}

await main();
