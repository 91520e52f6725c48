// Partner index benchmark (docs/matching.md, "The bound"): the partner ranking's latency per suggestion
// (top 20) and the index's memory, on an in-memory build of the synthetic organisations (no database).
//   npm run bench:partner-index [-- --count 100000,1000000 --sources 300 --limit 20]
// Concepts are tagged by the database at import; here each organisation gets the concepts of the
// activities its description names (as the glossary's terms would find them), and makers "manufacturing",
// a common concept that weighs too little to make a candidate but still adds to the score.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { recordFields } from './synthetic-profile.js';
import type { PartnerProfile } from '../src/repositories/match.repository.js';
import { ACTIVITIES, syntheticOrganisations } from '../src/services/synthetic-organisations.js';
import { PartnerIndex, type CandidateFilter } from '../src/services/matching/partner-index.js';
import { matchingWeights, type MatchContext } from '../src/services/matching/scoring.js';
import { SnapshotReader, SnapshotWriter } from '../src/services/search/snapshot/codec.js';

const { values: args } = parseArgs({
  options: {
    count: { type: 'string', default: '100000,1000000' },
    sources: { type: 'string', default: '300' },
    limit: { type: 'string', default: '20' },
  },
});
const COUNTS = args.count.split(',').map(Number);
const SOURCES = Number(args.sources);
const LIMIT = Number(args.limit);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
/** The heap and the typed arrays' buffers (postings and feature buffers live in those, outside the heap). */
const heap = () => {
  globalThis.gc?.();
  globalThis.gc?.();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
};
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

const conceptOf = (activity: { en: string }) => activity.en.toLowerCase().replace(/[^a-z]+/g, '-');
const activityByDescription = ACTIVITIES.map((a) => ({ en: a.en, concept: conceptOf(a) }));

/** The synthetic organisations as the partner index reads them. */
function* profiles(count: number): Generator<PartnerProfile> {
  let i = 0;
  for (const o of syntheticOrganisations(count)) {
    i++;
    const description = o.description?.en ?? '';
    const concepts = activityByDescription.filter((a) => description.toLowerCase().includes(a.en)).map((a) => a.concept);
    if ((o.productCodes ?? []).length > 0) concepts.push('manufacturing');
    const name = o.name.en ?? o.name.fr ?? o.name.ru ?? '';
    yield {
      ...recordFields(o, `synthetic-${String(i).padStart(8, '0')}`),
      conceptCodes: [...new Set(concepts)],
      sortName: name.toLowerCase(),
    };
  }
}

/** Kaluga and Limousin's departments are partners: the founding case's pairs. */
const PAIRS: Record<string, string[]> = {
  'RU-KLU': ['FR-87', 'FR-19', 'FR-23'],
  'FR-87': ['RU-KLU'],
  'FR-19': ['RU-KLU'],
  'FR-23': ['RU-KLU'],
};

async function measure(count: number): Promise<void> {
  const before = heap();
  const generated = profiles(count);
  const sources: PartnerProfile[] = [];
  const every = Math.max(1, Math.floor(count / SOURCES));
  let read = 0;
  const index = new PartnerIndex({
    profilesSince: async (since, page) => {
      const items: PartnerProfile[] = [];
      if (since === null)
        for (let next = generated.next(); !next.done; next = generated.next()) {
          if (read++ % every === 3 && sources.length < SOURCES) sources.push(next.value);
          items.push(next.value);
          if (items.length === page.limit) break;
        }
      return { items, gone: [], position: since ?? { seq: 0, holes: [] }, more: items.length === page.limit };
    },
  });
  const started = performance.now();
  await index.refresh();
  const loadMs = performance.now() - started;
  const indexHeap = heap() - before;

  const times: number[] = [];
  const whole: number[] = [];
  let found = 0;
  for (const pass of ['warm-up', 'measured']) {
    for (const source of sources) {
      const t0 = performance.now();
      const context: MatchContext = {
        conceptWeights: index.conceptWeights(source.conceptCodes),
        rarity: index.rarities(source),
        pairedRegions: new Set(PAIRS[source.regionCode] ?? []),
      };
      const weights = matchingWeights(source, context);
      // by default a suggestion leaves out the source's own region
      const filter: CandidateFilter = {
        sourceId: source.id,
        regionCodes: [],
        excludedRegionCodes: [source.regionCode],
        kinds: [],
        sectors: [],
        areaCodes: [],
        dismissed: new Set(),
      };
      const t1 = performance.now();
      const best = index.best(weights, filter, LIMIT);
      const t2 = performance.now();
      if (pass === 'measured') {
        times.push(t2 - t1);
        whole.push(t2 - t0);
        found += best.length;
      }
    }
  }
  times.sort((a, b) => a - b);
  whole.sort((a, b) => a - b);
  const ms = (n: number) => n.toFixed(2);
  console.log(
    `${count} organisations: loaded in ${(loadMs / 1000).toFixed(1)} s, index ${mb(indexHeap)} (heap + array buffers after gc); ` +
      `ranking top ${LIMIT} over ${sources.length} sources p50 ${ms(percentile(times, 50))} ms, p95 ${ms(percentile(times, 95))} ms, ` +
      `max ${ms(times.at(-1)!)} ms; with weights p50 ${ms(percentile(whole, 50))} ms, p95 ${ms(percentile(whole, 95))} ms; ` +
      `${(found / sources.length).toFixed(1)} found a source; rss ${mb(process.memoryUsage().rss)}`,
  );
  console.log(`  ${await snapshotTimes(index)}`);
}

/** The index written to a snapshot file and read back into a new one (only where the index has snapshots). */
async function snapshotTimes(index: PartnerIndex): Promise<string> {
  const snapshotted = index as PartnerIndex & { writeSnapshot?: (w: SnapshotWriter) => void; readSnapshot?: (r: SnapshotReader) => void };
  if (!snapshotted.writeSnapshot || !snapshotted.readSnapshot) return 'no snapshot';
  const dir = mkdtempSync(join(tmpdir(), 'bench-partners-'));
  try {
    const path = join(dir, 'partners.snapshot');
    const t0 = performance.now();
    const writer = new SnapshotWriter();
    snapshotted.writeSnapshot(writer);
    const bytes = await writer.save(path);
    const t1 = performance.now();
    const reader = (await SnapshotReader.open(path))!;
    const t2 = performance.now();
    const restored = new PartnerIndex({ profilesSince: async () => ({ items: [], gone: [], position: { seq: 0, holes: [] }, more: false }) }) as typeof snapshotted;
    restored.readSnapshot!(reader);
    const t3 = performance.now();
    return `snapshot ${mb(bytes)} written in ${(t1 - t0).toFixed(0)} ms, file read in ${(t2 - t1).toFixed(0)} ms, restored in ${(t3 - t2).toFixed(0)} ms (${restored.size} organisations)`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (!globalThis.gc) console.log('(run with node --expose-gc for the memory figures: npm run bench:partner-index does)');
for (const count of COUNTS) await measure(count);
