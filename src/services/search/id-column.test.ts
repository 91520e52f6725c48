import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/temp-dir.js';
import { IdColumn } from './id-column.js';
import { SnapshotReader, SnapshotWriter } from './snapshot/codec.js';

const uuid = fc.uuid().map((id) => id.toLowerCase());
const id = fc.oneof({ weight: 5, arbitrary: uuid }, { weight: 1, arbitrary: fc.string({ maxLength: 40 }) });

describe('the id column', () => {
  it('gives back every id it was given, UUIDs and other strings alike, and orders them as strings compare', () => {
    fc.assert(
      fc.property(fc.array(id, { maxLength: 60 }), (ids) => {
        const column = new IdColumn(4);
        for (const [slot, value] of ids.entries()) expect(column.push(value)).toBe(slot);
        expect(ids.map((_, slot) => column.get(slot))).toEqual(ids);
        for (let a = 0; a < ids.length; a++)
          for (let b = 0; b < ids.length; b++) expect(column.before(a, b)).toBe(ids[a]! < ids[b]!);
      }),
    );
  });

  it('tells which slot holds an id, hashing an id as its slot is hashed', () => {
    const ids = [randomUUID(), randomUUID(), 'not-a-uuid', randomUUID().toUpperCase()];
    const column = new IdColumn();
    ids.forEach((value) => column.push(value));
    for (const [slot, value] of ids.entries()) {
      expect(column.holds(slot, value)).toBe(true);
      expect(column.hashOf(value)).toBe(column.hashAt(slot));
      for (const [other, otherId] of ids.entries()) if (other !== slot) expect(column.holds(slot, otherId)).toBe(false);
    }
    // an uppercase spelling is another id, as the database's uuid text is lowercase
    expect(column.holds(0, ids[0]!.toUpperCase())).toBe(false);
    expect(column.holds(0, '')).toBe(false);
  });

  it('keeps the renumbered slots, and comes back whole from a snapshot (and grows after)', async () => {
    const ids = [randomUUID(), 'other', randomUUID(), randomUUID()];
    const column = new IdColumn(1);
    ids.forEach((value) => column.push(value));
    const kept = column.renumbered(new Int32Array([-1, 0, -1, 1]), 8);
    expect([kept.length, kept.get(0), kept.get(1)]).toEqual([2, 'other', ids[3]]);

    const path = join(tempDir('cb-id-column-'), 'ids.snapshot');
    const writer = new SnapshotWriter();
    column.writeSnapshot(writer);
    await writer.save(path);
    const restored = IdColumn.readSnapshot((await SnapshotReader.open(path))!, ids.length);
    expect(ids.map((_, slot) => restored.get(slot))).toEqual(ids);
    const next = randomUUID();
    expect(restored.push(next)).toBe(4);
    expect([restored.get(0), restored.get(4)]).toEqual([ids[0], next]);
  });
});
