import { join } from 'node:path';
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

describe('the sort key column', () => {
  it('gives back restored keys undecoded until asked, keys added since, and writes both', async () => {
    const keys = ['ŤŮ\u0001ā', '', 'фильтр', 'ƓžŤ'];
    const column = new SortKeyColumn();
    column.readSnapshot(await written((w) => w.utf16Strings(keys)), keys.length);
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
    column.readSnapshot(await written((w) => w.utf16Strings(['ŤŮ', ''])), 2);
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

  it('refuses a section of another number of keys', async () => {
    const column = new SortKeyColumn();
    const reader = await written((w) => w.utf16Strings(['a', 'b']));
    expect(() => column.readSnapshot(reader, 3)).toThrow(/another number/);
  });
});
