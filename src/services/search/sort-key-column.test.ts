import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/temp-dir.js';
import { SnapshotReader, SnapshotWriter } from './snapshot/codec.js';
import { SortKeyColumn } from './sort-key-column.js';

const written = async (write: (writer: SnapshotWriter) => void) => {
  const path = join(tempDir('cb-sort-keys-'), 'keys.snapshot');
  const writer = new SnapshotWriter();
  write(writer);
  await writer.save(path);
  return (await SnapshotReader.open(path))!;
};

/** Keys as a column writes them: their units, and where each starts. */
const keySections = (w: SnapshotWriter, keys: string[]) => {
  const starts = new Int32Array(keys.length + 1);
  keys.forEach((key, i) => (starts[i + 1] = starts[i]! + key.length + 1));
  w.utf16Strings(keys).int32(starts);
};

describe('the sort key column', () => {
  it('gives back restored keys undecoded until asked, keys added since, and writes both', async () => {
    const keys = ['ŤŮ\u0001ā', '', 'фильтр', 'ƓžŤ'];
    const column = new SortKeyColumn();
    column.readSnapshot(await written((w) => keySections(w, keys)), keys.length);
    expect(keys.map((_, slot) => column.get(slot))).toEqual(keys);
    const again = new SortKeyColumn();
    again.readSnapshot(await written((w) => column.writeSnapshot(w, keys.length)), keys.length);
    expect(again.get(2)).toBe('фильтр');
    column.set(4, 'zz');
    const more = new SortKeyColumn();
    more.readSnapshot(await written((w) => column.writeSnapshot(w, 5)), 5);
    expect([more.get(0), more.get(4)]).toEqual(['ŤŮ\u0001ā', 'zz']);
    column.renumber(new Int32Array([-1, 0, 1, -1, 2]));
    expect([column.get(0), column.get(1), column.get(2)]).toEqual(['', 'фильтр', 'zz']);
  });

  it('packs restored and added keys into code units, which give them back and write as they were', async () => {
    const column = new SortKeyColumn();
    column.readSnapshot(await written((w) => keySections(w, ['ŤŮ', ''])), 2);
    column.set(2, 'фильтр');
    column.set(3, 'a');
    column.pack(4);
    expect([0, 1, 2, 3].map((slot) => column.get(slot))).toEqual(['ŤŮ', '', 'фильтр', 'a']);
    const again = new SortKeyColumn();
    again.readSnapshot(await written((w) => column.writeSnapshot(w, 4)), 4);
    expect([0, 1, 2, 3].map((slot) => again.get(slot))).toEqual(['ŤŮ', '', 'фильтр', 'a']);
    column.set(4, 'zz');
    expect([column.get(2), column.get(4)]).toEqual(['фильтр', 'zz']);
  });

  it('compares keys as strings compare, restored ones undecoded, beside ones added since', () => {
    // keys as sort-key.ts makes them: units from 0x100, levels apart by 1, never a 0
    const key = fc.array(
      fc.oneof(
        fc.constant('\u0001'),
        fc.integer({ min: 0x100, max: 0xd7ff }).map((u) => String.fromCharCode(u)),
      ),
      {
        maxLength: 6,
      },
    );
    const keys = fc.array(
      key.map((units) => units.join('')),
      { minLength: 2, maxLength: 12 },
    );
    fc.assert(
      fc.property(keys, fc.nat(), (all, split) => {
        const restored = split % all.length;
        const column = new SortKeyColumn();
        all.slice(0, restored).forEach((k, slot) => column.set(slot, k));
        column.pack(restored);
        all.slice(restored).forEach((k, i) => column.set(restored + i, k));
        for (let a = 0; a < all.length; a++)
          for (let b = 0; b < all.length; b++) {
            const [ka, kb] = [all[a]!, all[b]!];
            expect(Math.sign(column.compare(a, b)), `${a} ${b}`).toBe(ka < kb ? -1 : ka > kb ? 1 : 0);
          }
      }),
    );
  });

  it('refuses a section of another number of keys, or of keys that do not end where the next starts', async () => {
    const column = new SortKeyColumn();
    const reader = await written((w) => keySections(w, ['a', 'b']));
    expect(() => column.readSnapshot(reader, 3)).toThrow(/another number/);
    // starts that do not fall after each key's end
    const broken = await written((w) => w.utf16Strings(['ab', 'c']).int32(new Int32Array([0, 2, 5])));
    expect(() => new SortKeyColumn().readSnapshot(broken, 2)).toThrow(/broken lengths/);
  });
});
