import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/temp-dir.js';
import { SnapshotFormatError, SnapshotReader, SnapshotWriter } from './codec.js';

describe('the snapshot codec', () => {
  it('gives back what was written, section by section, with typed arrays cut to their used length', async () => {
    const path = join(tempDir('cb-snapshot-'), 'index.snapshot');
    const postings = new Int32Array([5, 9, 12, 0, 0]);
    await new SnapshotWriter()
      .json({ format: 1, position: { horizon: 42 } })
      .strings(['Обнинск', 'Limoges', '', 'ARDL'])
      .int32(postings, 3)
      .float32(new Float32Array([0.5, 1.25]))
      .uint8(new Uint8Array([1, 0, 1]))
      .strings([])
      .float64(new Float64Array([1.5e15]))
      .utf16Strings(['ŤŮƓž\u0001ā', 'фильтр', ''])
      .utf16Strings([])
      .save(path);
    const reader = (await SnapshotReader.open(path))!;
    expect(reader.json()).toEqual({ format: 1, position: { horizon: 42 } });
    expect(reader.strings()).toEqual(['Обнинск', 'Limoges', '', 'ARDL']);
    expect([...reader.int32()]).toEqual([5, 9, 12]);
    expect([...reader.float32()]).toEqual([0.5, 1.25]);
    expect([...reader.uint8()]).toEqual([1, 0, 1]);
    expect(reader.strings()).toEqual([]);
    expect([...reader.float64()]).toEqual([1.5e15]);
    expect(reader.utf16Strings()).toEqual(['ŤŮƓž\u0001ā', 'фильтр', '']);
    expect(reader.utf16Strings()).toEqual([]);
    expect(reader.done).toBe(true);
  });

  it('has no snapshot where there is no file, and refuses a file that is not one or sections out of order', async () => {
    const dir = tempDir('cb-snapshot-');
    expect(await SnapshotReader.open(join(dir, 'none'))).toBeNull();
    writeFileSync(join(dir, 'other'), 'MZ\u0090\u0000 not a snapshot');
    await expect(SnapshotReader.open(join(dir, 'other'))).rejects.toThrow(SnapshotFormatError);
    const path = join(dir, 'index.snapshot');
    await new SnapshotWriter().int32(new Int32Array([1])).save(path);
    const reader = (await SnapshotReader.open(path))!;
    expect(() => reader.strings()).toThrow(SnapshotFormatError);
  });
});
