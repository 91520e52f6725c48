import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../test/test-platform.js';
import { evaluateSearch, loadEvaluationProfiles, type EvaluationResult } from './search-evaluation.js';

// Measured 2026-11-27 with the cross-lingual layer (docs/search-evaluation.md): ru 0.959, fr 0.938,
// en 0.954 (before it: 0.438, 0.353, 0.174). The guards sit a little below, to catch regressions.
const FLOOR = { ru: 0.9, fr: 0.9, en: 0.9 };
/** Language must not matter: the worst language's nDCG@10 at least this share of the best's. */
const WORST_TO_BEST = 0.9;

let t: TestPlatform;
let result: EvaluationResult;
beforeAll(async () => {
  t = await createTestPlatform({ seedDemo: false });
  await loadEvaluationProfiles(t);
  result = await evaluateSearch(t);
}, 120_000);
afterAll(() => t.close());

describe('search evaluation', () => {
  it('keeps nDCG@10 of the directory search above its floor in every query language', () => {
    for (const s of result.platform) expect(s.ndcg10, s.lang).toBeGreaterThanOrEqual(FLOOR[s.lang]);
  });

  it('does about as well whatever the query language', () => {
    const scores = result.platform.map((s) => s.ndcg10);
    expect(Math.min(...scores) / Math.max(...scores)).toBeGreaterThanOrEqual(WORST_TO_BEST);
  });

  it('does at least as well as the plain keyword baseline in every language', () => {
    for (const s of result.platform) {
      const baseline = result.baseline.find((b) => b.lang === s.lang)!;
      expect(s.ndcg10, s.lang).toBeGreaterThanOrEqual(baseline.ndcg10);
    }
  });
});
