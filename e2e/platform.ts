import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningPlatform {
  baseUrl: string;
  /** The folder the platform writes its e-mails to (no SMTP here): the messages as their recipients get them. */
  outboxDir: string;
  stop(): Promise<void>;
}

/**
 * Starts the built platform as `npm start` would, on a fresh data folder with the demo data: each test
 * file gets its own, so that what one file writes never changes what another sees.
 */
export async function startPlatform(options: { examples?: boolean } = {}): Promise<RunningPlatform> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cb-e2e-'));
  const port = 3100 + Math.floor(Math.random() * 800);
  const server: ChildProcess = spawn(process.execPath, ['bin/clusterbridge.js', 'serve'], {
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
      SEED_EXAMPLES: String(options.examples ?? false),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the platform did not start within 60 s')), 60_000);
    server.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Clusterbridge ready')) {
        clearTimeout(timer);
        resolve();
      }
    });
    server.on('exit', (code) => reject(new Error(`the platform exited with code ${code}`)));
  });
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
