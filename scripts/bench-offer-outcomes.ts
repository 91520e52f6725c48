// Contacts → agreements counts benchmark (docs/benchmarks.md): GET /api/v1/offers/outcomes over many accepted
// expressions of interest, on an in-memory PGlite and on the PostgreSQL server (a database made and dropped).
//   npm run bench:offer-outcomes [-- --contacts 50000 --runs 40 --postgres postgres://… --skip-postgres]
import { parseArgs } from 'node:util';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/http/app.js';
import { openPlatform } from '../src/platform.js';

const { values: args } = parseArgs({
  options: {
    contacts: { type: 'string', default: '50000' },
    runs: { type: 'string', default: '40' },
    postgres: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
    'skip-postgres': { type: 'boolean', default: false },
    explain: { type: 'boolean', default: false },
  },
});
const CONTACTS = Number(args.contacts);
const RUNS = Number(args.runs);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function bench(engine: string, databaseUrl: string | null): Promise<void> {
  const platform = await openPlatform({ databaseUrl, dataDir: '' }, { seedDemoIfEmpty: true });
  const app = await buildApp({ services: platform.services, database: platform.database.kind, webRoot: null });
  try {
    const db = platform.database.db;
    const started = performance.now();
    // one published offer per contact, of organisations in turn, each with an accepted interest of another
    // organisation; one in five led to an agreement (the demo's 2004 agreement stands for them)
    await db.execute(sql`
      with orgs as (select id, region_code, row_number() over (order by slug) - 1 as n, count(*) over () as total from organisations),
      made as (
        insert into offers (slug, kind, organisation_id, region_code, title, expires_on, stage, published_at, area_codes)
        select 'bench-offer-' || g, 'technology_offer', o.id, o.region_code, '{"original":"en","en":"Bench offer"}'::jsonb,
               current_date + 90, 'published', now(),
               array[(array['filters-filtering-materials','innovative-technology-transfer','industrial-control-software'])[1 + g % 3]]
        from generate_series(0, ${CONTACTS - 1}) g join orgs o on o.n = g % o.total
        returning id, organisation_id, slug)
      insert into offer_interests (offer_id, organisation_id, message, answers, language, state, decided_at, agreement_id, outcome_at)
      select m.id, (select id from organisations where id <> m.organisation_id order by md5(m.slug || id::text) limit 1),
             'Interest', '{"offers":"a","expects":"b","timeline":"c"}'::jsonb, 'en', 'accepted',
             now() - (random() * interval '700 days'),
             case when abs(hashtext(m.slug)) % 5 = 0 then (select id from cooperation_records where kind = 'agreement' limit 1) end,
             case when abs(hashtext(m.slug)) % 5 = 0 then now() - (random() * interval '300 days') end
      from made m`);
    await db.execute(sql`analyze offer_interests`);
    await db.execute(sql`analyze offers`);
    if (args.explain) {
      const t0 = performance.now();
      await platform.services.repos.offerInterests.outcomeCounts({});
      console.log(`${engine}: the counts' statement alone ${(performance.now() - t0).toFixed(1)} ms`);
    }
    console.log(`${engine}: ${CONTACTS} contacts written in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    for (const url of ['/api/v1/offers/outcomes', '/api/v1/offers/outcomes?region=FR-NAQ&from=2026-01', '/api/v1/offers/outcomes?area=innovative-technology-transfer']) {
      const times: number[] = [];
      let totals = '';
      for (let i = 0; i < RUNS + 3; i++) {
        const t0 = performance.now();
        const res = await app.inject(url);
        if (i >= 3) times.push(performance.now() - t0);
        if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
        totals = JSON.stringify(res.json().totals);
      }
      times.sort((a, b) => a - b);
      console.log(`${engine} ${url}: p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms ${totals}`);
    }
  } finally {
    await app.close();
    await platform.close();
  }
}

await bench('PGlite', null);
if (!args['skip-postgres']) {
  const name = `cb_bench_outcomes_${process.pid}`;
  const admin = new pg.Client({ connectionString: args.postgres });
  await admin.connect();
  await admin.query(`create database ${name}`);
  try {
    const url = new URL(args.postgres);
    url.pathname = `/${name}`;
    await bench('PostgreSQL', url.toString());
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
