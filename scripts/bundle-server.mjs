// The server and CLI as one module, dist/clusterbridge.js, which bin/clusterbridge.js runs (part of
// `npm run build`, after tsc). Loading tsc's four hundred modules one by one (each resolved, read and
// linked) was most of a start's module loading; one file is parsed once.
//
// npm packages stay outside it, as installed, but for those of many small ES modules that only this
// code loads: TypeBox (about 700 files) with the Fastify type provider, its one other user, and Drizzle.
// A package some other installed package also loads would then exist twice, with two copies of its state
// (TypeBox's format registry, Fastify's plugins): none of these is.
import { build } from 'esbuild';

const INLINED = new Set(['typebox', '@fastify/type-provider-typebox', 'drizzle-orm']);
/** The package a bare import names: `drizzle-orm/pg-core` → `drizzle-orm`, `@fastify/static` → itself. */
const packageOf = (path) => path.split('/').slice(0, path.startsWith('@') ? 2 : 1).join('/');

await build({
  entryPoints: ['dist/cli/index.js'],
  outfile: 'dist/clusterbridge.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  plugins: [
    {
      name: 'external-packages',
      setup(build) {
        build.onResolve({ filter: /^[^./]/ }, (args) =>
          args.path.startsWith('node:') || !INLINED.has(packageOf(args.path)) ? { path: args.path, external: true } : undefined,
        );
      },
    },
  ],
});
