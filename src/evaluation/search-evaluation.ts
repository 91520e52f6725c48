import evaluationProfiles from '../reference/evaluation/profiles.json' with { type: 'json' };
import evaluationQueries from '../reference/evaluation/queries.json' with { type: 'json' };
import type { Platform } from '../platform.js';
import { importOrganisations } from '../services/import-organisations.js';
import { LANGUAGES, type Language } from '../shared/languages.js';
import { mean, ndcgAt, recallAt } from './metrics.js';

export interface LanguageScores {
  lang: Language;
  ndcg10: number;
  recall10: number;
}

export interface EvaluationResult {
  platform: LanguageScores[];
  baseline: LanguageScores[];
  perQuery: { id: string; lang: Language; platform: number; baseline: number }[];
}

const queries = evaluationQueries.queries as unknown as {
  id: string;
  ru: string;
  fr: string;
  en: string;
  relevant: Record<string, number>;
}[];

/** Loads the evaluation profiles (src/reference/evaluation) into a platform's empty database. */
export async function loadEvaluationProfiles(platform: Platform): Promise<void> {
  const rows = evaluationProfiles.profiles.map((value, i) => ({ line: i + 1, value }));
  await importOrganisations(platform.services.repos, platform.services.classifications, rows, { defaultSource: 'synthetic' });
}

/**
 * Runs every query in every language through the directory search and through the plain keyword baseline
 * ('simple' full-text search, no stemming and no cross-lingual layer), and scores both.
 */
export async function evaluateSearch(platform: Platform): Promise<EvaluationResult> {
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
  for (const query of queries) {
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
  return { platform: summarise(scores.platform), baseline: summarise(scores.baseline), perQuery };
}
