// What the directory benchmarks share: the searches users type (words × filters), the partner suggestions
// asked for, and their timing through the HTTP layer.
import { buildApp } from '../src/http/app.js';
import type { Platform } from '../src/platform.js';

// the words and filters are the in-memory benchmark's too (bench-directory-index.ts)
import { FILTERS, WORDS } from './directory-queries.js';

export { FILTERS, WORDS };

/**
 * `count` directory searches: words and two filters each, every word with every filter before any repeats
 * (WORDS × FILTERS), in each of the three languages after that, so that up to 360 are distinct.
 */
export const searchUrls = (count: number) =>
  Array.from({ length: count }, (_, i) => {
    const word = WORDS[i % WORDS.length]!;
    const filter = FILTERS[Math.floor(i / WORDS.length) % FILTERS.length]!;
    const lang = LANGS[Math.floor(i / (WORDS.length * FILTERS.length)) % LANGS.length]!;
    return `/api/v1/organisations?q=${encodeURIComponent(word)}&${filter}${lang === 'en' ? '' : `&lang=${lang}`}`;
  });
const LANGS = ['en', 'fr', 'ru'] as const;

/** Searches of the words alone, without filters: what warms a server without asking what is measured. */
export const warmUpUrls = () => WORDS.map((word) => `/api/v1/organisations?q=${encodeURIComponent(word)}`);

/**
 * Top-20 partner suggestions for `count` organisations spread over the set's first ones (each eighth, from
 * the `shift`th: another shift gives other organisations).
 */
export async function partnerUrls(platform: Platform, count: number, shift = 0): Promise<string[]> {
  const sample = await platform.services.repos.organisations.batchAfter(null, count * 8);
  return sample.filter((_, i) => i % 8 === shift).map((o) => `/api/v1/organisations/${o.slug}/partners?limit=20`);
}

export function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export interface Timing {
  engine: string;
  queries: number;
  p50: number;
  p95: number;
  max: number;
  /** The first request's time: what a user meets first after a start. */
  first: number;
  /** What a response found (`amount`), on average. */
  found: number;
}

/**
 * Each URL through the HTTP layer (Fastify inject), twice: the first pass reads the data from disk into the
 * database's buffers ("cold"), the second is a running server's ("warm"). `amount` reads what a response
 * found; `describe` says a pass in a line, with the mean amount.
 */
export async function timeRequests(
  platform: Platform,
  engine: string,
  urls: string[],
  amount: (body: any) => number,
  describe: (row: Timing, meanAmount: number) => string,
  passes: readonly string[] = ['cold', 'warm'],
): Promise<Timing[]> {
  const app = await buildApp({ services: platform.services, database: platform.database.kind, webRoot: null });
  const rows: Timing[] = [];
  for (const pass of passes) {
    const times: number[] = [];
    let found = 0;
    for (const url of urls) {
      // what a search costs, not a lookup of one the directory kept (the load benchmark measures those)
      platform.services.directory.forgetKept();
      const started = performance.now();
      const res = await app.inject(url);
      times.push(performance.now() - started);
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
      found += amount(res.json());
    }
    const first = times[0]!;
    times.sort((a, b) => a - b);
    const row = {
      engine: `${engine} (${pass})`,
      queries: times.length,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      max: times.at(-1)!,
      first,
      found: found / times.length,
    };
    console.log(describe(row, row.found));
    rows.push(row);
  }
  await app.close();
  return rows;
}
