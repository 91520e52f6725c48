import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/temp-dir.js';
import { LONG_POSTING, Postings, roomFor } from './postings.js';
import { readPostings, writePostings } from './postings-snapshot.js';
import { RankParts } from './rank-parts.js';
import { SnapshotReader, SnapshotWriter } from './snapshot/codec.js';

/** Postings written to a snapshot file and read back: with `parts`, a lexicon's (codes), else features'. */
async function roundTrip(lists: Postings[], parts: RankParts | null): Promise<{ restored: Postings[]; parts: RankParts | null }> {
  const path = join(tempDir('cb-postings-room-'), 'postings.snapshot');
  const writer = new SnapshotWriter();
  writePostings(writer, lists, parts !== null);
  await writer.save(path);
  const restoredParts = parts ? RankParts.of(parts.used) : null;
  return { restored: readPostings((await SnapshotReader.open(path))!, restoredParts), parts: restoredParts };
}

const entries = (list: Postings, parts: RankParts | null) =>
  Array.from({ length: list.length }, (_, i) => [list.slots[i], parts ? parts.values[list.codes![i]!] : null]);

describe('postings in a snapshot', () => {
  it('read back as they were, short and long, with rank parts or without', async () => {
    for (const withParts of [true, false]) {
      const parts = withParts ? new RankParts() : null;
      const lists = [3, LONG_POSTING + 7, 0, LONG_POSTING].map((n, k) => {
        const list = new Postings(parts);
        for (let slot = 0; slot < n; slot++) list.push(slot * 3 + k, (slot % 5) / 10);
        return list;
      });
      const { restored, parts: restoredParts } = await roundTrip(lists, parts);
      expect(restored.map((list) => entries(list, restoredParts))).toEqual(lists.map((list) => entries(list, parts)));
    }
  });

  it('lets a long posting grow in place into its room, and only then copies it; a short one copies at once', async () => {
    const parts = new RankParts();
    const short = new Postings(parts);
    const long = new Postings(parts);
    for (let slot = 0; slot < LONG_POSTING; slot++) long.push(slot, 0.1);
    for (let slot = 0; slot < 10; slot++) short.push(slot, 0.2);
    const { restored } = await roundTrip([short, long], parts);
    const [restoredShort, restoredLong] = restored as [Postings, Postings];
    const [shortSlots, longSlots] = [restoredShort.slots, restoredLong.slots];
    restoredShort.push(100, 0.2);
    expect(restoredShort.slots).not.toBe(shortSlots);
    const room = roomFor(LONG_POSTING);
    for (let i = 0; i < room; i++) restoredLong.push(LONG_POSTING + i, 0.4);
    // no copy while the room lasts: the same array, the snapshot's buffer written in place
    expect(restoredLong.slots).toBe(longSlots);
    expect(restoredLong.slots.buffer).toBe(shortSlots.buffer);
    restoredLong.push(LONG_POSTING + room, 0.4);
    expect(restoredLong.slots).not.toBe(longSlots);
    expect(restoredLong.length).toBe(LONG_POSTING + room + 1);
    expect(Array.from(restoredLong.slots.subarray(0, restoredLong.length))).toEqual(
      Array.from({ length: LONG_POSTING + room + 1 }, (_, i) => i),
    );
    expect(restoredLong.codes![LONG_POSTING - 1]).not.toBe(restoredLong.codes![LONG_POSTING]);
  });

  it('keeps the same room when a long posting is trimmed after a load, and cuts a short one exactly', () => {
    const parts = new RankParts();
    const long = new Postings(parts);
    const short = new Postings(parts);
    for (let slot = 0; slot < LONG_POSTING + 10; slot++) long.push(slot, 0.1);
    for (let slot = 0; slot < 10; slot++) short.push(slot, 0.1);
    long.trim();
    short.trim();
    expect([short.slots.length, short.codes!.length]).toEqual([10, 10]);
    const room = roomFor(LONG_POSTING + 10);
    expect([long.slots.length, long.codes!.length]).toEqual([LONG_POSTING + 10 + room, LONG_POSTING + 10 + room]);
    const slots = long.slots;
    for (let i = 0; i < room; i++) long.push(LONG_POSTING + 10 + i, 0.2);
    expect(long.slots).toBe(slots);
    expect(Array.from(long.slots.subarray(0, long.length))).toEqual(Array.from({ length: LONG_POSTING + 10 + room }, (_, i) => i));
  });
});
