import { describe, expect, it } from 'vitest';
import { IdColumn } from './id-column.js';
import { SlotTable } from './slot-table.js';

describe('the slot table', () => {
  it('finds each id’s slot through many sets, deletes and growths, as a Map would', () => {
    const ids = new IdColumn(16);
    const table = new SlotTable(() => ids);
    const expected = new Map<string, number>();
    for (let i = 0; i < 5000; i++) {
      // UUIDs and other ids alike (IdColumn keeps both)
      const id = i % 2 === 0 ? `00000000-0000-4000-8000-${String(i % 1700).padStart(12, '0')}` : `org-${i % 1700}`;
      if (expected.has(id) && i % 3 === 0) {
        expect(table.delete(id)).toBe(true);
        expected.delete(id);
        continue;
      }
      ids.push(id);
      table.set(id, ids.length - 1);
      expected.set(id, ids.length - 1);
    }
    expect(table.size).toBe(expected.size);
    for (const [id, slot] of expected) expect(table.get(id)).toBe(slot);
    expect(table.get('org-none')).toBeUndefined();
    expect(table.delete('org-none')).toBe(false);
  });

  it('is rebuilt from the live slots after a restore, and empties', () => {
    const ids = new IdColumn();
    ['a', 'b', 'a', 'c'].forEach((id) => ids.push(id));
    const table = new SlotTable(() => ids);
    table.rebuild(4, new Uint8Array([0, 1, 1, 1]));
    expect([table.get('a'), table.get('b'), table.get('c'), table.size]).toEqual([2, 1, 3, 3]);
    table.clear();
    expect([table.has('a'), table.size]).toEqual([false, 0]);
  });
});
