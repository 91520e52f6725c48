// IBM model 1 over weighted aligned pairs of bags of lexemes, estimated by expectation–maximisation in both
// directions (source words generating target words, and back), each with an empty word that takes what no
// word explains. Pairs are indexed once, so an iteration runs over typed arrays.
import type { Unit } from './align.js';

export interface AlignedPairs {
  size: number;
  sourceLexemes: string[];
  targetLexemes: string[];
  source: Int32Array;
  target: Int32Array;
  /** Weighted count of the pairs of texts that hold both lexemes. */
  support: Float64Array;
  /** p(target | source), p(source | target). */
  forward: Float64Array;
  backward: Float64Array;
  /** The most specific text pair holding both: a weighty pair of short texts. */
  via: string[];
  /** That text pair's weight over the number of word pairs it makes: 1 for two one-word labels. */
  specificity: Float64Array;
}

interface IndexedUnit {
  sources: Int32Array;
  targets: Int32Array;
  /** Pair index of (sources[i], targets[j]) at i · targets.length + j. */
  pairs: Int32Array;
  weight: number;
}

export function estimate(units: readonly Unit[], iterations: number): AlignedPairs {
  const sourceIds = new Map<string, number>();
  const targetIds = new Map<string, number>();
  const id = (ids: Map<string, number>, lexeme: string) => {
    let found = ids.get(lexeme);
    if (found === undefined) ids.set(lexeme, (found = ids.size));
    return found;
  };
  const pairIds = new Map<number, number>();
  const pairSource: number[] = [];
  const pairTarget: number[] = [];
  const support: number[] = [];
  const via: string[] = [];
  const specificity: number[] = [];
  const SHIFT = 2 ** 21;
  const indexed: IndexedUnit[] = units.map((unit) => {
    const sources = Int32Array.from(unit.source, (lexeme) => id(sourceIds, lexeme));
    const targets = Int32Array.from(unit.target, (lexeme) => id(targetIds, lexeme));
    const pairs = new Int32Array(sources.length * targets.length);
    const score = unit.weight / pairs.length;
    sources.forEach((s, i) =>
      targets.forEach((t, j) => {
        const key = s * SHIFT + t;
        let pair = pairIds.get(key);
        if (pair === undefined) {
          pairIds.set(key, (pair = pairSource.length));
          pairSource.push(s);
          pairTarget.push(t);
          support.push(0);
          via.push(unit.via);
          specificity.push(score);
        } else if (specificity[pair]! < score) {
          specificity[pair] = score;
          via[pair] = unit.via;
        }
        support[pair]! += unit.weight;
        pairs[i * targets.length + j] = pair;
      }),
    );
    return { sources, targets, pairs, weight: unit.weight };
  });
  const size = pairSource.length;
  const source = Int32Array.from(pairSource);
  const target = Int32Array.from(pairTarget);
  return {
    size,
    sourceLexemes: [...sourceIds.keys()],
    targetLexemes: [...targetIds.keys()],
    source,
    target,
    support: Float64Array.from(support),
    forward: run(indexed, size, source, sourceIds.size, targetIds.size, iterations, false),
    backward: run(indexed, size, target, targetIds.size, sourceIds.size, iterations, true),
    via,
    specificity: Float64Array.from(specificity),
  };
}

/**
 * p(generated | generator) for every pair. `reversed`: the unit's target words generate its source words.
 * `generatorOf[pair]` is the pair's generating lexeme.
 */
function run(
  units: readonly IndexedUnit[],
  size: number,
  generatorOf: Int32Array,
  generators: number,
  generated: number,
  iterations: number,
  reversed: boolean,
): Float64Array {
  let probability = new Float64Array(size).fill(1);
  let empty = new Float64Array(generated).fill(1);
  for (let iteration = 0; iteration < iterations; iteration++) {
    const counts = new Float64Array(size);
    const totals = new Float64Array(generators);
    const emptyCounts = new Float64Array(generated);
    let emptyTotal = 0;
    for (const unit of units) {
      const width = unit.targets.length;
      const outer = reversed ? unit.sources : unit.targets;
      const inner = reversed ? unit.targets : unit.sources;
      for (let o = 0; o < outer.length; o++) {
        const word = outer[o]!;
        let sum = empty[word]!;
        for (let i = 0; i < inner.length; i++) sum += probability[unit.pairs[reversed ? o * width + i : i * width + o]!]!;
        for (let i = 0; i < inner.length; i++) {
          const pair = unit.pairs[reversed ? o * width + i : i * width + o]!;
          const share = (unit.weight * probability[pair]!) / sum;
          counts[pair]! += share;
          totals[generatorOf[pair]!]! += share;
        }
        const share = (unit.weight * empty[word]!) / sum;
        emptyCounts[word]! += share;
        emptyTotal += share;
      }
    }
    for (let pair = 0; pair < size; pair++) counts[pair] = counts[pair]! / totals[generatorOf[pair]!]!;
    for (let word = 0; word < generated; word++) emptyCounts[word] = emptyCounts[word]! / emptyTotal;
    probability = counts;
    empty = emptyCounts;
  }
  return probability;
}
