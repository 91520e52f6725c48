import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { tempDir } from '../../test/temp-dir.js';
import { Postings } from './postings.js';
import { readPostings, writePostings } from './postings-snapshot.js';
import { SnapshotReader, SnapshotWriter } from './snapshot/codec.js';
import { RankParts } from './rank-parts.js';

describe('rank parts', () => {
  it('gives each distinct part one code and reads it back exactly', () => {
    const parts = new RankParts();
    const values = [0.2, 1.4, Math.fround(0.1 / 9), 0.2, 0];
    const codes = values.map((v) => parts.code(Math.fround(v)));
    expect(codes).toEqual([0, 1, 2, 0, 3]);
    expect(codes.map((c) => parts.values[c])).toEqual(values.map(Math.fround));
    expect(RankParts.of(parts.used).code(Math.fround(1.4))).toBe(1);
  });

  it('gives past 65,536 distinct parts the code of the nearest known', () => {
    const parts = new RankParts();
    for (let i = 0; i < 0x10000; i++) parts.code(i);
    expect(parts.used.length).toBe(0x10000);
    expect(parts.code(70_000.4)).toBe(0xffff);
    expect(parts.code(12.4)).toBe(12);
  });
});

describe('postings', () => {
  it('carry their rank parts through growth, a trim and a renumbering', () => {
    const parts = new RankParts();
    const list = new Postings(parts);
    for (let slot = 0; slot < 5; slot++) list.push(slot, Math.fround(slot / 10));
    expect(list.slots.length).toBe(8);
    list.trim();
    expect([list.slots.length, list.codes!.length]).toEqual([5, 5]);
    const read = () => Array.from({ length: list.length }, (_, i) => [list.slots[i], parts.values[list.codes![i]!]]);
    expect(read()).toEqual([0, 1, 2, 3, 4].map((s) => [s, Math.fround(s / 10)]));
    list.push(5, 0.5);
    list.renumber(new Int32Array([-1, 0, -1, 1, 2, 3]));
    expect(read()).toEqual([
      [0, Math.fround(0.1)],
      [1, Math.fround(0.3)],
      [2, Math.fround(0.4)],
      [3, 0.5],
    ]);
  });

  it('take a byte per code while the table has up to 256 parts, widen past it, and keep both through a snapshot', async () => {
    const parts = new RankParts();
    const narrow = new Postings(parts);
    const wide = new Postings(parts);
    for (let slot = 0; slot < 300; slot++) (slot < 200 ? narrow : wide).push(slot, slot);
    expect(narrow.codes).toBeInstanceOf(Uint8Array);
    // the 257th part widened the posting that met it, its earlier codes kept
    expect(wide.codes).toBeInstanceOf(Uint16Array);
    const read = (list: Postings, rankParts: RankParts) =>
      Array.from({ length: list.length }, (_, i) => [list.slots[i], rankParts.values[list.codes![i]!]]);
    expect(read(wide, parts)).toEqual(Array.from({ length: 100 }, (_, i) => [200 + i, 200 + i]));
    for (const lists of [[narrow], [narrow, wide]]) {
      const path = join(tempDir('cb-postings-'), 'postings.snapshot');
      const writer = new SnapshotWriter();
      writePostings(writer, lists, true);
      await writer.save(path);
      const restoredParts = RankParts.of(parts.used);
      const restored = readPostings((await SnapshotReader.open(path))!, restoredParts);
      expect(restored.map((list) => read(list, restoredParts))).toEqual(lists.map((list) => read(list, parts)));
      expect(restored[0]!.codes).toBeInstanceOf(lists.length === 1 ? Uint8Array : Uint16Array);
    }
  });
});
