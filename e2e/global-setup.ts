import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { chromiumPath } from './browser.js';

let server: ChildProcess | undefined;
let dataDir: string | undefined;

/** Builds the platform and starts it as a user would, on a fresh data folder with the demo data. */
export async function setup(project: TestProject) {
  chromiumPath(); // fail now, with instructions, rather than in every test
  const build = spawnSync('node', ['scripts/build-if-stale.mjs'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('build failed');
  dataDir = mkdtempSync(join(tmpdir(), 'cb-e2e-'));
  const port = 3100 + Math.floor(Math.random() * 800);
  server = spawn(process.execPath, ['bin/clusterbridge.js', 'serve'], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the platform did not start within 60 s')), 60_000);
    server!.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Clusterbridge ready')) {
        clearTimeout(timer);
        resolve();
      }
    });
    server!.on('exit', (code) => reject(new Error(`the platform exited with code ${code}`)));
  });
  project.provide('baseUrl', `http://127.0.0.1:${port}`);
}

export async function teardown() {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
