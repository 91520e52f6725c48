import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../test/test-platform.js';
import { evaluateSearch, loadEvaluationProfiles, type EvaluationResult } from './search-evaluation.js';

// Measured 2026-11-27 before the cross-lingual layer (docs/search-evaluation.md): ru 0.438, fr 0.353,
// en 0.174. The guards sit below, to catch regressions; raise them as search improves.
const FLOOR = { ru: 0.4, fr: 0.32, en: 0.15 };

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

  it('does at least as well as the plain keyword baseline in every language', () => {
    for (const s of result.platform) {
      const baseline = result.baseline.find((b) => b.lang === s.lang)!;
      expect(s.ndcg10, s.lang).toBeGreaterThanOrEqual(baseline.ndcg10);
    }
  });
});
