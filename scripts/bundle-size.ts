/**
 * The web app's JavaScript as a phone downloads it: builds it (vite build), then prints the initial
 * JavaScript gzipped (the entry and what index.html preloads: what the home page loads before any route
 * chunk) and each lazy chunk. Fails above the budget (docs/benchmarks.md).
 *
 *   npm run bench:bundle            build, then measure
 *   npm run bench:bundle -- --no-build   measure dist/web as it is
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 250;
const root = join(import.meta.dirname, '..');
const web = join(root, 'dist', 'web');

if (!process.argv.includes('--no-build'))
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });

const html = readFileSync(join(web, 'index.html'), 'utf8');
const initial = new Set([...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]!));
const kb = (file: string) => gzipSync(readFileSync(join(web, file)), { level: 9 }).length / 1024;
const chunks = readdirSync(join(web, 'assets'))
  .filter((f) => f.endsWith('.js'))
  .map((f) => `assets/${f}`);

const initialKb = [...initial].reduce((sum, f) => sum + kb(f), 0);
const row = (name: string, size: number) => console.log(`${size.toFixed(1).padStart(8)} KB  ${name}`);
console.log('initial JavaScript (gzipped):');
for (const f of initial) row(f, kb(f));
row('total initial', initialKb);
console.log('lazy chunks (gzipped):');
for (const f of chunks.filter((c) => !initial.has(c)).sort()) row(f, kb(f));
if (initialKb > BUDGET_KB) {
  console.error(`initial JavaScript ${initialKb.toFixed(1)} KB gzipped is over the ${BUDGET_KB} KB budget`);
  process.exit(1);
}
