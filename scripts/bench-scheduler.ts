// Meeting scheduler benchmark (docs/scheduling.md): for each instance family and size, the upper bound and
// its time, schedule() at a 0.5 s and a 3 s budget as a share of the bound (and, on small instances, of the
// exact MIP optimum from HiGHS), the first-fit baseline's share and loss, times and memory, one run.
//   npm run bench:scheduler
//   npm run bench:scheduler -- --quick                 (one seed, fewer sizes)
//   npm run bench:scheduler -- --sizes 100x600,5000x50000 --seeds 5 --families hard --mip-seconds 30
import { exactOptimum } from '../src/services/events/scheduler/exact-optimum.js';
import { type InstanceFamily, generateInstance } from '../src/services/events/scheduler/generate-instance.js';
import { greedyBaseline } from '../src/services/events/scheduler/greedy.js';
import { schedule } from '../src/services/events/scheduler/schedule.js';
import { upperBound } from '../src/services/events/scheduler/upper-bound.js';
import { violations } from '../src/services/events/scheduler/violations.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const quick = args.includes('--quick');
const families = option('families', 'standard,hard').split(',') as InstanceFamily[];
const sizes = option('sizes', quick ? '100x600,5000x50000' : '40x200,100x600,1000x8000,5000x50000')
  .split(',')
  .map((s) => s.split('x').map(Number) as [number, number]);
const seeds = Number(option('seeds', quick ? '2' : '5'));
const mipSeconds = Number(option('mip-seconds', '30'));
/** The exact optimum is computed up to this many requests (HiGHS on bigger ones takes minutes; hard ones sooner). */
const mipUpTo = (family: InstanceFamily) => Number(option('mip-up-to', family === 'hard' ? '300' : '600'));

const pct = (x: number, of: number) => (of > 0 ? (100 * x) / of : 100);
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
const f = (x: number, digits = 2) => (Number.isFinite(x) ? x.toFixed(digits) : '–');

const header = [
  'family',
  'size (P/R)',
  'n',
  'bound ms',
  '0.5 s: % bound',
  '3 s: % bound',
  '3 s: count % bound',
  '% at optimum (3 s)',
  'worst % of optimum',
  'greedy % bound',
  'greedy loss %',
  '3 s run ms',
  'peak RSS MB',
  'heap MB',
];
const rows: string[][] = [];
for (const family of families) {
  for (const [participants, requests] of sizes) {
    const boundMs: number[] = [];
    const short: number[] = [];
    const long: number[] = [];
    const longCount: number[] = [];
    const greedyShare: number[] = [];
    const greedyLoss: number[] = [];
    const runMs: number[] = [];
    const heap: number[] = [];
    let optimal = 0;
    let proven = 0;
    let worstOfOptimum = Infinity;
    for (let seed = 1; seed <= seeds; seed++) {
      const instance = generateInstance(family, { participants, requests }, seed);
      let t = performance.now();
      const bound = upperBound(instance);
      boundMs.push(performance.now() - t);
      const half = schedule(instance, { timeLimitMs: 500, seed });
      t = performance.now();
      const full = schedule(instance, { timeLimitMs: 3000, seed });
      runMs.push(performance.now() - t);
      heap.push(process.memoryUsage().heapUsed / 1e6);
      const greedy = greedyBaseline(instance);
      for (const result of [half, full, greedy]) {
        const broken = violations(instance, result);
        if (broken.length) throw new Error(`${family} ${participants}/${requests} seed ${seed}: ${broken[0]}`);
      }
      short.push(pct(half.scheduledWeight, bound.weight));
      long.push(pct(full.scheduledWeight, bound.weight));
      longCount.push(pct(full.scheduledCount, bound.count));
      greedyShare.push(pct(greedy.scheduledWeight, bound.weight));
      // What the baseline loses of what the scheduler places.
      greedyLoss.push(100 - pct(greedy.scheduledWeight, full.scheduledWeight));
      if (instance.requestA.length <= mipUpTo(family)) {
        const exact = await exactOptimum(instance, mipSeconds);
        if (exact.proven) {
          proven++;
          if (full.scheduledWeight >= exact.weight) optimal++;
          worstOfOptimum = Math.min(worstOfOptimum, pct(full.scheduledWeight, exact.weight));
          if (exact.weight > bound.weight) throw new Error(`the bound ${bound.weight} is below the optimum ${exact.weight}`);
        }
      }
      process.stderr.write('.');
    }
    rows.push([
      family,
      `${participants}/${requests}`,
      String(seeds),
      f(mean(boundMs), 0),
      f(mean(short)),
      f(mean(long)),
      f(mean(longCount)),
      proven ? `${f(pct(optimal, proven), 0)}% of ${proven} proven` : '–',
      proven ? f(worstOfOptimum) : '–',
      f(mean(greedyShare)),
      f(mean(greedyLoss)),
      f(mean(runMs), 0),
      f(process.resourceUsage().maxRSS / 1024, 0),
      f(Math.max(...heap), 0),
    ]);
  }
}
process.stderr.write('\n');
console.log(`| ${header.join(' | ')} |`);
console.log(`|${header.map(() => '---').join('|')}|`);
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
console.log(
  `\nNode ${process.version}, ${new Date().toISOString()}; % are of weight unless marked "count"; peak RSS is the process's so far.`,
);
