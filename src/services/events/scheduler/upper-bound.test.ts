import { describe, expect, it } from 'vitest';
import { generateInstance } from './generate-instance.js';
import { greedyBaseline } from './greedy.js';
import { smallInstance } from './small-instances.test-helper.js';
import type { SchedulingInstance } from './types.js';
import { upperBound } from './upper-bound.js';

function instance(
  parts: Partial<SchedulingInstance> & Pick<SchedulingInstance, 'slotCount' | 'participantCount' | 'requestA' | 'requestB'>,
): SchedulingInstance {
  const { slotCount, participantCount } = parts;
  const words = (slotCount + 31) >> 5;
  const all = new Uint32Array(participantCount * words);
  for (let p = 0; p < participantCount; p++) for (let s = 0; s < slotCount; s++) all[p * words + (s >> 5)]! |= 1 << (s & 31);
  const followsDirectly = new Uint8Array(slotCount);
  for (let s = 1; s < slotCount; s++) followsDirectly[s] = 1;
  return {
    tablesPerSlot: new Int32Array(slotCount).fill(100),
    followsDirectly,
    maxBackToBack: null,
    availability: all,
    wordsPerParticipant: words,
    weight: new Int32Array(parts.requestA.length).fill(1),
    fixedSlot: new Int32Array(parts.requestA.length).fill(-1),
    ...parts,
  };
}

describe('the upper bound', () => {
  it('is the same whether or not its flow starts from a schedule', () => {
    // The schedule only gives the maximum flow a start: the bound must not depend on it.
    const instances = [
      generateInstance('standard', { participants: 300, requests: 2000 }, 5),
      generateInstance('hard', { participants: 300, requests: 2000 }, 6),
    ];
    for (let seed = 1; seed <= 40; seed++) {
      instances.push(
        smallInstance(
          {
            participants: 6 + (seed % 7),
            requests: 10 + (seed % 17),
            slots: 3 + (seed % 5),
            tables: 1 + (seed % 3),
            maxBackToBack: seed % 3 === 0 ? null : 1 + (seed % 2),
            blockedShare: 0.3,
            fixedShare: seed % 4 === 0 ? 0.2 : 0,
          },
          seed,
        ),
      );
    }
    for (const problem of instances) expect(upperBound(problem, greedyBaseline(problem).slotOf)).toEqual(upperBound(problem));
  });

  it('caps a popular participant by the slots they have', () => {
    // Participant 0 is asked by five others, in three slots: at most three of those meetings.
    const bound = upperBound(
      instance({ slotCount: 3, participantCount: 6, requestA: Int32Array.of(1, 2, 3, 4, 5), requestB: Int32Array.of(0, 0, 0, 0, 0) }),
    );
    expect(bound.count).toBe(3);
  });

  it('counts the breaks the back-to-back limit forces', () => {
    // Five directly following slots, at most two in a row: at most four meetings for participant 0.
    const bound = upperBound(
      instance({
        slotCount: 5,
        participantCount: 7,
        maxBackToBack: 2,
        requestA: Int32Array.of(1, 2, 3, 4, 5, 6),
        requestB: Int32Array.of(0, 0, 0, 0, 0, 0),
      }),
    );
    expect(bound.count).toBe(4);
  });

  it('is capped by the tables of the grid and weighs the heaviest requests that can fit', () => {
    const bound = upperBound(
      instance({
        slotCount: 2,
        participantCount: 8,
        tablesPerSlot: Int32Array.of(1, 1),
        requestA: Int32Array.of(0, 2, 4, 6),
        requestB: Int32Array.of(1, 3, 5, 7),
        weight: Int32Array.of(3, 1, 2, 1),
      }),
    );
    expect(bound.count).toBe(2);
    expect(bound.weight).toBe(5);
  });

  it('counts a fixed meeting even where its sides are unavailable', () => {
    const base = instance({
      slotCount: 1,
      participantCount: 2,
      requestA: Int32Array.of(0),
      requestB: Int32Array.of(1),
      fixedSlot: Int32Array.of(0),
    });
    const bound = upperBound({ ...base, availability: new Uint32Array(2) });
    expect(bound).toEqual({ count: 1, weight: 1 });
  });
});
