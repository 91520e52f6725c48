// The fuzzy name pass (names that sound like a word found nowhere) on a generated set: each sound's time and
// how many names it gave, twice. npm run bench:fuzzy-names -- [--size 1000000] [kompania limoj vandenbruk …]
import { parseArgs } from 'node:util';
import { openPlatform } from '../src/platform.js';

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    size: { type: 'string', default: '1000000' },
    postgres: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432' },
  },
});
const sounds = positionals.length > 0 ? positionals : ['kompania', 'limoj', 'vandenbruk', 'obninks'];
const platform = await openPlatform({
  databaseUrl: `${args.postgres.replace(/\/$/, '')}/cb_scale_${args.size}`,
  dataDir: '',
  snapshotDir: '',
});
for (const round of [1, 2])
  for (const key of sounds) {
    const started = performance.now();
    const { ids, cut } = await platform.services.repos.search.namesSoundingLike(key);
    console.log(`${round} ${key}: ${ids.size} names${cut ? ' (cut)' : ''} in ${(performance.now() - started).toFixed(0)} ms`);
  }
await platform.close();
process.exit(0);
