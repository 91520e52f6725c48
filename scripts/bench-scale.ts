// Scale benchmark (docs/benchmarks.md): the figures of issue 15 at 100k, 300k and 1M organisations on
// PostgreSQL, through real server processes, beside a saved baseline.
//   npm run bench:scale [-- --sizes 100000,300000,1000000 --save-baseline docs/bench/scale-baseline.json
//                           --baseline docs/bench/scale-baseline.json --postgres postgres://postgres@127.0.0.1:5432]
//   npm run bench:scale -- --show docs/bench/scale-baseline.json   (the table of a saved run, nothing measured)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openPlatform, type Platform } from '../src/platform.js';
import { AppError } from '../src/services/errors.js';
import { ensureData, ensureDatabase, type Generation } from './bench-setup.js';
import { partnerUrls, percentile, searchUrls, timeRequests, warmUpUrls } from './bench-queries.js';
import { printTable, readSaved, type Figures } from './bench-scale-table.js';
import { buildIfStale, memoryOf, overHttp, signIn, snapshotsSaved, startServer, untilOk, type Server } from './bench-servers.js';

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100000,300000,1000000' },
    postgres: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432' },
    queries: { type: 'string', default: '240' },
    writes: { type: 'string', default: '20' },
    // cluster: a web process without indexes beside a search process (serve-cluster's form, docs/scaling.md);
    // single: one process holding its indexes (today's design before the search processes)
    design: { type: 'string', default: 'cluster' },
    'save-baseline': { type: 'string' },
    baseline: { type: 'string' },
    // prints the table of a saved run's figures (as "now") without measuring
    show: { type: 'string' },
    // internal: make one size's set in a process of its own, so that its peak RSS is the generator's alone
    generate: { type: 'string' },
  },
});
const QUERIES = Number(args.queries);
const databaseUrl = (size: number) => `${args.postgres.replace(/\/$/, '')}/cb_scale_${size}`;
const generationFile = (size: number) => `.bench/scale-generation-${size}.json`;
const ADMIN = { email: 'scale-bench@clusterbridge.test', password: 'Porcelaine-Limoges-7341' };

if (args.generate) {
  const size = Number(args.generate);
  await ensureDatabase(databaseUrl(size));
  const platform = await openPlatform({ databaseUrl: databaseUrl(size), dataDir: '' });
  const made = await ensureData(platform, size);
  await platform.close();
  if (made) {
    mkdirSync('.bench', { recursive: true });
    writeFileSync(generationFile(size), JSON.stringify(made, null, 2));
  }
  process.exit(0);
}

/** Makes the set of `size` in a child process; the figures of the run that made it are kept beside. */
function generate(size: number): Generation | null {
  const run = spawnSync(
    process.execPath,
    [...process.execArgv, process.argv[1]!, '--generate', String(size), '--postgres', args.postgres],
    {
      stdio: 'inherit',
    },
  );
  if (run.status !== 0) throw new Error(`generating ${size} organisations failed (${run.status})`);
  return existsSync(generationFile(size)) ? (JSON.parse(readFileSync(generationFile(size), 'utf8')) as Generation) : null;
}


/** Warm search and partner suggestions through the HTTP layer of an in-process platform. */
async function latencies(platform: Platform, size: number): Promise<Figures> {
  // loaded first: a first search waits for the load only so long, then answers 503 search_starting
  await platform.services.directory.warmUp();
  await platform.services.matches.warmUp();
  const [, search] = await timeRequests(
    platform,
    `${size} search`,
    searchUrls(QUERIES),
    (b) => b.meta.total,
    (r, m) => `${r.engine}: p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms (mean ${m.toFixed(0)} matches)`,
  );
  const [, match] = await timeRequests(
    platform,
    `${size} partners`,
    await partnerUrls(platform, QUERIES),
    (b) => b.items.length,
    (r) => `${r.engine}: top-20 p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms`,
  );
  return { searchP50: search!.p50, searchP95: search!.p95, partnerP50: match!.p50, partnerP95: match!.p95 };
}

/**
 * Search p50 before and while another session holds a transaction open, with 5,000 organisations written
 * since by others (a backup, a long import or an analytics query does the same).
 */
async function underOpenTransaction(platform: Platform, size: number): Promise<Figures> {
  const p50 = async (label: string) =>
    (
      await timeRequests(
        platform,
        label,
        searchUrls(60),
        (b) => b.meta.total,
        (r) => `${r.engine}: p50 ${r.p50.toFixed(1)} ms`,
        ['warm'],
      )
    )[0]!.p50;
  const before = await p50(`${size} search, no transaction open`);
  const holder = new pg.Client({ connectionString: databaseUrl(size) });
  const writer = new pg.Client({ connectionString: databaseUrl(size) });
  await Promise.all([holder.connect(), writer.connect()]);
  const stamp = Date.now().toString(36);
  try {
    await holder.query('BEGIN');
    await holder.query(`UPDATE organisations SET website = $1 WHERE slug = 'synthetic-1'`, [`https://held.example/${stamp}`]);
    for (let from = 2; from < 5002; from += 100) {
      const slugs = Array.from({ length: 100 }, (_, i) => `synthetic-${from + i}`);
      await writer.query(`UPDATE organisations SET website = 'https://written.example/${stamp}/' || slug WHERE slug = ANY($1)`, [slugs]);
    }
    const held = await p50(`${size} search, a transaction open and 5,000 written since`);
    return { openTxBeforeP50: before, openTxP50: held };
  } finally {
    await holder.query('ROLLBACK');
    await Promise.all([holder.end(), writer.end()]);
  }
}

const firstSearch = (base: string) => `${base}${searchUrls(1)[0]}`;

const CLUSTER = args.design === 'cluster';
const SEARCH_PORT = 3983;

/**
 * The servers of one start: in the cluster design a search process (its indexes started from the snapshot
 * folder shared with its next start) and a web process that forwards to it; else one process holding both.
 */
function startServers(size: number, dataDir: string, webPort: number, log: string): { web: Server; search: Server | null } {
  const snapshots = { SNAPSHOT_DIR: `${dataDir}/snapshots` };
  if (!CLUSTER) return { web: startServer(databaseUrl(size), webPort, dataDir, log, snapshots), search: null };
  const search = startServer(databaseUrl(size), SEARCH_PORT, dataDir, log.replace(/\.log$/, '-search.log'), {
    ...snapshots,
    TRUST_PROXY: 'loopback',
  });
  const web = startServer(databaseUrl(size), webPort, dataDir, log, { SEARCH_SERVICE_URL: `http://127.0.0.1:${SEARCH_PORT}` });
  return { web, search };
}

const stopAll = async (servers: { web: Server; search: Server | null }) => {
  await servers.web.stop();
  await servers.search?.stop();
};

/**
 * Memory of the web process (and the search process) with both indexes loaded, searches and suggestions
 * end to end through the web process, then the first search and suggestion after a restart of both.
 */
async function webProcess(
  size: number,
  dataDir: string,
  partnerPaths: string[],
  warmPartnerPaths: string[],
): Promise<{ figures: Figures; servers: { web: Server; search: Server | null } }> {
  const log = `.bench/scale-serve-${size}.log`;
  let servers = startServers(size, dataDir, 3981, log);
  try {
    await untilOk(`${servers.web.base}${warmUpUrls()[0]}`);
    await untilOk(`${servers.web.base}${warmPartnerPaths[0]}`);
    // what follows a first load settles first (the partner index's warm-up, the first snapshot's save, which
    // holds the event loop for a second or more at 1M): a running server's searches are measured, not its start's
    await snapshotsSaved(`${dataDir}/snapshots`);
    const search = await overHttp(servers.web.base, warmUpUrls(), searchUrls(QUERIES));
    const partners = await overHttp(servers.web.base, warmPartnerPaths, partnerPaths);
    console.log(
      `${size}: through the web process, search p50 ${search.p50.toFixed(1)} ms p95 ${search.p95.toFixed(1)} ms; partners p50 ${partners.p50.toFixed(1)} ms p95 ${partners.p95.toFixed(1)} ms`,
    );
    const memory = memoryOf(servers.web.pid);
    const searchMemory = servers.search ? memoryOf(servers.search.pid) : null;
    console.log(
      `${size}: web process VmRSS ${memory.rssMb.toFixed(0)} MB, VmHWM ${memory.hwmMb.toFixed(0)} MB` +
        (searchMemory ? `; search process VmRSS ${searchMemory.rssMb.toFixed(0)} MB, VmHWM ${searchMemory.hwmMb.toFixed(0)} MB` : ''),
    );
    await stopAll(servers);
    servers = startServers(size, dataDir, 3981, log);
    const started = Math.min(servers.web.startedAt, servers.search?.startedAt ?? Infinity);
    await untilOk(firstSearch(servers.web.base));
    const searchMs = performance.now() - started;
    await untilOk(`${servers.web.base}${partnerPaths[0]}`);
    const suggestionMs = performance.now() - started;
    console.log(`${size}: after a restart, first search ${searchMs.toFixed(0)} ms, first suggestion ${suggestionMs.toFixed(0)} ms from the spawn`);
    // both indexes now restored from their snapshots (the partner index at the first suggestion)
    const restored = servers.search ? memoryOf(servers.search.pid) : null;
    if (restored) console.log(`${size}: search process restored, VmRSS ${restored.rssMb.toFixed(0)} MB`);
    await snapshotsSaved(`${dataDir}/snapshots`);
    return {
      figures: {
        rssMb: memory.rssMb,
        hwmMb: memory.hwmMb,
        searchRssMb: searchMemory?.rssMb ?? null,
        searchHwmMb: searchMemory?.hwmMb ?? null,
        restoredSearchRssMb: restored?.rssMb ?? null,
        httpSearchP50: search.p50,
        httpSearchP95: search.p95,
        httpPartnerP50: partners.p50,
        httpPartnerP95: partners.p95,
        firstSearchMs: searchMs,
        firstSuggestionMs: suggestionMs,
      },
      servers,
    };
  } catch (error) {
    await stopAll(servers);
    throw error;
  }
}

/**
 * Profile saves acknowledged by web process A (saved, submitted, validated), then asked of web process B
 * until shown: B's search finds the new word of the name (through the search process, in the cluster design).
 */
async function writeLag(size: number, dataDir: string, a: Server): Promise<Figures> {
  const b = startServer(
    databaseUrl(size),
    3982,
    dataDir,
    `.bench/scale-serve-${size}-b.log`,
    CLUSTER ? { SEARCH_SERVICE_URL: `http://127.0.0.1:${SEARCH_PORT}` } : { SNAPSHOT_DIR: `${dataDir}/snapshots` },
  );
  try {
    await untilOk(firstSearch(b.base));
    const send = await signIn(a.base, ADMIN.email, ADMIN.password);
    const lags: number[] = [];
    for (let i = 0; i < Number(args.writes); i++) {
      const slug = `synthetic-${9000 + i}`;
      await untilOk(`${b.base}/api/v1/organisations/${slug}`);
      const { profile } = await send('GET', `/api/v1/organisations/${slug}/profile`);
      const mark = `Scalemark${Date.now().toString(36)}${i}`;
      const { kind, sector, region, city, name, shortName, description, website, nace, areas } = profile;
      const renamed = { ...name, [name.original]: `${name[name.original]} ${mark}` };
      await send('PUT', `/api/v1/organisations/${slug}/profile`, {
        kind,
        sector,
        region,
        city,
        name: renamed,
        shortName,
        description,
        website,
        nace,
        areas,
      });
      await send('POST', `/api/v1/organisations/${slug}/submit`);
      await send('POST', `/api/v1/organisations/${slug}/decision`, { decision: 'validated' });
      const acknowledged = performance.now();
      for (;;) {
        const found = (await (await fetch(`${b.base}/api/v1/organisations?q=${mark}`)).json()) as { items?: { slug: string }[] };
        if (found.items?.some((o) => o.slug === slug)) break;
        if (performance.now() - acknowledged > 30_000) throw new Error(`${slug}: process B did not find the change within 30 s`);
      }
      lags.push(performance.now() - acknowledged);
    }
    lags.sort((x, y) => x - y);
    console.log(`${size}: a write acknowledged by A found by B's search after ${lags.map((l) => l.toFixed(0)).join(', ')} ms`);
    return { lagP50Ms: percentile(lags, 50), lagMaxMs: lags.at(-1)! };
  } finally {
    await b.stop();
  }
}

/** Runs one part of a size's measures; a part that fails is said and left out, the others go on. */
async function part(figures: Figures, name: string, work: () => Promise<Figures>): Promise<void> {
  try {
    Object.assign(figures, await work());
  } catch (error) {
    console.error(`${name} failed, left out of the table:`, error);
  }
}

async function measure(size: number): Promise<Figures> {
  const generation = generate(size);
  const figures: Figures = { generateSeconds: generation?.seconds ?? null, generatePeakRssMb: generation?.peakRssMb ?? null };
  // the machine's load over the last minute as the measures start: latencies on a shared machine follow it
  figures.loadAverage = loadavg()[0]!;
  const platform = await openPlatform({ databaseUrl: databaseUrl(size), dataDir: '' });
  let partnerPaths: string[];
  let warmPartnerPaths: string[];
  try {
    await platform.services.admin.createAdministrator(ADMIN.email, 'Scale benchmark', ADMIN.password, 'en').catch((error: unknown) => {
      if (!(error instanceof AppError && error.code === 'email_taken')) throw error;
    });
    partnerPaths = await partnerUrls(platform, QUERIES);
    warmPartnerPaths = await partnerUrls(platform, 20, 4);
    await part(figures, 'search and partner latencies', () => latencies(platform, size));
    await part(figures, 'search under an open transaction', () => underOpenTransaction(platform, size));
  } finally {
    // closed before the server processes start: its indexes would only take memory and CPU from them
    await platform.close();
  }
  const dataDir = `.bench/scale-serve-${size}`;
  let servers: { web: Server; search: Server | null } | undefined;
  await part(figures, 'web process', async () => {
    const web = await webProcess(size, dataDir, partnerPaths, warmPartnerPaths);
    servers = web.servers;
    return web.figures;
  });
  if (servers) {
    await part(figures, 'write seen by another process', () => writeLag(size, dataDir, servers!.web));
    await stopAll(servers);
  }
  return figures;
}

const sizes = args.sizes.split(',').map(Number);
const before = readSaved(args.baseline);
const shownRun = readSaved(args.show);
const now: Record<string, Figures> = shownRun?.sizes ?? {};
const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).stdout.trim();
if (!shownRun) buildIfStale();
for (const size of shownRun ? [] : sizes) {
  now[size] = await measure(size);
  if (args['save-baseline']) {
    // merged into what the file holds, size by size, so that sizes can be measured in separate runs
    const saved = readSaved(args['save-baseline']);
    const sizesSaved = { ...saved?.sizes, [size]: now[size]! };
    writeFileSync(
      args['save-baseline'],
      JSON.stringify({ measuredAt: new Date().toISOString(), commit, sizes: sizesSaved }, null, 2) + '\n',
    );
  }
}
printTable(sizes, now, before);
