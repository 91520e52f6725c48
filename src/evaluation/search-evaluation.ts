import coreProfiles from '../reference/evaluation/profiles.json' with { type: 'json' };
import coreQueries from '../reference/evaluation/queries.json' with { type: 'json' };
import describedProfiles from '../reference/evaluation/described/profiles.json' with { type: 'json' };
import describedQueries from '../reference/evaluation/described/queries.json' with { type: 'json' };
import type { Platform } from '../platform.js';
import { importOrganisations } from '../services/import-organisations.js';
import { LANGUAGES, type Language } from '../shared/languages.js';
import { mean, ndcgAt, recallAt } from './metrics.js';

/**
 * The evaluation sets (docs/search-evaluation.md). `core`: short queries over the core profiles only, kept
 * as they were so that earlier figures stay comparable. `described`: queries written as users describe what
 * they seek, over the core profiles and the described ones (its judgments cover both).
 */
export const EVALUATION_SETS = ['core', 'described'] as const;
export type EvaluationSet = (typeof EVALUATION_SETS)[number];

export interface LanguageScores {
  lang: Language;
  ndcg10: number;
  recall10: number;
}

export interface EvaluationResult {
  set: EvaluationSet;
  platform: LanguageScores[];
  baseline: LanguageScores[];
  perQuery: { id: string; lang: Language; platform: number; baseline: number }[];
}

interface EvaluationQuery {
  id: string;
  ru: string;
  fr: string;
  en: string;
  relevant: Record<string, number>;
}

// JSON imports type each query's judgments as its own object literal, hence the cast through unknown.
const SETS: Record<EvaluationSet, { corpus: unknown[][]; queries: EvaluationQuery[] }> = {
  core: { corpus: [coreProfiles.profiles], queries: coreQueries.queries as unknown as EvaluationQuery[] },
  described: {
    corpus: [coreProfiles.profiles, describedProfiles.profiles],
    queries: describedQueries.queries as unknown as EvaluationQuery[],
  },
};

/** Loads a set's corpus (src/reference/evaluation) into a platform's empty database. */
export async function loadEvaluationProfiles(platform: Platform, set: EvaluationSet = 'core'): Promise<void> {
  const rows = SETS[set].corpus.flat().map((value, i) => ({ line: i + 1, value }));
  await importOrganisations(platform.services.repos, platform.services.classifications, rows, { defaultSource: 'synthetic' });
}

/**
 * Runs every query of a set in every language through the directory search and through the plain keyword
 * baseline ('simple' full-text search, no stemming and no cross-lingual layer), and scores both.
 */
export async function evaluateSearch(platform: Platform, set: EvaluationSet = 'core'): Promise<EvaluationResult> {
  const { directory, repos } = platform.services;
  const perQuery: EvaluationResult['perQuery'] = [];
  const scores = {
    platform: new Map<Language, { n: number[]; r: number[] }>(),
    baseline: new Map<Language, { n: number[]; r: number[] }>(),
  };
  for (const lang of LANGUAGES) {
    scores.platform.set(lang, { n: [], r: [] });
    scores.baseline.set(lang, { n: [], r: [] });
  }
  for (const query of SETS[set].queries) {
    for (const lang of LANGUAGES) {
      const text = query[lang];
      const ours = (await directory.search({ q: text, page: 1, pageSize: 10 })).items.map((o) => o.slug);
      const plain = await repos.organisations.keywordBaseline(text, 10);
      const p = scores.platform.get(lang)!;
      const b = scores.baseline.get(lang)!;
      p.n.push(ndcgAt(10, ours, query.relevant));
      p.r.push(recallAt(10, ours, query.relevant));
      b.n.push(ndcgAt(10, plain, query.relevant));
      b.r.push(recallAt(10, plain, query.relevant));
      perQuery.push({ id: query.id, lang, platform: p.n.at(-1)!, baseline: b.n.at(-1)! });
    }
  }
  const summarise = (m: Map<Language, { n: number[]; r: number[] }>) =>
    LANGUAGES.map((lang) => ({ lang, ndcg10: mean(m.get(lang)!.n), recall10: mean(m.get(lang)!.r) }));
  return { set, platform: summarise(scores.platform), baseline: summarise(scores.baseline), perQuery };
}

/** The worst language's nDCG@10 as a share of the best's: 1 when the query language does not matter. */
export function worstToBest(scores: LanguageScores[]): number {
  const values = scores.map((s) => s.ndcg10);
  const best = Math.max(...values);
  return best === 0 ? 0 : Math.min(...values) / best;
}
