import type { AreaRow } from './area.repository.js';
import type { RegionRow } from './region.repository.js';

/**
 * Regions and areas of cooperation, read once a process: they change only when the shipped reference
 * data is applied (at start, `services/reference-data.ts`), and a search or a suggestion checked and
 * expanded them in three statements of its own (~3.5 ms on PGlite). Shared by a database's repositories
 * and those of its transactions; a write empties it.
 */
export class ReferenceCache {
  private regionRows: Promise<RegionRow[]> | undefined;
  private areaRows: Promise<AreaRow[]> | undefined;

  regions(read: () => PromiseLike<RegionRow[]>): Promise<RegionRow[]> {
    return (this.regionRows ??= this.remember(read(), () => (this.regionRows = undefined)));
  }

  areas(read: () => PromiseLike<AreaRow[]>): Promise<AreaRow[]> {
    return (this.areaRows ??= this.remember(read(), () => (this.areaRows = undefined)));
  }

  clear(): void {
    this.regionRows = undefined;
    this.areaRows = undefined;
  }

  /**
   * The read's result, kept. A query builder runs again at every await, so it is run once into a promise
   * here; a failed read is not kept, so the next caller reads again.
   */
  private remember<T>(read: PromiseLike<T>, forget: () => void): Promise<T> {
    const rows = Promise.resolve(read);
    rows.catch(forget);
    return rows;
  }
}
