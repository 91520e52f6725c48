import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningPlatform {
  baseUrl: string;
  /** The folder the platform writes its e-mails to (no SMTP here): the messages as their recipients get them. */
  outboxDir: string;
  stop(): Promise<void>;
}

/** A port the system has just said is free; another process can still take it before us, hence the retry below. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts the built platform as `npm start` would, on a fresh data folder with the demo data: each test
 * file gets its own, so that what one file writes never changes what another sees.
 */
export async function startPlatform(options: PlatformOptions = {}): Promise<RunningPlatform> {
  // test files start their platforms in parallel: a port taken between the probe and the listen is tried again
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(options, await freePort());
    } catch (error) {
      if (!(error instanceof PortTaken) || attempt === 3) throw error;
    }
  }
}

class PortTaken extends Error {}

export interface PlatformOptions {
  examples?: boolean;
  /** CLI commands run on the data folder before the server starts (e.g. ['seed'], ['generate', …]). */
  prepare?: string[][];
  /** More environment for `serve` (e.g. REMINDER_SCAN_SECONDS for a reminders' scan every few seconds). */
  env?: Record<string, string>;
}

async function startOnce(options: PlatformOptions, port: number): Promise<RunningPlatform> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cb-e2e-'));
  for (const args of options.prepare ?? []) {
    const env = {
      ...process.env,
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
      SEED_EXAMPLES: String(options.examples ?? false),
    };
    const done = spawnSync(process.execPath, ['bin/clusterbridge.js', ...args], { env, encoding: 'utf8' });
    if (done.status !== 0) throw new Error(`clusterbridge ${args.join(' ')} failed: ${done.stderr}`);
  }
  const server: ChildProcess = spawn(process.execPath, ['bin/clusterbridge.js', 'serve'], {
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
      SEED_EXAMPLES: String(options.examples ?? false),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  server.stderr!.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
    process.stderr.write(chunk);
  });
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the platform did not start within 60 s')), 60_000);
      server.stdout!.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('Clusterbridge ready')) {
          clearTimeout(timer);
          resolve();
        }
      });
      server.on('exit', (code) => {
        clearTimeout(timer);
        const message = `the platform exited with code ${code}${errors ? `:\n${errors.slice(-2000)}` : ''}`;
        reject(errors.includes('EADDRINUSE') ? new PortTaken(message) : new Error(message));
      });
    });
  } catch (error) {
    if (server.exitCode === null) server.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    outboxDir: join(dataDir, 'outbox'),
    stop: async () => {
      if (server.exitCode === null) {
        const exited = new Promise((resolve) => server.once('exit', resolve));
        server.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
