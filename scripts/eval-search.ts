// Search quality (docs/search-evaluation.md): nDCG@10 and recall@10 per query language, for the
// directory search and for a plain keyword baseline, on the evaluation set in src/reference/evaluation.
//   npm run eval:search [-- --per-query]
import { evaluateSearch, loadEvaluationProfiles } from '../src/evaluation/search-evaluation.js';
import { openPlatform } from '../src/platform.js';

const platform = await openPlatform({ databaseUrl: null, dataDir: '' }, { seedDemoIfEmpty: false });
try {
  await loadEvaluationProfiles(platform);
  const result = await evaluateSearch(platform);
  const row = (name: string, scores: typeof result.platform) =>
    Object.fromEntries([
      ['search', name],
      ...scores.flatMap((s) => [
        [`nDCG@10 ${s.lang}`, s.ndcg10.toFixed(3)],
        [`recall@10 ${s.lang}`, s.recall10.toFixed(3)],
      ]),
    ]);
  console.table([row('platform', result.platform), row('baseline (simple)', result.baseline)]);
  const best = Math.max(...result.platform.map((s) => s.ndcg10));
  const worst = Math.min(...result.platform.map((s) => s.ndcg10));
  console.log(`worst / best language nDCG@10: ${(worst / best).toFixed(3)} (target ≥ 0.9; target nDCG@10 ≥ 0.85 in each language)`);
  if (process.argv.includes('--per-query'))
    console.table(result.perQuery.map((q) => ({ ...q, platform: q.platform.toFixed(2), baseline: q.baseline.toFixed(2) })));
} finally {
  await platform.close();
}
