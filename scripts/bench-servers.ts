// Server processes for the scale benchmark: the CLI's `serve` on a PostgreSQL database, run as `npm start`
// runs it (the compiled code, built first when stale), and what a client of theirs measures: answers, waits
// after a start, memory.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { percentile } from './bench-queries.js';
import { resolve } from 'node:path';

export interface Server {
  base: string;
  pid: number;
  startedAt: number;
  stop(): Promise<void>;
}

/** Builds the platform when its sources are newer than the last build (as `npm start` does). */
export function buildIfStale(): void {
  const run = spawnSync(process.execPath, [resolve('scripts/build-if-stale.mjs')], { stdio: 'inherit' });
  if (run.status !== 0) throw new Error(`the build failed (${run.status})`);
}

/** Starts `serve` on `databaseUrl`; `dataDir` holds what the server keeps on disk (shared by the size's servers). */
export function startServer(databaseUrl: string, port: number, dataDir: string, log: string, env: Record<string, string> = {}): Server {
  mkdirSync(dataDir, { recursive: true });
  const out = openSync(log, 'a');
  const startedAt = performance.now();
  const child: ChildProcess = spawn(process.execPath, [resolve('bin/clusterbridge.js'), 'serve'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      DATA_DIR: resolve(dataDir),
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      SEED_DEMO: 'false',
      SEARCH_RATE_LIMIT: '0',
      ...env,
    },
    stdio: ['ignore', out, out],
  });
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  return {
    base: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    startedAt,
    async stop() {
      child.kill('SIGTERM');
      const late = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(late);
    },
  };
}

/**
 * Asks `url` until it answers 200: while the server is not listening yet, and while its search answers
 * 503 search_starting (its index still loading). Returns the body.
 */
export async function untilOk(url: string, timeoutMs = 1_800_000, init?: RequestInit): Promise<any> {
  const started = performance.now();
  for (;;) {
    try {
      const res = await fetch(url, init);
      if (res.ok) return res.json();
      if (res.status !== 503) throw new Error(`${url}: ${res.status} ${await res.text()}`);
    } catch (error) {
      if (!(error instanceof TypeError)) throw error; // connection refused: not listening yet
    }
    if (performance.now() - started > timeoutMs) throw new Error(`${url}: no answer within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A process's resident memory now and its high-water mark, in MB (/proc/<pid>/status). */
export function memoryOf(pid: number): { rssMb: number; hwmMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1]) / 1024;
  return { rssMb: kb('VmRSS'), hwmMb: kb('VmHWM') };
}

/** A signed-in session of one server: its cookie and CSRF token on every request. */
export async function signIn(base: string, email: string, password: string) {
  const res = await fetch(`${base}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`sign-in of ${email}: ${res.status} ${await res.text()}`);
  const cookie = /cb_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')?.[0];
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return async (method: string, path: string, body?: unknown) => {
    const answer = await fetch(`${base}${path}`, {
      method,
      headers: { cookie: cookie!, 'x-csrf-token': csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!answer.ok) throw new Error(`${method} ${path}: ${answer.status} ${await answer.text()}`);
    return answer.json();
  };
}

/**
 * Searches and suggestions asked of a running web process over HTTP, one after another: p50 and p95. It is
 * warmed on other requests first, and each measured one is asked once, so that no answer comes from what
 * the process kept of an earlier one.
 */
export async function overHttp(base: string, warm: string[], paths: string[]): Promise<{ p50: number; p95: number }> {
  for (const path of warm) await untilOk(`${base}${path}`);
  const times: number[] = [];
  for (const path of new Set(paths)) {
    const started = performance.now();
    const res = await fetch(`${base}${path}`);
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${path}: ${res.status}`);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

/**
 * Waits past the snapshot store's first look after a load (10 s), then until both indexes' snapshots are
 * in the folder and no save is under way (at most two minutes more).
 */
export async function snapshotsSaved(folder: string): Promise<void> {
  await new Promise((r) => setTimeout(r, 11_000));
  const started = performance.now();
  for (;;) {
    const files = existsSync(folder) ? readdirSync(folder) : [];
    const saved = ['directory-', 'partners-'].every((name) => files.some((f) => f.startsWith(name) && f.endsWith('.snapshot')));
    if (saved && !files.some((f) => f.endsWith('.lock') || f.endsWith('.tmp'))) break;
    if (performance.now() - started > 120_000) break;
    await new Promise((r) => setTimeout(r, 250));
  }
}
