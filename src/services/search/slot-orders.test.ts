import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DirectoryOrders } from './slot-orders.js';
import { idOrder } from './ordering.js';

// Orders are kept as slots are added, batch by batch (a refresh's writes), each batch merged into the
// order in place: after every batch, every order must be the one a full sort gives.
describe('DirectoryOrders', () => {
  it('keeps each order equal to a full sort as batches of slots are added', () => {
    const organisation = fc.record({
      name: fc.constantFrom('alpha', 'bravo', 'charlie', 'delta', 'echo', 'аист', 'ёж'),
      created: fc.integer({ min: 0, max: 5 }),
    });
    fc.assert(
      fc.property(fc.array(fc.array(organisation, { maxLength: 40 }), { minLength: 1, maxLength: 8 }), (batches) => {
        const orders = new DirectoryOrders();
        const ids: string[] = [];
        const names: string[] = [];
        const created: number[] = [];
        for (const batch of batches) {
          for (const o of batch) {
            const slot = ids.length;
            // ids in no particular order, so that ties by id are not ties by slot
            ids.push(`id-${(slot * 7919) % 1009}-${slot}`);
            names.push(o.name);
            created.push(o.created);
            orders.add(slot, { ru: o.name, fr: o.name, en: o.name }, o.created);
          }
          const slots = [...ids.keys()];
          const byName = [...slots].sort((a, b) => (names[a] !== names[b] ? (names[a]! < names[b]! ? -1 : 1) : ids[a]! < ids[b]! ? -1 : 1));
          const newest = [...slots].sort((a, b) => (created[a] !== created[b] ? created[b]! - created[a]! : ids[a]! < ids[b]! ? -1 : 1));
          expect([...orders.slots({ sort: 'name', lang: 'fr' }, idOrder(ids))]).toEqual(byName);
          expect([...orders.slots({ sort: 'newest' }, idOrder(ids))]).toEqual(newest);
        }
      }),
      { numRuns: 200 },
    );
  });
});
