import { spawnSync } from 'node:child_process';
import { chromiumPath } from './browser.js';

/** Checks for Chromium and builds the platform once; each test file then starts its own (platform.ts). */
export function setup() {
  chromiumPath(); // fail now, with instructions, rather than in every test
  const build = spawnSync('node', ['scripts/build-if-stale.mjs'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('build failed');
}
