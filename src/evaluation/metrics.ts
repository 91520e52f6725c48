/** Graded relevance: 3 exact, 2 close, 1 partial; anything not listed is 0. */
export type Judgments = Record<string, number>;

const gain = (grade: number) => 2 ** grade - 1;

/** Normalised discounted cumulative gain of the first k results. */
export function ndcgAt(k: number, ranked: string[], judgments: Judgments): number {
  const dcg = ranked.slice(0, k).reduce((sum, id, i) => sum + gain(judgments[id] ?? 0) / Math.log2(i + 2), 0);
  const ideal = Object.values(judgments)
    .sort((a, b) => b - a)
    .slice(0, k)
    .reduce((sum, grade, i) => sum + gain(grade) / Math.log2(i + 2), 0);
  return ideal === 0 ? 0 : dcg / ideal;
}

/** The share of the relevant records (grade ≥ 1) found in the first k results. */
export function recallAt(k: number, ranked: string[], judgments: Judgments): number {
  const relevant = Object.entries(judgments)
    .filter(([, grade]) => grade > 0)
    .map(([id]) => id);
  if (relevant.length === 0) return 0;
  const top = new Set(ranked.slice(0, k));
  return relevant.filter((id) => top.has(id)).length / relevant.length;
}

export const mean = (values: number[]) => (values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length);
