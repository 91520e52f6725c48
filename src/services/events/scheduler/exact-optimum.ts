/**
 * The exact optimum of a small instance, from the HiGHS MIP solver (the `highs` package, a development
 * dependency: only the benchmark and the tests load it, never the server). Binary x[r,s] for each request r
 * and common slot s; each request at most once; each participant at most once a slot; each slot at most its
 * tables; for each participant and each window of maxBackToBack+1 directly following slots, at most
 * maxBackToBack; maximise Σ w·x (then, with a small tie-break, the count).
 */
import { commonSlots } from './board.js';
import type { SchedulingInstance } from './types.js';

export interface ExactOptimum {
  /** True when HiGHS proved optimality (false: the time limit ran out; the figures are then the best found). */
  proven: boolean;
  weight: number;
  count: number;
  slotOf: Int32Array;
}

type Solver = {
  solve(problem: string, options?: Record<string, unknown>): { Status: string; Columns: Record<string, { Primal: number }> };
};
let solver: Promise<Solver> | null = null;

async function loadSolver(): Promise<Solver> {
  // The package is CommonJS: its loader is the module's default export (typed as the namespace under NodeNext).
  solver ??= import('highs').then(async (module) => {
    const load = (module as unknown as { default: () => Promise<Solver> }).default;
    return load();
  });
  return solver;
}

export async function exactOptimum(instance: SchedulingInstance, timeLimitSeconds = 60): Promise<ExactOptimum> {
  const highs = await loadSolver();
  const {
    slotCount: S,
    requestA,
    requestB,
    weight,
    fixedSlot,
    tablesPerSlot,
    followsDirectly,
    maxBackToBack,
    participantCount: P,
  } = instance;
  const { listStart, listSlots } = commonSlots(instance);
  const requests = requestA.length;
  // A tie-break below any weight difference: prefer more meetings among schedules of equal weight.
  const epsilon = 1 / (requests + 1);
  const objective: string[] = [];
  const rows: string[] = [];
  const bounds: string[] = [];
  const binaries: string[] = [];
  const bySlotParticipant = new Map<number, string[]>();
  const bySlot: string[][] = Array.from({ length: S }, () => []);
  for (let r = 0; r < requests; r++) {
    const own: string[] = [];
    for (let k = listStart[r]!; k < listStart[r + 1]!; k++) {
      const s = listSlots[k]!;
      const x = `x${r}_${s}`;
      own.push(x);
      binaries.push(x);
      objective.push(`${weight[r]! + epsilon} ${x}`);
      bySlot[s]!.push(x);
      for (const p of [requestA[r]!, requestB[r]!]) {
        const key = p * S + s;
        const list = bySlotParticipant.get(key) ?? [];
        list.push(x);
        bySlotParticipant.set(key, list);
      }
    }
    if (own.length > 0) rows.push(`${own.join(' + ')} <= 1`);
    if (fixedSlot[r]! >= 0 && own.length > 0) bounds.push(`${own[0]} = 1`);
  }
  for (const list of bySlotParticipant.values()) if (list.length > 1) rows.push(`${list.join(' + ')} <= 1`);
  for (let s = 0; s < S; s++) if (bySlot[s]!.length > tablesPerSlot[s]!) rows.push(`${bySlot[s]!.join(' + ')} <= ${tablesPerSlot[s]}`);
  if (maxBackToBack !== null) {
    for (let p = 0; p < P; p++) {
      for (let start = 0; start + maxBackToBack < S; start++) {
        let joined = true;
        for (let t = start + 1; t <= start + maxBackToBack && joined; t++) joined = followsDirectly[t] === 1;
        if (!joined) continue;
        const terms: string[] = [];
        for (let t = start; t <= start + maxBackToBack; t++) terms.push(...(bySlotParticipant.get(p * S + t) ?? []));
        if (terms.length > maxBackToBack) rows.push(`${terms.join(' + ')} <= ${maxBackToBack}`);
      }
    }
  }
  if (binaries.length === 0) return { proven: true, weight: 0, count: 0, slotOf: new Int32Array(requests).fill(-1) };
  const model = [
    'Maximize',
    ` obj: ${wrap(objective.join(' + '))}`,
    'Subject To',
    ...rows.map((row, i) => ` c${i}: ${wrap(row)}`),
    ...(bounds.length ? ['Bounds', ...bounds.map((b) => ` ${b}`)] : []),
    'Binary',
    wrap(binaries.join(' ')),
    'End',
  ].join('\n');
  const solution = highs.solve(model, { time_limit: timeLimitSeconds, output_flag: false, mip_rel_gap: 0 });
  const slotOf = new Int32Array(requests).fill(-1);
  let total = 0;
  let count = 0;
  for (const [name, column] of Object.entries(solution.Columns)) {
    if (column.Primal < 0.5) continue;
    const [r, s] = name.slice(1).split('_').map(Number) as [number, number];
    slotOf[r] = s;
    total += weight[r]!;
    count++;
  }
  return { proven: solution.Status === 'Optimal', weight: total, count, slotOf };
}

/** LP-format lines are kept short (the format's readers limit a line's length). */
function wrap(text: string): string {
  const parts = text.split(' ');
  const lines: string[] = [];
  for (let i = 0; i < parts.length; i += 24) lines.push(parts.slice(i, i + 24).join(' '));
  return lines.join('\n  ');
}
