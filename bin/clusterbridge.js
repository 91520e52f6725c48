#!/usr/bin/env node
// The command-line tool. Runs the compiled code, bundled as one module; `npm run build` (done by `npm start`)
// compiles and bundles it.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/clusterbridge.js', import.meta.url);
if (!existsSync(entry)) {
  console.error('Clusterbridge is not built yet: run `npm run build` (or `npm start`) first.');
  process.exit(1);
}
await import(entry.href);
