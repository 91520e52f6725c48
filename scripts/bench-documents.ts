// Documents benchmark (docs/benchmarks.md, "Documents"): upload and download of a 20 MB document over
// HTTP, on PGlite (a data folder, as `serve` runs it) and on PostgreSQL, with the server's memory growth
// beside the file's size (the target: less than twice the file).
//   npm run bench:documents [-- --engine pglite|postgres|both --mb 20 --postgres postgres://…]
// PostgreSQL runs when --engine names it, or when TEST_DATABASE_URL or DATABASE_URL is set (--engine both).
// The server runs in a child process of its own (this script with --serve), so that the client's buffers
// are not counted against it; it samples its RSS every 5 ms and reports the peak of each phase.
import { fork } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureDatabase } from './bench-setup.js';

const { values: args } = parseArgs({
  options: {
    engine: { type: 'string' },
    mb: { type: 'string', default: '20' },
    postgres: { type: 'string' },
    serve: { type: 'string' },
    runs: { type: 'string', default: '3' },
  },
});

interface Memory {
  rss: number;
  heapUsed: number;
  external: number;
}
type Report =
  | { kind: 'ready'; port: number; slug: string; cookie: string; csrf: string }
  | { kind: 'memory'; baseline: Memory; peak: Memory; after: Memory };

/** The server side: a platform on its own database, an editor signed in, a record to attach to. */
async function serve(engine: string): Promise<void> {
  const { openPlatform } = await import('../src/platform.js');
  const { buildApp } = await import('../src/http/app.js');
  const { cooperationRecords, recordParties } = await import('../src/db/schema/index.js');
  const { hashPassword } = await import('../src/services/accounts/secrets.js');
  const { eq } = await import('drizzle-orm');
  const dataDir = engine === 'pglite' ? mkdtempSync(join(tmpdir(), 'cb-bench-documents-')) : '';
  const platform = await openPlatform({ databaseUrl: engine === 'pglite' ? null : engine, dataDir }, { seedDemoIfEmpty: true });
  const app = await buildApp({
    services: platform.services,
    database: platform.database.kind,
    webRoot: null,
    documentMaxBytes: 64 * 1024 * 1024,
  });
  const repos = platform.services.repos;
  const ardl = (await repos.organisations.getBySlug('ardl'))!;
  const email = `bench.${Date.now()}@example.org`;
  const password = 'Bench-Documents-2026';
  const user = await repos.accounts.createUser({
    email,
    passwordHash: await hashPassword(password),
    displayName: 'bench',
    language: 'en',
    emailConfirmedAt: new Date(),
  });
  await repos.accounts.grant({ userId: user.id, role: 'org_editor', regionCode: null, organisationId: ardl.id });
  const slug = `bench-documents-${Date.now()}`;
  const [record] = await platform.database.db
    .insert(cooperationRecords)
    .values({
      slug,
      kind: 'agreement',
      title: { original: 'en', en: 'Benchmark agreement' },
      stage: 'signed',
      regionCodes: [ardl.regionCode],
    })
    .returning();
  await platform.database.db
    .insert(recordParties)
    .values({ recordId: record!.id, position: 0, organisationId: ardl.id, role: 'signatory' });
  const signIn = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password } });
  const cookie = signIn.cookies.find((c) => c.name === 'cb_session')!.value;
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as { port: number }).port;

  const read = (): Memory => {
    const m = process.memoryUsage();
    return { rss: m.rss, heapUsed: m.heapUsed, external: m.external };
  };
  let baseline = read();
  let peak = baseline;
  setInterval(() => {
    const now = read();
    peak = {
      rss: Math.max(peak.rss, now.rss),
      heapUsed: Math.max(peak.heapUsed, now.heapUsed),
      external: Math.max(peak.external, now.external),
    };
  }, 5).unref();
  process.on('message', async (message: string) => {
    if (message === 'reset') {
      global.gc?.();
      baseline = read();
      peak = baseline;
      process.send!('reset');
    } else if (message === 'memory') {
      // what stays once the garbage is collected: the phase's own memory, not the collector's slack
      global.gc?.();
      process.send!({ kind: 'memory', baseline, peak, after: read() } satisfies Report);
    } else if (message === 'stop') {
      await app.close();
      await platform.database.db.delete(cooperationRecords).where(eq(cooperationRecords.id, record!.id));
      await platform.close();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
      process.exit(0);
    }
  });
  process.send!({ kind: 'ready', port, slug, cookie, csrf: signIn.json().csrfToken } satisfies Report);
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

async function main(): Promise<void> {
  const postgresUrl = args.postgres ?? process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  const engines = args.engine
    ? args.engine === 'both'
      ? ['pglite', 'postgres']
      : [args.engine]
    : postgresUrl
      ? ['pglite', 'postgres']
      : ['pglite'];
  const folder = mkdtempSync(join(tmpdir(), 'cb-bench-file-'));
  const file = join(folder, 'agreement.pdf');
  const size = Number(args.mb) * 1024 * 1024;
  const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(size - 9)]);
  writeFileSync(file, bytes);
  const digest = createHash('sha256').update(bytes).digest('hex');
  console.log(`file: ${mb(statSync(file).size)} MB PDF; ${args.runs} uploads and downloads per engine`);
  try {
    for (const engine of engines) {
      let target = engine;
      if (engine === 'postgres') {
        const url = new URL(postgresUrl ?? 'postgres://postgres@127.0.0.1:5432/test');
        url.pathname = '/cb_bench_documents';
        await ensureDatabase(url.toString());
        target = url.toString();
      }
      await benchEngine(engine, target, file, size, digest);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

async function benchEngine(engine: string, target: string, file: string, size: number, digest: string): Promise<void> {
  const child = fork(fileURLToPath(import.meta.url), ['--serve', target], { execArgv: ['--import', 'tsx', '--expose-gc'] });
  const ready = (await once(child, 'message'))[0] as Extract<Report, { kind: 'ready' }>;
  const ask = async (message: string) => {
    child.send(message);
    return (await once(child, 'message'))[0] as Report | string;
  };
  const headers = { cookie: `cb_session=${ready.cookie}`, 'x-csrf-token': ready.csrf };
  const growth = (r: Report | string) => {
    const { baseline, peak, after } = r as Extract<Report, { kind: 'memory' }>;
    const js = (m: Memory) => m.heapUsed + m.external;
    return { rss: peak.rss - baseline.rss, js: js(peak) - js(baseline), kept: js(after) - js(baseline) };
  };
  for (let run = 1; run <= Number(args.runs); run++) {
    await ask('reset');
    let started = performance.now();
    const uploaded = await send(
      ready.port,
      `/api/v1/records/${ready.slug}/documents?name=agreement-${run}.pdf`,
      'POST',
      headers,
      file,
      size,
    );
    const uploadMs = performance.now() - started;
    const up = growth(await ask('memory'));
    if (uploaded.status !== 201) throw new Error(`upload answered ${uploaded.status}: ${uploaded.body}`);
    const document = JSON.parse(uploaded.body) as { url: string; sha256: string };
    if (document.sha256 !== digest) throw new Error('the stored digest differs from the file’s');
    await ask('reset');
    started = performance.now();
    const downloaded = await send(ready.port, document.url, 'GET', headers);
    const downloadMs = performance.now() - started;
    const down = growth(await ask('memory'));
    if (downloaded.digest !== digest) throw new Error('the download differs from the upload');
    await send(ready.port, document.url, 'DELETE', headers);
    console.log(
      `${engine} run ${run}: upload ${uploadMs.toFixed(0)} ms (server RSS +${mb(up.rss)} MB = ${(up.rss / size).toFixed(2)}× the file, JS heap+buffers peak +${mb(up.js)} MB, kept +${mb(up.kept)} MB); ` +
        `download ${downloadMs.toFixed(0)} ms (RSS +${mb(down.rss)} MB = ${(down.rss / size).toFixed(2)}×, JS peak +${mb(down.js)} MB, kept +${mb(down.kept)} MB)`,
    );
  }
  const exited = once(child, 'exit');
  child.send('stop');
  await exited;
}

/** One request; the upload body streamed from the file, the answer hashed as it arrives and not kept. */
function send(
  port: number,
  path: string,
  method: string,
  headers: Record<string, string>,
  file?: string,
  size?: number,
): Promise<{ status: number; body: string; digest: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method,
        headers: { ...headers, ...(file ? { 'content-type': 'application/octet-stream', 'content-length': String(size) } : {}) },
      },
      (res) => {
        const hash = createHash('sha256');
        let body = '';
        res.on('data', (chunk: Buffer) => {
          hash.update(chunk);
          if (body.length < 4096) body += chunk.toString('utf8');
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, digest: hash.digest('hex') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (file) createReadStream(file).pipe(req);
    else req.end();
  });
}

if (args.serve) await serve(args.serve);
else await main();
