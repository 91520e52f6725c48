// Search quality (docs/search-evaluation.md): nDCG@10 and recall@10 per query language, for the
// directory search and for a plain keyword baseline, on each evaluation set in src/reference/evaluation.
//   npm run eval:search [-- --set core|described] [--per-query]
import {
  EVALUATION_SETS,
  evaluateSearch,
  loadEvaluationProfiles,
  worstToBest,
  type EvaluationResult,
  type EvaluationSet,
} from '../src/evaluation/search-evaluation.js';
import { openPlatform } from '../src/platform.js';

function chosenSets(argv: string[]): readonly EvaluationSet[] {
  const at = argv.indexOf('--set');
  if (at === -1) return EVALUATION_SETS;
  const value = argv[at + 1];
  if (!EVALUATION_SETS.includes(value as EvaluationSet)) {
    console.error(`--set: expected one of ${EVALUATION_SETS.join(', ')}, got ${value === undefined ? 'nothing' : `"${value}"`}`);
    process.exit(2);
  }
  return [value as EvaluationSet];
}

function print(result: EvaluationResult, perQuery: boolean) {
  const row = (name: string, scores: typeof result.platform) =>
    Object.fromEntries([
      ['search', name],
      ...scores.flatMap((s) => [
        [`nDCG@10 ${s.lang}`, s.ndcg10.toFixed(3)],
        [`recall@10 ${s.lang}`, s.recall10.toFixed(3)],
      ]),
    ]);
  console.log(`\nSet "${result.set}" (${result.perQuery.length / 3} queries × ru, fr, en)`);
  console.table([row('platform', result.platform), row('baseline (simple)', result.baseline)]);
  console.log(
    `worst / best language nDCG@10: platform ${worstToBest(result.platform).toFixed(3)}, ` +
      `baseline ${worstToBest(result.baseline).toFixed(3)} (target ≥ 0.9; target nDCG@10 ≥ 0.85 in each language)`,
  );
  if (perQuery) console.table(result.perQuery.map((q) => ({ ...q, platform: q.platform.toFixed(2), baseline: q.baseline.toFixed(2) })));
}

const perQuery = process.argv.includes('--per-query');
// One platform a set: each set has its own corpus, and the core set's must stay the core profiles alone.
for (const set of chosenSets(process.argv)) {
  const platform = await openPlatform({ databaseUrl: null, dataDir: '' }, { seedDemoIfEmpty: false });
  try {
    await loadEvaluationProfiles(platform, set);
    print(await evaluateSearch(platform, set), perQuery);
  } finally {
    await platform.close();
  }
}
